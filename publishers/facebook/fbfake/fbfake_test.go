package fbfake_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connections/postgate/publishers/facebook/fbfake"
)

const secret = "app-secret"

func proof(token string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(token))
	return hex.EncodeToString(m.Sum(nil))
}

// auth returns valid auth form fields.
func auth() url.Values {
	return url.Values{"access_token": {fbfake.DefaultToken}, "appsecret_proof": {proof(fbfake.DefaultToken)}}
}

// answer is a decoded Graph answer.
type answer struct {
	status int
	body   map[string]any
}

func (a answer) code() int {
	e, _ := a.body["error"].(map[string]any)
	n, _ := e["code"].(float64)
	return int(n)
}

func do(t *testing.T, req *http.Request) answer {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	if resp.Header.Get("X-App-Usage") == "" {
		t.Error("no X-App-Usage header")
	}
	a := answer{status: resp.StatusCode}
	if err := json.NewDecoder(resp.Body).Decode(&a.body); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return a
}

func postForm(t *testing.T, u string, form url.Values) answer {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(t, req)
}

func get(t *testing.T, u string, q url.Values) answer {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, u+"?"+q.Encode(), nil)
	return do(t, req)
}

func with(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = vs
	}
	for i := 0; i < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

func TestRejectsWhatGraphRejects(t *testing.T) {
	srv := fbfake.New(t, fbfake.Config{AppSecret: secret, RejectDuplicates: true})
	feed := srv.URL + "/v25.0/" + fbfake.DefaultPageID + "/feed"
	noToken := url.Values{"message": {"hi"}}
	tests := []struct {
		name   string
		url    string
		form   url.Values
		status int
		code   int
	}{
		{"ok", feed, with(auth(), "message", "first"), 200, 0},
		{"duplicate", feed, with(auth(), "message", "first"), 400, 506},
		{"old version", srv.URL + "/v19.0/" + fbfake.DefaultPageID + "/feed", with(auth(), "message", "x"), 400, 2500},
		{"no version", srv.URL + "/" + fbfake.DefaultPageID + "/feed", with(auth(), "message", "x"), 400, 2500},
		{"no token", feed, noToken, 401, 104},
		{"wrong token", feed, with(auth(), "access_token", "EAAx", "message", "x"), 401, 190},
		{"no proof", feed, url.Values{"access_token": {fbfake.DefaultToken}, "message": {"x"}}, 400, 100},
		{"wrong proof", feed, with(auth(), "appsecret_proof", proof("other"), "message", "x"), 400, 100},
		{"nothing to post", feed, auth(), 400, 100},
		{"unknown parameter", feed, with(auth(), "mesage", "x"), 400, 100},
		{"bad attached_media", feed, with(auth(), "attached_media[0]", `{"media_fbid":"42"}`), 400, 100},
		{"other page", srv.URL + "/v25.0/999/feed", with(auth(), "message", "x"), 400, 100},
		{"unknown edge", srv.URL + "/v25.0/" + fbfake.DefaultPageID + "/videos", with(auth(), "message", "x"), 400, 2500},
		{"photo without source", srv.URL + "/v25.0/" + fbfake.DefaultPageID + "/photos", with(auth(), "message", "x"), 400, 324},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := postForm(t, tt.url, tt.form)
			if a.status != tt.status || a.code() != tt.code {
				t.Errorf("got %d code %d (%v), want %d code %d", a.status, a.code(), a.body, tt.status, tt.code)
			}
		})
	}
	if n := len(srv.Posts()); n != 1 {
		t.Errorf("%d posts recorded, want 1", n)
	}
}

// multipartPhoto builds a photos request with one source part.
func multipartPhoto(t *testing.T, u string, form url.Values, contentType string, data []byte) *http.Request {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	for k, vs := range form {
		w.WriteField(k, vs[0])
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="source"; filename="image1.jpg"`)
	h.Set("Content-Type", contentType)
	part, _ := w.CreatePart(h)
	part.Write(data)
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, u, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return req
}

var gif = []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;")

func TestPhotos(t *testing.T) {
	srv := fbfake.New(t, fbfake.Config{})
	photos := srv.URL + "/v25.0/" + fbfake.DefaultPageID + "/photos"
	tok := url.Values{"access_token": {fbfake.DefaultToken}}

	if a := do(t, multipartPhoto(t, photos, tok, "image/gif", []byte("not an image"))); a.code() != 324 {
		t.Errorf("text as image: %v", a.body)
	}
	if a := do(t, multipartPhoto(t, photos, tok, "image/jpeg", gif)); a.code() != 324 {
		t.Errorf("mislabelled image: %v", a.body)
	}
	a := do(t, multipartPhoto(t, photos, with(tok, "message", "one", "published", "true"), "image/gif", gif))
	if a.status != 200 || a.body["post_id"] == nil || a.body["id"] == nil {
		t.Fatalf("published photo: %v", a.body)
	}
	a = do(t, multipartPhoto(t, photos, with(tok, "published", "false"), "image/gif", gif))
	id, _ := a.body["id"].(string)
	if a.body["post_id"] != nil || id == "" {
		t.Fatalf("unpublished photo: %v", a.body)
	}
	if n := len(srv.Posts()); n != 1 {
		t.Fatalf("an unpublished photo made a post: %d posts", n)
	}
	feed := srv.URL + "/v25.0/" + fbfake.DefaultPageID + "/feed"
	a = postForm(t, feed, with(tok, "message", "album", "attached_media[0]", `{"media_fbid":"`+id+`"}`))
	if a.status != 200 {
		t.Fatalf("attach: %v", a.body)
	}
	posts := srv.Posts()
	if len(posts) != 2 || len(posts[1].Photos) != 1 || !bytes.Equal(posts[1].Photos[0].Data, gif) {
		t.Fatalf("posts %+v", posts)
	}
	if a := postForm(t, feed, with(tok, "attached_media[0]", `{"media_fbid":"`+id+`"}`)); a.code() != 100 {
		t.Errorf("a photo was attached twice: %v", a.body)
	}
}

func TestReads(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	srv := fbfake.New(t, fbfake.Config{Now: func() time.Time { return now }, TokenExpiresAt: now.Add(48 * time.Hour)})
	base := srv.URL + "/v25.0/"
	tok := url.Values{"access_token": {fbfake.DefaultToken}}
	for i := range 12 {
		srv.AddPost(fmt.Sprint("post ", i), now.Add(time.Duration(i)*time.Minute))
	}
	a := get(t, base+fbfake.DefaultPageID+"/feed", with(tok, "fields", "id,message,created_time", "limit", "10"))
	data, _ := a.body["data"].([]any)
	if len(data) != 10 {
		t.Fatalf("feed: %v", a.body)
	}
	first := data[0].(map[string]any)
	if first["message"] != "post 11" || first["created_time"] != "2026-11-25T09:11:00+0000" {
		t.Errorf("newest post %v", first)
	}
	if a := get(t, base+fbfake.DefaultPageID+"/feed", with(tok, "fields", "id,likes")); a.code() != 100 {
		t.Errorf("unknown field: %v", a.body)
	}
	if a := get(t, base+fbfake.DefaultPageID, with(tok, "fields", "name")); a.body["name"] != fbfake.DefaultPageName {
		t.Errorf("page: %v", a.body)
	}
	a = get(t, base+"debug_token", with(tok, "input_token", fbfake.DefaultToken))
	d := a.body["data"].(map[string]any)
	if d["is_valid"] != true || d["expires_at"] != float64(now.Add(48*time.Hour).Unix()) {
		t.Errorf("debug_token: %v", d)
	}
	req, _ := http.NewRequest(http.MethodGet, base+fbfake.DefaultPageID+"?fields=name", nil)
	req.Header.Set("Authorization", "Bearer "+fbfake.DefaultToken)
	if a := do(t, req); a.status != 200 {
		t.Errorf("Bearer token refused: %v", a.body)
	}
}

func TestFaults(t *testing.T) {
	srv := fbfake.New(t, fbfake.Config{})
	feed := srv.URL + "/v25.0/" + fbfake.DefaultPageID + "/feed"
	tok := url.Values{"access_token": {fbfake.DefaultToken}, "message": {"m"}}

	srv.FailNext(http.MethodPost, "/"+fbfake.DefaultPageID+"/feed", 2, fbfake.RateLimited(32, fbfake.DefaultPageID, 9))
	for range 2 {
		if a := postForm(t, feed, tok); a.status != 400 || a.code() != 32 {
			t.Errorf("rate limit fault: %d %v", a.status, a.body)
		}
	}
	if a := postForm(t, feed, tok); a.status != 200 {
		t.Errorf("fault outlived its count: %v", a.body)
	}

	srv.FailNext("", "", 1, fbfake.Fault{After: true})
	if a := postForm(t, feed, tok); a.status != 500 || a.code() != 2 {
		t.Errorf("after fault: %d %v", a.status, a.body)
	}
	if n := len(srv.Posts()); n != 2 {
		t.Errorf("after fault: %d posts, want 2 (the write took effect)", n)
	}

	srv.FailNext("", "", 1, fbfake.Fault{After: true, Drop: true})
	if _, err := http.PostForm(feed, tok); err == nil {
		t.Error("dropped connection answered")
	}
	if n := len(srv.Posts()); n != 3 {
		t.Errorf("after drop: %d posts, want 3", n)
	}

	srv.FailNext("", "", 1, fbfake.Fault{Delay: 50 * time.Millisecond})
	start := time.Now()
	if a := postForm(t, feed, tok); a.status != 200 || time.Since(start) < 50*time.Millisecond {
		t.Errorf("delay fault: %v after %v", a.body, time.Since(start))
	}

	srv.FailNext("", "", 1, fbfake.Fault{Hang: true})
	c := &http.Client{Timeout: 50 * time.Millisecond}
	if _, err := c.PostForm(feed, tok); err == nil {
		t.Error("hanging request answered")
	}
}

// TestConcurrentPosts runs posts and reads together under -race.
func TestConcurrentPosts(t *testing.T) {
	srv := fbfake.New(nil, fbfake.Config{})
	defer srv.Close()
	feed := srv.URL + "/v25.0/" + fbfake.DefaultPageID + "/feed"
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			resp, err := http.PostForm(feed, url.Values{"access_token": {fbfake.DefaultToken}, "message": {fmt.Sprint(i)}})
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			_ = srv.Posts()
		})
	}
	wg.Wait()
	posts := srv.Posts()
	if len(posts) != 20 {
		t.Fatalf("%d posts, want 20", len(posts))
	}
	posts[0].Message = "changed"
	if srv.Posts()[0].Message == "changed" {
		t.Error("Posts does not return a copy")
	}
}
