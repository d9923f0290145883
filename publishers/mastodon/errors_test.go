package mastodon_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/mastodon/mastodonfake"
)

var reset = time.Date(2026, 11, 25, 10, 5, 0, 0, time.UTC)

// fail injects one error answer on requests matching pattern.
func fail(pattern string, status int, body string) func(*env) {
	return func(e *env) { e.fake.FailNext(pattern, 1, status, body, nil) }
}

// rateLimited injects a 429 with Mastodon's reset header.
func rateLimited(pattern, resetHeader string) func(*env) {
	return func(e *env) {
		e.fake.FailNext(pattern, 1, 429, mastodonfake.BodyTooManyRequest, http.Header{"X-Ratelimit-Reset": {resetHeader}})
	}
}

// publishErrorTests covers every documented Mastodon error answer on each
// step of a publication, and the transport failures.
var publishErrorTests = []struct {
	name       string
	settings   publishers.Settings
	cfg        mastodonfake.Config
	setup      func(*env)
	media      bool          // attach an image
	timeout    time.Duration // context deadline, 0 for none; negative: already cancelled
	kind       publishers.Kind
	status     int
	message    string // a substring of Message
	retryAt    time.Time
	wantStatus int // statuses the fake holds afterwards
}{
	{name: "invalid token", setup: fail("POST /api/v1/statuses", 401, mastodonfake.BodyInvalidToken),
		kind: publishers.KindAuth, status: 401, message: "The access token is invalid"},
	{name: "oauth error shape", setup: fail("POST /api/v1/statuses", 401, `{"error":"invalid_token","error_description":"The access token expired"}`),
		kind: publishers.KindAuth, status: 401, message: "invalid_token: The access token expired"},
	{name: "outside scopes", setup: fail("POST /api/v1/statuses", 403, mastodonfake.BodyOutsideScopes),
		kind: publishers.KindAuth, status: 403, message: "outside the authorized scopes"},
	{name: "validation failed", setup: fail("POST /api/v1/statuses", 422, mastodonfake.BodyValidation("Text character limit of 500 exceeded")),
		kind: publishers.KindRejected, status: 422, message: "Text character limit of 500 exceeded"},
	{name: "rate limited", setup: rateLimited("POST /api/v1/statuses", "2026-11-25T10:05:00.000Z"),
		kind: publishers.KindRateLimited, status: 429, message: "Too many requests", retryAt: reset},
	{name: "rate limited with offset", setup: rateLimited("POST /api/v1/statuses", "2026-11-25T11:05:00+01:00"),
		kind: publishers.KindRateLimited, status: 429, retryAt: reset},
	{name: "rate limited, unreadable reset", setup: rateLimited("POST /api/v1/statuses", "1764065100"),
		kind: publishers.KindRateLimited, status: 429},
	{name: "not found", setup: fail("POST /api/v1/statuses", 404, mastodonfake.BodyNotFound),
		kind: publishers.KindPermanent, status: 404, message: "Record not found"},
	{name: "500 on the status", setup: fail("POST /api/v1/statuses", 500, mastodonfake.BodyServerError),
		kind: publishers.KindUnknown, status: 500, message: "went wrong"},
	{name: "503 page from a proxy", setup: fail("POST /api/v1/statuses", 503, `<html>Service Unavailable</html>`),
		kind: publishers.KindUnknown, status: 503, message: "Service Unavailable"},

	// Before the status, while uploading an image.
	{name: "500 on the upload", media: true, setup: fail("POST /api/v2/media", 500, `{"error":"Error processing thumbnail for uploaded media"}`),
		kind: publishers.KindTransient, status: 500, message: "thumbnail"},
	{name: "422 on the upload", media: true, setup: fail("POST /api/v2/media", 422, mastodonfake.BodyValidation("File content type is invalid, File is invalid")),
		kind: publishers.KindRejected, status: 422, message: "content type is invalid"},
	{name: "413 from the proxy", media: true, setup: fail("POST /api/v2/media", 413, `<html>Request Entity Too Large</html>`),
		kind: publishers.KindRejected, status: 413, message: "Request Entity Too Large"},
	{name: "429 on the upload", media: true, setup: rateLimited("POST /api/v2/media", "2026-11-25T10:05:00Z"),
		kind: publishers.KindRateLimited, status: 429, retryAt: reset},

	// The fake refusing what Mastodon refuses.
	{name: "wrong token", settings: publishers.Settings{"access_token": "not-the-token"},
		kind: publishers.KindAuth, status: 401, message: "The access token is invalid"},
	{name: "revoked token", setup: func(e *env) { e.fake.RevokeToken() },
		kind: publishers.KindAuth, status: 401},
	{name: "instance limit lower than the setting", cfg: mastodonfake.Config{MaxCharacters: 10},
		kind: publishers.KindRejected, status: 422, message: "Text character limit of 10 exceeded"},
	{name: "own rate limit", cfg: mastodonfake.Config{RateLimit: 1},
		setup: func(e *env) { e.pub.Publish(context.Background(), request("earlier post")) },
		kind:  publishers.KindRateLimited, status: 429, retryAt: reset, wantStatus: 1},

	// Transport failures.
	{name: "hang after the status", timeout: 300 * time.Millisecond, setup: func(e *env) { e.fake.AfterWrite(mastodonfake.Hang) },
		kind: publishers.KindUnknown, wantStatus: 1},
	{name: "server down", setup: func(e *env) { e.fake.Server.Close() },
		kind: publishers.KindTransient},
	{name: "context already cancelled", timeout: -1,
		kind: publishers.KindTransient},
}

func TestPublishErrors(t *testing.T) {
	for _, tt := range publishErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.cfg, tt.settings)
			if tt.setup != nil {
				tt.setup(e)
			}
			req := request("A post that fails")
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
			if pe.Kind != tt.kind || pe.Status != tt.status || pe.Platform != "mastodon" {
				t.Errorf("got %s kind %v status %d, want %v %d\n(%v)", pe.Platform, pe.Kind, pe.Status, tt.kind, tt.status, err)
			}
			if !strings.Contains(pe.Message, tt.message) {
				t.Errorf("message %q does not contain %q", pe.Message, tt.message)
			}
			if !pe.RetryAt.Equal(tt.retryAt) {
				t.Errorf("retry at %v, want %v", pe.RetryAt, tt.retryAt)
			}
			if tt.name != "server down" {
				if n := len(e.fake.Statuses()); n != tt.wantStatus {
					t.Errorf("fake holds %d statuses, want %d", n, tt.wantStatus)
				}
			}
			e.assertNoSecret(t, err)
		})
	}
}

// echoingToken is a transport whose failures quote the request's
// Authorization header, as a careless proxy might.
type echoingToken struct{}

func (echoingToken) RoundTrip(r *http.Request) (*http.Response, error) {
	body := `{"error":"bad header ` + r.Header.Get("Authorization") + `"}`
	return &http.Response{StatusCode: 400, Header: http.Header{}, Body: ioNopCloser(body), Request: r}, nil
}

// TestErrorScrubsToken: a token echoed back by the server never reaches
// the error.
func TestErrorScrubsToken(t *testing.T) {
	e := newEnv(t, mastodonfake.Config{}, nil)
	pub := e.publisher(t, publishers.Settings{"api_base": e.fake.URL, "access_token": token}, &http.Client{Transport: echoingToken{}})
	_, err := pub.Publish(context.Background(), request("x"))
	pe := asError(t, err)
	if pe.Kind != publishers.KindPermanent || !strings.Contains(pe.Message, "[redacted]") {
		t.Errorf("got %v %q, want permanent with the token redacted", pe.Kind, pe.Message)
	}
	e.assertNoSecret(t, err)
}
