package bluesky_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/bluesky/blueskyfake"
)

var reset = time.Unix(1764065400, 0).UTC()

// fail injects one error answer on calls to nsid.
func fail(nsid string, status int, body string) func(*env) {
	return func(e *env) { e.fake.FailNext(nsid, 1, status, body, nil) }
}

// failTwice injects the same error answer on the next two calls to nsid:
// the first call and its one repetition after renewing the session.
func failTwice(nsid string, status int, body string) func(*env) {
	return func(e *env) { e.fake.FailNext(nsid, 2, status, body, nil) }
}

// rateLimited injects a 429 with the RateLimit-Reset header.
func rateLimited(nsid, resetHeader string) func(*env) {
	return func(e *env) {
		e.fake.FailNext(nsid, 1, 429, blueskyfake.BodyRateLimited, http.Header{"Ratelimit-Reset": {resetHeader}})
	}
}

// publishErrorTests covers the documented XRPC error answers on each
// step of a publication, and the transport failures.
var publishErrorTests = []struct {
	name        string
	settings    publishers.Settings
	setup       func(*env)
	media       bool          // attach an image
	timeout     time.Duration // context deadline, 0 for none; negative: already cancelled
	kind        publishers.Kind
	status      int
	code        string
	message     string // a substring of Message
	retryAt     time.Time
	wantRecords int // records the fake holds afterwards
}{
	// Logging in.
	{name: "wrong password", settings: publishers.Settings{"app_password": "aaaa-bbbb-cccc-dddd"},
		kind: publishers.KindAuth, status: 401, code: "AuthenticationRequired", message: "Invalid identifier or password"},
	{name: "unknown handle", settings: publishers.Settings{"identifier": "someone.bsky.social"},
		kind: publishers.KindAuth, status: 401, code: "AuthenticationRequired"},
	{name: "two-factor account", setup: fail("com.atproto.server.createSession", 401, blueskyfake.BodyAuthFactor),
		kind: publishers.KindAuth, status: 401, code: "AuthFactorTokenRequired", message: "sign in code"},
	{name: "two-factor as 400", setup: fail("com.atproto.server.createSession", 400, blueskyfake.BodyAuthFactor),
		kind: publishers.KindAuth, status: 400, code: "AuthFactorTokenRequired"},
	{name: "taken down", setup: fail("com.atproto.server.createSession", 400, blueskyfake.BodyAccountTakedown),
		kind: publishers.KindAuth, status: 400, code: "AccountTakedown"},
	{name: "login rate limited", setup: rateLimited("com.atproto.server.createSession", "1764065400"),
		kind: publishers.KindRateLimited, status: 429, code: "RateLimitExceeded", retryAt: reset},
	{name: "login 502", setup: fail("com.atproto.server.createSession", 502, `<html>Bad Gateway</html>`),
		kind: publishers.KindTransient, status: 502, message: "Bad Gateway"},

	// Reading the record first.
	{name: "getRecord 500", setup: fail("com.atproto.repo.getRecord", 500, blueskyfake.BodyInternal),
		kind: publishers.KindTransient, status: 500, code: "InternalServerError"},
	{name: "getRecord auth missing", setup: fail("com.atproto.repo.getRecord", 401, `{"error":"AuthMissing","message":"Authentication Required"}`),
		kind: publishers.KindAuth, status: 401, code: "AuthMissing"},

	// Uploading an image.
	{name: "uploadBlob too large", media: true, setup: fail("com.atproto.repo.uploadBlob", 413, blueskyfake.BodyPayloadTooLarge),
		kind: publishers.KindRejected, status: 413, code: "PayloadTooLarge"},
	{name: "uploadBlob 503", media: true, setup: fail("com.atproto.repo.uploadBlob", 503, `{"error":"UpstreamFailure","message":"Upstream Failure"}`),
		kind: publishers.KindTransient, status: 503, code: "UpstreamFailure"},
	{name: "uploadBlob rate limited", media: true, setup: rateLimited("com.atproto.repo.uploadBlob", "1764065400"),
		kind: publishers.KindRateLimited, status: 429, code: "RateLimitExceeded", retryAt: reset},

	// Creating the record.
	{name: "invalid record", setup: fail("com.atproto.repo.createRecord", 400, blueskyfake.BodyInvalidRequest("Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes")),
		kind: publishers.KindRejected, status: 400, code: "InvalidRequest", message: "300 graphemes"},
	{name: "invalid token twice", setup: failTwice("com.atproto.repo.createRecord", 400, blueskyfake.BodyInvalidToken),
		kind: publishers.KindAuth, status: 400, code: "InvalidToken"},
	{name: "forbidden", setup: fail("com.atproto.repo.createRecord", 403, `{"error":"Forbidden","message":"Forbidden"}`),
		kind: publishers.KindAuth, status: 403, code: "Forbidden"},
	{name: "rate limited", setup: rateLimited("com.atproto.repo.createRecord", "1764065400"),
		kind: publishers.KindRateLimited, status: 429, code: "RateLimitExceeded", retryAt: reset},
	{name: "rate limited, no reset", setup: rateLimited("com.atproto.repo.createRecord", ""),
		kind: publishers.KindRateLimited, status: 429, code: "RateLimitExceeded"},
	{name: "500 on createRecord", setup: fail("com.atproto.repo.createRecord", 500, blueskyfake.BodyInternal),
		kind: publishers.KindUnknown, status: 500, code: "InternalServerError"},
	{name: "502 page on createRecord", setup: fail("com.atproto.repo.createRecord", 502, `<html>Bad Gateway</html>`),
		kind: publishers.KindUnknown, status: 502, message: "Bad Gateway"},
	{name: "deactivated account", setup: func(e *env) { e.fake.SetStatus("deactivated") },
		kind: publishers.KindAuth, status: 400, code: "AccountDeactivated"},
	{name: "method not implemented", setup: fail("com.atproto.repo.createRecord", 501, `{"error":"MethodNotImplemented","message":"Method Not Implemented"}`),
		kind: publishers.KindUnknown, status: 501, code: "MethodNotImplemented"},
	{name: "not found", setup: fail("com.atproto.repo.createRecord", 404, `{"error":"NotFound","message":"Not Found"}`),
		kind: publishers.KindPermanent, status: 404, code: "NotFound"},

	// Transport failures.
	{name: "hang after the write", timeout: 300 * time.Millisecond, setup: func(e *env) { e.fake.AfterWrite(blueskyfake.Hang) },
		kind: publishers.KindUnknown, wantRecords: 1},
	{name: "connection dropped after the write", setup: func(e *env) { e.fake.AfterWrite(blueskyfake.Drop) },
		kind: publishers.KindUnknown, wantRecords: 1},
	{name: "server down", setup: func(e *env) { e.fake.Server.Close() },
		kind: publishers.KindTransient},
	{name: "context already cancelled", timeout: -1,
		kind: publishers.KindTransient},
}

func TestPublishErrors(t *testing.T) {
	for _, tt := range publishErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, blueskyfake.Config{}, tt.settings)
			if tt.setup != nil {
				tt.setup(e)
			}
			req := e.prepared(t, "A post that fails")
			if tt.media {
				req.Content.Media = append(req.Content.Media, photo(t, "alt"))
			}
			ctx := context.Background()
			if tt.timeout != 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, max(tt.timeout, 0))
				defer cancel()
			}

			_, err := e.pub.Publish(ctx, req)
			pe := asError(t, err)
			if pe.Kind != tt.kind || pe.Status != tt.status || pe.Code != tt.code || pe.Platform != "bluesky" {
				t.Errorf("got %s kind %v status %d code %q, want %v %d %q\n(%v)",
					pe.Platform, pe.Kind, pe.Status, pe.Code, tt.kind, tt.status, tt.code, err)
			}
			if !strings.Contains(pe.Message, tt.message) {
				t.Errorf("message %q does not contain %q", pe.Message, tt.message)
			}
			if !pe.RetryAt.Equal(tt.retryAt) {
				t.Errorf("retry at %v, want %v", pe.RetryAt, tt.retryAt)
			}
			if tt.name != "server down" {
				if n := len(e.fake.Records()); n != tt.wantRecords {
					t.Errorf("fake holds %d records, want %d", n, tt.wantRecords)
				}
			}
			e.assertNoSecret(t, err)
		})
	}
}

// echoing forwards logins to the fake and answers every other call with
// an error quoting the request's token and the password, as a careless
// proxy might.
type echoing struct{ next http.RoundTripper }

func (t echoing) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "createSession") {
		return t.next.RoundTrip(r)
	}
	body := `{"error":"BadThing","message":"got ` + r.Header.Get("Authorization") + " and " + password + `"}`
	return &http.Response{StatusCode: 400, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(body)), Request: r}, nil
}

// TestErrorScrubsSecrets: a password or token echoed back by the server
// never reaches the error.
func TestErrorScrubsSecrets(t *testing.T) {
	e := newEnv(t, blueskyfake.Config{}, nil)
	s := publishers.Settings{"api_base": e.fake.URL, "identifier": handle, "app_password": password}
	pub := e.publisher(t, s, &http.Client{Transport: echoing{next: http.DefaultTransport}})
	_, err := pub.Publish(context.Background(), e.prepared(t, "x"))
	pe := asError(t, err)
	if pe.Kind != publishers.KindRejected || strings.Count(pe.Message, "[redacted]") != 2 {
		t.Errorf("got %v %q, want rejected with both secrets redacted", pe.Kind, pe.Message)
	}
	e.assertNoSecret(t, err)
}
