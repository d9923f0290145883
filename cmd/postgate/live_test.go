package main

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate/publishers/facebook/fbfake"
	"github.com/connections/postgate/publishers/instagram/igfake"
	"github.com/connections/postgate/publishers/linkedin/lifake"
	"github.com/connections/postgate/publishers/x/xfake"
)

// Recognisable credentials: none of them may appear anywhere postgate writes.
var liveSecrets = map[string]string{
	"x-consumer-key":    "xck-SECRET-1a2b",
	"x-consumer-secret": "xcs-SECRET-3c4d",
	"x-token":           "xat-SECRET-5e6f",
	"x-token-secret":    "xts-SECRET-7a8b",
	"fb-token":          "EAAfbSECRETtoken9c0d",
	"fb-app-secret":     "fbapp-SECRET-1e2f",
	"ig-token":          "EAAigSECRETtoken3a4b",
	"li-token":          "AQli-SECRET-token-5c6d",
}

func writeJPEG(t *testing.T, path string) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 1080, 1080))
	for y := range 1080 {
		for x := range 1080 {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 150, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestRunOnceLiveAgainstFakes publishes a text post and an image post to
// each platform (Instagram takes images only) through the real connectors,
// against fakes that check the wire format, with secrets from the
// environment and from files.
func TestRunOnceLiveAgainstFakes(t *testing.T) {
	s := liveSecrets
	xs := xfake.New(t, xfake.Credentials{ConsumerKey: s["x-consumer-key"], ConsumerSecret: s["x-consumer-secret"],
		AccessToken: s["x-token"], AccessTokenSecret: s["x-token-secret"]})
	fb := fbfake.New(t, fbfake.Config{PageID: "1234567890", PageName: "Connections", Token: s["fb-token"],
		AppSecret: s["fb-app-secret"], Version: "v25.0"})
	li := lifake.New(t, lifake.Config{Token: s["li-token"], Organization: "urn:li:organization:4242", Name: "Connections"})

	at := time.Now().In(mustLoc("Europe/London")).Add(-time.Minute).Format("2006-01-02 15:04")
	w := newWorkspace(t, `posts:
  - {id: text, at: `+at+`, platforms: [x, facebook, linkedin], text: "Our opening hours are Monday to Friday, 9am to 6pm."}
  - id: photo
    at: `+at+`
    platforms: [x, facebook, instagram, linkedin]
    text: "Autumn light on the walk to the practice."
    media: [{path: images/autumn.jpg, alt: "Orange leaves on a path", source: own}]
`)
	writeJPEG(t, filepath.Join(w.dir, "images", "autumn.jpg"))
	ig := igfake.New(t, igfake.Options{Token: s["ig-token"], FetchImages: true, MediaDir: w.dir})
	tokenFile := filepath.Join(w.dir, "li-token")
	if err := os.WriteFile(tokenFile, []byte(s["li-token"]+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	w.write("postgate.yaml", `
timezone: Europe/London
calendar: calendar.yaml
state: state/postgate.db
review_dir: review
outbox_dir: outbox
platforms:
  x: {mode: live, api_base: "`+xs.URL+`"}
  facebook: {mode: live, api_base: "`+fb.URL+`", page_id: "1234567890"}
  instagram: {mode: live, api_base: "`+ig.URL+`", ig_user_id: "17841400000000001", media_base_url: "`+ig.URL+`/media"}
  linkedin: {mode: live, api_base: "`+li.URL+`", author: "urn:li:organization:4242", access_token_file: "`+tokenFile+`"}
`)
	t.Setenv("POSTGATE_PLATFORMS_X_CONSUMER_KEY", s["x-consumer-key"])
	t.Setenv("POSTGATE_PLATFORMS_X_CONSUMER_SECRET", s["x-consumer-secret"])
	t.Setenv("POSTGATE_PLATFORMS_X_ACCESS_TOKEN", s["x-token"])
	t.Setenv("POSTGATE_PLATFORMS_X_ACCESS_TOKEN_SECRET", s["x-token-secret"])
	t.Setenv("POSTGATE_PLATFORMS_FACEBOOK_PAGE_ACCESS_TOKEN", s["fb-token"])
	t.Setenv("POSTGATE_PLATFORMS_FACEBOOK_APP_SECRET", s["fb-app-secret"])
	t.Setenv("POSTGATE_PLATFORMS_INSTAGRAM_ACCESS_TOKEN", s["ig-token"])

	code, _, errOut := w.run("run", "--once", "--log-level", "debug")
	if code != exitOK {
		t.Fatalf("run --once = %d\n%s", code, errOut)
	}
	if n := len(xs.Posts()); n != 2 {
		t.Errorf("x received %d posts, want 2", n)
	}
	if n := len(fb.Posts()); n != 2 {
		t.Errorf("facebook received %d posts, want 2", n)
	}
	if n := len(ig.Posts()); n != 1 {
		t.Errorf("instagram received %d posts, want 1", n)
	}
	if posts := li.Posts(); len(posts) != 2 || posts[0].Cut || posts[1].Cut {
		t.Errorf("linkedin received %+v, want 2 whole posts", posts)
	}
	if rv := w.files("review"); len(rv) != 0 {
		t.Errorf("review = %v, want nothing held", rv)
	}

	// Again: nothing more goes out.
	if code, _, errOut := w.run("run", "--once"); code != exitOK {
		t.Fatalf("second run = %d\n%s", code, errOut)
	}
	if len(xs.Posts())+len(fb.Posts())+len(ig.Posts())+len(li.Posts()) != 7 {
		t.Error("a second run published again")
	}

	code, out, errOut2 := w.run("accounts", "check")
	if code != exitOK || strings.Count(out, " ok: ") != 4 {
		t.Errorf("accounts check = %d\n%s%s", code, out, errOut2)
	}
	assertNoSecrets(t, w.dir, errOut+errOut2+out)
}

// assertNoSecrets fails if any credential appears in text or in any file
// under dir other than the files that hold the credentials themselves.
func assertNoSecrets(t *testing.T, dir, text string) {
	t.Helper()
	for name, v := range liveSecrets {
		if strings.Contains(text, v) {
			t.Errorf("%s appears in postgate's output", name)
		}
	}
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Base(path) == "li-token" || filepath.Base(path) == "postgate.yaml" {
			return nil
		}
		data, _ := os.ReadFile(path)
		for name, v := range liveSecrets {
			if bytes.Contains(data, []byte(v)) {
				t.Errorf("%s appears in %s", name, path)
			}
		}
		return nil
	})
}
