package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/connections/postgate/publishers"
)

// maxBody bounds what is read from any answer.
const maxBody = 1 << 20

// call is one XRPC exchange.
type call struct {
	method      string // HTTP method
	nsid        string // the XRPC method, such as com.atproto.repo.createRecord
	query       url.Values
	body        []byte
	contentType string
	// write marks createRecord: after it may have reached the PDS, a
	// failure means the outcome is unknown.
	write bool
}

// procedure returns a POST call to nsid with v as its JSON body.
func procedure(nsid string, v any) (call, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return call{}, fmt.Errorf("encode %s: %w", nsid, err)
	}
	return call{method: http.MethodPost, nsid: nsid, body: b, contentType: "application/json"}, nil
}

// query returns a GET call to nsid with parameters q.
func query(nsid string, q url.Values) call {
	return call{method: http.MethodGet, nsid: nsid, query: q}
}

// do sends c once with token as its bearer credential (none when zero).
// A 2xx body is returned; anything else is a classified *publishers.Error.
func (p *Publisher) do(ctx context.Context, c call, token publishers.Secret) ([]byte, error) {
	u := p.base + "/xrpc/" + c.nsid
	if len(c.query) > 0 {
		u += "?" + c.query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, c.method, u, bytes.NewReader(c.body))
	if err != nil {
		return nil, p.fail(publishers.KindPermanent, "build request", err)
	}
	if !token.IsZero() {
		req.Header.Set("Authorization", "Bearer "+token.Reveal())
	}
	if c.contentType != "" {
		req.Header.Set("Content-Type", c.contentType)
	}
	start := time.Now()
	resp, err := p.client.Do(req)
	if err != nil {
		err = publishers.WithoutURL(err)
		p.log.DebugContext(ctx, "bluesky request failed", "method", c.nsid, "err", err)
		return nil, p.transportError(c, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	p.log.DebugContext(ctx, "bluesky request", "method", c.nsid, "status", resp.StatusCode,
		"duration", time.Since(start).Round(time.Millisecond))
	if err != nil && resp.StatusCode < 300 {
		return nil, p.transportError(c, err)
	}
	if resp.StatusCode >= 300 {
		return nil, p.statusError(c, resp, body)
	}
	return body, nil
}

// transportError classifies a request that got no complete answer. On
// createRecord it may have reached the PDS, so the outcome is unknown,
// unless the connection was never made.
func (p *Publisher) transportError(c call, err error) error {
	return p.fail(publishers.TransportKind(c.write, err), "", fmt.Errorf("%s: %w", c.nsid, err))
}

// statusError classifies a non-2xx answer.
func (p *Publisher) statusError(c call, resp *http.Response, body []byte) error {
	var xe xrpcError
	_ = json.Unmarshal(body, &xe) // a proxy's HTML page leaves it empty
	e := classify(resp.StatusCode, xe, c.write)
	if e.Kind == publishers.KindRateLimited {
		e.RetryAt = resetTime(resp.Header.Get("RateLimit-Reset"))
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

// jwt matches a JSON Web Token, such as the session's access and refresh
// tokens.
var jwt = regexp.MustCompile(`eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*`)

// scrub removes the app password and any token from text that came from
// elsewhere.
func (p *Publisher) scrub(s string) string {
	if v := p.password.Reveal(); v != "" {
		s = strings.ReplaceAll(s, v, "[redacted]")
	}
	return jwt.ReplaceAllString(s, "[redacted]")
}
