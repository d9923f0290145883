package linkedin

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
)

// Image processing states reported by GET /rest/images/{urn}.
const (
	statusAvailable        = "AVAILABLE"
	statusProcessing       = "PROCESSING"
	statusWaitingUpload    = "WAITING_UPLOAD"
	statusProcessingFailed = "PROCESSING_FAILED"
)

// uploadAll uploads every image, metadata stripped, and returns them as a
// post references them. No step posts anything, so every failure here is
// safe to retry.
func (p *Publisher) uploadAll(ctx context.Context, ms []postgate.Media) ([]image, error) {
	images := make([]image, 0, len(ms))
	for i, m := range ms {
		img, err := media.Load(m.File)
		if err != nil {
			return nil, p.fail(publishers.KindRejected, fmt.Sprintf("image %d (%s) cannot be read", i+1, m.Path), err)
		}
		if !allowedTypes[img.MIME] {
			return nil, p.fail(publishers.KindRejected, fmt.Sprintf("image %d (%s) is %s; LinkedIn takes JPEG, PNG or GIF", i+1, m.Path, img.MIME), nil)
		}
		urn, err := p.upload(ctx, img)
		if err != nil {
			return nil, fmt.Errorf("upload image %d: %w", i+1, err)
		}
		images = append(images, image{ID: urn, AltText: m.Alt})
	}
	return images, nil
}

// upload registers an image, PUTs its bytes and checks that LinkedIn has
// them, returning the image URN.
func (p *Publisher) upload(ctx context.Context, img media.Image) (string, error) {
	type request struct {
		Owner string `json:"owner"`
	}
	body := map[string]request{"initializeUploadRequest": {Owner: p.author}}
	c, err := p.jsonCall(http.MethodPost, "/rest/images?action=initializeUpload", body)
	if err != nil {
		return "", p.fail(publishers.KindPermanent, "", err)
	}
	a, err := p.do(ctx, c)
	if err != nil {
		return "", err
	}
	var got struct {
		Value struct {
			UploadURL string `json:"uploadUrl"`
			Image     string `json:"image"`
		} `json:"value"`
	}
	if err := json.Unmarshal(a.body, &got); err != nil || got.Value.UploadURL == "" || got.Value.Image == "" {
		return "", p.fail(publishers.KindTransient, "LinkedIn's initializeUpload answer has no upload URL", err)
	}
	put := call{method: http.MethodPut, url: got.Value.UploadURL, body: img.Data, contentType: img.MIME, upload: true}
	if _, err := p.do(ctx, put); err != nil {
		return "", err
	}
	return got.Value.Image, p.checkImage(ctx, got.Value.Image)
}

// checkImage reads the image's status once. Publish never waits, so an
// image still PROCESSING is posted as is (LinkedIn shows the post when the
// image is ready); one that failed processing or never arrived is an error.
func (p *Publisher) checkImage(ctx context.Context, urn string) error {
	a, err := p.do(ctx, call{method: http.MethodGet, url: p.base + "/rest/images/" + url.QueryEscape(urn)})
	if err != nil {
		return err
	}
	var got struct {
		Status string `json:"status"`
	}
	if err := json.Unmarshal(a.body, &got); err != nil {
		return p.fail(publishers.KindTransient, "LinkedIn's image status is unreadable", err)
	}
	switch got.Status {
	case statusAvailable, statusProcessing:
		return nil
	case statusProcessingFailed:
		return p.fail(publishers.KindRejected, "LinkedIn could not process the image", nil)
	default: // WAITING_UPLOAD: the bytes did not arrive
		return p.fail(publishers.KindTransient, "LinkedIn reports image "+got.Status, nil)
	}
}
