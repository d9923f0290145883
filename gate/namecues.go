package gate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Cues that mark a capitalised run as a person's name when the name lists
// alone do not: a middle initial, words that are neither English nor known
// names, a verb or "from <organisation>" after the name, and accented
// spellings of listed names.

// middleInitial reports whether ws[i:end+1] reads as given name, middle
// initial, surname ("Faina D. Yefremova", "Nikolaj N Møller"): the outer
// words must not be ordinary English words ("Vitamin D. Sunlight").
func middleInitial(ws []word, i, end int) bool {
	if end != i+2 || !initial(ws[i+1].s) {
		return false
	}
	first, last := bare(ws[i].s), bare(ws[end].s)
	return (!common(first) || listed(names().commonFirst, first)) && !initial(last) && !common(last)
}

// unknownPair reports whether ws[i:end+1] are two or three capitalised
// words that are neither English words nor known names, as a given name and
// surname from outside the name lists read ("Alpatu Shervashidze").
func unknownPair(ws []word, i, end int) bool {
	if end == i || end > i+2 {
		return false
	}
	for j := i; j <= end; j++ {
		w := bare(ws[j].s)
		if initial(w) || strings.ToUpper(w) == w || common(w) {
			return false
		}
	}
	return true
}

// unknownWithPronoun reports whether ws[i] is a single capitalised word,
// neither an English word nor a known name, that starts a sentence as its
// subject in a post that speaks of one person as he or she ("Irenka is
// very reliable. You can always depend on him.").
func unknownWithPronoun(d *doc, ws []word, i, end int) bool {
	w := ws[i].s
	if end != i || !ws[i].lead || !subjectVerb(d.lower[ws[i].end:]) || !letters(w) || common(w) {
		return false
	}
	for _, t := range d.toks {
		switch t.s {
		case "he", "him", "his", "she", "her":
			return true
		}
	}
	return false
}

// subjectVerb reports whether rest starts with a verb that makes the word
// before it the subject of a sentence.
func subjectVerb(rest string) bool {
	for _, v := range []string{" is ", " was ", " has ", " had ", " does ", " did ", " will ", " can ", " always ", " never "} {
		if strings.HasPrefix(rest, v) {
			return true
		}
	}
	return false
}

// nameCueAfter reports whether the words after a capitalised run mark it as
// a person: "Jouko is from Gradiant Research", "Zargan Vedzizhev from
// Garcia-Roberson". The run must not be an ordinary word.
func nameCueAfter(d *doc, ws []word, end int) bool {
	after := d.text[ws[end].end:]
	for _, verb := range []string{" is", " was"} {
		after = strings.TrimPrefix(after, verb)
	}
	after, ok := strings.CutPrefix(after, " from ")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(after, "the "))
	return unicode.IsUpper(r) && !common(bare(ws[end].s))
}

// common reports whether w, lowered, is an ordinary English word. It lowers
// short ASCII words without allocating.
func common(w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return names().common[strings.ToLower(w)]
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return names().common[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return names().common[string(b)]
}

// lowerName returns how many words at ws[i] form a name written in lower
// case straight after "my name is" ("my name is borna jerković"), or 0. The
// words must not be ordinary English words.
func lowerName(d *doc, ws []word, i int) int {
	if i == 0 || !strings.HasSuffix(d.lower[max(0, ws[i].start-12):ws[i].start], "name is ") {
		return 0
	}
	n := 0
	for j := i; j < len(ws) && j < i+3; j++ {
		w := ws[j].s
		if !letters(w) || strings.ToLower(w) != w || names().common[w] || j > i && ws[j].start-ws[j-1].end != 1 {
			break
		}
		n++
	}
	return n
}

// listed reports whether w, or w with its accents removed ("Ágnes"), is in
// the name list m.
func listed(m map[string]bool, w string) bool {
	if m[w] {
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return m[foldAccents(w)]
		}
	}
	return false
}

// foldAccents removes the combining marks of w after canonical
// decomposition ("Földesy" becomes "Foldesy").
func foldAccents(w string) string {
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(w))
}
