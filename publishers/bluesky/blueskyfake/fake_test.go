package blueskyfake_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connections/postgate/publishers/bluesky/blueskyfake"
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

func newServer(t *testing.T) (*blueskyfake.Server, *fakeClock) {
	c := &fakeClock{t: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}
	return blueskyfake.New(t, blueskyfake.Config{Now: c.Now, AccessTTL: time.Minute, RefreshTTL: time.Hour}), c
}

// xrpc calls nsid with token (when set) and body (POST when set, else
// GET with query) and returns the status and decoded answer.
func xrpc(t *testing.T, s *blueskyfake.Server, nsid, token, contentType, body string) (int, map[string]any) {
	t.Helper()
	method, u := http.MethodGet, s.URL+"/xrpc/"+nsid
	if body != "" {
		method = http.MethodPost
	}
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var m map[string]any
	json.Unmarshal(b, &m)
	return resp.StatusCode, m
}

// login returns a fresh access and refresh token.
func login(t *testing.T, s *blueskyfake.Server) (string, string) {
	t.Helper()
	status, m := xrpc(t, s, "com.atproto.server.createSession", "", "application/json",
		`{"identifier":"`+blueskyfake.DefaultHandle+`","password":"`+blueskyfake.DefaultAppPassword+`"}`)
	if status != 200 {
		t.Fatalf("createSession: %d %v", status, m)
	}
	return m["accessJwt"].(string), m["refreshJwt"].(string)
}

func TestTokens(t *testing.T) {
	s, clock := newServer(t)
	access, refresh := login(t, s)
	forged := access[:len(access)-4] + "AAAA"
	tests := []struct {
		name, nsid, token string
		status            int
		errName           string
	}{
		{"access", "com.atproto.server.getSession", access, 200, ""},
		{"missing", "com.atproto.server.getSession", "", 401, "AuthMissing"},
		{"forged", "com.atproto.server.getSession", forged, 400, "InvalidToken"},
		{"refresh as access", "com.atproto.server.getSession", refresh, 400, "InvalidToken"},
		{"access as refresh", "com.atproto.server.refreshSession", access, 400, "InvalidToken"},
	}
	for _, tt := range tests {
		body := ""
		if strings.HasSuffix(tt.nsid, "refreshSession") {
			body = " "
		}
		status, m := xrpc(t, s, tt.nsid, tt.token, "", body)
		if status != tt.status || (tt.errName != "" && m["error"] != tt.errName) {
			t.Errorf("%s: %d %v, want %d %s", tt.name, status, m, tt.status, tt.errName)
		}
	}

	clock.Add(2 * time.Minute)
	if status, m := xrpc(t, s, "com.atproto.server.getSession", access, "", ""); status != 400 || m["error"] != "ExpiredToken" {
		t.Errorf("expired access: %d %v", status, m)
	}
	status, m := xrpc(t, s, "com.atproto.server.refreshSession", refresh, "", " ")
	if status != 200 || m["accessJwt"] == nil {
		t.Fatalf("refresh: %d %v", status, m)
	}
	if status, m := xrpc(t, s, "com.atproto.server.refreshSession", refresh, "", " "); status != 400 || m["error"] != "InvalidToken" {
		t.Errorf("spent refresh token: %d %v", status, m)
	}
	if status, _ := xrpc(t, s, "com.atproto.server.getSession", m["accessJwt"].(string), "", ""); status != 200 {
		t.Errorf("renewed access: %d", status)
	}
	s.ChangePassword("new1-new1-new1-new1")
	if status, m := xrpc(t, s, "com.atproto.server.getSession", m["accessJwt"].(string), "", ""); status != 400 || m["error"] != "InvalidToken" {
		t.Errorf("access after password change: %d %v", status, m)
	}
}

func TestLogin(t *testing.T) {
	s, clock := newServer(t)
	for _, body := range []string{
		`{"identifier":"someone.else","password":"` + blueskyfake.DefaultAppPassword + `"}`,
		`{"identifier":"` + blueskyfake.DefaultHandle + `","password":"wrong"}`,
	} {
		if status, m := xrpc(t, s, "com.atproto.server.createSession", "", "application/json", body); status != 401 || m["error"] != "AuthenticationRequired" {
			t.Errorf("%s: %d %v", body, status, m)
		}
	}
	if status, _ := xrpc(t, s, "com.atproto.server.createSession", "", "application/json",
		`{"identifier":"`+blueskyfake.DefaultDID+`","password":"`+blueskyfake.DefaultAppPassword+`"}`); status != 200 {
		t.Errorf("login by DID: %d", status)
	}
	for range blueskyfake.LoginLimit - 1 {
		login(t, s)
	}
	status, m := xrpc(t, s, "com.atproto.server.createSession", "", "application/json",
		`{"identifier":"`+blueskyfake.DefaultHandle+`","password":"`+blueskyfake.DefaultAppPassword+`"}`)
	if status != 429 || m["error"] != "RateLimitExceeded" {
		t.Errorf("login %d: %d %v, want 429", blueskyfake.LoginLimit+1, status, m)
	}
	clock.Add(5 * time.Minute)
	login(t, s)
	if n := len(s.Logins()); n != blueskyfake.LoginLimit+1 {
		t.Errorf("%d logins recorded", n)
	}
}

// post returns a createRecord body for record under rkey.
func post(rkey, record string) string {
	return `{"repo":"` + blueskyfake.DefaultDID + `","collection":"app.bsky.feed.post","rkey":"` + rkey + `","record":` + record + `}`
}

func TestCreateRecord(t *testing.T) {
	s, _ := newServer(t)
	access, _ := login(t, s)
	status, blob := xrpc(t, s, "com.atproto.repo.uploadBlob", access, "image/png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	if status != 200 {
		t.Fatalf("uploadBlob: %d %v", status, blob)
	}
	ref, _ := json.Marshal(blob["blob"])
	img := func(alt string) string {
		return `{` + alt + `"image":` + string(ref) + `,"aspectRatio":{"width":1,"height":1}}`
	}
	rec := func(extra string) string {
		return `{"$type":"app.bsky.feed.post","text":"café https://x.org","createdAt":"2026-11-25T10:00:00.000Z"` + extra + `}`
	}
	link := func(start, end int) string {
		return fmt.Sprintf(`,"facets":[{"index":{"byteStart":%d,"byteEnd":%d},"features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://x.org"}]}]`, start, end)
	}
	tests := []struct {
		name, body string
		status     int
		message    string
	}{
		{"valid", post("3aaaaaaaaaaa2", rec(link(6, 19)+`,"embed":{"$type":"app.bsky.embed.images","images":[`+img(`"alt":"a",`)+`]}`)), 200, ""},
		{"existing rkey", post("3aaaaaaaaaaa2", rec("")), 500, "Internal Server Error"},
		{"no rkey", post("", rec("")), 200, ""},
		{"bad $type", post("3aaaaaaaaaaa3", `{"$type":"app.bsky.feed.like","text":"x","createdAt":"2026-11-25T10:00:00Z"}`), 400, "$type"},
		{"bad createdAt", post("3aaaaaaaaaaa3", `{"$type":"app.bsky.feed.post","text":"x","createdAt":"yesterday"}`), 400, "createdAt"},
		{"facet past the end", post("3aaaaaaaaaaa3", rec(link(6, 20))), 400, "outside the text"},
		{"facet splits é", post("3aaaaaaaaaaa3", rec(link(4, 19))), 400, "splits a character"},
		{"missing alt", post("3aaaaaaaaaaa3", rec(`,"embed":{"$type":"app.bsky.embed.images","images":[`+img("")+`]}`)), 400, `"alt"`},
		{"five images", post("3aaaaaaaaaaa3", rec(`,"embed":{"$type":"app.bsky.embed.images","images":[`+
			strings.Repeat(img(`"alt":"",`)+",", 4)+img(`"alt":"",`)+`]}`)), 400, "1 to 4"},
		{"unknown blob", post("3aaaaaaaaaaa3", rec(`,"embed":{"$type":"app.bsky.embed.images","images":[{"alt":"","image":{"$type":"blob","ref":{"$link":"bafkreinope"},"mimeType":"image/png","size":16}}]}`)), 400, "could not find blob"},
		{"unknown field", post("3aaaaaaaaaaa3", rec(`,"title":"x"`)), 400, "unknown field"},
		{"too long", post("3aaaaaaaaaaa3", `{"$type":"app.bsky.feed.post","text":"`+strings.Repeat("a", 301)+`","createdAt":"2026-11-25T10:00:00Z"}`), 400, "300 graphemes"},
		{"other repo", strings.Replace(post("3aaaaaaaaaaa3", rec("")), blueskyfake.DefaultDID, "did:plc:other", 1), 400, "Could not find repo"},
	}
	for _, tt := range tests {
		status, m := xrpc(t, s, "com.atproto.repo.createRecord", access, "application/json", tt.body)
		msg, _ := m["message"].(string)
		if status != tt.status || !strings.Contains(msg, tt.message) {
			t.Errorf("%s: %d %v, want %d %q", tt.name, status, m, tt.status, tt.message)
		}
	}
	if n := len(s.Records()); n != 2 {
		t.Errorf("%d records, want 2", n)
	}

	q := "?repo=" + blueskyfake.DefaultDID + "&collection=app.bsky.feed.post&rkey="
	if status, m := xrpc(t, s, "com.atproto.repo.getRecord"+q+"3aaaaaaaaaaa2", access, "", ""); status != 200 ||
		m["uri"] != "at://"+blueskyfake.DefaultDID+"/app.bsky.feed.post/3aaaaaaaaaaa2" {
		t.Errorf("getRecord: %d %v", status, m)
	}
	if status, m := xrpc(t, s, "com.atproto.repo.getRecord"+q+"3zzzzzzzzzzzz", access, "", ""); status != 400 || m["error"] != "RecordNotFound" {
		t.Errorf("getRecord of a missing record: %d %v", status, m)
	}
}
