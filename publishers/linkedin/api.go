package linkedin

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/connections/postgate/publishers"
)

const platform = "linkedin"

// maxBody bounds what is read from any LinkedIn answer.
const maxBody = 1 << 20

// call is one HTTP exchange with LinkedIn.
type call struct {
	method      string
	url         string // absolute
	body        []byte
	contentType string
	// write marks the final, non-idempotent write: after it may have
	// reached LinkedIn, a failure means the outcome is unknown.
	write bool
	// upload marks the PUT to the upload URL, which is not a Rest.li
	// endpoint and takes no version headers.
	upload bool
}

// answer is a 2xx response, its body read.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// jsonCall returns a call to path (below the API base) with v as its JSON
// body, or no body when v is nil.
func (p *Publisher) jsonCall(method, path string, v any) (call, error) {
	c := call{method: method, url: p.base + path}
	if v != nil {
		b, err := json.Marshal(v)
		if err != nil {
			return call{}, fmt.Errorf("encode %s: %w", path, err)
		}
		c.body, c.contentType = b, "application/json"
	}
	return c, nil
}

// do sends c once. A 2xx response is returned; anything else is a
// classified *publishers.Error.
func (p *Publisher) do(ctx context.Context, c call) (answer, error) {
	req, err := http.NewRequestWithContext(ctx, c.method, c.url, bytes.NewReader(c.body))
	if err != nil {
		return answer{}, p.fail(publishers.KindPermanent, "build request", err)
	}
	req.Header.Set("Authorization", "Bearer "+p.token.Reveal())
	if c.contentType != "" {
		req.Header.Set("Content-Type", c.contentType)
	}
	if !c.upload {
		req.Header.Set("LinkedIn-Version", p.version)
		req.Header.Set("X-Restli-Protocol-Version", "2.0.0")
	}
	path := req.URL.Path // never the query: an upload URL carries a signature
	start := time.Now()
	resp, err := p.client.Do(req)
	if err != nil {
		err = publishers.WithoutURL(err)
		p.log.DebugContext(ctx, "linkedin request failed", "method", c.method, "path", path, "err", err)
		return answer{}, p.transportError(c, path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	p.log.DebugContext(ctx, "linkedin request", "method", c.method, "path", path,
		"status", resp.StatusCode, "duration", time.Since(start).Round(time.Millisecond))
	if err != nil && resp.StatusCode < 300 {
		return answer{}, p.transportError(c, path, err)
	}
	if resp.StatusCode >= 300 {
		return answer{}, p.statusError(c, resp.StatusCode, body)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: body}, nil
}

// transportError classifies a request that got no complete answer. On the
// final write it may have reached LinkedIn, so the outcome is unknown,
// unless the connection was never made.
func (p *Publisher) transportError(c call, path string, err error) error {
	return p.fail(publishers.TransportKind(c.write, err), "", fmt.Errorf("%s %s: %w", c.method, path, publishers.WithoutURL(err)))
}

// statusError classifies a non-2xx answer.
func (p *Publisher) statusError(c call, status int, body []byte) error {
	var ae apiError
	_ = json.Unmarshal(body, &ae) // a non-JSON body (a proxy's page) leaves it empty
	e := classify(status, ae, c.write, p.now())
	e.Message = p.scrub(e.Message)
	if e.Message == "" {
		e.Message = http.StatusText(status)
	}
	return e
}

// fail returns a *publishers.Error of kind k for a failure with no HTTP
// answer. msg, when set, becomes the message.
func (p *Publisher) fail(k publishers.Kind, msg string, err error) *publishers.Error {
	return &publishers.Error{Platform: platform, Kind: k, Message: msg, Err: err}
}

// scrub removes the access token from text that came from elsewhere.
func (p *Publisher) scrub(s string) string {
	if t := p.token.Reveal(); t != "" {
		return strings.ReplaceAll(s, t, "[redacted]")
	}
	return s
}
