package facebook

import (
	"errors"
	"fmt"
	"slices"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
	"github.com/connections/postgate/publishers/textcount"
)

// Limits checked before publishing.
const (
	// MaxText is the longest post message Facebook accepts, counted here in
	// UTF-16 code units, the stricter of the plausible counts (verify).
	MaxText = 63206
	// MaxImages is the most photos postgate attaches to one post. Graph
	// documents no number for attached_media; ten keeps to what Facebook's
	// composer shows as one set (verify).
	MaxImages = 10
	// MaxImageBytes is the largest photo, after metadata is stripped (verify).
	MaxImageBytes = 4 << 20
)

// acceptedTypes are the image types Facebook takes for Page photos that
// postgate can also strip: Facebook also takes BMP and TIFF (verify), but
// media.Load cannot remove their metadata, so they are refused here.
var acceptedTypes = []string{media.JPEG, media.PNG, media.GIF}

// Preflight reports what Facebook would refuse in c: an empty post, a
// message over MaxText, too many images, and images of the wrong type or
// size. It reads the image files and nothing else.
func (p *Publisher) Preflight(c postgate.Content) []publishers.Problem {
	var probs []publishers.Problem
	add := func(field, format string, args ...any) {
		probs = append(probs, publishers.Problem{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	text := c.Text
	if len(c.Media) > 0 {
		text = withLink(c.Text, c.Link) // photo posts carry the link in the message
	}
	if text == "" && c.Link == "" && len(c.Media) == 0 {
		add("text", "a Facebook post needs text, a link or an image")
	}
	if n := textcount.UTF16(text); n > MaxText {
		add("text", "the text is %d characters long; Facebook takes at most %d", n, MaxText)
	}
	if len(c.Media) > MaxImages {
		add("media", "the post has %d images; postgate sends at most %d to Facebook", len(c.Media), MaxImages)
	}
	for i, m := range c.Media {
		if msg := checkImage(m); msg != "" {
			add(fmt.Sprintf("media[%d]", i), "%s: %s", m.Path, msg)
		}
	}
	return probs
}

// checkImage returns why Facebook would refuse the image, or "".
func checkImage(m postgate.Media) string {
	img, err := media.Load(m.File)
	switch {
	case errors.Is(err, media.ErrUnsupported):
		return "not an image type postgate can send to Facebook (use JPEG, PNG or GIF)"
	case err != nil:
		return "cannot be read: " + err.Error()
	}
	if !slices.Contains(acceptedTypes, img.MIME) {
		return img.MIME + " is not accepted by Facebook (use JPEG, PNG or GIF)"
	}
	if len(img.Data) > MaxImageBytes {
		return fmt.Sprintf("the image is %.1f MB; Facebook takes at most 4 MB", float64(len(img.Data))/(1<<20))
	}
	return ""
}
