package mastodon

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

// maxBody bounds what is read from any answer.
const maxBody = 1 << 20

// call is one HTTP exchange with the instance.
type call struct {
	method      string
	path        string // below the instance's origin, with any query
	body        []byte
	contentType string
	header      http.Header // extra headers, such as Idempotency-Key
	// write marks the status creation: after it may have reached the
	// instance, a failure means the outcome is unknown.
	write bool
}

// answer is a 2xx response, its body read.
type answer struct {
	status int
	body   []byte
}

// jsonCall returns a call to path with v as its JSON body.
func jsonCall(method, path string, v any) (call, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return call{}, fmt.Errorf("encode %s: %w", path, err)
	}
	return call{method: method, path: path, body: b, contentType: "application/json"}, nil
}

// get sends a GET to path and decodes its answer into v.
func (p *Publisher) get(ctx context.Context, path string, v any) error {
	a, err := p.do(ctx, call{method: http.MethodGet, path: path})
	if err != nil {
		return err
	}
	if err := json.Unmarshal(a.body, v); err != nil {
		return p.fail(publishers.KindTransient, "the instance's answer to "+pathOnly(path)+" is unreadable", err)
	}
	return nil
}

// do sends c once. A 2xx response is returned; anything else is a
// classified *publishers.Error.
func (p *Publisher) do(ctx context.Context, c call) (answer, error) {
	req, err := http.NewRequestWithContext(ctx, c.method, p.base+c.path, bytes.NewReader(c.body))
	if err != nil {
		return answer{}, p.fail(publishers.KindPermanent, "build request", err)
	}
	for k, vs := range c.header {
		req.Header[k] = vs
	}
	req.Header.Set("Authorization", "Bearer "+p.token.Reveal())
	req.Header.Set("Accept", "application/json")
	if c.contentType != "" {
		req.Header.Set("Content-Type", c.contentType)
	}
	path := pathOnly(c.path)
	start := time.Now()
	resp, err := p.client.Do(req)
	if err != nil {
		err = publishers.WithoutURL(err)
		p.log.DebugContext(ctx, "mastodon request failed", "method", c.method, "path", path, "err", err)
		return answer{}, p.transportError(c, path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	p.log.DebugContext(ctx, "mastodon request", "method", c.method, "path", path,
		"status", resp.StatusCode, "duration", time.Since(start).Round(time.Millisecond))
	if err != nil && resp.StatusCode < 300 {
		return answer{}, p.transportError(c, path, err)
	}
	if resp.StatusCode >= 300 {
		return answer{}, p.statusError(c, resp, body)
	}
	return answer{status: resp.StatusCode, body: body}, nil
}

// pathOnly drops the query from a path, for logs and errors.
func pathOnly(path string) string {
	p, _, _ := strings.Cut(path, "?")
	return p
}

// transportError classifies a request that got no complete answer. On the
// status write it may have reached the instance, so the outcome is
// unknown, unless the connection was never made.
func (p *Publisher) transportError(c call, path string, err error) error {
	return p.fail(publishers.TransportKind(c.write, err), "", fmt.Errorf("%s %s: %w", c.method, path, err))
}

// statusError classifies a non-2xx answer.
func (p *Publisher) statusError(c call, resp *http.Response, body []byte) error {
	var ae apiError
	_ = json.Unmarshal(body, &ae) // a proxy's HTML page leaves it empty
	e := classify(resp.StatusCode, ae, c.write)
	if e.Kind == publishers.KindRateLimited {
		e.RetryAt = resetTime(resp.Header.Get("X-RateLimit-Reset"))
	}
	e.Message = p.scrub(e.Message)
	if e.Message == "" {
		e.Message = http.StatusText(resp.StatusCode)
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
