package facebook_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/facebook"
	"github.com/connections/postgate/publishers/facebook/fbfake"
)

func request(c postgate.Content) publishers.Request {
	c.Platform = postgate.Facebook
	return publishers.Request{
		Delivery: postgate.Delivery{PostID: "p1", Platform: postgate.Facebook, At: testNow},
		Content:  c,
		Attempt:  1,
	}
}

func TestNewSettings(t *testing.T) {
	tokenFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokenFile, []byte(testToken+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	valid := func() publishers.Settings {
		return publishers.Settings{"page_id": pageID, "page_access_token": testToken}
	}
	tests := []struct {
		name    string
		change  func(publishers.Settings)
		wantErr string // "" means New succeeds
	}{
		{"minimal", func(publishers.Settings) {}, ""},
		{"token from file", func(s publishers.Settings) { delete(s, "page_access_token"); s["page_access_token_file"] = tokenFile }, ""},
		{"everything", func(s publishers.Settings) {
			s["api_base"], s["graph_version"], s["app_secret"] = "https://graph.facebook.com", "v27.0", testAppSecret
		}, ""},
		{"unknown key", func(s publishers.Settings) { s["pageid"] = "1" }, `"pageid"`},
		{"missing page_id", func(s publishers.Settings) { delete(s, "page_id") }, "page_id"},
		{"missing token", func(s publishers.Settings) { delete(s, "page_access_token") }, "page_access_token"},
		{"token and file", func(s publishers.Settings) { s["page_access_token_file"] = tokenFile }, "page_access_token"},
		{"missing token file", func(s publishers.Settings) {
			delete(s, "page_access_token")
			s["page_access_token_file"] = filepath.Join(t.TempDir(), "absent")
		}, "page_access_token_file"},
		{"page name instead of id", func(s publishers.Settings) { s["page_id"] = "riverside" }, "page_id"},
		{"bad version", func(s publishers.Settings) { s["graph_version"] = "25" }, "graph_version"},
		{"bad api_base", func(s publishers.Settings) { s["api_base"] = "graph.facebook.com" }, "api_base"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := valid()
			tt.change(s)
			_, err := facebook.New(s, publishers.Deps{})
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tt.wantErr != "" && err == nil:
				t.Fatalf("New succeeded, want an error naming %s", tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("error %q does not name %s", err, tt.wantErr)
			}
			if err != nil {
				assertNoSecret(t, err.Error())
			}
		})
	}
}

func TestPublishText(t *testing.T) {
	srv := newFake(t, nil)
	p, logs := newPublisher(t, settings(srv))
	c := postgate.Content{Text: "Our evening group starts again in January.", Link: "https://example.org/groups"}
	r, err := p.Publish(context.Background(), request(c))
	if err != nil {
		t.Fatal(err)
	}
	posts := srv.Posts()
	if len(posts) != 1 {
		t.Fatalf("fake has %d posts, want 1", len(posts))
	}
	got := posts[0]
	if got.Message != c.Text || got.Link != c.Link || len(got.Photos) != 0 {
		t.Errorf("fake got message %q link %q photos %d", got.Message, got.Link, len(got.Photos))
	}
	_, num, _ := strings.Cut(got.ID, "_")
	want := publishers.Receipt{ID: got.ID, URL: "https://www.facebook.com/" + pageID + "/posts/" + num, PublishedAt: testNow}
	if r != want {
		t.Errorf("receipt %+v, want %+v", r, want)
	}
	assertNoSecret(t, logs.String())
	if !strings.Contains(logs.String(), "/"+pageID+"/feed") {
		t.Errorf("no log line for the request: %s", logs)
	}
}

func TestPublishPhotoStripsEXIF(t *testing.T) {
	srv := newFake(t, nil)
	p, _ := newPublisher(t, settings(srv))
	path := writeJPEG(t, "client-portrait.jpg")
	if raw, _ := os.ReadFile(path); !bytes.Contains(raw, []byte(exifMarker)) {
		t.Fatal("test image lacks its EXIF marker")
	}
	c := postgate.Content{Text: "New room, same welcome.", Link: "https://example.org/rooms",
		Media: []postgate.Media{{Path: "rooms.jpg", File: path, Alt: "A quiet room", Source: postgate.SourceOwn}}}
	r, err := p.Publish(context.Background(), request(c))
	if err != nil {
		t.Fatal(err)
	}
	posts := srv.Posts()
	if len(posts) != 1 || len(posts[0].Photos) != 1 {
		t.Fatalf("fake has %+v, want one post with one photo", posts)
	}
	got := posts[0]
	if want := c.Text + "\n" + c.Link; got.Message != want {
		t.Errorf("caption %q, want %q", got.Message, want)
	}
	ph := got.Photos[0]
	if bytes.Contains(ph.Data, []byte(exifMarker)) || bytes.Contains(ph.Data, []byte("Exif\x00")) {
		t.Error("uploaded photo still has its EXIF segment")
	}
	if ph.ContentType != "image/jpeg" || strings.Contains(ph.Filename, "client") {
		t.Errorf("photo part %q %q", ph.ContentType, ph.Filename)
	}
	if r.ID != got.ID {
		t.Errorf("receipt id %q, want the post id %q", r.ID, got.ID)
	}
}

func TestPublishSeveralPhotos(t *testing.T) {
	srv := newFake(t, nil)
	p, _ := newPublisher(t, settings(srv))
	var ms []postgate.Media
	for i := range 3 {
		ms = append(ms, postgate.Media{Path: fmt.Sprint(i), File: writeJPEG(t, fmt.Sprintf("%d.jpg", i))})
	}
	c := postgate.Content{Text: "Three rooms.", Link: "https://example.org/rooms", Media: ms}
	r, err := p.Publish(context.Background(), request(c))
	if err != nil {
		t.Fatal(err)
	}
	posts := srv.Posts()
	if len(posts) != 1 || len(posts[0].Photos) != 3 || posts[0].ID != r.ID {
		t.Fatalf("fake has %+v, want one post with three photos and id %s", posts, r.ID)
	}
	if want := c.Text + "\n" + c.Link; posts[0].Message != want {
		t.Errorf("message %q, want %q", posts[0].Message, want)
	}
	if n := srv.Requests(); n != 4 {
		t.Errorf("%d requests, want 3 uploads and 1 post", n)
	}
}

func TestPublishBadMedia(t *testing.T) {
	srv := newFake(t, nil)
	p, _ := newPublisher(t, settings(srv))
	txt := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(txt, []byte("not an image"), 0o600)
	tests := []struct {
		name string
		file string
		kind publishers.Kind
	}{
		{"not an image", txt, publishers.KindRejected},
		{"missing file", filepath.Join(t.TempDir(), "gone.jpg"), publishers.KindPermanent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := postgate.Content{Text: "x", Media: []postgate.Media{{Path: "m", File: tt.file}}}
			_, err := p.Publish(context.Background(), request(c))
			if k := publishers.KindOf(err); k != tt.kind {
				t.Errorf("kind %v (%v), want %v", k, err, tt.kind)
			}
			if srv.Requests() != 0 {
				t.Error("a request was sent for unusable media")
			}
		})
	}
}

var (
	feedPath   = "/" + pageID + "/feed"
	photosPath = "/" + pageID + "/photos"
)

// TestPublishFailures runs every failure class against the fake, with
// recognisable secrets, and checks the kind, the platform's words, the
// reset time and that no secret reaches the error or the log.
func TestPublishFailures(t *testing.T) {
	text := postgate.Content{Text: "Hello"}
	album := postgate.Content{Text: "Two", Media: []postgate.Media{{Path: "a"}, {Path: "b"}}}
	tests := []struct {
		name     string
		content  postgate.Content
		path     string
		fault    fbfake.Fault
		change   func(publishers.Settings)
		kind     publishers.Kind
		code     string
		retryAt  time.Time
		posts    int // posts on the fake afterwards
		inErrMsg string
	}{
		{name: "expired token", content: text, path: feedPath, fault: fbfake.Fault{Status: 400, Body: fbfake.ErrorBody(190, 463, "Error validating access token: Session has expired")}, kind: publishers.KindAuth, code: "190/463", inErrMsg: "expired"},
		{name: "malformed token quoted", content: text, path: feedPath, fault: fbfake.Fault{Status: 400, Body: fbfake.ErrorBody(190, 0, "Malformed access token "+testToken)}, kind: publishers.KindAuth, code: "190", inErrMsg: "Malformed access token"},
		{name: "wrong token", content: text, change: func(s publishers.Settings) { s["page_access_token"] = "EAAwrong" }, kind: publishers.KindAuth, code: "190"},
		{name: "wrong app secret", content: text, change: func(s publishers.Settings) { s["app_secret"] = "nope" }, kind: publishers.KindPermanent, code: "100", inErrMsg: "appsecret_proof"},
		{name: "missing permission", content: text, path: feedPath, fault: fbfake.Fault{Status: 403, Body: fbfake.ErrorBody(200, 0, "(#200) The user hasn't authorized the application to perform this action")}, kind: publishers.KindAuth, code: "200"},
		{name: "page throttled", content: text, path: feedPath, fault: fbfake.RateLimited(32, pageID, 30), kind: publishers.KindRateLimited, code: "32", retryAt: testNow.Add(30 * time.Minute)},
		{name: "BUC throttled", content: text, path: feedPath, fault: fbfake.RateLimited(80001, pageID, 5), kind: publishers.KindRateLimited, code: "80001", retryAt: testNow.Add(5 * time.Minute)},
		{name: "app throttled, no estimate", content: text, path: feedPath, fault: fbfake.Fault{Status: 400, Body: fbfake.ErrorBody(4, 0, "(#4) Application request limit reached")}, kind: publishers.KindRateLimited, code: "4"},
		{name: "duplicate", content: text, path: feedPath, fault: fbfake.Fault{Status: 400, Body: fbfake.ErrorBody(506, 0, "(#506) Duplicate status message")}, kind: publishers.KindDuplicate, code: "506", inErrMsg: "Duplicate status message"},
		{name: "repeated posting", content: text, path: feedPath, fault: fbfake.Fault{Status: 400, Body: fbfake.ErrorBody(368, 0, "You've already posted this.")}, kind: publishers.KindRejected, code: "368"},
		{name: "link not scraped", content: text, path: feedPath, fault: fbfake.Fault{Status: 400, Body: fbfake.ErrorBody(1609005, 0, "Error Posting Link")}, kind: publishers.KindRejected, code: "1609005"},
		{name: "bad parameter", content: text, path: feedPath, fault: fbfake.Fault{Status: 400, Body: fbfake.ErrorBody(100, 0, "(#100) Invalid parameter")}, kind: publishers.KindPermanent, code: "100"},
		{name: "code 2 on the write", content: text, path: feedPath, fault: fbfake.Fault{}, kind: publishers.KindUnknown, code: "2"},
		{name: "code 2 after publishing", content: text, path: feedPath, fault: fbfake.Fault{After: true, Status: 500, Body: fbfake.ErrorBody(2, 0, "An unexpected error has occurred.")}, kind: publishers.KindUnknown, code: "2", posts: 1},
		{name: "code 1 on the write", content: text, path: feedPath, fault: fbfake.Fault{Status: 500, Body: fbfake.ErrorBody(1, 0, "An unknown error occurred")}, kind: publishers.KindUnknown, code: "1"},
		{name: "HTML 502 on the write", content: text, path: feedPath, fault: fbfake.Fault{Status: 502, Body: "<html>Bad Gateway</html>"}, kind: publishers.KindUnknown},
		{name: "answer without id", content: text, path: feedPath, fault: fbfake.Fault{Status: 200, Body: "{}"}, kind: publishers.KindUnknown, inErrMsg: "without id"},
		{name: "dropped write", content: text, path: feedPath, fault: fbfake.Fault{Drop: true}, kind: publishers.KindUnknown},
		{name: "dropped after publishing", content: text, path: feedPath, fault: fbfake.Fault{After: true, Drop: true}, kind: publishers.KindUnknown, posts: 1},
		{name: "write timeout", content: text, path: feedPath, fault: fbfake.Fault{Hang: true}, kind: publishers.KindUnknown},
		{name: "timeout after publishing", content: text, path: feedPath, fault: fbfake.Fault{After: true, Hang: true}, kind: publishers.KindUnknown, posts: 1},
		{name: "upload code 2", content: album, path: photosPath, fault: fbfake.Fault{}, kind: publishers.KindTransient, code: "2"},
		{name: "upload dropped", content: album, path: photosPath, fault: fbfake.Fault{Drop: true}, kind: publishers.KindTransient},
		{name: "upload timeout", content: album, path: photosPath, fault: fbfake.Fault{Hang: true}, kind: publishers.KindTransient},
		{name: "upload throttled", content: album, path: photosPath, fault: fbfake.RateLimited(32, pageID, 10), kind: publishers.KindRateLimited, code: "32", retryAt: testNow.Add(10 * time.Minute)},
		{name: "connection refused", content: text, change: func(s publishers.Settings) { s["api_base"] = "http://127.0.0.1:1" }, kind: publishers.KindTransient},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newFake(t, nil)
			s := settings(srv)
			if tt.change != nil {
				tt.change(s)
			}
			if tt.path != "" {
				srv.FailNext(http.MethodPost, tt.path, 1, tt.fault)
			}
			c := tt.content
			for i := range c.Media {
				c.Media[i].File = writeJPEG(t, fmt.Sprintf("%d.jpg", i))
			}
			p, logs := newPublisher(t, s)
			_, err := p.Publish(context.Background(), request(c))
			var e *publishers.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not a *publishers.Error", err)
			}
			if e.Kind != tt.kind || e.Code != tt.code || !e.RetryAt.Equal(tt.retryAt) || e.Platform != "facebook" {
				t.Errorf("got %s kind %v code %q retryAt %v; want %v %q %v", e.Platform, e.Kind, e.Code, e.RetryAt, tt.kind, tt.code, tt.retryAt)
			}
			if !strings.Contains(e.Error(), tt.inErrMsg) {
				t.Errorf("error %q lacks %q", e, tt.inErrMsg)
			}
			if n := len(srv.Posts()); n != tt.posts {
				t.Errorf("fake has %d posts, want %d", n, tt.posts)
			}
			assertNoSecret(t, err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", e), logs.String())
		})
	}
}
