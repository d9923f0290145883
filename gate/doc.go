package gate

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// doc is one post text prepared for the rules.
type doc struct {
	text    string
	lower   string  // text with A-Z lowered; byte offsets are the same as text
	protect []span  // the practice's own staff names and contacts
	quotes  []span  // text inside quotation marks
	digits  bool    // whether the text has any digit
	gate    *Gate   // the gate checking this text
	staff   bool    // whether a word of a staff name appears
	public  bool    // whether a public figure or team member is named (set by names)
	ws      []word  // the words of text
	sens    []span  // the sentences of text, made on first use
	toks    []token // the words of lower, for lexicons
	needles []int32 // where each needle first ends in lower, or 0 (found.at)
	found   *found  // released when the check is done
	inSen   []uint8 // memo of allIn: lexicon id*len(sens)+sentence -> 0 unknown, 1 no, 2 yes
}

// tokensIn returns the tokens of the lowered text inside s.
func (d *doc) tokensIn(s span) []token {
	i := sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= s.start })
	j := sort.Search(len(d.toks), func(j int) bool { return d.toks[j].end > s.end })
	if j < i {
		return nil
	}
	return d.toks[i:j]
}

// match returns the first match of l in the whole text, or nil.
func (d *doc) match(l *lexicon) []int { return l.find(d.toks) }

// every returns the spans of all matches of l in the text.
func (d *doc) every(l *lexicon) []span {
	var out []span
	for i := 0; i < len(d.toks); i++ {
		if end, ok := l.at(d.toks[i:]); ok {
			out = append(out, span{d.toks[i].start, end})
		}
	}
	return out
}

// in reports whether a word of l appears inside s.
func (d *doc) in(l *lexicon, s span) bool { return l.find(d.tokensIn(s)) != nil }

// clause returns the bounds of the clause around byte offset i: the
// sentence cut at ; : , and dashes.
func (d *doc) clause(i int) span {
	sen := d.sentence(i)
	start := sen.start + strings.LastIndexAny(d.lower[sen.start:i], ";:,–—") + 1
	end := strings.IndexAny(d.lower[i:sen.end], ";:,–—")
	if end < 0 {
		return span{start, sen.end}
	}
	return span{start, i + end}
}

// sentences splits the text at . ! ? and line breaks.
func (d *doc) sentences() []span {
	if d.sens == nil {
		for i := 0; i <= len(d.lower); {
			s := d.sentence(i)
			if s.end > s.start {
				d.sens = append(d.sens, s)
			}
			i = s.end + 1
		}
	}
	return d.sens
}

func (g *Gate) newDoc(text string) *doc {
	d := &doc{text: text, lower: lowerASCII(text), gate: g}
	for _, list := range [][]string{g.staff, g.contacts} {
		for _, s := range list {
			for i := 0; ; {
				j := strings.Index(d.lower[i:], s)
				if j < 0 {
					break
				}
				d.protect = append(d.protect, span{i + j, i + j + len(s)})
				i += j + len(s)
			}
		}
	}
	d.ws = words(text)
	d.toks = tokens(d.lower)
	d.found = present(d.lower)
	d.needles = d.found.at
	for _, w := range d.ws {
		if g.staffWord[bare(w.s)] {
			d.staff = true
			break
		}
	}
	d.quotes = quoteSpans(text)
	d.digits = strings.ContainsAny(text, "0123456789")
	return d
}

// protected reports whether s lies inside the practice's own names or contacts.
func (d *doc) protected(s span) bool {
	for _, p := range d.protect {
		if p.overlaps(s) {
			return true
		}
	}
	return false
}

// quoted reports whether s lies inside a quotation.
func (d *doc) quoted(s span) bool {
	for _, q := range d.quotes {
		if q.contains(s) {
			return true
		}
	}
	return false
}

// all returns the spans of every match of re (written in lower case) in the
// lowered text.
func (d *doc) all(re *regexp.Regexp) []span {
	var out []span
	for _, m := range re.FindAllStringSubmatchIndex(d.lower, -1) {
		out = append(out, spanOf(m))
	}
	return out
}

// spanOf returns the first capture group of a match when it took part, and
// the whole match otherwise.
func spanOf(m []int) span {
	if len(m) >= 4 && m[2] >= 0 {
		return span{m[2], m[3]}
	}
	return span{m[0], m[1]}
}

// sentence returns the bounds of the sentence around byte offset i. A full
// stop ends a sentence only when a space, quote, bracket or the end follows,
// so "8.2" and "hello@x.example" stay whole.
func (d *doc) sentence(i int) span {
	start := 0
	for j := i - 1; j >= 0; j-- {
		if d.boundary(j) {
			start = j + 1
			break
		}
	}
	for j := i; j < len(d.lower); j++ {
		if d.boundary(j) {
			return span{start, j}
		}
	}
	return span{start, len(d.lower)}
}

func (d *doc) boundary(j int) bool {
	switch d.lower[j] {
	case '!', '?', '\n':
		return true
	case '.':
		if j+1 == len(d.lower) {
			return true
		}
		c := d.lower[j+1]
		return c == ' ' || c == '\n' || c == '"' || c == '\'' || c == ')' || c == '\r' || c == '\t' || c >= 0x80
	}
	return false
}

// negation words that, shortly before a phrase, reverse its meaning.
var negation = lex("no|not|never|none|discourage|discourages|forbid|forbids|prohibit|prohibits|don't|dont|do not|doesn't|does not|can't|cant|cannot|can not|won't|will not|isn't|aren't|shouldn't|should not|mustn't|must not|wouldn't|would not|please avoid|avoid|instead of|rather than|without")

// negated reports whether a negation appears in the same sentence within a
// few words before s.
func (d *doc) negated(s span) bool {
	from := max(d.sentence(s.start).start, s.start-40)
	return d.in(negation, span{from, s.start})
}

// lowerASCII lowers A-Z only, so that byte offsets are preserved.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; 'A' <= c && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// digitsOf returns the decimal digits of s.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if '0' <= r && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quoteSpans finds text between straight or curly double quotes, and
// between single quotes that open at the start of a word and close at the
// end of one ('like this'), so apostrophes are not taken for quotes.
func quoteSpans(text string) []span {
	var out []span
	open, single := -1, false
	prev := ' '
	for i, r := range text {
		switch {
		case open < 0 && (r == '“' || r == '"'):
			open, single = i, false
		case open < 0 && (r == '‘' || r == '\'') && !unicode.IsLetter(prev) && !unicode.IsDigit(prev):
			open, single = i, true
		case open >= 0 && !single && (r == '”' || r == '"'):
			out = append(out, span{open, i + utf8.RuneLen(r)})
			open = -1
		case open >= 0 && single && (r == '’' || r == '\'') && !letterAfter(text, i+utf8.RuneLen(r)):
			out = append(out, span{open, i + utf8.RuneLen(r)})
			open = -1
		}
		prev = r
	}
	return out
}

func letterAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && unicode.IsLetter(r)
}
