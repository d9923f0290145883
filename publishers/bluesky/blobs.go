package bluesky

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
)

// uploadAll uploads every image, metadata stripped, and returns them as
// the post embeds them. An unreferenced blob is deleted by the PDS after a
// while, so a failure here leaves nothing behind and is safe to retry.
func (p *Publisher) uploadAll(ctx context.Context, ms []postgate.Media) ([]image, error) {
	images := make([]image, 0, len(ms))
	for i, m := range ms {
		img, err := media.Load(m.File)
		if err != nil {
			return nil, p.fail(publishers.KindRejected, fmt.Sprintf("image %d (%s) cannot be read", i+1, m.Path), err)
		}
		if msg := blobProblem(m, img); msg != "" {
			return nil, p.fail(publishers.KindRejected, msg, nil)
		}
		blob, err := p.uploadBlob(ctx, img)
		if err != nil {
			return nil, fmt.Errorf("upload image %d: %w", i+1, err)
		}
		images = append(images, image{Alt: m.Alt, Image: blob,
			AspectRatio: aspectRatio{Width: img.Width, Height: img.Height}})
	}
	return images, nil
}

// blobProblem says why Bluesky would refuse img, or returns "".
func blobProblem(m postgate.Media, img media.Image) string {
	switch {
	case !slices.Contains(imageTypes, img.MIME):
		return fmt.Sprintf("%s is %s; Bluesky takes JPEG, PNG or WebP", m.Path, img.MIME)
	case len(img.Data) > MaxImageBytes:
		return fmt.Sprintf("%s is %d bytes without its metadata; Bluesky takes images up to %d", m.Path, len(img.Data), MaxImageBytes)
	case img.Width < 1 || img.Height < 1:
		return m.Path + " has no size"
	}
	return ""
}

// uploadBlob sends the image's bytes and returns the blob object exactly
// as the PDS described it, to be embedded as is.
func (p *Publisher) uploadBlob(ctx context.Context, img media.Image) (json.RawMessage, error) {
	c := call{method: http.MethodPost, nsid: "com.atproto.repo.uploadBlob", body: img.Data, contentType: img.MIME}
	body, err := p.call(ctx, c)
	if err != nil {
		return nil, err
	}
	var got struct {
		Blob json.RawMessage `json:"blob"`
	}
	if err := json.Unmarshal(body, &got); err != nil || len(got.Blob) == 0 {
		return nil, p.fail(publishers.KindTransient, "the PDS's uploadBlob answer is unreadable", err)
	}
	return got.Blob, nil
}
