package instagram_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/instagram/igfake"
)

// documented are the error bodies of platform-apis.md §2.3 and §3.3 and of
// Meta's Instagram error-code reference, with the kind each must get when
// it answers the container creation and when it answers media_publish.
var documented = []struct {
	name          string
	fail          igfake.Failure // Method and Path are set per step
	create, write publishers.Kind
	retryIn       time.Duration // RetryAt - now, when set
}{
	{name: "9004/2207052 media download failed", fail: body(igfake.ErrDownload), create: publishers.KindTransient, write: publishers.KindTransient},
	{name: "1/2207005 unsupported format", fail: body(igfake.Error{Code: 1, Subcode: 2207005, Message: "Unsupported format"}), create: publishers.KindRejected, write: publishers.KindRejected},
	{name: "36001/2207005 unsupported format", fail: body(igfake.ErrFormat), create: publishers.KindRejected, write: publishers.KindRejected},
	{name: "36000/2207004 image too large", fail: body(igfake.ErrTooLarge), create: publishers.KindRejected, write: publishers.KindRejected},
	{name: "-2/2207003 download timeout", fail: body(igfake.Error{Code: -2, Subcode: 2207003, Message: "It takes too long to download the media."}), create: publishers.KindTransient, write: publishers.KindTransient},
	{name: "-2/2207020 container expired", fail: body(igfake.Error{Code: -2, Subcode: 2207020, Message: "The media you are trying to access has expired. Please try to upload again."}), create: publishers.KindTransient, write: publishers.KindTransient},
	{name: "-1/2207001 server error", fail: body(igfake.ErrServer), create: publishers.KindTransient, write: publishers.KindTransient},
	{name: "-1/2207032 create failed", fail: body(igfake.Error{Code: -1, Subcode: 2207032, Message: "Create media fail, please try to re-create media"}), create: publishers.KindTransient, write: publishers.KindTransient},
	{name: "-1/2207053 unknown upload error", fail: body(igfake.Error{Code: -1, Subcode: 2207053, Message: "unknown upload error"}), create: publishers.KindTransient, write: publishers.KindTransient},
	{name: "2207082 processing failed", fail: body(igfake.Error{Code: -1, Subcode: 2207082, Message: "Media processing failed"}), create: publishers.KindTransient, write: publishers.KindTransient},
	{name: "2207085 processing failed", fail: body(igfake.Error{Code: -1, Subcode: 2207085, Message: "Media processing failed"}), create: publishers.KindTransient, write: publishers.KindTransient},
	{name: "1/2207057 thumbnail offset", fail: body(igfake.Error{Code: 1, Subcode: 2207057, Message: "Thumbnail offset must be greater than or equal to 0"}), create: publishers.KindRejected, write: publishers.KindRejected},
	{name: "352/2207026 unsupported video", fail: body(igfake.Error{Code: 352, Subcode: 2207026, Message: "The video format is not supported."}), create: publishers.KindRejected, write: publishers.KindRejected},
	{name: "4/2207051 spam restriction", fail: body(igfake.ErrSpam), create: publishers.KindRejected, write: publishers.KindRejected},
	{name: "9/2207042 publishing limit", fail: body(igfake.ErrQuota), create: publishers.KindRateLimited, write: publishers.KindRateLimited},
	{name: "24/2207006 media not found", fail: body(igfake.Error{Code: 24, Subcode: 2207006, Message: "The media with id 1790 cannot be found"}), create: publishers.KindTransient, write: publishers.KindTransient},
	{name: "24/2207008 builder gone", fail: body(igfake.Error{Code: 24, Subcode: 2207008, Message: "The media builder with creation id = 1790 does not exist or has been expired."}), create: publishers.KindTransient, write: publishers.KindTransient, retryIn: time.Minute},
	{name: "25/2207050 account restricted", fail: body(igfake.Error{Code: 25, Subcode: 2207050, Message: "The Instagram account is restricted"}), create: publishers.KindAuth, write: publishers.KindAuth},
	{name: "9007/2207027 not ready", fail: body(igfake.ErrNotReady), create: publishers.KindTransient, write: publishers.KindTransient, retryIn: 15 * time.Second},
	{name: "190/463 token expired", fail: body(igfake.ErrExpiredToken), create: publishers.KindAuth, write: publishers.KindAuth},
	{name: "190 token invalid", fail: body(igfake.ErrBadToken), create: publishers.KindAuth, write: publishers.KindAuth},
	{name: "10 permission missing", fail: body(igfake.Error{Code: 10, Message: "(#10) Application does not have permission for this action"}), create: publishers.KindAuth, write: publishers.KindAuth},
	{name: "200 permission missing", fail: body(igfake.Error{Code: 200, Message: "(#200) Requires instagram_content_publish permission"}), create: publishers.KindAuth, write: publishers.KindAuth},
	{name: "4 app throttle", fail: igfake.Failure{Body: igfake.Error{Code: 4, Message: "(#4) Application request limit reached"}.Body(),
		Header: http.Header{"X-Business-Use-Case-Usage": {`{"17841400000000001":[{"type":"instagram","call_count":100,"total_cputime":5,"total_time":5,"estimated_time_to_regain_access":30}]}`}}},
		create: publishers.KindRateLimited, write: publishers.KindRateLimited, retryIn: 30 * time.Minute},
	{name: "17 user throttle", fail: body(igfake.Error{Code: 17, Message: "(#17) User request limit reached"}), create: publishers.KindRateLimited, write: publishers.KindRateLimited},
	{name: "32 page throttle", fail: body(igfake.Error{Code: 32, Message: "(#32) Page request limit reached"}), create: publishers.KindRateLimited, write: publishers.KindRateLimited},
	{name: "613 custom throttle", fail: body(igfake.Error{Code: 613, Message: "(#613) Calls to this api have exceeded the rate limit."}), create: publishers.KindRateLimited, write: publishers.KindRateLimited},
	{name: "100 invalid parameter", fail: body(igfake.Error{Code: 100, Message: "(#100) Invalid parameter"}), create: publishers.KindPermanent, write: publishers.KindPermanent},
	{name: "1 unknown error", fail: igfake.Failure{Status: 500, Body: igfake.Error{Code: 1, Message: "An unknown error occurred"}.Body()}, create: publishers.KindTransient, write: publishers.KindUnknown},
	{name: "2 unexpected, 500", fail: igfake.Failure{Status: 500}, create: publishers.KindTransient, write: publishers.KindUnknown},
	{name: "502 HTML", fail: igfake.Failure{Status: 502, Body: "<html><body>Bad Gateway</body></html>"}, create: publishers.KindTransient, write: publishers.KindUnknown},
	{name: "503 empty body", fail: igfake.Failure{Status: 503, Body: " "}, create: publishers.KindTransient, write: publishers.KindUnknown},
	{name: "connection dropped", fail: igfake.Failure{Action: igfake.Drop}, create: publishers.KindTransient, write: publishers.KindUnknown},
	{name: "timeout", fail: igfake.Failure{Action: igfake.Hang}, create: publishers.KindTransient, write: publishers.KindUnknown},
}

// body is a failure answering a documented Graph error with HTTP 400.
func body(e igfake.Error) igfake.Failure { return igfake.Failure{Body: e.Body()} }

func TestDocumentedErrors(t *testing.T) {
	for _, tt := range documented {
		t.Run("create/"+tt.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, igfake.Options{})
			f := tt.fail
			f.Method, f.Path = http.MethodPost, "/media"
			e.fake.Fail(f)
			_, err := e.pub.Prepare(context.Background(), e.imagePost(t, "Hello", 400, 400))
			checkFailure(t, e, err, tt.create, tt.retryIn)
		})
		t.Run("publish/"+tt.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, igfake.Options{})
			req := e.imagePost(t, "Hello", 400, 400)
			var err error
			if req.Handle, err = e.pub.Prepare(context.Background(), req); err != nil {
				t.Fatalf("Prepare: %v", err)
			}
			f := tt.fail
			f.Method, f.Path = http.MethodPost, "/media_publish"
			e.fake.Fail(f)
			_, err = e.pub.Publish(context.Background(), req)
			checkFailure(t, e, err, tt.write, tt.retryIn)
		})
	}
}

// checkFailure asserts err's kind and retry time, that it carries the
// platform's words, and that no secret leaked into it or the log.
func checkFailure(t *testing.T, e *env, err error, kind publishers.Kind, retryIn time.Duration) {
	t.Helper()
	pe := wantKind(t, err, kind)
	if retryIn != 0 && !pe.RetryAt.Equal(fixedNow.Add(retryIn)) {
		t.Errorf("RetryAt %v, want now+%v", pe.RetryAt, retryIn)
	}
	if pe.Message == "" && pe.Err == nil {
		t.Error("error carries neither the platform's message nor a cause")
	}
	assertNoSecrets(t, e, err.Error())
}

// assertNoSecrets fails if the token, the app secret or the proof made
// from them appears in s or in anything logged.
func assertNoSecrets(t *testing.T, e *env, s string) {
	t.Helper()
	proof := igfake.Proof(testAppSecret, testToken)
	for _, secret := range []string{testToken, testAppSecret, proof} {
		if strings.Contains(s, secret) {
			t.Errorf("secret in error: %s", s)
		}
		if strings.Contains(e.logs.String(), secret) {
			t.Errorf("secret in log:\n%s", e.logs.String())
		}
	}
}

func TestStatusReadFailuresAreTransient(t *testing.T) {
	// net/http resends an idempotent GET once when a reused connection
	// drops, so a drop must happen twice to reach the connector.
	for _, f := range []igfake.Failure{{Status: 500}, {Action: igfake.Drop, Times: 2}, body(igfake.ErrServer)} {
		e := newEnv(t, igfake.Options{})
		req := e.imagePost(t, "Hello", 400, 400)
		var err error
		if req.Handle, err = e.pub.Prepare(context.Background(), req); err != nil {
			t.Fatalf("Prepare: %v", err)
		}
		f.Method, f.Path = http.MethodGet, ""
		e.fake.Fail(f)
		_, err = e.pub.Publish(context.Background(), req)
		checkFailure(t, e, err, publishers.KindTransient, 0)
	}
}

// A write that took effect but whose answer was lost is KindUnknown;
// reconciling finds it, and publishing again with the stored handle
// returns the receipt without a second post.
func TestLostAnswerIsReconciled(t *testing.T) {
	for _, action := range []igfake.Action{igfake.ProcessThenDrop, igfake.ProcessThenHang} {
		e := newEnv(t, igfake.Options{})
		req := e.imagePost(t, "Free workshop: coping with stress", 400, 400)
		ctx := context.Background()
		var err error
		if req.Handle, err = e.pub.Prepare(ctx, req); err != nil {
			t.Fatalf("Prepare: %v", err)
		}
		e.fake.Fail(igfake.Failure{Method: http.MethodPost, Path: "/media_publish", Action: action})
		_, err = e.pub.Publish(ctx, req)
		checkFailure(t, e, err, publishers.KindUnknown, 0)

		r, found, err := e.pub.Reconcile(ctx, req, fixedNow)
		if err != nil || !found {
			t.Fatalf("Reconcile = %v, %v; want found", found, err)
		}
		again, err := e.pub.Publish(ctx, req)
		if err != nil {
			t.Fatalf("Publish after unknown: %v", err)
		}
		posts := e.fake.Posts()
		if len(posts) != 1 || r.ID != posts[0].ID || again.ID != posts[0].ID {
			t.Errorf("posts %d, reconciled %s, republished %s; want one post %s", len(posts), r.ID, again.ID, posts[0].ID)
		}
	}
}
