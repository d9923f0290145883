package textcount

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"
)

// The URL pattern is a documented simplification of twitter-text's:
//
//   - a scheme URL is http:// or https:// followed by a host of dotted
//     labels (letters of any script, digits, hyphens), an optional port and
//     an optional path;
//   - a bare domain is one or more dotted ASCII labels ending in a
//     top-level domain that the Public Suffix List lists
//     (so "example.org" and "example.co.nz" count but "index.js" does not),
//     with an optional port and path;
//   - a path runs over printable ASCII (except < > and "), Latin letters
//     with diacritics and Cyrillic; it stops at spaces and at other scripts;
//   - a URL does not follow @, # or $ (nor their full-width forms), and a
//     bare domain does not follow - _ . or /, so e-mail addresses, handles,
//     hashtags and file paths are not URLs;
//   - trailing sentence punctuation is not part of a URL, and a closing
//     bracket only is when it balances an opening one inside the URL.
//
// Unlike twitter-text it does not drop one-letter domains under a country
// TLD ("a.de"); such a false positive counts 23 instead of a few characters,
// so a post that fits by this count also fits on X.
const (
	pathChar = `[!#-;=?-~\x{00C0}-\x{024F}\x{0400}-\x{04FF}]`
	label    = `[\pL\pN](?:[\pL\pN-]*[\pL\pN])?`
	ascLabel = `[a-z0-9](?:[a-z0-9-]*[a-z0-9])?`
	port     = `(?::[0-9]{1,5})?`
	path     = `(?:[/?#]` + pathChar + `*)?`
)

var (
	schemeURL = regexp.MustCompile(`(?i)^https?://`)
	urlRE     = regexp.MustCompile(`(?i)` +
		`\bhttps?://` + label + `(?:\.` + label + `)+` + port + path +
		`|` +
		`\b(?:` + ascLabel + `\.)+([a-z]{2,63})\b` + port + path)
)

// URLs returns the byte ranges [start, end) of the URLs in s that X would
// shorten, in order. The pattern is a simplification of twitter-text's,
// described in this file.
func URLs(s string) [][2]int {
	var urls [][2]int
	for _, m := range urlRE.FindAllStringSubmatchIndex(s, -1) {
		start, end := m[0], m[1]
		scheme := schemeURL.MatchString(s[start:end])
		if !scheme && !isTLD(s[m[2]:m[3]]) {
			continue
		}
		if invalidBefore(s[:start], scheme) {
			continue
		}
		urls = append(urls, [2]int{start, start + trimmedLen(s[start:end])})
	}
	return urls
}

// isTLD reports whether label is a top-level domain run by ICANN.
func isTLD(label string) bool {
	_, icann := publicsuffix.PublicSuffix(strings.ToLower(label))
	return icann
}

// invalidBefore reports whether the text before a URL candidate makes it
// part of something else: an address, a handle, a hashtag or a path.
func invalidBefore(before string, scheme bool) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	if strings.ContainsRune("@#$＠＃", r) {
		return true
	}
	return !scheme && strings.ContainsRune("-_./", r)
}

// trimmedLen returns the length of u without trailing punctuation that
// belongs to the sentence rather than the URL. A closing bracket stays when
// it closes one opened inside u.
func trimmedLen(u string) int {
	parens := strings.Count(u, "(") - strings.Count(u, ")")
	squares := strings.Count(u, "[") - strings.Count(u, "]")
	for n := len(u); n > 0; n-- {
		switch c := u[n-1]; {
		case strings.IndexByte(`.,;:!?'"*`, c) >= 0:
		case c == ')' && parens < 0:
			parens++
		case c == ']' && squares < 0:
			squares++
		default:
			return n
		}
	}
	return 0
}
