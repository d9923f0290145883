package x_test

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/x/xfake"
)

// Paths of the steps of an image post.
const (
	tweets     = "/2/tweets"
	initialize = "/2/media/upload/initialize"
	appendPath = "/2/media/upload/*/append"
	finalize   = "/2/media/upload/*/finalize"
	metadata   = "/2/media/metadata"
)

// The documented X error bodies (platform-apis.md §1.4 and X's
// response-codes page).
const (
	bodyUnauthorized = `{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`
	bodyDuplicate    = `{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}`
	body453          = `{"errors":[{"message":"You currently have access to a subset of X API V2 endpoints and limited v1.1 endpoints (e.g. media post, oauth) only. If you need access to this endpoint, you may need a different access level.","code":453}]}`
	body187          = `{"errors":[{"code":187,"message":"Status is a duplicate."}]}`
	bodyRateLimitV1  = `{"errors":[{"code":88,"message":"Rate limit exceeded"}]}`
	bodyTooMany      = `{"title":"Too Many Requests","detail":"Too Many Requests","type":"about:blank","status":429}`
	bodyInvalid      = `{"errors":[{"parameters":{"text":[]},"message":"Tweet text is too long."}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.twitter.com/2/problems/invalid-request"}`
	bodyClientForbid = `{"client_id":"1","detail":"When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project.","registration_url":"https://developer.twitter.com/en/docs/projects/overview","title":"Client Forbidden","required_enrollment":"Appropriate Level of API Access","reason":"client-not-enrolled","type":"https://api.twitter.com/2/problems/client-forbidden"}`
	bodyPermissions  = `{"title":"Forbidden","detail":"Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.","type":"https://api.twitter.com/2/problems/oauth1-permissions","status":403}`
	bodyUnavailable  = `{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503}`
	bodyNotFound     = `{"title":"Not Found Error","detail":"Not Found","type":"about:blank","status":404}`
)

// resetHeaders returns X's rate-limit headers for the given prefixes,
// each as "remaining@reset".
func resetHeaders(kv ...string) http.Header {
	h := http.Header{}
	for i := 0; i < len(kv); i += 2 {
		remaining, reset, _ := strings.Cut(kv[i+1], "@")
		h.Set(kv[i]+"-remaining", remaining)
		h.Set(kv[i]+"-reset", reset)
	}
	return h
}

func TestErrorTable(t *testing.T) {
	const soon, later = 1795000000, 1795050000
	tests := []struct {
		name    string
		path    string
		status  int
		header  http.Header
		body    string
		kind    publishers.Kind
		code    string
		message string
		retryAt int64 // Unix seconds; 0 means none
	}{
		{"401 unauthorized", tweets, 401, nil, bodyUnauthorized, publishers.KindAuth, "", "Unauthorized", 0},
		{"401 on upload", initialize, 401, nil, bodyUnauthorized, publishers.KindAuth, "", "Unauthorized", 0},
		{"403 duplicate", tweets, 403, nil, bodyDuplicate, publishers.KindDuplicate, "", "duplicate content", 0},
		{"403 v1.1 duplicate 187", tweets, 403, nil, body187, publishers.KindDuplicate, "187", "Status is a duplicate.", 0},
		{"403 access level 453", tweets, 403, nil, body453, publishers.KindAuth, "453", "subset of X API V2", 0},
		{"403 client forbidden", tweets, 403, nil, bodyClientForbid, publishers.KindAuth, "client-forbidden", "attached to a Project", 0},
		{"403 read-only app", tweets, 403, nil, bodyPermissions, publishers.KindAuth, "oauth1-permissions", "oauth1 app permissions", 0},
		{"403 other", tweets, 403, nil, `{"title":"Forbidden","detail":"You are not permitted to perform this action.","type":"about:blank","status":403}`,
			publishers.KindRejected, "", "not permitted", 0},
		{"400 invalid request", tweets, 400, nil, bodyInvalid, publishers.KindRejected, "invalid-request", "Tweet text is too long.", 0},
		{"400 expired media", initialize, 400, nil, bodyInvalid, publishers.KindRejected, "invalid-request", "too long", 0},
		{"404", tweets, 404, nil, bodyNotFound, publishers.KindPermanent, "", "Not Found", 0},
		{"413", appendPath, 413, nil, "", publishers.KindRejected, "", "Request Entity Too Large", 0},
		{"429 v1.1 code 88", tweets, 429, resetHeaders("x-rate-limit", "0@"+strconv.Itoa(soon)), bodyRateLimitV1,
			publishers.KindRateLimited, "88", "Rate limit exceeded", soon},
		{"429 24-hour user cap", tweets, 429, resetHeaders("x-rate-limit", "99@"+strconv.Itoa(soon), "x-user-limit-24hour", "0@"+strconv.Itoa(later)), bodyTooMany,
			publishers.KindRateLimited, "", "Too Many Requests", later},
		{"429 24-hour app cap", tweets, 429, resetHeaders("x-rate-limit", "5@"+strconv.Itoa(soon), "x-app-limit-24hour", "0@"+strconv.Itoa(later)), bodyTooMany,
			publishers.KindRateLimited, "", "Too Many Requests", later},
		{"429 window and day spent", tweets, 429, resetHeaders("x-rate-limit", "0@"+strconv.Itoa(soon), "x-user-limit-24hour", "0@"+strconv.Itoa(later)), bodyTooMany,
			publishers.KindRateLimited, "", "", later},
		{"429 none marked spent", tweets, 429, resetHeaders("x-rate-limit", "3@"+strconv.Itoa(soon), "x-user-limit-24hour", "7@"+strconv.Itoa(later)), bodyTooMany,
			publishers.KindRateLimited, "", "", soon},
		{"429 no headers", tweets, 429, nil, bodyTooMany, publishers.KindRateLimited, "", "", 0},
		{"429 on upload", initialize, 429, resetHeaders("x-rate-limit", "0@"+strconv.Itoa(soon)), bodyTooMany, publishers.KindRateLimited, "", "", soon},
		{"503 on the post", tweets, 503, nil, bodyUnavailable, publishers.KindUnknown, "", "Service Unavailable", 0},
		{"500 html on the post", tweets, 500, nil, "<html>oops</html>", publishers.KindUnknown, "", "Internal Server Error", 0},
		{"504 on the post", tweets, 504, nil, "", publishers.KindUnknown, "", "Gateway Timeout", 0},
		{"408 on the post", tweets, 408, nil, "", publishers.KindUnknown, "", "Request Timeout", 0},
		{"503 on initialize", initialize, 503, nil, bodyUnavailable, publishers.KindTransient, "", "Service Unavailable", 0},
		{"500 on append", appendPath, 500, nil, "", publishers.KindTransient, "", "", 0},
		{"502 on finalize", finalize, 502, nil, "", publishers.KindTransient, "", "", 0},
		{"503 on alt text", metadata, 503, nil, bodyUnavailable, publishers.KindTransient, "", "", 0},
		{"message echoing a token is scrubbed", tweets, 401, nil,
			`{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Token ` + creds.AccessToken + ` is invalid"}`,
			publishers.KindAuth, "", "Token [redacted] is invalid", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.fake.Inject(xfake.Fault{Path: tt.path, Status: tt.status, Header: tt.header, Body: tt.body})
			_, err := h.pub.Publish(context.Background(), request(imagePost(t)))
			e := asError(t, err)
			if e.Kind != tt.kind || e.Status != tt.status || e.Code != tt.code || e.Platform != "x" {
				t.Errorf("got kind %v status %d code %q platform %q, want %v %d %q x", e.Kind, e.Status, e.Code, e.Platform, tt.kind, tt.status, tt.code)
			}
			if !strings.Contains(e.Message, tt.message) {
				t.Errorf("message %q does not contain %q", e.Message, tt.message)
			}
			var want time.Time
			if tt.retryAt != 0 {
				want = time.Unix(tt.retryAt, 0)
			}
			if !e.RetryAt.Equal(want) {
				t.Errorf("RetryAt %v, want %v", e.RetryAt, want)
			}
			if e.ExistingID != "" {
				t.Errorf("ExistingID %q; X names no earlier post", e.ExistingID)
			}
			if n := len(h.fake.Posts()); n != 0 {
				t.Errorf("fake has %d posts after a failed attempt", n)
			}
			assertNoLeak(t, h, err)
		})
	}
}

func TestTransportFailures(t *testing.T) {
	tests := []struct {
		name      string
		fault     xfake.Fault
		kind      publishers.Kind
		published int // posts the fake holds afterwards
	}{
		{"post processed, then connection dropped", xfake.Fault{Path: tweets, Action: xfake.ProcessThenDrop}, publishers.KindUnknown, 1},
		{"post processed, then no answer", xfake.Fault{Path: tweets, Action: xfake.ProcessThenHang}, publishers.KindUnknown, 1},
		{"post dropped unprocessed", xfake.Fault{Path: tweets, Action: xfake.Drop}, publishers.KindUnknown, 0},
		{"post answered too late", xfake.Fault{Path: tweets, Action: xfake.Delay, Delay: 3 * time.Second}, publishers.KindUnknown, 0},
		{"initialize dropped", xfake.Fault{Path: initialize, Action: xfake.Drop}, publishers.KindTransient, 0},
		{"append hangs", xfake.Fault{Path: appendPath, Action: xfake.ProcessThenHang}, publishers.KindTransient, 0},
		{"finalize dropped", xfake.Fault{Path: finalize, Action: xfake.ProcessThenDrop}, publishers.KindTransient, 0},
		{"alt text too slow", xfake.Fault{Path: metadata, Action: xfake.Delay, Delay: 3 * time.Second}, publishers.KindTransient, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel() // each waits out its timeout
			h := newHarness(t)
			h.fake.Inject(tt.fault)
			c := postgate.Content{Text: "Just words."}
			if tt.fault.Path != tweets {
				c = imagePost(t)
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Second)
			defer cancel()
			_, err := h.pub.Publish(ctx, request(c))
			if k := asError(t, err).Kind; k != tt.kind {
				t.Errorf("kind %v (%v), want %v", k, err, tt.kind)
			}
			if n := len(h.fake.Posts()); n != tt.published {
				t.Errorf("fake has %d posts, want %d", n, tt.published)
			}
			assertNoLeak(t, h, err)
		})
	}
}

func TestConnectionRefusedIsTransient(t *testing.T) {
	h := newHarness(t)
	h.fake.Close() // nothing listens: the post cannot have been sent
	_, err := h.pub.Publish(context.Background(), request(postgate.Content{Text: "Hello"}))
	if k := asError(t, err).Kind; k != publishers.KindTransient {
		t.Errorf("kind %v (%v), want transient", k, err)
	}
	assertNoLeak(t, h, err)
}

func TestCancelledBeforeSendingIsTransient(t *testing.T) {
	h := newHarness(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := h.pub.Publish(ctx, request(postgate.Content{Text: "Hello"}))
	if k := asError(t, err).Kind; k != publishers.KindTransient {
		t.Errorf("kind %v (%v), want transient", k, err)
	}
}

func TestDuplicateFromFake(t *testing.T) {
	h := newHarness(t)
	req := request(postgate.Content{Text: "Same words twice."})
	if _, err := h.pub.Publish(context.Background(), req); err != nil {
		t.Fatalf("first Publish: %v", err)
	}
	_, err := h.pub.Publish(context.Background(), req)
	if k := asError(t, err).Kind; k != publishers.KindDuplicate {
		t.Errorf("second Publish: kind %v (%v), want duplicate", k, err)
	}
}

func TestDailyLimitFromFake(t *testing.T) {
	h := newHarness(t)
	h.fake.SetDailyLimit(1)
	if _, err := h.pub.Publish(context.Background(), request(postgate.Content{Text: "One."})); err != nil {
		t.Fatalf("first Publish: %v", err)
	}
	_, err := h.pub.Publish(context.Background(), request(postgate.Content{Text: "Two."}))
	e := asError(t, err)
	if e.Kind != publishers.KindRateLimited || time.Until(e.RetryAt) < 23*time.Hour {
		t.Errorf("got %v retry at %v, want rate-limited for about a day", e.Kind, e.RetryAt)
	}
}

func TestWrongSecretIsAuth(t *testing.T) {
	h := newHarness(t)
	s := settings(h.fake.URL)
	s["access_token_secret"] = "not-the-secret"
	pub, err := newPublisher(s)
	if err != nil {
		t.Fatal(err)
	}
	_, err = pub.Publish(context.Background(), request(postgate.Content{Text: "Hello"}))
	if k := asError(t, err).Kind; k != publishers.KindAuth {
		t.Errorf("kind %v (%v), want auth", k, err)
	}
}

func TestTooLongIsRejectedBeforeSending(t *testing.T) {
	h := newHarness(t)
	_, err := h.pub.Publish(context.Background(), request(postgate.Content{Text: strings.Repeat("a", 281)}))
	if k := asError(t, err).Kind; k != publishers.KindRejected {
		t.Errorf("kind %v (%v), want rejected", k, err)
	}
	if strings.Contains(h.log.String(), "/2/tweets") {
		t.Error("a request was sent for text that cannot fit")
	}
}

// imagePost is content with one small image, so every upload step runs.
func imagePost(t *testing.T) postgate.Content {
	return postgate.Content{Text: "Spring workshop.", Media: []postgate.Media{{Path: "a.jpg", File: writeJPEG(t, true), Alt: "Tulips"}}}
}

func asError(t *testing.T, err error) *publishers.Error {
	t.Helper()
	e, ok := err.(*publishers.Error)
	if !ok {
		t.Fatalf("error %v (%T) is not a *publishers.Error", err, err)
	}
	return e
}

// assertNoLeak checks that no credential appears in the error, however it
// is printed, or in anything logged.
func assertNoLeak(t *testing.T, h harness, err error) {
	t.Helper()
	assertNoSecret(t, "error", errString(err))
	assertNoSecret(t, "error %+v", fmt.Sprintf("%+v", err))
	assertNoSecret(t, "error %#v", fmt.Sprintf("%#v", err))
	assertNoSecret(t, "log", h.log.String())
}

func assertNoSecret(t *testing.T, where, s string) {
	t.Helper()
	for _, v := range []string{creds.ConsumerKey, creds.ConsumerSecret, creds.AccessToken, creds.AccessTokenSecret} {
		if strings.Contains(s, v) {
			t.Errorf("%s contains a credential: %s", where, s)
		}
	}
}
