package linkedin

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// reserved are the characters LinkedIn's "little text" format gives a
// meaning to. Left bare, LinkedIn may accept the post and cut it short at
// the first one, so Escape puts a backslash before each.
const reserved = `\|{}@[]()<>#*_~`

// Escape returns s as LinkedIn commentary in the little text format: every
// reserved character is backslash-escaped, except the # of a hashtag and
// anything inside a URL, so that hashtags and links keep working.
//
// A hashtag is # at the start of a word followed by letters and digits, at
// least one of them a letter ("#selfcare", "#2026goals"; not "C#" or "#1").
// A URL starts with http://, https:// or www. at the start of a word and
// runs to the next space or backslash, less trailing punctuation and
// unbalanced closing brackets, which are escaped like any other text.
func Escape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); {
		if n := urlLen(s, i); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		if n := hashtagLen(s, i); n > 0 {
			b.WriteString(s[i : i+n])
			i += n
			continue
		}
		// Reserved characters are ASCII, so a byte comparison never splits
		// a multi-byte rune: its bytes are all 0x80 or above.
		if strings.IndexByte(reserved, s[i]) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// Unescape undoes Escape: it drops the backslash before every reserved
// character. It is used to compare commentary read back from LinkedIn.
func Unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(reserved, s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// wordStart reports whether position i of s begins a word: it is the start
// of s or follows a rune that is neither a letter, a digit nor an underscore.
func wordStart(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r) && r != '_'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// hashtagLen returns the length in bytes of the hashtag starting at s[i],
// or 0 when there is none.
func hashtagLen(s string, i int) int {
	if s[i] != '#' || !wordStart(s, i) {
		return 0
	}
	n, letters := 1, 0
	for _, r := range s[i+1:] {
		if !isWordRune(r) {
			break
		}
		if unicode.IsLetter(r) {
			letters++
		}
		n += utf8.RuneLen(r)
	}
	if letters == 0 {
		return 0
	}
	return n
}

// schemes start a URL, compared without regard to case.
var schemes = []string{"https://", "http://", "www."}

// urlLen returns the length in bytes of the URL starting at s[i], or 0 when
// there is none.
func urlLen(s string, i int) int {
	rest := s[i:]
	n := schemeLen(rest)
	if n == 0 || n == len(rest) || !wordStart(s, i) {
		return 0
	}
	if r, _ := utf8.DecodeRuneInString(rest[n:]); unicode.IsSpace(r) {
		return 0
	}
	end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '\\' })
	if end < 0 {
		end = len(rest)
	}
	return len(trimURL(rest[:end]))
}

// schemeLen returns the length of the scheme s starts with, or 0.
func schemeLen(s string) int {
	if s == "" || (s[0]|0x20 != 'h' && s[0]|0x20 != 'w') {
		return 0 // the common case, decided without comparing strings
	}
	for _, p := range schemes {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return len(p)
		}
	}
	return 0
}

// closers pairs each closing bracket with its opening one.
var closers = map[byte]byte{')': '(', ']': '[', '}': '{', '>': '<'}

// trimURL drops what usually follows a URL rather than belonging to it:
// sentence punctuation, quotes, emphasis marks, and closing brackets that
// have no opening partner inside the URL ("(see https://a.org/x)").
func trimURL(u string) string {
	var count [256]int
	for i := 0; i < len(u); i++ {
		count[u[i]]++
	}
	for len(u) > 0 {
		last := u[len(u)-1]
		open, closer := closers[last]
		if strings.IndexByte(`.,;:!?'"*~`, last) < 0 && !(closer && count[open] < count[last]) {
			break
		}
		count[last]--
		u = u[:len(u)-1]
	}
	return u
}
