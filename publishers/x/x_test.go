package x_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"image"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/x"
	"github.com/connections/postgate/publishers/x/xfake"
)

// creds are recognisable so that a leak is easy to find.
var creds = xfake.Credentials{
	ConsumerKey:       "CK-leakcheck-consumer-key-1111",
	ConsumerSecret:    "CS-leakcheck-consumer-secret-2222",
	AccessToken:       "AT-leakcheck-access-token-3333",
	AccessTokenSecret: "ATS-leakcheck-token-secret-4444",
}

func settings(base string) publishers.Settings {
	return publishers.Settings{
		"api_base":            base,
		"consumer_key":        creds.ConsumerKey,
		"consumer_secret":     creds.ConsumerSecret,
		"access_token":        creds.AccessToken,
		"access_token_secret": creds.AccessTokenSecret,
	}
}

// harness is a Publisher wired to a fake X, with its log captured.
type harness struct {
	fake *xfake.Server
	pub  *x.Publisher
	log  *bytes.Buffer
}

func newHarness(t *testing.T) harness {
	t.Helper()
	fake := xfake.New(t, creds)
	var log bytes.Buffer
	pub, err := x.New(settings(fake.URL), publishers.Deps{
		HTTPClient: &http.Client{Timeout: 2 * time.Second},
		Logger:     slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug})),
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return harness{fake: fake, pub: pub, log: &log}
}

func request(c postgate.Content) publishers.Request {
	c.Platform = postgate.X
	return publishers.Request{
		Delivery: postgate.Delivery{PostID: "p1", Platform: postgate.X, At: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)},
		Content:  c,
		Attempt:  1,
	}
}

func TestPublishText(t *testing.T) {
	h := newHarness(t)
	c := postgate.Content{Text: "Our new evening group starts in March.", Link: "https://connections.example/groups"}
	r, err := h.pub.Publish(context.Background(), request(c))
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	posts := h.fake.Posts()
	if len(posts) != 1 {
		t.Fatalf("fake has %d posts, want 1", len(posts))
	}
	want := "Our new evening group starts in March.\nhttps://connections.example/groups"
	if posts[0].Text != want {
		t.Errorf("posted text %q, want %q", posts[0].Text, want)
	}
	if r.ID != posts[0].ID || r.URL != "https://x.com/i/status/"+r.ID || r.PublishedAt.IsZero() {
		t.Errorf("receipt %+v does not match post %s", r, posts[0].ID)
	}
}

func TestPublishLinkAlreadyInText(t *testing.T) {
	h := newHarness(t)
	c := postgate.Content{Text: "Read more at https://connections.example/faq today", Link: "https://connections.example/faq"}
	if _, err := h.pub.Publish(context.Background(), request(c)); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if got := h.fake.Posts()[0].Text; got != c.Text {
		t.Errorf("posted %q, want the text unchanged", got)
	}
}

func TestPublishImageStripsEXIF(t *testing.T) {
	h := newHarness(t)
	file := writeJPEG(t, true)
	c := postgate.Content{Text: "A calm room.", Media: []postgate.Media{{Path: "room.jpg", File: file, Alt: "An empty counselling room with two chairs", Source: postgate.SourceOwn}}}
	if _, err := h.pub.Publish(context.Background(), request(c)); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	posts := h.fake.Posts()
	if len(posts) != 1 || len(posts[0].Media) != 1 {
		t.Fatalf("fake has %+v, want one post with one image", posts)
	}
	m := posts[0].Media[0]
	if bytes.Contains(m.Data, []byte("Exif")) || bytes.Contains(m.Data, []byte(gpsMarker)) {
		t.Error("uploaded image still carries EXIF")
	}
	if _, err := jpeg.Decode(bytes.NewReader(m.Data)); err != nil {
		t.Errorf("uploaded image does not decode: %v", err)
	}
	if m.Alt != c.Media[0].Alt || m.Type != "image/jpeg" || m.Category != "tweet_image" {
		t.Errorf("media = alt %q type %q category %q", m.Alt, m.Type, m.Category)
	}
}

func TestPublishLargeImageInChunks(t *testing.T) {
	h := newHarness(t)
	file := writeNoisePNG(t, 700) // about 1.5 MB: two APPEND segments
	c := postgate.Content{Text: "Texture.", Media: []postgate.Media{{Path: "noise.png", File: file, Alt: "Grey noise"}}}
	if _, err := h.pub.Publish(context.Background(), request(c)); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	want, _ := os.ReadFile(file)
	if got := h.fake.Posts()[0].Media[0].Data; !bytes.Equal(got, want) {
		t.Errorf("fake received %d bytes, want the %d-byte file", len(got), len(want))
	}
}

func TestPublishFourImages(t *testing.T) {
	h := newHarness(t)
	var ms []postgate.Media
	for i := range 4 {
		ms = append(ms, postgate.Media{Path: "img.jpg", File: writeJPEG(t, false), Alt: "image " + string(rune('A'+i))})
	}
	if _, err := h.pub.Publish(context.Background(), request(postgate.Content{Text: "Four.", Media: ms})); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	got := h.fake.Posts()[0].Media
	for i, m := range got {
		if m.Alt != ms[i].Alt {
			t.Errorf("media[%d] alt %q, want %q (order kept)", i, m.Alt, ms[i].Alt)
		}
	}
}

func TestPublishGIF(t *testing.T) {
	h := newHarness(t)
	var b bytes.Buffer
	if err := gif.Encode(&b, image.NewPaletted(image.Rect(0, 0, 4, 4), palette.Plan9), nil); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "wave.gif")
	os.WriteFile(file, b.Bytes(), 0o600)
	c := postgate.Content{Text: "Hello!", Media: []postgate.Media{{Path: "wave.gif", File: file, Alt: "A waving hand"}}}
	if _, err := h.pub.Publish(context.Background(), request(c)); err != nil {
		t.Fatalf("Publish: %v", err)
	}
	if m := h.fake.Posts()[0].Media[0]; m.Category != "tweet_gif" || m.Type != "image/gif" || m.Alt != "A waving hand" {
		t.Errorf("media %s %s alt %q, want an animated-GIF upload", m.Category, m.Type, m.Alt)
	}
}

func TestPublishProcessing(t *testing.T) {
	tests := []struct {
		name  string
		polls int
		fail  bool
		kind  publishers.Kind
		ok    bool
	}{
		{"done by the status read", 0, false, 0, true},
		{"still processing", 2, false, publishers.KindTransient, false},
		{"processing failed", 0, true, publishers.KindRejected, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			h.fake.SetProcessing(tt.polls, tt.fail)
			c := postgate.Content{Text: "Processed.", Media: []postgate.Media{{Path: "a.jpg", File: writeJPEG(t, false), Alt: "a"}}}
			before := time.Now()
			_, err := h.pub.Publish(context.Background(), request(c))
			if tt.ok {
				if err != nil {
					t.Fatalf("Publish: %v", err)
				}
				return
			}
			if k := publishers.KindOf(err); k != tt.kind {
				t.Fatalf("kind %v (%v), want %v", k, err, tt.kind)
			}
			if tt.kind == publishers.KindTransient && !publishers.RetryAtOf(err).After(before) {
				t.Errorf("RetryAt %v, want after X's check_after_secs", publishers.RetryAtOf(err))
			}
			if n := len(h.fake.Posts()); n != 0 {
				t.Errorf("fake has %d posts, want none", n)
			}
		})
	}
}

func TestNew(t *testing.T) {
	dir := t.TempDir()
	secretFile := filepath.Join(dir, "secret")
	os.WriteFile(secretFile, []byte(creds.AccessTokenSecret+"\n"), 0o600)
	tests := []struct {
		name    string
		edit    func(publishers.Settings)
		wantErr string // "" means success
	}{
		{"complete", func(publishers.Settings) {}, ""},
		{"default api_base", func(s publishers.Settings) { delete(s, "api_base") }, ""},
		{"secret from file", func(s publishers.Settings) {
			delete(s, "access_token_secret")
			s["access_token_secret_file"] = secretFile
		}, ""},
		{"unknown key", func(s publishers.Settings) { s["bearer_token"] = "x" }, `"bearer_token"`},
		{"missing secret", func(s publishers.Settings) { delete(s, "consumer_secret") }, "consumer_secret"},
		{"both value and file", func(s publishers.Settings) { s["access_token_file"] = secretFile }, "access_token"},
		{"missing file", func(s publishers.Settings) {
			delete(s, "consumer_key")
			s["consumer_key_file"] = filepath.Join(dir, "none")
		}, "consumer_key_file"},
		{"bad api_base", func(s publishers.Settings) { s["api_base"] = "api.x.com" }, "api_base"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := settings("http://127.0.0.1:1")
			tt.edit(s)
			_, err := x.New(s, publishers.Deps{})
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("New: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("New: %v, want an error naming %s", err, tt.wantErr)
			}
			assertNoSecret(t, "New error", errString(err))
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// gpsMarker sits inside the injected EXIF segment.
const gpsMarker = "GPS-51.5007N-0.1246W"

// writeJPEG writes a tiny JPEG made with image/jpeg, optionally with an
// EXIF APP1 segment injected after SOI, and returns its path.
func writeJPEG(t *testing.T, withEXIF bool) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	if withEXIF {
		payload := append([]byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08"), gpsMarker...)
		seg := []byte{0xFF, 0xE1, 0, 0}
		binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
		data = append(append(append([]byte{}, data[:2]...), append(seg, payload...)...), data[2:]...)
	}
	path := filepath.Join(t.TempDir(), "img.jpg")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeNoisePNG writes an uncompressed size×size PNG of random pixels,
// about 3·size² bytes, and returns its path.
func writeNoisePNG(t *testing.T, size int) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	seed := uint32(1)
	for i := range img.Pix {
		seed = seed*1664525 + 1013904223
		img.Pix[i] = byte(seed >> 24)
		if i%4 == 3 {
			img.Pix[i] = 255 // opaque, so the PNG is RGB
		}
	}
	path := filepath.Join(t.TempDir(), "noise.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := png.Encoder{CompressionLevel: png.NoCompression}
	if err := enc.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	return path
}

func newPublisher(s publishers.Settings) (*x.Publisher, error) {
	return x.New(s, publishers.Deps{HTTPClient: &http.Client{Timeout: 2 * time.Second}})
}
