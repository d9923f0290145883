package instagram_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/instagram"
	"github.com/connections/postgate/publishers/instagram/igfake"
)

// Recognisable credentials: no error or log line may contain them.
const (
	testToken     = "IGTOKEN-SECRET-0123456789"
	testAppSecret = "APPSECRET-SECRET-9876543210"
)

// fixedNow is the clock of every test.
var fixedNow = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// env is a connector wired to a fake, with a calendar folder the fake
// serves as the practice's web server.
type env struct {
	fake *igfake.Server
	pub  *instagram.Publisher
	dir  string // the calendar's media folder
	logs *syncBuffer
}

// newEnv starts a fake with opts (token, app secret, clock and media folder
// filled in) and builds a Publisher against it.
func newEnv(t *testing.T, opts igfake.Options) *env {
	t.Helper()
	dir := t.TempDir()
	opts.Token, opts.AppSecret, opts.MediaDir = testToken, testAppSecret, dir
	if opts.Now == nil {
		opts.Now = func() time.Time { return fixedNow }
	}
	fake := igfake.New(t, opts)
	logs := &syncBuffer{}
	pub, err := instagram.New(settings(fake), publishers.Deps{
		HTTPClient: &http.Client{Timeout: 2 * time.Second},
		Logger:     slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:        func() time.Time { return fixedNow },
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return &env{fake: fake, pub: pub, dir: dir, logs: logs}
}

// settings are valid settings pointing at fake.
func settings(fake *igfake.Server) publishers.Settings {
	return publishers.Settings{
		"api_base":       fake.URL,
		"ig_user_id":     fake.Options().UserID,
		"access_token":   testToken,
		"app_secret":     testAppSecret,
		"media_base_url": fake.URL + "/media/",
	}
}

// imagePost returns a request for text with one JPEG of w×h, with an EXIF
// segment carrying GPS-like data, written to the calendar folder.
func (e *env) imagePost(t *testing.T, text string, w, h int) publishers.Request {
	t.Helper()
	path := writeJPEG(t, e.dir, "img/photo one.jpg", w, h, true)
	return publishers.Request{
		Delivery: postgate.Delivery{PostID: "p1", Platform: postgate.Instagram, At: fixedNow},
		Content: postgate.Content{Platform: postgate.Instagram, Text: text, Link: "https://example.org/a",
			Media: []postgate.Media{{Path: "img/photo one.jpg", File: path, Alt: "A calm room", Source: postgate.SourceOwn}}},
		Attempt: 1,
	}
}

// writeJPEG writes a w×h JPEG under dir at rel, with an EXIF APP1 segment
// right after the SOI marker when withExif is set, and returns its path.
func writeJPEG(t *testing.T, dir, rel string, w, h int, withExif bool) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, x%h, color.RGBA{R: 200, G: 120, B: 40, A: 255})
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if withExif {
		data = append(append(append([]byte{}, data[:2]...), exifSegment()...), data[2:]...)
	}
	path := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// exifMarker is what every EXIF APP1 payload starts with.
const exifMarker = "Exif\x00\x00"

// exifSegment is an APP1 segment: EXIF header, a big-endian TIFF header and
// one IFD whose entry points at a GPS IFD, plus a recognisable comment.
func exifSegment() []byte {
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08")
	tiff = append(tiff, 0, 1)                                      // one entry
	tiff = append(tiff, 0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26) // GPSInfo IFD pointer
	tiff = append(tiff, 0, 0, 0, 0)                                // no next IFD
	tiff = append(tiff, 0, 0, 0, 0, 0, 0)                          // empty GPS IFD
	tiff = append(tiff, []byte("GPS 51.5N 0.12W")...)
	payload := append([]byte(exifMarker), tiff...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// syncBuffer is a log sink safe for concurrent writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// wantKind fails unless err is a *publishers.Error of kind k.
func wantKind(t *testing.T, err error, k publishers.Kind) *publishers.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("err = nil, want kind %v", k)
	}
	if got := publishers.KindOf(err); got != k {
		t.Fatalf("kind = %v, want %v (err: %v)", got, k, err)
	}
	var e *publishers.Error
	if !errors.As(err, &e) {
		t.Fatalf("err is %T, want *publishers.Error", err)
	}
	if e.Platform != "instagram" {
		t.Errorf("Platform = %q", e.Platform)
	}
	return e
}
