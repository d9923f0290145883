package instagram

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
	"github.com/connections/postgate/publishers/textcount"
)

// Instagram's documented limits (platform-apis.md §3.2).
const (
	maxCaption  = 2200    // characters; counted here in UTF-16 units, the strictest reading
	maxHashtags = 30      // #tags per caption
	maxMentions = 20      // @-tags per caption
	maxAltText  = 1000    // characters of alt_text
	maxBytes    = 8 << 20 // bytes per image
	maxImages   = 10      // images per post: one, or a carousel of up to 10
)

var (
	hashtagRE = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_&/])#[\p{L}\p{M}\p{N}_]+`)
	mentionRE = regexp.MustCompile(`(?:^|[^\p{L}\p{N}_.])@[A-Za-z0-9._]+`)
)

// Preflight reports why Instagram would refuse c: a caption over 2,200
// characters, 30 hashtags or 20 @-tags; no image (Instagram has no
// text-only posts) or more than 10 (a carousel's limit); an image that is
// not a JPEG, is over 8 MiB or is outside the aspect ratios 4:5 to 1.91:1;
// alt text over 1,000 characters. Image widths outside 320–1440 px are
// scaled by Instagram and are not a problem. Preflight uses no settings:
// the zero Publisher runs it.
func (p *Publisher) Preflight(c postgate.Content) []publishers.Problem {
	return append(captionProblems(caption(c)), mediaProblems(c)...)
}

func captionProblems(s string) []publishers.Problem {
	var out []publishers.Problem
	add := func(format string, args ...any) {
		out = append(out, publishers.Problem{Field: "text", Message: fmt.Sprintf(format, args...)})
	}
	if n := textcount.UTF16(s); n > maxCaption {
		add("the caption is %d characters long; Instagram allows %d (emoji count as 2)", n, maxCaption)
	}
	if n := len(hashtagRE.FindAllString(s, -1)); n > maxHashtags {
		add("the caption has %d hashtags; Instagram allows %d", n, maxHashtags)
	}
	if n := len(mentionRE.FindAllString(s, -1)); n > maxMentions {
		add("the caption tags %d accounts with @; Instagram allows %d", n, maxMentions)
	}
	return out
}

// mediaProblems checks the image count and each image file.
func mediaProblems(c postgate.Content) []publishers.Problem {
	switch {
	case len(c.Media) == 0:
		return []publishers.Problem{{Field: "media",
			Message: "Instagram posts need an image; add one JPEG to this post or leave Instagram out"}}
	case len(c.Media) > maxImages:
		return []publishers.Problem{{Field: "media",
			Message: fmt.Sprintf("an Instagram carousel holds at most %d images; this post has %d", maxImages, len(c.Media))}}
	}
	var out []publishers.Problem
	for i, m := range c.Media {
		field := fmt.Sprintf("media[%d]", i)
		for _, msg := range imageProblems(m) {
			out = append(out, publishers.Problem{Field: field, Message: msg})
		}
	}
	return out
}

// imageProblems checks one image against Instagram's feed-image limits.
func imageProblems(m postgate.Media) []string {
	var out []string
	if n := utf8.RuneCountInString(m.Alt); n > maxAltText {
		out = append(out, fmt.Sprintf("the alt text is %d characters long; Instagram allows %d", n, maxAltText))
	}
	img, err := media.Load(m.File)
	if err != nil {
		return append(out, fmt.Sprintf("%s cannot be used: %v", m.Path, err))
	}
	if img.MIME != media.JPEG {
		out = append(out, fmt.Sprintf("%s is %s; Instagram accepts only JPEG images",
			m.Path, strings.ToUpper(strings.TrimPrefix(img.MIME, "image/"))))
	}
	if len(img.Data) > maxBytes {
		out = append(out, fmt.Sprintf("%s is %.1f MB without metadata; Instagram allows 8 MB",
			m.Path, float64(len(img.Data))/(1<<20)))
	}
	w, h := img.Width, img.Height
	switch {
	case w*5 < h*4:
		out = append(out, fmt.Sprintf("%s is %d×%d, taller than 4:5; crop it to between 4:5 and 1.91:1", m.Path, w, h))
	case w*100 > h*191:
		out = append(out, fmt.Sprintf("%s is %d×%d, wider than 1.91:1; crop it to between 4:5 and 1.91:1", m.Path, w, h))
	}
	return out
}
