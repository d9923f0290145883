package lifake

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reservedChars are the characters the little text format gives a meaning to.
const reservedChars = `\|{}@[]()<>#*_~`

var (
	urlPrefix = regexp.MustCompile(`^(?i:https?://|www\.)`)
	mention   = regexp.MustCompile(`^@\[([^\]\\]*)\]\((urn:li:(?:person|organization):[0-9]+)\)`)
)

// Render returns commentary as LinkedIn would show it: escapes resolved,
// hashtags, mentions and URLs kept, and the text cut short at the first
// reserved character that is none of these, which the real API does
// silently. cut reports whether that happened.
func Render(commentary string) (text string, cut bool) {
	var b strings.Builder
	s := commentary
	for i := 0; i < len(s); {
		switch {
		case startsWord(s, i) && urlPrefix.MatchString(s[i:]):
			// A URL runs to the next space or backslash.
			n := strings.IndexFunc(s[i:], func(r rune) bool { return unicode.IsSpace(r) || r == '\\' })
			if n < 0 {
				n = len(s) - i
			}
			b.WriteString(s[i : i+n])
			i += n
		case s[i] == '\\':
			if i+1 >= len(s) || !strings.ContainsRune(reservedChars, rune(s[i+1])) {
				return b.String(), true
			}
			b.WriteByte(s[i+1])
			i += 2
		case s[i] == '#':
			n := 1
			for _, r := range s[i+1:] {
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
					break
				}
				n += utf8.RuneLen(r)
			}
			if n == 1 {
				return b.String(), true
			}
			b.WriteString(s[i : i+n])
			i += n
		case s[i] == '@':
			m := mention.FindStringSubmatch(s[i:])
			if m == nil {
				return b.String(), true
			}
			b.WriteString(m[1])
			i += len(m[0])
		case strings.IndexByte(reservedChars, s[i]) >= 0:
			return b.String(), true
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String(), false
}

// startsWord reports whether s[i] is at the start of s or follows a rune
// that is not part of a word.
func startsWord(s string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && r != '_'
}
