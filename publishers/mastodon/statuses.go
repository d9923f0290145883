package mastodon

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/connections/postgate/publishers"
)

// newStatusBody is the JSON body of POST /api/v1/statuses.
type newStatusBody struct {
	Status     string   `json:"status,omitempty"`
	MediaIDs   []string `json:"media_ids,omitempty"`
	Visibility string   `json:"visibility"`
	Language   string   `json:"language,omitempty"`
}

func newStatus(text string, mediaIDs []string, visibility, language string) newStatusBody {
	return newStatusBody{Status: text, MediaIDs: mediaIDs, Visibility: visibility, Language: language}
}

// status is the part of a Mastodon Status entity the connector reads.
type status struct {
	ID        string    `json:"id"`
	CreatedAt time.Time `json:"created_at"`
	URL       string    `json:"url"`
	URI       string    `json:"uri"`
	Content   string    `json:"content"` // HTML
}

func (s status) receipt() publishers.Receipt {
	url := s.URL
	if url == "" {
		url = s.URI
	}
	return publishers.Receipt{ID: s.ID, URL: url, PublishedAt: s.CreatedAt}
}

// postStatus sends the one non-idempotent write, made safe to repeat
// within an hour by key.
func (p *Publisher) postStatus(ctx context.Context, key string, body newStatusBody) (status, error) {
	c, err := jsonCall(http.MethodPost, "/api/v1/statuses", body)
	if err != nil {
		return status{}, p.fail(publishers.KindPermanent, "", err)
	}
	c.header = http.Header{"Idempotency-Key": {key}}
	c.write = true
	a, err := p.do(ctx, c)
	if err != nil {
		return status{}, err
	}
	var st status
	if err := json.Unmarshal(a.body, &st); err != nil || st.ID == "" {
		// Something was accepted but we cannot say what: the status is
		// probably live, so let the same key or reconciliation find it.
		return status{}, &publishers.Error{Platform: platform, Kind: publishers.KindUnknown, Status: a.status,
			Message: "the instance accepted the status without returning it", Err: err}
	}
	if st.CreatedAt.IsZero() {
		st.CreatedAt = p.now()
	}
	return st, nil
}
