package xfake_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate/publishers/x/xfake"
)

var creds = xfake.Credentials{ConsumerKey: "ck", ConsumerSecret: "cs", AccessToken: "at", AccessTokenSecret: "ats"}

// signer signs requests to a fake by hand, independently of any client
// library, so tests can also send requests a library would refuse to.
type signer struct {
	t     *testing.T
	s     *xfake.Server
	count int
	// nonce and timestamp, when set, replace the fresh ones.
	nonce     string
	timestamp int64
}

func (c *signer) do(method, path, contentType string, body []byte) (*http.Response, string) {
	c.t.Helper()
	u, _ := url.Parse(c.s.URL + path)
	params := u.Query()
	if contentType == "application/x-www-form-urlencoded" {
		form, _ := url.ParseQuery(string(body))
		for k, vs := range form {
			params[k] = append(params[k], vs...)
		}
	}
	c.count++
	nonce, ts := c.nonce, c.timestamp
	if nonce == "" {
		nonce = "n" + strconv.Itoa(c.count) + strconv.FormatInt(time.Now().UnixNano(), 10)
	}
	if ts == 0 {
		ts = time.Now().Unix()
	}
	oauth := map[string]string{
		"oauth_consumer_key": creds.ConsumerKey, "oauth_nonce": nonce,
		"oauth_signature_method": "HMAC-SHA1", "oauth_timestamp": strconv.FormatInt(ts, 10),
		"oauth_token": creds.AccessToken, "oauth_version": "1.0",
	}
	for k, v := range oauth {
		params.Set(k, v)
	}
	base := u.Scheme + "://" + u.Host + u.Path
	oauth["oauth_signature"] = xfake.Signature(method, base, params, creds.ConsumerSecret, creds.AccessTokenSecret)
	req, _ := http.NewRequest(method, u.String(), bytes.NewReader(body))
	req.Header.Set("Authorization", authHeader(oauth))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func (c *signer) json(method, path, body string) (*http.Response, string) {
	return c.do(method, path, "application/json", []byte(body))
}

func newSigner(t *testing.T) *signer { return &signer{t: t, s: xfake.New(t, creds)} }

func TestUnauthenticated(t *testing.T) {
	s := xfake.New(t, creds)
	resp, err := http.Post(s.URL+"/2/tweets", "application/json", strings.NewReader(`{"text":"hi"}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	want := `{"title":"Unauthorized","detail":"Unauthorized","type":"about:blank","status":401}`
	if resp.StatusCode != 401 || strings.TrimSpace(string(b)) != want || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Errorf("got %d %s", resp.StatusCode, b)
	}
}

func TestStaleOrReplayedRequest(t *testing.T) {
	c := newSigner(t)
	c.nonce, c.timestamp = "fixed", time.Now().Unix()
	if resp, _ := c.do(http.MethodGet, "/2/users/me", "", nil); resp.StatusCode != 200 {
		t.Fatalf("fresh request: %d, want 200", resp.StatusCode)
	}
	if resp, _ := c.do(http.MethodGet, "/2/users/me", "", nil); resp.StatusCode != 401 {
		t.Errorf("replayed nonce: %d, want 401", resp.StatusCode)
	}
	c.nonce, c.timestamp = "", time.Now().Add(-10*time.Minute).Unix()
	if resp, _ := c.do(http.MethodGet, "/2/users/me", "", nil); resp.StatusCode != 401 {
		t.Errorf("timestamp 10 minutes old: %d, want 401", resp.StatusCode)
	}
}

func TestCreateTweet(t *testing.T) {
	c := newSigner(t)
	tests := []struct {
		name        string
		contentType string
		body        string
		status      int
		contains    string
	}{
		{"text", "application/json", `{"text":"Hello & welcome"}`, 201, `"text":"Hello &amp; welcome"`},
		{"json with charset", "application/json; charset=UTF-8", `{"text":"Second"}`, 201, `"id":"`},
		{"duplicate", "application/json", `{"text":"Hello & welcome"}`, 403, "duplicate content"},
		{"form body", "application/x-www-form-urlencoded", `text=hi`, 400, "Content-Type"},
		{"unknown field", "application/json", `{"text":"hi","colour":"red"}`, 400, "invalid-request"},
		{"numeric media id", "application/json", `{"media":{"media_ids":[123]}}`, 400, "invalid-request"},
		{"unknown media id", "application/json", `{"text":"x","media":{"media_ids":["999"]}}`, 400, "media IDs are invalid"},
		{"five media ids", "application/json", `{"media":{"media_ids":["1","2","3","4","5"]}}`, 400, "media_ids"},
		{"empty", "application/json", `{}`, 400, "text or media"},
		{"too long", "application/json", `{"text":"` + strings.Repeat("a", 281) + `"}`, 400, "too long"},
		{"documented extra field", "application/json", `{"text":"Reply","reply_settings":"following"}`, 201, `"id":"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := c.do(http.MethodPost, "/2/tweets", tt.contentType, []byte(tt.body))
			if resp.StatusCode != tt.status || !strings.Contains(body, tt.contains) {
				t.Errorf("got %d %s, want %d containing %s", resp.StatusCode, body, tt.status, tt.contains)
			}
			for _, h := range []string{"x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset"} {
				if resp.Header.Get(h) == "" {
					t.Errorf("no %s header", h)
				}
			}
			if tt.status == 201 && resp.Header.Get("x-user-limit-24hour-remaining") == "" {
				t.Error("no 24-hour headers on a post")
			}
		})
	}
	if n := len(c.s.Posts()); n != 3 {
		t.Errorf("fake holds %d posts, want 3", n)
	}
}

func tinyJPEG(t *testing.T) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func multipartBody(fields map[string]string, media []byte) (string, []byte) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	part, _ := mw.CreateFormFile("media", "blob")
	part.Write(media)
	mw.Close()
	return mw.FormDataContentType(), b.Bytes()
}

// mediaID reads data.id from an upload answer.
func mediaID(t *testing.T, body string) string {
	t.Helper()
	var out struct {
		Data struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(body), &out); err != nil || out.Data.ID == "" {
		t.Fatalf("no media id in %s", body)
	}
	return out.Data.ID
}

func TestPathUpload(t *testing.T) {
	c := newSigner(t)
	img := tinyJPEG(t)
	resp, body := c.json(http.MethodPost, "/2/media/upload/initialize", fmt.Sprintf(`{"media_type":"image/jpeg","total_bytes":%d,"media_category":"tweet_image"}`, len(img)))
	if resp.StatusCode != 200 || !strings.Contains(body, `"expires_after_secs"`) {
		t.Fatalf("initialize: %d %s", resp.StatusCode, body)
	}
	id := mediaID(t, body)
	ct, mp := multipartBody(map[string]string{"segment_index": "0"}, img[:10])
	c.do(http.MethodPost, "/2/media/upload/"+id+"/append", ct, mp)
	if resp, body := c.do(http.MethodPost, "/2/media/upload/"+id+"/finalize", "", nil); resp.StatusCode != 400 {
		t.Fatalf("finalize with missing bytes: %d %s", resp.StatusCode, body)
	}
	ct, mp = multipartBody(map[string]string{"segment_index": "1"}, img[10:])
	if resp, body := c.do(http.MethodPost, "/2/media/upload/"+id+"/append", ct, mp); resp.StatusCode/100 != 2 {
		t.Fatalf("append: %d %s", resp.StatusCode, body)
	}
	if resp, body := c.do(http.MethodPost, "/2/media/upload/"+id+"/finalize", "", nil); resp.StatusCode != 200 || strings.Contains(body, "processing_info") {
		t.Fatalf("finalize: %d %s", resp.StatusCode, body)
	}
	if resp, body := c.json(http.MethodPost, "/2/media/metadata", `{"id":"`+id+`","metadata":{"alt_text":{"text":"`+strings.Repeat("a", 1001)+`"}}}`); resp.StatusCode != 400 {
		t.Errorf("alt text of 1001: %d %s", resp.StatusCode, body)
	}
	if resp, body := c.json(http.MethodPost, "/2/media/metadata", `{"id":"`+id+`","metadata":{"alt_text":{"text":"Grey square"}}}`); resp.StatusCode != 200 || !strings.Contains(body, "Grey square") {
		t.Errorf("alt text: %d %s", resp.StatusCode, body)
	}
	if resp, body := c.json(http.MethodPost, "/2/tweets", `{"text":"pic","media":{"media_ids":["`+id+`"]}}`); resp.StatusCode != 201 {
		t.Fatalf("post: %d %s", resp.StatusCode, body)
	}
	m := c.s.Posts()[0].Media[0]
	if !bytes.Equal(m.Data, img) || m.Alt != "Grey square" {
		t.Errorf("fake holds %d bytes alt %q", len(m.Data), m.Alt)
	}
}

func TestUploadRejects(t *testing.T) {
	c := newSigner(t)
	tests := []struct{ name, body string }{
		{"video", `{"media_type":"video/mp4","total_bytes":10,"media_category":"tweet_video"}`},
		{"too big", `{"media_type":"image/png","total_bytes":6000000,"media_category":"tweet_image"}`},
		{"no size", `{"media_type":"image/png","media_category":"tweet_image"}`},
		{"unknown field", `{"media_type":"image/png","total_bytes":5,"colour":"red"}`},
	}
	for _, tt := range tests {
		if resp, body := c.json(http.MethodPost, "/2/media/upload/initialize", tt.body); resp.StatusCode != 400 {
			t.Errorf("%s: %d %s", tt.name, resp.StatusCode, body)
		}
	}
	// Declared PNG, sent JPEG.
	img := tinyJPEG(t)
	_, body := c.json(http.MethodPost, "/2/media/upload/initialize", fmt.Sprintf(`{"media_type":"image/png","total_bytes":%d}`, len(img)))
	id := mediaID(t, body)
	ct, mp := multipartBody(map[string]string{"segment_index": "0"}, img)
	c.do(http.MethodPost, "/2/media/upload/"+id+"/append", ct, mp)
	if resp, body := c.do(http.MethodPost, "/2/media/upload/"+id+"/finalize", "", nil); resp.StatusCode != 400 || !strings.Contains(body, "InvalidMedia") {
		t.Errorf("finalize of a mislabelled image: %d %s", resp.StatusCode, body)
	}
}

func TestCommandUploadAndProcessing(t *testing.T) {
	c := newSigner(t)
	c.s.SetProcessing(1, false)
	img := tinyJPEG(t)
	form := url.Values{"command": {"INIT"}, "media_type": {"image/jpeg"}, "total_bytes": {strconv.Itoa(len(img))}}.Encode()
	resp, body := c.do(http.MethodPost, "/2/media/upload", "application/x-www-form-urlencoded", []byte(form))
	if resp.StatusCode != 200 {
		t.Fatalf("INIT: %d %s", resp.StatusCode, body)
	}
	id := mediaID(t, body)
	ct, mp := multipartBody(map[string]string{"command": "APPEND", "media_id": id, "segment_index": "0"}, img)
	if resp, body := c.do(http.MethodPost, "/2/media/upload", ct, mp); resp.StatusCode/100 != 2 {
		t.Fatalf("APPEND: %d %s", resp.StatusCode, body)
	}
	form = url.Values{"command": {"FINALIZE"}, "media_id": {id}}.Encode()
	if resp, body := c.do(http.MethodPost, "/2/media/upload", "application/x-www-form-urlencoded", []byte(form)); !strings.Contains(body, `"state":"pending"`) {
		t.Fatalf("FINALIZE: %d %s", resp.StatusCode, body)
	}
	post := `{"text":"pic","media":{"media_ids":["` + id + `"]}}`
	if resp, _ := c.json(http.MethodPost, "/2/tweets", post); resp.StatusCode != 400 {
		t.Errorf("post with unprocessed media: %d, want 400", resp.StatusCode)
	}
	for _, want := range []string{"in_progress", "succeeded"} {
		_, body := c.do(http.MethodGet, "/2/media/upload?command=STATUS&media_id="+id, "", nil)
		if !strings.Contains(body, want) {
			t.Fatalf("STATUS: %s, want %s", body, want)
		}
	}
	if resp, body := c.json(http.MethodPost, "/2/tweets", post); resp.StatusCode != 201 {
		t.Errorf("post after processing: %d %s", resp.StatusCode, body)
	}
	c.s.SetProcessing(-1, false)
	ct, mp = multipartBody(map[string]string{"media_category": "tweet_image"}, img)
	if resp, body := c.do(http.MethodPost, "/2/media/upload", ct, mp); resp.StatusCode != 200 || strings.Contains(body, "processing_info") {
		t.Errorf("one-shot upload: %d %s", resp.StatusCode, body)
	}
}

func TestUserTweets(t *testing.T) {
	c := newSigner(t)
	start := time.Now().UTC().Truncate(time.Second)
	c.s.AddPost(xfake.Post{Text: "Old", CreatedAt: start.Add(-time.Hour)})
	c.s.AddPost(xfake.Post{Text: "First <b> see https://connections.example/a"})
	newest := c.s.AddPost(xfake.Post{Text: "Second"})
	path := "/2/users/" + xfake.UserID + "/tweets?"
	tests := []struct {
		query    string
		status   int
		contains []string
		excludes []string
	}{
		{"max_results=5&start_time=" + start.Format(time.RFC3339) + "&tweet.fields=created_at", 200,
			[]string{`"result_count":2`, `"newest_id":"` + newest + `"`, `"created_at":"`, "&lt;b&gt;", "https://t.co/"}, []string{"Old", "connections.example"}},
		{"max_results=5", 200, []string{`"result_count":3`}, []string{"created_at"}},
		{"max_results=3", 400, []string{"max_results"}, nil},
		{"start_time=yesterday", 400, []string{"start_time"}, nil},
		{"colour=red", 400, []string{"colour"}, nil},
	}
	for _, tt := range tests {
		resp, body := c.do(http.MethodGet, path+tt.query, "", nil)
		if resp.StatusCode != tt.status {
			t.Errorf("%s: %d %s", tt.query, resp.StatusCode, body)
		}
		for _, s := range tt.contains {
			if !strings.Contains(body, s) {
				t.Errorf("%s: %s lacks %s", tt.query, body, s)
			}
		}
		for _, s := range tt.excludes {
			if strings.Contains(body, s) {
				t.Errorf("%s: %s holds %s", tt.query, body, s)
			}
		}
	}
}

func TestFailNextAndRateLimit(t *testing.T) {
	c := newSigner(t)
	c.s.FailNext("/2/users/me", 2, 503, `{"title":"Service Unavailable","status":503}`)
	for i, want := range []int{503, 503, 200} {
		if resp, _ := c.do(http.MethodGet, "/2/users/me", "", nil); resp.StatusCode != want {
			t.Errorf("request %d: %d, want %d", i, resp.StatusCode, want)
		}
	}
	for range 74 { // users/me allows 75 per 15 minutes; one was used above
		c.do(http.MethodGet, "/2/users/me", "", nil)
	}
	resp, body := c.do(http.MethodGet, "/2/users/me", "", nil)
	if resp.StatusCode != 429 || resp.Header.Get("x-rate-limit-remaining") != "0" || !strings.Contains(body, "Too Many Requests") {
		t.Errorf("76th request: %d %s remaining %q", resp.StatusCode, body, resp.Header.Get("x-rate-limit-remaining"))
	}
}

func TestPostsIsACopy(t *testing.T) {
	s := xfake.New(t, creds)
	s.AddPost(xfake.Post{Text: "a", Media: []xfake.Media{{ID: "1"}}})
	s.Posts()[0].Media[0].ID = "changed"
	if s.Posts()[0].Media[0].ID != "1" {
		t.Error("Posts shares its slices with the fake")
	}
}
