package facebook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	fb "github.com/huandu/facebook/v2"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
)

// Publish posts req.Content to the Page in one attempt: a feed post for
// text and a link, a photo post for one image, and for several images an
// upload of each (unpublished) followed by a feed post that attaches them.
// Only the last request can publish, so only its failures may be
// KindUnknown.
func (p *Publisher) Publish(ctx context.Context, req publishers.Request) (publishers.Receipt, error) {
	c := req.Content
	images, err := loadImages(c.Media)
	if err != nil {
		return publishers.Receipt{}, err
	}
	var id string
	switch len(images) {
	case 0:
		id, err = p.postFeed(ctx, fb.Params{"message": c.Text, "link": c.Link})
	case 1:
		id, err = p.postPhoto(ctx, images[0], withLink(c.Text, c.Link))
	default:
		id, err = p.postAlbum(ctx, images, withLink(c.Text, c.Link))
	}
	if err != nil {
		return publishers.Receipt{}, err
	}
	return publishers.Receipt{ID: id, URL: postURL(id), PublishedAt: p.now()}, nil
}

// postFeed creates a feed post; empty parameters are left out.
func (p *Publisher) postFeed(ctx context.Context, params fb.Params) (string, error) {
	for k, v := range params {
		if v == "" {
			delete(params, k)
		}
	}
	res, err := p.call(ctx, fb.POST, "/"+p.pageID+"/feed", params, true)
	if err != nil {
		return "", err
	}
	return stringField(res, "id", true)
}

// postPhoto publishes one photo with its caption; the post id is post_id.
func (p *Publisher) postPhoto(ctx context.Context, img media.Image, caption string) (string, error) {
	params := fb.Params{"source": source(img, 0)}
	if caption != "" {
		params["message"] = caption
	}
	res, err := p.call(ctx, fb.POST, "/"+p.pageID+"/photos", params, true)
	if err != nil {
		return "", err
	}
	return stringField(res, "post_id", true)
}

// postAlbum uploads each image unpublished, then publishes one feed post
// with all of them attached. An upload that fails is retryable as a whole:
// unpublished photos are not visible on the Page.
func (p *Publisher) postAlbum(ctx context.Context, images []media.Image, message string) (string, error) {
	params := fb.Params{}
	if message != "" {
		params["message"] = message
	}
	for i, img := range images {
		res, err := p.call(ctx, fb.POST, "/"+p.pageID+"/photos", fb.Params{"source": source(img, i), "published": "false"}, false)
		if err != nil {
			return "", err
		}
		id, err := stringField(res, "id", false)
		if err != nil {
			return "", err
		}
		params["attached_media["+strconv.Itoa(i)+"]"] = `{"media_fbid":"` + id + `"}`
	}
	return p.postFeed(ctx, params)
}

// source is the multipart file part for img. The file name says nothing
// about the original file.
func source(img media.Image, i int) *fb.BinaryData {
	ext := map[string]string{media.JPEG: ".jpg", media.PNG: ".png", media.GIF: ".gif", media.WebP: ".webp"}[img.MIME]
	return fb.DataWithContentType("image"+strconv.Itoa(i+1)+ext, bytes.NewReader(img.Data), img.MIME)
}

// loadImages reads each image with its metadata stripped. A file that is
// not a supported image is rejected content; one that cannot be read is a
// permanent failure.
func loadImages(ms []postgate.Media) ([]media.Image, error) {
	images := make([]media.Image, 0, len(ms))
	for i, m := range ms {
		img, err := media.Load(m.File)
		if err != nil {
			kind := publishers.KindPermanent
			if errors.Is(err, media.ErrUnsupported) {
				kind = publishers.KindRejected
			}
			return nil, &publishers.Error{Platform: platform, Kind: kind,
				Message: fmt.Sprintf("media[%d] %s cannot be uploaded", i, m.Path), Err: err}
		}
		images = append(images, img)
	}
	return images, nil
}

// withLink returns text with link on a new line, unless text already has it.
func withLink(text, link string) string {
	switch {
	case link == "" || strings.Contains(text, link):
		return text
	case text == "":
		return link
	default:
		return text + "\n" + link
	}
}
