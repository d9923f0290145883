package x

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/connections/postgate/publishers"
)

// maxAnswer bounds how much of an answer is read.
const maxAnswer = 1 << 20

// call is one request to the X API.
type call struct {
	method      string
	path        string
	query       url.Values
	contentType string
	body        []byte
	// write marks the final, non-idempotent write (POST /2/tweets): when
	// its outcome is unclear the post may be live, so the error is
	// KindUnknown rather than KindTransient.
	write bool
}

// jsonCall is a call with v encoded as its JSON body.
func jsonCall(method, path string, v any) call {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("x: encode %s body: %v", path, err)) // only plain structs are encoded
	}
	return call{method: method, path: path, contentType: "application/json", body: b}
}

// final marks c as the final write.
func (c call) final() call {
	c.write = true
	return c
}

// do sends c, signed, and decodes a 2xx JSON answer into out (if not nil).
// Every failure is a *publishers.Error with no secret in it.
func (p *Publisher) do(ctx context.Context, c call, out any) error {
	resp, answer, err := p.send(ctx, c)
	if err != nil {
		return err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return p.apiError(c, resp, answer)
	}
	if out == nil || len(answer) == 0 {
		return nil
	}
	if err := json.Unmarshal(answer, out); err != nil {
		return &publishers.Error{
			Platform: platform, Kind: unclear(c), Status: resp.StatusCode,
			Message: "unreadable answer from " + c.path, Err: err,
		}
	}
	return nil
}

// send makes the request, reads the answer (its body already closed) and
// logs one debug line.
func (p *Publisher) send(ctx context.Context, c call) (*http.Response, []byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, &publishers.Error{Platform: platform, Kind: publishers.KindTransient, Message: "request not sent", Err: err}
	}
	u := p.base + c.path
	if len(c.query) > 0 {
		u += "?" + c.query.Encode()
	}
	var body io.Reader
	if c.body != nil {
		body = bytes.NewReader(c.body)
	}
	req, err := http.NewRequestWithContext(ctx, c.method, u, body)
	if err != nil {
		return nil, nil, &publishers.Error{Platform: platform, Kind: publishers.KindPermanent, Message: "build request", Err: p.scrub(err)}
	}
	if c.contentType != "" {
		req.Header.Set("Content-Type", c.contentType)
	}
	start := time.Now()
	resp, err := p.http.Do(req)
	if err != nil {
		p.log.DebugContext(ctx, "x request failed", "method", c.method, "path", c.path, "err", p.scrub(err))
		return nil, nil, p.transportError(c, err)
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	p.log.DebugContext(ctx, "x request", "method", c.method, "path", c.path,
		"status", resp.StatusCode, "duration", time.Since(start).Round(time.Millisecond))
	if err != nil {
		return nil, nil, p.transportError(c, err)
	}
	return resp, answer, nil
}

// unclear is the kind of a failure whose outcome is not known: the post
// may be live after the final write; anything before it can be retried.
func unclear(c call) publishers.Kind {
	if c.write {
		return publishers.KindUnknown
	}
	return publishers.KindTransient
}
