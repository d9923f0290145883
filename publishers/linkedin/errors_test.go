package linkedin_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/linkedin/lifake"
)

func asError(t *testing.T, err error) *publishers.Error {
	t.Helper()
	var pe *publishers.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *publishers.Error", err, err)
	}
	return pe
}

// fail injects one error answer on requests matching pattern.
func fail(pattern string, status int, body string) func(*env) {
	return func(e *env) { e.fake.FailNext(pattern, 1, status, body) }
}

var midnight = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

// publishErrorTests covers every documented LinkedIn error answer on each
// step of a publication, and the transport failures.
var publishErrorTests = []struct {
	name      string
	settings  publishers.Settings
	cfg       lifake.Config
	setup     func(*env)
	media     bool          // attach an image
	timeout   time.Duration // context deadline, 0 for none
	kind      publishers.Kind
	status    int
	code      string
	message   string // a substring of Message
	existing  string
	retryAt   time.Time
	wantPosts int // posts the fake holds afterwards
}{
	// Documented error bodies on the post itself.
	{name: "empty token", setup: fail("POST /rest/posts", 401, lifake.BodyEmptyToken),
		kind: publishers.KindAuth, status: 401, code: "401", message: "Empty oauth2_access_token"},
	{name: "invalid token 65600", setup: fail("POST /rest/posts", 401, lifake.BodyInvalidToken),
		kind: publishers.KindAuth, status: 401, code: "INVALID_ACCESS_TOKEN", message: "Invalid access token"},
	{name: "revoked token 65601", setup: fail("POST /rest/posts", 401, lifake.BodyRevokedToken),
		kind: publishers.KindAuth, status: 401, code: "REVOKED_ACCESS_TOKEN", message: "revoked"},
	{name: "expired token 65602", setup: fail("POST /rest/posts", 401, lifake.BodyExpiredToken),
		kind: publishers.KindAuth, status: 401, code: "EXPIRED_ACCESS_TOKEN", message: "expired"},
	{name: "numeric code only", setup: fail("POST /rest/posts", 401, `{"message":"Invalid access token","serviceErrorCode":65600,"status":401}`),
		kind: publishers.KindAuth, status: 401, code: "65600"},
	{name: "access denied", setup: fail("POST /rest/posts", 403, lifake.BodyAccessDenied),
		kind: publishers.KindAuth, status: 403, code: "ACCESS_DENIED", message: "Not enough permissions"},
	{name: "duplicate", setup: fail("POST /rest/posts", 422, lifake.BodyDuplicate("urn:li:share:7141138937766391808")),
		kind: publishers.KindDuplicate, status: 422, code: "DUPLICATE_POST", message: "Content is a duplicate",
		existing: "urn:li:share:7141138937766391808"},
	{name: "duplicate of a ugcPost", setup: fail("POST /rest/posts", 422, lifake.BodyDuplicate("urn:li:ugcPost:7141138937766391809")),
		kind: publishers.KindDuplicate, status: 422, code: "DUPLICATE_POST", existing: "urn:li:ugcPost:7141138937766391809"},
	{name: "rate limited", setup: fail("POST /rest/posts", 429, lifake.BodyRateLimited),
		kind: publishers.KindRateLimited, status: 429, message: "DAY limit", retryAt: midnight},
	{name: "version missing", setup: fail("POST /rest/posts", 400, lifake.BodyVersionMissing),
		kind: publishers.KindPermanent, status: 400, code: "VERSION_MISSING"},
	{name: "version retired", setup: fail("POST /rest/posts", 426, `{"status":426,"code":"NONEXISTENT_VERSION","message":"Requested version 20250401 is not active"}`),
		kind: publishers.KindPermanent, status: 426, code: "NONEXISTENT_VERSION", message: "not active"},
	{name: "invalid field", setup: fail("POST /rest/posts", 422, lifake.BodyInvalid("commentary", "length exceeds 3000")),
		kind: publishers.KindRejected, status: 422, code: "INVALID_VALUE", message: "length exceeds 3000"},
	{name: "bad request", setup: fail("POST /rest/posts", 400, `{"message":"Unable to parse the request body","status":400}`),
		kind: publishers.KindRejected, status: 400, message: "Unable to parse"},
	{name: "not found", setup: fail("POST /rest/posts", 404, `{"message":"Not Found","status":404}`),
		kind: publishers.KindPermanent, status: 404},
	{name: "500 on the post", setup: fail("POST /rest/posts", 500, lifake.BodyServerError),
		kind: publishers.KindUnknown, status: 500, message: "Internal Server Error"},
	{name: "503 on the post", setup: fail("POST /rest/posts", 503, lifake.BodyUnavailable),
		kind: publishers.KindUnknown, status: 503},
	{name: "502 page from a proxy", setup: fail("POST /rest/posts", 502, `<html>Bad Gateway</html>`),
		kind: publishers.KindUnknown, status: 502, message: "Bad Gateway"},

	// Failures before the post, while uploading an image.
	{name: "500 on initializeUpload", media: true, setup: fail("POST /rest/images", 500, lifake.BodyServerError),
		kind: publishers.KindTransient, status: 500},
	{name: "429 on initializeUpload", media: true, setup: fail("POST /rest/images", 429, lifake.BodyRateLimited),
		kind: publishers.KindRateLimited, status: 429, retryAt: midnight},
	{name: "503 on the upload", media: true, setup: fail("PUT /dms-uploads/", 503, lifake.BodyUnavailable),
		kind: publishers.KindTransient, status: 503},
	{name: "401 on the upload", media: true, setup: fail("PUT /dms-uploads/", 401, lifake.BodyExpiredToken),
		kind: publishers.KindAuth, status: 401, code: "EXPIRED_ACCESS_TOKEN"},
	{name: "500 on the image status", media: true, setup: fail("GET /rest/images/", 500, lifake.BodyServerError),
		kind: publishers.KindTransient, status: 500},
	{name: "image processing failed", media: true, setup: func(e *env) { e.fake.SetImageStatus("PROCESSING_FAILED") },
		kind: publishers.KindRejected, message: "could not process"},

	// The fake refusing what LinkedIn refuses.
	{name: "wrong token", settings: publishers.Settings{"access_token": "not-the-token"},
		kind: publishers.KindAuth, status: 401, code: "INVALID_ACCESS_TOKEN"},
	{name: "token expired", setup: func(e *env) { e.fake.ExpireToken() },
		kind: publishers.KindAuth, status: 401, code: "EXPIRED_ACCESS_TOKEN"},
	{name: "retired version", settings: publishers.Settings{"version": "202501"},
		kind: publishers.KindPermanent, status: 426, code: "NONEXISTENT_VERSION", message: "20250101 is not active"},
	{name: "page not administered", settings: publishers.Settings{"author": "urn:li:organization:1"},
		kind: publishers.KindAuth, status: 403, code: "ACCESS_DENIED"},
	{name: "daily limit", cfg: lifake.Config{DailyLimit: 1},
		setup: func(e *env) { e.pub.Publish(context.Background(), request("earlier post")) },
		kind:  publishers.KindRateLimited, status: 429, retryAt: midnight, wantPosts: 1},

	// Transport failures.
	{name: "hang after the post", timeout: 300 * time.Millisecond, setup: func(e *env) { e.fake.AfterWrite(lifake.Hang) },
		kind: publishers.KindUnknown, wantPosts: 1},
	{name: "connection dropped after the post", setup: func(e *env) { e.fake.AfterWrite(lifake.Drop) },
		kind: publishers.KindUnknown, wantPosts: 1},
	{name: "slow upload", media: true, timeout: 300 * time.Millisecond, setup: func(e *env) { e.fake.SetDelay(5 * time.Second) },
		kind: publishers.KindTransient},
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
				file := writeFile(t, "photo.jpg", jpegWithEXIF(t))
				req.Content.Media = []postgate.Media{{Path: "photo.jpg", File: file, Alt: "alt"}}
			}
			ctx := context.Background()
			if tt.timeout != 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithTimeout(ctx, max(tt.timeout, 0))
				defer cancel()
			}

			_, err := e.pub.Publish(ctx, req)
			pe := asError(t, err)
			if pe.Kind != tt.kind || pe.Status != tt.status || pe.Code != tt.code {
				t.Errorf("got kind %v status %d code %q, want %v %d %q\n(%v)",
					pe.Kind, pe.Status, pe.Code, tt.kind, tt.status, tt.code, err)
			}
			if !strings.Contains(pe.Message, tt.message) {
				t.Errorf("message %q does not contain %q", pe.Message, tt.message)
			}
			if pe.ExistingID != tt.existing || !pe.RetryAt.Equal(tt.retryAt) {
				t.Errorf("existing %q retry at %v, want %q %v", pe.ExistingID, pe.RetryAt, tt.existing, tt.retryAt)
			}
			if pe.Platform != "linkedin" {
				t.Errorf("platform %q", pe.Platform)
			}
			if tt.name != "server down" {
				if n := len(e.fake.Posts()); n != tt.wantPosts {
					t.Errorf("fake holds %d posts, want %d", n, tt.wantPosts)
				}
			}
			e.assertNoSecret(t, err)
		})
	}
}

// failingPUT is a transport that fails every PUT as a network error
// would, so that the client wraps it in a *url.Error naming the full URL.
type failingPUT struct{ next http.RoundTripper }

func (f failingPUT) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == http.MethodPut {
		return nil, errors.New("connection reset by peer")
	}
	return f.next.RoundTrip(r)
}

// TestUploadErrorHidesUploadURL checks that a failed upload reports the
// path, not the upload URL with its signed query.
func TestUploadErrorHidesUploadURL(t *testing.T) {
	e := newEnv(t, lifake.Config{}, nil)
	client := &http.Client{Transport: failingPUT{next: http.DefaultTransport}}
	pub := e.publisher(t, publishers.Settings{}, client)
	file := writeFile(t, "photo.jpg", jpegWithEXIF(t))

	_, err := pub.Publish(context.Background(), request("x", postgate.Media{Path: "p.jpg", File: file}))
	pe := asError(t, err)
	if pe.Kind != publishers.KindTransient {
		t.Errorf("kind %v, want transient: %v", pe.Kind, err)
	}
	for _, s := range []string{err.Error(), e.logs.String()} {
		if strings.Contains(s, "fake-signature") || !strings.Contains(err.Error(), "/dms-uploads/") {
			t.Errorf("want the upload path without its query in %q", s)
		}
	}
	e.assertNoSecret(t, err)
}
