package x

import (
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
	"github.com/connections/postgate/publishers/textcount"
)

// X's limits for one post.
const (
	maxImages     = 4
	maxImageBytes = 5 << 20
	maxAltText    = 1000
)

var imageTypes = []string{media.JPEG, media.PNG, media.GIF, media.WebP}

// Preflight reports what X would refuse in c, reading only the local media
// files: weighted length over 280 (links count 23), no text and no image,
// more than four images or a GIF with others, a type other than JPEG, PNG,
// GIF or WebP, an image over 5 MB after metadata is stripped, and alt text
// missing or over 1,000 characters.
func (p *Publisher) Preflight(c postgate.Content) []publishers.Problem {
	probs := checkText(c)
	for i, m := range c.Media {
		if m.Alt == "" {
			probs = append(probs, publishers.Problem{Field: fmt.Sprintf("media[%d]", i),
				Message: m.Path + " has no alt text; X reads it to people who cannot see the image"})
		}
	}
	_, mediaProbs := loadImages(c.Media)
	return append(probs, mediaProbs...)
}

// checkText checks the text X would receive.
func checkText(c postgate.Content) []publishers.Problem {
	text := postText(c)
	if text == "" && len(c.Media) == 0 {
		return []publishers.Problem{{Field: "text", Message: "X needs text or an image"}}
	}
	if n := textcount.X(text); n > textcount.XLimit {
		return []publishers.Problem{{Field: "text", Message: fmt.Sprintf(
			"X allows %d characters (each link counts %d); this post has %d",
			textcount.XLimit, textcount.XURLLength, n)}}
	}
	return nil
}

// loadImages reads every image with its metadata stripped and checks it
// against the limits X enforces. (Missing alt text is only a Preflight
// problem: X accepts it, so Publish does not refuse it.)
func loadImages(ms []postgate.Media) ([]media.Image, []publishers.Problem) {
	var probs []publishers.Problem
	if len(ms) > maxImages {
		probs = append(probs, publishers.Problem{Field: "media", Message: fmt.Sprintf(
			"X takes at most %d images in one post; this post has %d", maxImages, len(ms))})
	}
	imgs := make([]media.Image, len(ms))
	for i, m := range ms {
		field := fmt.Sprintf("media[%d]", i)
		problem := func(format string, args ...any) {
			probs = append(probs, publishers.Problem{Field: field, Message: fmt.Sprintf(format, args...)})
		}
		if n := utf8.RuneCountInString(m.Alt); n > maxAltText {
			problem("alt text of %s has %d characters; X allows %d", m.Path, n, maxAltText)
		}
		img, err := media.Load(m.File)
		if err != nil {
			problem("cannot read %s: %v", m.Path, err)
			continue
		}
		imgs[i] = img
		switch {
		case !slices.Contains(imageTypes, img.MIME):
			problem("%s is %s; X takes JPEG, PNG, GIF or WebP", m.Path, img.MIME)
		case len(img.Data) > maxImageBytes:
			problem("%s is %.1f MB; X takes images up to 5 MB", m.Path, float64(len(img.Data))/(1<<20))
		case img.MIME == media.GIF && len(ms) > 1:
			problem("%s is a GIF; X posts a GIF only on its own", m.Path)
		}
	}
	return imgs, probs
}
