package gate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// lexicon is a set of words and short phrases matched on word boundaries.
// It answers the same questions as a regexp that is a plain alternation of
// words, but in one pass over the text with map lookups: Go's regexp engine
// is slow on long alternations. An entry ending in "*" matches any word that
// starts with it ("feel*" matches "feeling"). Text must be lower case.
type lexicon struct {
	exact   map[string]bool
	prefix  map[string]bool
	minStem int
	phrases map[string][][]string // multi-word entries by their first word
	id      int                   // index among all lexicons, for per-post memos
}

// lexicons counts the lexicons built so far (all at package init).
var lexicons int

// lex builds a lexicon from entries separated by "|".
func lex(spec string) *lexicon {
	l := &lexicon{exact: map[string]bool{}, prefix: map[string]bool{}, minStem: 1 << 30, phrases: map[string][][]string{}, id: lexicons}
	lexicons++
	for _, e := range strings.Split(spec, "|") {
		e = strings.TrimSpace(e)
		switch {
		case e == "":
		case strings.Contains(e, " "):
			f := strings.Fields(e)
			l.phrases[f[0]] = append(l.phrases[f[0]], f)
		case strings.HasSuffix(e, "*"):
			stem := strings.TrimSuffix(e, "*")
			l.prefix[stem] = true
			l.minStem = min(l.minStem, len(stem))
		default:
			l.exact[e] = true
		}
	}
	return l
}

// MatchString reports whether s contains an entry.
func (l *lexicon) MatchString(s string) bool { return l.FindStringIndex(s) != nil }

// FindStringIndex returns the byte range of the first entry in s, or nil.
func (l *lexicon) FindStringIndex(s string) []int {
	return l.find(tokens(s))
}

// find returns the byte range of the first entry in toks, or nil.
func (l *lexicon) find(toks []token) []int {
	for i, t := range toks {
		if l.word(t.s) {
			return []int{t.start, t.end}
		}
		for _, p := range l.phrases[t.s] {
			if end, ok := l.phrase(toks[i:], p); ok {
				return []int{t.start, end}
			}
		}
	}
	return nil
}

// at reports whether an entry starts at toks[0], and where it ends.
func (l *lexicon) at(toks []token) (int, bool) {
	if len(toks) == 0 {
		return 0, false
	}
	if l.word(toks[0].s) {
		return toks[0].end, true
	}
	for _, p := range l.phrases[toks[0].s] {
		if end, ok := l.phrase(toks, p); ok {
			return end, true
		}
	}
	return 0, false
}

func (l *lexicon) word(w string) bool {
	if l.exact[w] {
		return true
	}
	for n := l.minStem; n <= len(w) && len(l.prefix) > 0; n++ {
		if l.prefix[w[:n]] {
			return true
		}
	}
	return false
}

func (l *lexicon) phrase(toks []token, p []string) (int, bool) {
	if len(toks) < len(p) {
		return 0, false
	}
	for j, want := range p {
		got := toks[j].s
		if stem, ok := strings.CutSuffix(want, "*"); ok && j == len(p)-1 {
			if !strings.HasPrefix(got, stem) {
				return 0, false
			}
		} else if got != want {
			return 0, false
		}
	}
	return toks[len(p)-1].end, true
}

// token is one word of lower-case text: ASCII letters and digits, letters
// and digits of other scripts, and inner apostrophes and hyphens. Curly
// apostrophes are read as straight ones. Other punctuation and symbols
// (curly quotes, dashes, emoji) separate words, so "‘soon" is "soon".
type token struct {
	s          string
	start, end int
}

func tokens(s string) []token {
	var out []token
	for i := 0; i < len(s); {
		if n := wordRune(s, i); n < 0 {
			i -= n
			continue
		}
		j := i
		for j < len(s) {
			if c := s[j]; wordByte(c) { // the common case, kept inline
				j++
				continue
			}
			if n := innerMark(s, j); n > 0 {
				j += n
				continue
			}
			n := wordRune(s, j)
			if n < 0 {
				break
			}
			j += n
		}
		w := s[i:j]
		if strings.Contains(w, "’") {
			w = strings.ReplaceAll(w, "’", "'")
		}
		out = append(out, token{w, i, j})
		i = j
	}
	return out
}

// wordRune returns the length of the character at s[i] if it belongs in a
// word, and minus its length if it does not. Only non-ASCII bytes are
// decoded.
func wordRune(s string, i int) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if wordByte(c) {
			return 1
		}
		return -1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
		return n
	}
	return -n
}

// innerMark returns the length of an apostrophe or hyphen at s[j] that sits
// between a word and a following letter, and 0 otherwise.
func innerMark(s string, j int) int {
	n := 0
	switch {
	case strings.HasPrefix(s[j:], "’"):
		n = len("’")
	case s[j] == '\'' || s[j] == '-':
		n = 1
	}
	if n > 0 && j+n < len(s) && letterAt(s, j+n) {
		return n
	}
	return 0
}

func wordByte(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// letterAt reports whether a letter starts at s[i].
func letterAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}
