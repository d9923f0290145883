// Package linear holds the text features and the linear model behind the
// gate's learned classifier. Package gate scores posts with it; the trainer
// in the parent directory fits it. Both must see exactly the same features,
// which is why they live here, in one place.
package linear

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalisation tokens stand for a kind of text rather than its words.
const (
	tokNum     = "<num>"     // a number
	tokPct     = "<pct>"     // a percentage
	tokMoney   = "<money>"   // an amount of money
	tokRatio   = "<ratio>"   // 5/5, 9/10, 24/7
	tokDec     = "<dec>"     // 4.9, 9.6
	tokYear    = "<year>"    // 1900 to 2099
	tokPhone   = "<phone>"   // seven or more digits in groups
	tokEmail   = "<email>"   // an email address
	tokURL     = "<url>"     // a link or bare domain
	tokHandle  = "<handle>"  // @someone
	tokHashtag = "<hashtag>" // #something (the tag's word is kept too)
	tokQuote   = "<quote>"   // a quotation mark
	tokStar    = "<star>"    // ★ ⭐ and friends
	tokEmoji   = "<emoji>"   // any other pictograph
	tokDash    = "<dash>"    // a free-standing dash, as before an attribution
	tokCap     = "<cap>"     // a capitalised word inside a sentence: name-like
	tokCaps    = "<caps>"    // a word in capitals
)

// Token is one unit of a post for the model: a lower-cased word, "?" or
// "!", or a normalisation token, with its byte span in the original text.
type Token struct {
	Text       string // lower-cased word or normalisation token
	Extra      string // a second feature for the same span (<cap>, <caps>, the word of a hashtag), or ""
	Start, End int    // byte span in the original text
	Sentence   int    // index of the sentence the token belongs to
}

// Tokens splits text into the model's tokens. It never fails: text it does
// not understand is skipped.
func Tokens(text string) []Token {
	t := tokenizer{text: text, lower: lowerASCII(text), lead: true}
	t.out = make([]Token, 0, len(text)/5+1)
	for t.i < len(text) {
		t.next()
	}
	return t.out
}

type tokenizer struct {
	text, lower string
	i           int  // byte position
	sentence    int  // current sentence index
	lead        bool // the next word starts a sentence
	out         []Token
}

func (t *tokenizer) emit(text, extra string, start, end int) {
	t.out = append(t.out, Token{Text: text, Extra: extra, Start: start, End: end, Sentence: t.sentence})
}

// endSentence starts a new sentence if the current one has any tokens.
func (t *tokenizer) endSentence() {
	if n := len(t.out); n > 0 && t.out[n-1].Sentence == t.sentence {
		t.sentence++
	}
	t.lead = true
}

func (t *tokenizer) next() {
	r, n := utf8.DecodeRuneInString(t.text[t.i:])
	switch {
	case r == '\n':
		t.endSentence()
		t.i += n
	case unicode.IsSpace(r):
		t.i += n
	case t.chunk():
		// a link, address, handle or hashtag, consumed whole
	case unicode.IsLetter(r):
		t.word()
	case t.digitAt(t.i) || r == '+' && t.digitAt(t.i+n):
		t.number()
	default:
		t.symbol(r, n)
	}
}

// chunk consumes a whitespace-delimited chunk that is a URL, email, handle
// or hashtag, and reports whether it did.
func (t *tokenizer) chunk() bool {
	if t.i > 0 {
		if p, _ := utf8.DecodeLastRuneInString(t.text[:t.i]); !unicode.IsSpace(p) && !strings.ContainsRune("(\"“'‘", p) {
			return false
		}
	}
	end := t.i + strings.IndexFunc(t.text[t.i:], unicode.IsSpace)
	if end < t.i {
		end = len(t.text)
	}
	if !strings.ContainsAny(t.text[t.i:end], "@#./") {
		return false // the common case: an ordinary word
	}
	core := strings.TrimRight(t.lower[t.i:end], ".,;:!?)\"”'’")
	stop := t.i + len(core)
	kind, extra := "", ""
	switch {
	case len(core) > 1 && core[0] == '@':
		kind = tokHandle
	case len(core) > 1 && core[0] == '#':
		kind, extra = tokHashtag, strings.TrimLeft(core, "#")
	case strings.Contains(core, "://") || strings.HasPrefix(core, "www."):
		kind = tokURL
	case isEmail(core):
		kind = tokEmail
	case looksLikeDomain(core):
		kind = tokURL
	default:
		return false
	}
	t.emit(kind, extra, t.i, stop)
	t.i = stop
	return true
}

// isEmail reports whether s looks like name@domain.tld.
func isEmail(s string) bool {
	user, host, ok := strings.Cut(s, "@")
	return ok && user != "" && strings.Contains(host, ".")
}

// looksLikeDomain reports whether s is a bare domain or link such as
// nhs.uk or g.page/practice/review.
func looksLikeDomain(s string) bool {
	host, _, path := strings.Cut(s, "/")
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || dot == len(host)-1 {
		return false
	}
	for _, r := range host {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-') {
			return false
		}
	}
	if path {
		return true
	}
	switch host[dot+1:] {
	case "com", "org", "uk", "net", "io", "gov", "int", "example", "co", "info", "me", "ly":
		return true
	}
	return false
}

// word consumes letters, digits and inner apostrophes.
func (t *tokenizer) word() {
	start := t.i
	for t.i < len(t.text) {
		r, n := utf8.DecodeRuneInString(t.text[t.i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			t.i += n
			continue
		}
		if (r == '\'' || r == '’') && t.letterAt(t.i+n) {
			t.i += n
			continue
		}
		break
	}
	w := t.text[start:t.i]
	extra := ""
	first, _ := utf8.DecodeRuneInString(w)
	switch {
	case len(w) > 1 && capitals(w):
		extra = tokCaps
	case len(w) > 1 && unicode.IsUpper(first) && !t.lead:
		extra = tokCap
	}
	t.emit(t.lower[start:t.i], extra, start, t.i)
	t.lead = false
}

// capitals reports whether w has upper-case letters and no lower-case ones.
func capitals(w string) bool {
	upper := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}

// number consumes a number, a percentage, an amount of money or a phone
// number written in groups.
func (t *tokenizer) number() {
	start := t.i
	digits := t.digitRun()
	end := t.i
	for digits < 11 && t.i+1 < len(t.text) && (t.text[t.i] == ' ' || t.text[t.i] == '-') && t.digitAt(t.i+1) {
		t.i++
		digits += t.digitRun()
	}
	if digits >= 7 {
		t.emit(tokPhone, "", start, t.i)
		return
	}
	t.i = end
	s := t.text[start:end]
	kind := tokNum
	switch {
	case strings.HasPrefix(t.text[end:], "%"):
		kind, t.i = tokPct, end+1
	case strings.ContainsRune(s, '/'):
		kind = tokRatio
	case strings.ContainsRune(s, '.'):
		kind = tokDec
	case len(s) == 4 && (strings.HasPrefix(s, "19") || strings.HasPrefix(s, "20")):
		kind = tokYear
	}
	if p, _ := utf8.DecodeLastRuneInString(t.text[:start]); p == '£' || p == '$' || p == '€' {
		kind = tokMoney
	}
	t.emit(kind, "", start, t.i)
}

// digitRun consumes digits joined by . , / : and a leading +, and returns
// how many digits it read.
func (t *tokenizer) digitRun() int {
	n := 0
	if t.text[t.i] == '+' {
		t.i++
	}
	for t.i < len(t.text) {
		c := t.text[t.i]
		switch {
		case c >= '0' && c <= '9':
			n++
			t.i++
		case strings.IndexByte(".,/:", c) >= 0 && t.digitAt(t.i+1):
			t.i++
		default:
			return n
		}
	}
	return n
}

// symbol handles one character that is neither a letter nor a digit.
func (t *tokenizer) symbol(r rune, n int) {
	start := t.i
	t.i += n
	switch {
	case r == '.' || r == '…' || r == '?' || r == '!':
		if r == '?' || r == '!' {
			t.emit(string(r), "", start, t.i)
		}
		if q, n := utf8.DecodeRuneInString(t.text[t.i:]); strings.ContainsRune("\"”’'", q) {
			t.emit(tokQuote, "", t.i, t.i+n) // a closing quote belongs to the sentence it closes
			t.i += n
		}
		if t.i >= len(t.text) || t.spaceAt(t.i) {
			t.endSentence()
		}
	case strings.ContainsRune("\"“”„«»‘’'", r):
		t.emit(tokQuote, "", start, t.i)
	case strings.ContainsRune("★☆⭐✩✪✯✰🌟", r):
		t.run(tokStar, start, func(r rune) bool { return strings.ContainsRune("★☆⭐✩✪✯✰🌟\ufe0f", r) })
	case r == '—' || r == '–' || r == '-' && t.spaceAt(t.i) && start > 0 && t.spaceAt(start-1):
		t.emit(tokDash, "", start, t.i)
		t.lead = false // what follows a dash, such as a name, is inside a sentence
	case unicode.Is(unicode.So, r) || r >= 0x1F000:
		t.run(tokEmoji, start, func(r rune) bool {
			return unicode.Is(unicode.So, r) || r >= 0x1F000 || r == '\ufe0f' || r == '\u200d' || unicode.Is(unicode.Sk, r)
		})
	}
}

// run extends a token over following runes that satisfy same.
func (t *tokenizer) run(kind string, start int, same func(rune) bool) {
	for t.i < len(t.text) {
		r, n := utf8.DecodeRuneInString(t.text[t.i:])
		if !same(r) {
			break
		}
		t.i += n
	}
	if n := len(t.out); n > 0 && t.out[n-1].Text == kind && t.out[n-1].End == start {
		t.out[n-1].End = t.i
		return
	}
	t.emit(kind, "", start, t.i)
}

func (t *tokenizer) digitAt(i int) bool {
	return i < len(t.text) && t.text[i] >= '0' && t.text[i] <= '9'
}

func (t *tokenizer) spaceAt(i int) bool {
	r, _ := utf8.DecodeRuneInString(t.text[i:])
	return unicode.IsSpace(r)
}

func (t *tokenizer) letterAt(i int) bool {
	r, _ := utf8.DecodeRuneInString(t.text[i:])
	return i < len(t.text) && unicode.IsLetter(r)
}

// lowerASCII lowers A-Z only, so byte offsets stay the same as the input's.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if c := b[j]; c >= 'A' && c <= 'Z' {
					b[j] = c + 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
