package x

import (
	"bytes"
	"context"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/media"
)

// chunkSize is the size of each APPEND segment (X allows up to 5 MB).
const chunkSize = 1 << 20

// processingInfo is X's report on media it processes after finalize.
type processingInfo struct {
	State          string `json:"state"` // pending, in_progress, succeeded, failed
	CheckAfterSecs int    `json:"check_after_secs"`
	Error          *struct {
		Name    string `json:"name"`
		Message string `json:"message"`
	} `json:"error"`
}

// mediaAnswer is the answer of initialize, finalize and STATUS.
type mediaAnswer struct {
	Data struct {
		ID             string          `json:"id"`
		ProcessingInfo *processingInfo `json:"processing_info"`
	} `json:"data"`
}

// uploadAll uploads every image, metadata already stripped by media.Load,
// sets its alt text, and returns the media ids in order.
//
// X processes some media (GIFs) after finalize. Publish must not wait, so
// processing overlaps the remaining uploads and alt-text calls, and each
// such image's STATUS is read once at the end. If X is still processing,
// the attempt fails with KindTransient and RetryAt set to X's
// check_after_secs; the next attempt uploads again.
func (p *Publisher) uploadAll(ctx context.Context, ms []postgate.Media) ([]string, error) {
	imgs, probs := loadImages(ms)
	if len(probs) > 0 {
		return nil, rejected(probs)
	}
	ids := make([]string, len(imgs))
	var processing []string
	for i, img := range imgs {
		ans, err := p.upload(ctx, img)
		if err != nil {
			return nil, err
		}
		ids[i] = ans.Data.ID
		if info := ans.Data.ProcessingInfo; info != nil && info.State != "succeeded" {
			processing = append(processing, ids[i])
		}
		if alt := ms[i].Alt; alt != "" {
			if err := p.setAlt(ctx, ids[i], alt); err != nil {
				return nil, err
			}
		}
	}
	for _, id := range processing {
		if err := p.checkProcessed(ctx, id); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// upload sends one image through initialize, append and finalize.
func (p *Publisher) upload(ctx context.Context, img media.Image) (mediaAnswer, error) {
	category := "tweet_image"
	if img.MIME == media.GIF {
		category = "tweet_gif"
	}
	var init mediaAnswer
	err := p.do(ctx, jsonCall(http.MethodPost, "/2/media/upload/initialize", map[string]any{
		"media_type": img.MIME, "total_bytes": len(img.Data), "media_category": category,
	}), &init)
	if err != nil {
		return mediaAnswer{}, err
	}
	id := url.PathEscape(init.Data.ID)
	if id == "" {
		return mediaAnswer{}, &publishers.Error{Platform: platform, Kind: publishers.KindTransient, Message: "X answered initialize without a media id"}
	}
	for i := 0; i*chunkSize < len(img.Data); i++ {
		chunk := img.Data[i*chunkSize : min((i+1)*chunkSize, len(img.Data))]
		if err := p.do(ctx, appendCall(id, i, chunk), nil); err != nil {
			return mediaAnswer{}, err
		}
	}
	var fin mediaAnswer
	err = p.do(ctx, call{method: http.MethodPost, path: "/2/media/upload/" + id + "/finalize"}, &fin)
	if fin.Data.ID == "" {
		fin.Data.ID = init.Data.ID
	}
	return fin, err
}

// appendCall is the multipart APPEND of one segment.
func appendCall(id string, index int, chunk []byte) call {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("segment_index", strconv.Itoa(index))
	part, _ := mw.CreateFormFile("media", "media") // writes to memory; cannot fail
	part.Write(chunk)
	mw.Close()
	return call{
		method: http.MethodPost, path: "/2/media/upload/" + id + "/append",
		contentType: mw.FormDataContentType(), body: body.Bytes(),
	}
}

// setAlt attaches alt text through the v2 media metadata endpoint.
func (p *Publisher) setAlt(ctx context.Context, id, alt string) error {
	type altText struct {
		Text string `json:"text"`
	}
	type metadata struct {
		AltText altText `json:"alt_text"`
	}
	body := struct {
		ID       string   `json:"id"`
		Metadata metadata `json:"metadata"`
	}{id, metadata{altText{alt}}}
	return p.do(ctx, jsonCall(http.MethodPost, "/2/media/metadata", body), nil)
}

// checkProcessed reads an image's processing STATUS once.
func (p *Publisher) checkProcessed(ctx context.Context, id string) error {
	var st mediaAnswer
	q := url.Values{"command": {"STATUS"}, "media_id": {id}}
	if err := p.do(ctx, call{method: http.MethodGet, path: "/2/media/upload", query: q}, &st); err != nil {
		return err
	}
	info := st.Data.ProcessingInfo
	switch {
	case info == nil || info.State == "succeeded":
		return nil
	case info.State == "failed":
		msg := "X could not process the image"
		if info.Error != nil {
			msg = fmt.Sprintf("%s: %s", info.Error.Name, info.Error.Message)
		}
		return &publishers.Error{Platform: platform, Kind: publishers.KindRejected, Code: "processing-failed", Message: msg}
	default:
		wait := time.Duration(max(info.CheckAfterSecs, 1)) * time.Second
		return &publishers.Error{
			Platform: platform, Kind: publishers.KindTransient, Code: "processing-" + info.State,
			Message: "X is still processing the image", RetryAt: p.now().Add(wait),
		}
	}
}
