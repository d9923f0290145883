package mastodon

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"slices"
	"strings"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
)

// processingWait is how long after a 202 (still processing) the next
// attempt should come.
const processingWait = 10 * time.Second

// uploadAll uploads every image, metadata stripped, with its alt text,
// and returns the attachment ids. Nothing is posted yet, so every failure
// here is safe to retry.
func (p *Publisher) uploadAll(ctx context.Context, ms []postgate.Media) ([]string, error) {
	ids := make([]string, 0, len(ms))
	for i, m := range ms {
		img, err := media.Load(m.File)
		if err != nil {
			return nil, p.fail(publishers.KindRejected, fmt.Sprintf("image %d (%s) cannot be read", i+1, m.Path), err)
		}
		if !slices.Contains(imageTypes, img.MIME) {
			return nil, p.fail(publishers.KindRejected, fmt.Sprintf("image %d (%s) is %s; Mastodon takes JPEG, PNG, GIF or WebP", i+1, m.Path, img.MIME), nil)
		}
		id, err := p.upload(ctx, m, img)
		if err != nil {
			return nil, fmt.Errorf("upload image %d: %w", i+1, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// upload sends one image to POST /api/v2/media. A 202 answer means the
// instance is still processing it; Publish does not wait, so the attempt
// fails as KindTransient with RetryAt processingWait ahead (the next
// attempt uploads again; the unused attachment is cleaned up by the
// instance).
func (p *Publisher) upload(ctx context.Context, m postgate.Media, img media.Image) (string, error) {
	body, contentType, err := multipartImage(m, img)
	if err != nil {
		return "", p.fail(publishers.KindPermanent, "", err)
	}
	a, err := p.do(ctx, call{method: http.MethodPost, path: "/api/v2/media", body: body, contentType: contentType})
	if err != nil {
		return "", err
	}
	var att struct {
		ID  string  `json:"id"`
		URL *string `json:"url"`
	}
	if err := json.Unmarshal(a.body, &att); err != nil || att.ID == "" {
		return "", p.fail(publishers.KindTransient, "the instance's media answer is unreadable", err)
	}
	if a.status == http.StatusAccepted || att.URL == nil {
		return "", &publishers.Error{Platform: platform, Kind: publishers.KindTransient, Status: a.status,
			Message: "the instance is still processing the image", RetryAt: p.now().Add(processingWait)}
	}
	return att.ID, nil
}

// multipartImage returns the form for one upload: the file and its
// description (alt text).
func multipartImage(m postgate.Media, img media.Image) ([]byte, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	h := textproto.MIMEHeader{}
	// The file name is generic: a local path can say more than the post does.
	name := "image." + strings.TrimPrefix(img.MIME, "image/")
	h.Set("Content-Disposition", `form-data; name="file"; filename="`+name+`"`)
	h.Set("Content-Type", img.MIME)
	part, err := w.CreatePart(h)
	if err != nil {
		return nil, "", fmt.Errorf("multipart: %w", err)
	}
	if _, err := part.Write(img.Data); err != nil {
		return nil, "", fmt.Errorf("multipart: %w", err)
	}
	if m.Alt != "" {
		if err := w.WriteField("description", m.Alt); err != nil {
			return nil, "", fmt.Errorf("multipart: %w", err)
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", fmt.Errorf("multipart: %w", err)
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}
