package graph_test

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/graph"
)

// graphError builds a Graph error body as documented in platform-apis.md §2.3.
func graphError(code, subcode int, typ, msg string, transient bool) string {
	extra := ""
	if subcode != 0 {
		extra += fmt.Sprintf(`,"error_subcode":%d`, subcode)
	}
	if transient {
		extra += `,"is_transient":true`
	}
	return fmt.Sprintf(`{"error":{"message":%q,"type":%q,"code":%d%s,"fbtrace_id":"EJplcsCHuLu"}}`, msg, typ, code, extra)
}

// serve answers every request with status, body and headers.
func serve(t *testing.T, status int, body string, header map[string]string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestClassifyDocumentedErrors(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		status    int
		body      string
		header    map[string]string
		write     bool
		kind      publishers.Kind
		code      string
		retryAt   time.Time
		inMessage string
	}{
		{"190 expired", 400, graphError(190, 463, "OAuthException", "Error validating access token: Session has expired", false), nil, true, publishers.KindAuth, "190/463", time.Time{}, "Session has expired"},
		{"190 app not installed", 400, graphError(190, 458, "OAuthException", "Error validating access token: The user has not authorized application", false), nil, false, publishers.KindAuth, "190/458", time.Time{}, ""},
		{"190 checkpoint", 400, graphError(190, 459, "OAuthException", "Error validating access token: You cannot access the app till you log in", false), nil, false, publishers.KindAuth, "190/459", time.Time{}, ""},
		{"190 password changed", 400, graphError(190, 460, "OAuthException", "Error validating access token: The session has been invalidated because the user changed their password", false), nil, false, publishers.KindAuth, "190/460", time.Time{}, ""},
		{"190 unconfirmed", 400, graphError(190, 464, "OAuthException", "Error validating access token: Sessions for the user are not allowed because the user is not a confirmed user", false), nil, false, publishers.KindAuth, "190/464", time.Time{}, ""},
		{"190 invalid", 401, graphError(190, 467, "OAuthException", "Invalid OAuth access token", false), nil, true, publishers.KindAuth, "190/467", time.Time{}, ""},
		{"102 session", 400, graphError(102, 0, "OAuthException", "Session key invalid or no longer valid", false), nil, false, publishers.KindAuth, "102", time.Time{}, ""},
		{"104 no token", 400, graphError(104, 0, "OAuthException", "An access token is required to request this resource.", false), nil, false, publishers.KindAuth, "104", time.Time{}, ""},
		{"10 permission", 403, graphError(10, 0, "OAuthException", "(#10) Application does not have permission for this action", false), nil, true, publishers.KindAuth, "10", time.Time{}, ""},
		{"200 permission", 403, graphError(200, 0, "OAuthException", "(#200) The user hasn't authorized the application to perform this action", false), nil, true, publishers.KindAuth, "200", time.Time{}, ""},
		{"299 permission", 403, graphError(299, 0, "OAuthException", "(#299) Requires extended permission", false), nil, false, publishers.KindAuth, "299", time.Time{}, ""},
		{"1 read", 500, graphError(1, 0, "OAuthException", "An unknown error occurred", false), nil, false, publishers.KindTransient, "1", time.Time{}, ""},
		{"1 write", 500, graphError(1, 0, "OAuthException", "An unknown error occurred", false), nil, true, publishers.KindUnknown, "1", time.Time{}, ""},
		{"2 read", 500, graphError(2, 0, "OAuthException", "An unexpected error has occurred. Please retry your request later.", true), nil, false, publishers.KindTransient, "2", time.Time{}, ""},
		{"2 write published anyway", 500, graphError(2, 0, "OAuthException", "An unexpected error has occurred. Please retry your request later.", true), nil, true, publishers.KindUnknown, "2", time.Time{}, "retry"},
		{"is_transient other code read", 500, graphError(6000, 0, "OAuthException", "Temporary failure", true), nil, false, publishers.KindTransient, "6000", time.Time{}, ""},
		{"is_transient other code write", 500, graphError(6000, 0, "OAuthException", "Temporary failure", true), nil, true, publishers.KindUnknown, "6000", time.Time{}, ""},
		{"4 app throttle", 400, graphError(4, 0, "OAuthException", "(#4) Application request limit reached", false),
			map[string]string{"X-App-Usage": `{"call_count":100,"total_time":25,"total_cputime":25}`}, true, publishers.KindRateLimited, "4", time.Time{}, ""},
		{"17 user throttle", 400, graphError(17, 0, "OAuthException", "(#17) User request limit reached", false), nil, true, publishers.KindRateLimited, "17", time.Time{}, ""},
		{"32 page throttle", 400, graphError(32, 0, "OAuthException", "(#32) Page request limit reached", false),
			map[string]string{"X-Page-Usage": `{"call_count":100,"total_time":20,"total_cputime":20,"estimated_time_to_regain_access":12}`}, true, publishers.KindRateLimited, "32", now.Add(12 * time.Minute), ""},
		{"613 custom throttle", 400, graphError(613, 0, "OAuthException", "(#613) Calls to this api have exceeded the rate limit.", false), nil, false, publishers.KindRateLimited, "613", time.Time{}, ""},
		{"80001 pages BUC", 400, graphError(80001, 0, "OAuthException", "There have been too many calls to this Page account. Wait a bit and try again.", false),
			map[string]string{"X-Business-Use-Case-Usage": `{"1234567890":[{"type":"pages","call_count":100,"total_cputime":10,"total_time":10,"estimated_time_to_regain_access":45}]}`}, true, publishers.KindRateLimited, "80001", now.Add(45 * time.Minute), ""},
		{"341 app limit", 400, graphError(341, 0, "OAuthException", "(#341) Application limit reached", false), nil, true, publishers.KindRateLimited, "341", time.Time{}, ""},
		{"506 duplicate", 400, graphError(506, 0, "OAuthException", "(#506) Duplicate status message", false), nil, true, publishers.KindDuplicate, "506", time.Time{}, "Duplicate status message"},
		{"368 repeated posting", 400, graphError(368, 1390008, "OAuthException", "You've already posted this. Posting the same content repeatedly on Facebook isn't allowed.", false), nil, true, publishers.KindRejected, "368/1390008", time.Time{}, "already posted"},
		{"1609005 link scrape", 400, graphError(1609005, 0, "OAuthException", "Error Posting Link", false), nil, true, publishers.KindRejected, "1609005", time.Time{}, ""},
		{"9004 media download", 400, graphError(9004, 2207052, "OAuthException", "Only photo or video can be accepted as media type.", false), nil, false, publishers.KindRejected, "9004/2207052", time.Time{}, "Only photo"},
		{"1/2207005 unsupported format", 400, graphError(1, 2207005, "OAuthException", "Unsupported format", false), nil, true, publishers.KindRejected, "1/2207005", time.Time{}, ""},
		{"9/2207042 publishing limit", 400, graphError(9, 2207042, "OAuthException", "Application request limit reached", false), nil, true, publishers.KindRateLimited, "9/2207042", time.Time{}, ""},
		{"100 bad parameter", 400, graphError(100, 0, "OAuthException", "(#100) Invalid parameter", false), nil, true, publishers.KindPermanent, "100", time.Time{}, ""},
		{"HTML 502 read", 502, "<html>Bad Gateway</html>", nil, false, publishers.KindTransient, "", time.Time{}, ""},
		{"HTML 502 write", 502, "<html>Bad Gateway</html>", nil, true, publishers.KindUnknown, "", time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := serve(t, tt.status, tt.body, tt.header)
			s := graph.NewSession(graph.Config{APIBase: srv.URL, Token: publishers.NewSecret("tok")}, srv.Client())
			res, err := s.Post("/1234567890/feed", nil)
			e := graph.ClassifyAt(now, "facebook", res, err, tt.write)
			if e == nil {
				t.Fatalf("Classify(%v) = nil", err)
			}
			if e.Kind != tt.kind || e.Code != tt.code || !e.RetryAt.Equal(tt.retryAt) {
				t.Errorf("got kind %v code %q retryAt %v; want %v %q %v", e.Kind, e.Code, e.RetryAt, tt.kind, tt.code, tt.retryAt)
			}
			if e.Platform != "facebook" {
				t.Errorf("Platform = %q", e.Platform)
			}
			if !strings.Contains(e.Message, tt.inMessage) {
				t.Errorf("Message %q does not contain %q", e.Message, tt.inMessage)
			}
		})
	}
}

func TestClassifyHidesQuotedToken(t *testing.T) {
	const tok = "EAAGm0PX4ZCpsBAKZBZCq5SECRET"
	srv := serve(t, 400, graphError(190, 0, "OAuthException", "Malformed access token "+tok, false), nil)
	s := graph.NewSession(graph.Config{APIBase: srv.URL, Token: publishers.NewSecret(tok)}, srv.Client())
	res, err := s.Get("/me", nil)
	e := graph.Classify("facebook", res, err, false)
	if strings.Contains(e.Error(), tok) || !strings.Contains(e.Message, "Malformed access token [redacted]") {
		t.Errorf("message %q", e.Message)
	}
}

func TestClassifyNil(t *testing.T) {
	if e := graph.Classify("facebook", nil, nil, true); e != nil {
		t.Fatalf("Classify(nil) = %v", e)
	}
}

func TestClassifyUserMessage(t *testing.T) {
	body := `{"error":{"message":"Invalid parameter","type":"OAuthException","code":100,"error_subcode":1366046,` +
		`"error_user_title":"Photo too big","error_user_msg":"The photo you uploaded is too big.","fbtrace_id":"A1"}}`
	srv := serve(t, 400, body, nil)
	s := graph.NewSession(graph.Config{APIBase: srv.URL, Token: publishers.NewSecret("tok")}, srv.Client())
	res, err := s.Post("/1/photos", nil)
	e := graph.Classify("facebook", res, err, false)
	if want := "Invalid parameter (The photo you uploaded is too big.)"; e.Message != want {
		t.Errorf("Message = %q, want %q", e.Message, want)
	}
}

// TestClassifyTransport checks the transport failures: a refused connection
// never reached Graph, so it is transient even on a write; a dropped
// connection or a timeout after sending is unknown on a write.
func TestClassifyTransport(t *testing.T) {
	refused := refusedURL(t)
	dropped := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer dropped.Close()
	slow := hangingServer(t)

	tests := []struct {
		name  string
		base  string
		write bool
		kind  publishers.Kind
	}{
		{"refused read", refused, false, publishers.KindTransient},
		{"refused write", refused, true, publishers.KindTransient},
		{"dropped read", dropped.URL, false, publishers.KindTransient},
		{"dropped write", dropped.URL, true, publishers.KindUnknown},
		{"timeout read", slow.URL, false, publishers.KindTransient},
		{"timeout write", slow.URL, true, publishers.KindUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hc := &http.Client{Timeout: 100 * time.Millisecond}
			s := graph.NewSession(graph.Config{APIBase: tt.base, Token: publishers.NewSecret("tok")}, hc)
			res, err := s.Post("/1/feed", nil)
			e := graph.Classify("facebook", res, err, tt.write)
			if e == nil || e.Kind != tt.kind {
				t.Fatalf("Classify(%v) = %v, want kind %v", err, e, tt.kind)
			}
			if e.Err == nil {
				t.Errorf("transport error lost its cause")
			}
		})
	}
}

// refusedURL returns the URL of a port nothing listens on.
func refusedURL(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr
}

// hangingServer reads each request and never answers until the test ends.
func hangingServer(t *testing.T) *httptest.Server {
	t.Helper()
	done := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-done:
		}
	}))
	t.Cleanup(func() { close(done); srv.Close() })
	return srv
}

func TestClassifyKeepsTimeout(t *testing.T) {
	srv := hangingServer(t)
	s := graph.NewSession(graph.Config{APIBase: srv.URL, Token: publishers.NewSecret("tok")}, &http.Client{Timeout: 50 * time.Millisecond})
	res, err := s.Get("/1/feed", nil)
	e := graph.Classify("facebook", res, err, false)
	var timeout interface{ Timeout() bool }
	if !errors.As(e, &timeout) || !timeout.Timeout() {
		t.Errorf("error %v no longer reports a timeout", e)
	}
}
