package linkedin

import (
	"fmt"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
	"github.com/connections/postgate/publishers/textcount"
)

// LinkedIn's limits for an organisation post.
const (
	// MaxCommentary is the longest commentary, in UTF-16 code units after
	// escaping (the commonly cited 3,000 characters; verify).
	MaxCommentary = 3000
	// MaxImages is the most images in one multi-image post (verify).
	MaxImages = 20
	// MaxAltText is the longest alt text of one image, in characters (verify).
	MaxAltText = 4086
	// MaxPixels bounds width × height of an image: it must be below this.
	MaxPixels = 36_152_320
)

// allowedTypes are the image types the Images API accepts.
var allowedTypes = map[string]bool{"image/jpeg": true, "image/png": true, "image/gif": true}

// Preflight reports what LinkedIn would refuse in c, reading only the local
// image files. It uses no settings, so a zero Publisher can run it (the
// check command does, without credentials).
func (p *Publisher) Preflight(c postgate.Content) []publishers.Problem {
	var probs []publishers.Problem
	text := commentary(c)
	if text == "" && len(c.Media) == 0 {
		probs = append(probs, publishers.Problem{Field: "text", Message: "the post has neither text nor an image"})
	}
	if n := textcount.UTF16(text); n > MaxCommentary {
		probs = append(probs, publishers.Problem{Field: "text", Message: fmt.Sprintf(
			"the text is %d characters as LinkedIn counts them; the limit is %d", n, MaxCommentary)})
	}
	if len(c.Media) > MaxImages {
		probs = append(probs, publishers.Problem{Field: "media", Message: fmt.Sprintf(
			"%d images; LinkedIn takes at most %d in one post", len(c.Media), MaxImages)})
	}
	for i, m := range c.Media {
		field := fmt.Sprintf("media[%d]", i)
		for _, msg := range imageProblems(m) {
			probs = append(probs, publishers.Problem{Field: field, Message: msg})
		}
	}
	return probs
}

// imageProblems checks one image's file and alt text.
func imageProblems(m postgate.Media) []string {
	var msgs []string
	if n := len([]rune(m.Alt)); n > MaxAltText {
		msgs = append(msgs, fmt.Sprintf("the alt text is %d characters; LinkedIn takes at most %d", n, MaxAltText))
	}
	img, err := media.Load(m.File)
	if err != nil {
		return append(msgs, fmt.Sprintf("%s cannot be read as an image: %v", m.Path, err))
	}
	if !allowedTypes[img.MIME] {
		msgs = append(msgs, fmt.Sprintf("%s is %s; LinkedIn takes JPEG, PNG or GIF", m.Path, img.MIME))
	}
	if px := img.Width * img.Height; px >= MaxPixels {
		msgs = append(msgs, fmt.Sprintf("%s has %d pixels (%d×%d); LinkedIn takes fewer than %d",
			m.Path, px, img.Width, img.Height, MaxPixels))
	}
	return msgs
}
