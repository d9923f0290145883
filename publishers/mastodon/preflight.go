package mastodon

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
	"github.com/connections/postgate/publishers/textcount"
)

// Mastodon's default limits (an instance may change the first and the
// last; GET /api/v2/instance reports them).
const (
	// DefaultMaxCharacters is the longest status, in grapheme clusters.
	DefaultMaxCharacters = 500
	// URLLength is what every URL counts, whatever its length.
	URLLength = 23
	// MaxImages is the most attachments on one status.
	MaxImages = 4
	// MaxImageBytes is the default image_size_limit: 16 MB.
	MaxImageBytes = 16 << 20
	// MaxAltText is the longest description of an attachment.
	MaxAltText = 1500
)

var imageTypes = []string{media.JPEG, media.PNG, media.GIF, media.WebP}

// remoteMention matches @user@domain; Mastodon counts only @user. The
// first group is the character before the @, which must not be part of a
// word or a URL.
var remoteMention = regexp.MustCompile(`(?i)(^|[^\w/=@])(@[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)@[\w.-]*\w`)

// Length returns the length Mastodon gives text: grapheme clusters, with
// every http(s) URL counted as URLLength and every remote mention
// @user@domain as @user.
func Length(text string) int {
	var b strings.Builder
	start := 0
	for _, u := range textcount.URLs(text) {
		s := text[u[0]:u[1]]
		if !strings.HasPrefix(strings.ToLower(s), "http://") && !strings.HasPrefix(strings.ToLower(s), "https://") {
			continue // Mastodon links only URLs with a scheme
		}
		b.WriteString(text[start:u[0]])
		b.WriteString(strings.Repeat("x", URLLength))
		start = u[1]
	}
	b.WriteString(text[start:])
	return textcount.Graphemes(remoteMention.ReplaceAllString(b.String(), "$1$2"))
}

// Preflight reports what Mastodon would refuse in c, reading only the
// local image files: a length over max_characters (default 500) by
// Length, no text and no image, more than four images, a type other than
// JPEG, PNG, GIF or WebP, an image over 16 MB after metadata is stripped,
// and alt text missing or over 1,500 characters. A zero Publisher checks
// against the defaults.
func (p *Publisher) Preflight(c postgate.Content) []publishers.Problem {
	probs := checkText(c, p.maxChars)
	if len(c.Media) > MaxImages {
		probs = append(probs, publishers.Problem{Field: "media", Message: fmt.Sprintf(
			"Mastodon takes at most %d images on one post; this post has %d", MaxImages, len(c.Media))})
	}
	for i, m := range c.Media {
		field := fmt.Sprintf("media[%d]", i)
		for _, msg := range imageProblems(m) {
			probs = append(probs, publishers.Problem{Field: field, Message: msg})
		}
	}
	return probs
}

// checkText checks the status text against limit (0 means the default).
func checkText(c postgate.Content, limit int) []publishers.Problem {
	if limit == 0 {
		limit = DefaultMaxCharacters
	}
	text := statusText(c)
	if strings.TrimSpace(text) == "" && len(c.Media) == 0 {
		return []publishers.Problem{{Field: "text", Message: "Mastodon needs text or an image"}}
	}
	if n := Length(text); n > limit {
		return []publishers.Problem{{Field: "text", Message: fmt.Sprintf(
			"Mastodon allows %d characters (each link counts %d); this post has %d", limit, URLLength, n)}}
	}
	return nil
}

// imageProblems checks one image's file and alt text.
func imageProblems(m postgate.Media) []string {
	var msgs []string
	switch n := len([]rune(m.Alt)); {
	case n == 0:
		msgs = append(msgs, m.Path+" has no alt text; Mastodon reads it to people who cannot see the image")
	case n > MaxAltText:
		msgs = append(msgs, fmt.Sprintf("the alt text of %s has %d characters; Mastodon allows %d", m.Path, n, MaxAltText))
	}
	img, err := media.Load(m.File)
	if err != nil {
		return append(msgs, fmt.Sprintf("cannot read %s: %v", m.Path, err))
	}
	switch {
	case !slices.Contains(imageTypes, img.MIME):
		msgs = append(msgs, fmt.Sprintf("%s is %s; Mastodon takes JPEG, PNG, GIF or WebP", m.Path, img.MIME))
	case len(img.Data) > MaxImageBytes:
		msgs = append(msgs, fmt.Sprintf("%s is %.1f MB; Mastodon takes images up to 16 MB", m.Path, float64(len(img.Data))/(1<<20)))
	}
	return msgs
}
