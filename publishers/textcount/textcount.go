// Package textcount measures post text the way the platforms do: X's
// weighted length (twitter-text v3), user-perceived characters, and UTF-16
// code units.
package textcount

import (
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"
)

// XLimit is the largest weighted length X accepts in one post.
const XLimit = 280

// XURLLength is what every URL counts toward X's weighted length, because
// X wraps each one in a t.co link.
const XURLLength = 23

// Weights of twitter-text's v3 configuration, in hundredths of a character.
const (
	scale         = 100
	defaultWeight = 200
	emojiWeight   = 200
)

// lightRanges are the code point ranges twitter-text v3 weighs 100 (one
// character); every other code point weighs defaultWeight.
var lightRanges = [][2]rune{
	{0x0000, 0x10FF},
	{0x2000, 0x200D},
	{0x2010, 0x201F},
	{0x2032, 0x2037},
}

// X returns the weighted length X uses for s, to compare against XLimit.
// Following twitter-text v3: the text is NFC-normalised; every URL found by
// URLs counts XURLLength; an emoji sequence counts 2; a code point in
// U+0000–U+10FF, U+2000–U+200D, U+2010–U+201F or U+2032–U+2037 counts 1 and
// any other counts 2.
//
// An emoji sequence is a grapheme cluster of several code points that holds
// an emoji component (ZWJ, VS16, a skin tone, a keycap, a regional
// indicator or a tag) and does not start with a letter or mark, so flags,
// families and skin-toned emoji count 2 while Indic conjuncts that use ZWJ
// are weighed per code point. A lone pictograph is weighed by its code
// point, which gives 2 for every emoji above U+10FF and 1 for a bare © or ®.
func X(s string) int {
	s = norm.NFC.String(s)
	weight := 0
	start := 0
	for _, u := range URLs(s) {
		weight += textWeight(s[start:u[0]]) + XURLLength*scale
		start = u[1]
	}
	weight += textWeight(s[start:])
	return weight / scale
}

// textWeight returns the twitter-text weight of s, which holds no URL.
func textWeight(s string) int {
	weight := 0
	state := -1
	var cluster string
	for s != "" {
		cluster, s, _, state = uniseg.FirstGraphemeClusterInString(s, state)
		if isEmojiSequence(cluster) {
			weight += emojiWeight
			continue
		}
		for _, r := range cluster {
			weight += runeWeight(r)
		}
	}
	return weight
}

func runeWeight(r rune) int {
	for _, lr := range lightRanges {
		if lr[0] <= r && r <= lr[1] {
			return scale
		}
	}
	return defaultWeight
}

// isEmojiSequence reports whether the grapheme cluster c is a multi-code
// point emoji: see X.
func isEmojiSequence(c string) bool {
	first, size := utf8.DecodeRuneInString(c)
	if size == len(c) || unicode.IsLetter(first) || unicode.IsMark(first) {
		return false
	}
	for _, r := range c {
		if isEmojiComponent(r) {
			return true
		}
	}
	return false
}

func isEmojiComponent(r rune) bool {
	switch {
	case r == 0x200D, // zero width joiner
		r == 0xFE0F,                  // variation selector 16, emoji presentation
		r == 0x20E3,                  // combining enclosing keycap
		0x1F3FB <= r && r <= 0x1F3FF, // skin tone modifiers
		0x1F1E6 <= r && r <= 0x1F1FF, // regional indicators (flags)
		0xE0020 <= r && r <= 0xE007F: // tags (subdivision flags)
		return true
	}
	return false
}

// Graphemes returns the number of user-perceived characters in s (extended
// grapheme clusters), as counted by platforms that limit "characters".
func Graphemes(s string) int {
	return uniseg.GraphemeClusterCount(s)
}

// UTF16 returns the number of UTF-16 code units in s, as counted by
// platforms whose limits come from JavaScript string lengths. An invalid
// UTF-8 byte counts as one unit (it decodes to U+FFFD).
func UTF16(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
