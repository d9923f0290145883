package publishers

import (
	"html"
	"strings"

	"github.com/connections/postgate/publishers/textcount"
)

// MatchLength is how many characters of normalised text reconciliation
// compares.
const MatchLength = 40

// MatchKey reduces a post's text to what survives the platforms' rewriting,
// for finding a post whose outcome was unknown among an account's recent
// posts: HTML entities unescaped (X and Mastodon escape &, < and >), links
// cut (they are shortened or rewritten), lower case, white space collapsed,
// and the first MatchLength characters kept.
func MatchKey(text string) string {
	text = html.UnescapeString(text)
	var b strings.Builder
	start := 0
	for _, u := range textcount.URLs(text) {
		b.WriteString(text[start:u[0]])
		b.WriteByte(' ')
		start = u[1]
	}
	b.WriteString(text[start:])
	key := []rune(strings.Join(strings.Fields(strings.ToLower(b.String())), " "))
	return string(key[:min(len(key), MatchLength)])
}
