package bluesky

import (
	"fmt"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
	"github.com/connections/postgate/publishers/textcount"
)

// Bluesky's limits for one post (the app.bsky.feed.post and
// app.bsky.embed.images lexicons).
const (
	// MaxGraphemes is the longest text, in grapheme clusters. URLs count
	// in full.
	MaxGraphemes = 300
	// MaxTextBytes is the longest text in UTF-8 bytes.
	MaxTextBytes = 3000
	// MaxImages is the most images in one post.
	MaxImages = 4
	// MaxImageBytes is the largest image blob.
	MaxImageBytes = 1_000_000
)

var imageTypes = []string{media.JPEG, media.PNG, media.WebP}

// Preflight reports what Bluesky would refuse in c, reading only the local
// image files: text over 300 graphemes or 3,000 bytes (links count in
// full), no text and no image, more than four images, a type other than
// JPEG, PNG or WebP, an image over 1,000,000 bytes after its metadata is
// stripped, and missing alt text. It uses no settings, so a zero
// Publisher can run it.
func (p *Publisher) Preflight(c postgate.Content) []publishers.Problem {
	probs := checkText(postText(c), len(c.Media))
	if len(c.Media) > MaxImages {
		probs = append(probs, publishers.Problem{Field: "media", Message: fmt.Sprintf(
			"Bluesky takes at most %d images in one post; this post has %d", MaxImages, len(c.Media))})
	}
	for i, m := range c.Media {
		field := fmt.Sprintf("media[%d]", i)
		problem := func(msg string) { probs = append(probs, publishers.Problem{Field: field, Message: msg}) }
		if m.Alt == "" {
			problem(m.Path + " has no alt text; Bluesky reads it to people who cannot see the image")
		}
		img, err := media.Load(m.File)
		if err != nil {
			problem(fmt.Sprintf("cannot read %s: %v", m.Path, err))
			continue
		}
		if msg := blobProblem(m, img); msg != "" {
			problem(msg)
		}
	}
	return probs
}

// checkText checks the text of a post with n images.
func checkText(text string, n int) []publishers.Problem {
	var probs []publishers.Problem
	if text == "" && n == 0 {
		return []publishers.Problem{{Field: "text", Message: "Bluesky needs text or an image"}}
	}
	if g := textcount.Graphemes(text); g > MaxGraphemes {
		probs = append(probs, publishers.Problem{Field: "text", Message: fmt.Sprintf(
			"Bluesky allows %d characters (links count in full); this post has %d", MaxGraphemes, g)})
	}
	if b := len(text); b > MaxTextBytes {
		probs = append(probs, publishers.Problem{Field: "text", Message: fmt.Sprintf(
			"Bluesky allows %d bytes of text; this post has %d", MaxTextBytes, b)})
	}
	return probs
}
