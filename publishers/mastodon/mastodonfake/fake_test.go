package mastodonfake_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connections/postgate/publishers/mastodon/mastodonfake"
)

// fakeClock is a settable clock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func newServer(t *testing.T, cfg mastodonfake.Config) (*mastodonfake.Server, *fakeClock) {
	c := &fakeClock{t: time.Date(2026, 11, 25, 10, 1, 0, 0, time.UTC)}
	cfg.Now = c.Now
	return mastodonfake.New(t, cfg), c
}

// send makes one request with the default token (unless header overrides
// Authorization) and returns the status and body.
func send(t *testing.T, method, u, contentType, body string, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+mastodonfake.DefaultToken)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func postJSON(t *testing.T, s *mastodonfake.Server, body string, key string) (int, string) {
	t.Helper()
	h := map[string]string{}
	if key != "" {
		h["Idempotency-Key"] = key
	}
	resp, b := send(t, "POST", s.URL+"/api/v1/statuses", "application/json", body, h)
	return resp.StatusCode, b
}

func TestAuth(t *testing.T) {
	s, _ := newServer(t, mastodonfake.Config{})
	for _, auth := range []string{"", "Bearer wrong", "Basic " + mastodonfake.DefaultToken} {
		resp, body := send(t, "GET", s.URL+"/api/v1/accounts/verify_credentials", "", "", map[string]string{"Authorization": auth})
		if resp.StatusCode != 401 || body != mastodonfake.BodyInvalidToken {
			t.Errorf("Authorization %q: %d %s, want 401", auth, resp.StatusCode, body)
		}
	}
	if resp, _ := send(t, "GET", s.URL+"/api/v1/accounts/verify_credentials", "", "", nil); resp.StatusCode != 200 {
		t.Errorf("valid token: %d", resp.StatusCode)
	}
}

func TestIdempotencyKey(t *testing.T) {
	s, clock := newServer(t, mastodonfake.Config{})
	status1, b1 := postJSON(t, s, `{"status":"hello"}`, "k1")
	clock.Add(30 * time.Minute)
	status2, b2 := postJSON(t, s, `{"status":"hello, changed"}`, "k1")
	if status1 != 200 || status2 != 200 || b1 != b2 {
		t.Fatalf("repeat within the hour: %d %s / %d %s, want the same status", status1, b1, status2, b2)
	}
	postJSON(t, s, `{"status":"other"}`, "k2")
	clock.Add(31 * time.Minute)
	_, b3 := postJSON(t, s, `{"status":"hello"}`, "k1")
	if b3 == b1 {
		t.Error("a key older than an hour still returned the old status")
	}
	postJSON(t, s, `{"status":"no key"}`, "")
	postJSON(t, s, `{"status":"no key"}`, "")
	if n := len(s.Statuses()); n != 5 {
		t.Errorf("%d statuses, want 5", n)
	}
}

func TestStatusValidation(t *testing.T) {
	s, _ := newServer(t, mastodonfake.Config{MaxCharacters: 30})
	long := strings.Repeat("a", 31)
	tests := []struct {
		body, contentType string
		status            int
		message           string
	}{
		{`{"status":"fits https://example.org/` + long + `"}`, "application/json", 200, ""},
		{`{"status":"` + long + `"}`, "application/json", 422, "Text character limit of 30 exceeded"},
		{`{"status":"  "}`, "application/json", 422, "Text can't be blank"},
		{`{"status":"x","visibility":"friends"}`, "application/json", 422, "Visibility is not included"},
		{`{"status":"x","media_ids":["404"]}`, "application/json", 422, "not found"},
		{`{"status":`, "application/json", 400, "parsing"},
		{url.Values{"status": {"form body"}, "visibility": {"unlisted"}}.Encode(), "application/x-www-form-urlencoded", 200, ""},
	}
	for _, tt := range tests {
		resp, body := send(t, "POST", s.URL+"/api/v1/statuses", tt.contentType, tt.body, nil)
		if resp.StatusCode != tt.status || !strings.Contains(body, tt.message) {
			t.Errorf("%s: %d %s, want %d %q", tt.body, resp.StatusCode, body, tt.status, tt.message)
		}
	}
	if sts := s.Statuses(); len(sts) != 2 || sts[1].Visibility != "unlisted" {
		t.Errorf("statuses %+v", sts)
	}
}

// upload posts a multipart media upload.
func upload(t *testing.T, s *mastodonfake.Server, data []byte, description string) (int, map[string]any) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	part, _ := w.CreateFormFile("file", "image.png")
	part.Write(data)
	w.WriteField("description", description)
	w.Close()
	resp, body := send(t, "POST", s.URL+"/api/v2/media", w.FormDataContentType(), buf.String(), nil)
	var m map[string]any
	json.Unmarshal([]byte(body), &m)
	return resp.StatusCode, m
}

// pngBytes is the start of a PNG file: enough for content sniffing.
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

func TestMedia(t *testing.T) {
	s, _ := newServer(t, mastodonfake.Config{})
	if status, m := upload(t, s, []byte("plain text"), ""); status != 422 || !strings.Contains(m["error"].(string), "content type") {
		t.Errorf("text file: %d %v", status, m)
	}
	if status, m := upload(t, s, pngBytes, strings.Repeat("a", 1501)); status != 422 || !strings.Contains(m["error"].(string), "Description") {
		t.Errorf("long description: %d %v", status, m)
	}
	status, m := upload(t, s, pngBytes, "a chart")
	if status != 200 || m["url"] == nil || m["description"] != "a chart" {
		t.Fatalf("upload: %d %v", status, m)
	}
	id := m["id"].(string)
	if code, body := postJSON(t, s, `{"status":"x","media_ids":["`+id+`"]}`, ""); code != 200 {
		t.Fatalf("post with media: %d %s", code, body)
	}
	if code, body := postJSON(t, s, `{"status":"y","media_ids":["`+id+`"]}`, ""); code != 422 || !strings.Contains(body, "already attached") {
		t.Errorf("reuse of an attachment: %d %s", code, body)
	}

	s.SetProcessing(true)
	status, m = upload(t, s, pngBytes, "")
	if status != 202 || m["url"] != nil {
		t.Fatalf("processing upload: %d %v, want 202 with a null url", status, m)
	}
	id = m["id"].(string)
	if resp, _ := send(t, "GET", s.URL+"/api/v1/media/"+id, "", "", nil); resp.StatusCode != 206 {
		t.Errorf("GET while processing: %d, want 206", resp.StatusCode)
	}
	if code, body := postJSON(t, s, `{"status":"x","media_ids":["`+id+`"]}`, ""); code != 422 || !strings.Contains(body, "not finished processing") {
		t.Errorf("attach while processing: %d %s", code, body)
	}
	s.Finish()
	if resp, _ := send(t, "GET", s.URL+"/api/v1/media/"+id, "", "", nil); resp.StatusCode != 200 {
		t.Errorf("GET when done: %d, want 200", resp.StatusCode)
	}
	ids := `"` + id + `"`
	for range 4 {
		_, m := upload(t, s, pngBytes, "")
		ids += `,"` + m["id"].(string) + `"`
	}
	if code, body := postJSON(t, s, `{"status":"x","media_ids":[`+ids+`]}`, ""); code != 422 || !strings.Contains(body, "cannot be more than 4") {
		t.Errorf("five attachments: %d %s", code, body)
	}
}

func TestRateLimit(t *testing.T) {
	s, clock := newServer(t, mastodonfake.Config{RateLimit: 2})
	for i, want := range []int{200, 200, 429} {
		resp, body := send(t, "GET", s.URL+"/api/v1/accounts/verify_credentials", "", "", nil)
		if resp.StatusCode != want {
			t.Errorf("request %d: %d %s, want %d", i, resp.StatusCode, body, want)
		}
		if got := resp.Header.Get("X-RateLimit-Reset"); got != "2026-11-25T10:05:00.000Z" {
			t.Errorf("X-RateLimit-Reset %q", got)
		}
	}
	clock.Add(5 * time.Minute)
	if resp, _ := send(t, "GET", s.URL+"/api/v1/accounts/verify_credentials", "", "", nil); resp.StatusCode != 200 ||
		resp.Header.Get("X-RateLimit-Remaining") != "1" {
		t.Errorf("next window: %d remaining %s", resp.StatusCode, resp.Header.Get("X-RateLimit-Remaining"))
	}
}

func TestAccountStatuses(t *testing.T) {
	s, _ := newServer(t, mastodonfake.Config{})
	for _, text := range []string{"first", "second", "third"} {
		postJSON(t, s, `{"status":"`+text+`"}`, "")
	}
	_, body := send(t, "GET", s.URL+"/api/v1/accounts/109302118540327051/statuses?limit=2", "", "", nil)
	var got []struct{ Content string }
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Content != "<p>third</p>" || got[1].Content != "<p>second</p>" {
		t.Errorf("statuses %+v, want the newest two, newest first", got)
	}
	if resp, _ := send(t, "GET", s.URL+"/api/v1/accounts/1/statuses", "", "", nil); resp.StatusCode != 404 {
		t.Errorf("other account: %d, want 404", resp.StatusCode)
	}
}

func TestRender(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a & <b>", "<p>a &amp; &lt;b&gt;</p>"},
		{"one\ntwo\n\nthree", "<p>one<br />two</p><p>three</p>"},
	}
	for _, tt := range tests {
		if got := mastodonfake.Render(tt.in); got != tt.want {
			t.Errorf("Render(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
