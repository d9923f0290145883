package bluesky_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/bluesky"
	"github.com/connections/postgate/publishers/bluesky/blueskyfake"
)

// password is recognisable, so that a leak shows up in any string.
const password = "zq7x-secr-etpw-9k2m"

const handle = "connections.bsky.social"

var start = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// clock is a settable clock shared by the fake and the publisher.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// env is a publisher wired to a fake, with its log captured.
type env struct {
	fake  *blueskyfake.Server
	pub   *bluesky.Publisher
	clock *clock
	logs  *bytes.Buffer
}

// newEnv starts a fake and a publisher; extra settings override the
// defaults, and an empty value removes a key.
func newEnv(t *testing.T, cfg blueskyfake.Config, extra publishers.Settings) *env {
	t.Helper()
	c := &clock{t: start}
	cfg.Handle, cfg.AppPassword = handle, password
	if cfg.Now == nil {
		cfg.Now = c.Now
	}
	e := &env{fake: blueskyfake.New(t, cfg), clock: c, logs: &bytes.Buffer{}}
	s := publishers.Settings{"api_base": e.fake.URL, "identifier": handle, "app_password": password}
	for k, v := range extra {
		if v == "" {
			delete(s, k)
		} else {
			s[k] = v
		}
	}
	e.pub = e.publisher(t, s, &http.Client{Timeout: 2 * time.Second})
	return e
}

// publisher builds a publisher on e's clock and log.
func (e *env) publisher(t *testing.T, s publishers.Settings, client *http.Client) *bluesky.Publisher {
	t.Helper()
	pub, err := bluesky.New(s, publishers.Deps{
		HTTPClient: client,
		Logger:     slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:        e.clock.Now,
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return pub
}

// assertNoSecret fails if the password or any token is in err or in the
// captured log.
func (e *env) assertNoSecret(t *testing.T, err error) {
	t.Helper()
	for _, s := range []string{e.logs.String(), errText(err)} {
		if strings.Contains(s, password) || strings.Contains(s, "eyJ") {
			t.Errorf("a secret leaks into %q", s)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func request(text string, media ...postgate.Media) publishers.Request {
	return publishers.Request{
		Delivery: postgate.Delivery{PostID: "p1", Platform: postgate.Bluesky, At: start},
		Content:  postgate.Content{Platform: postgate.Bluesky, Text: text, Media: media},
		Attempt:  1,
	}
}

// prepared returns request(text, media…) with its handle from Prepare.
func (e *env) prepared(t *testing.T, text string, media ...postgate.Media) publishers.Request {
	t.Helper()
	req := request(text, media...)
	h, err := e.pub.Prepare(t.Context(), req)
	if err != nil {
		t.Fatal(err)
	}
	req.Handle = h
	return req
}

func asError(t *testing.T, err error) *publishers.Error {
	t.Helper()
	var pe *publishers.Error
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *publishers.Error", err, err)
	}
	return pe
}

// exifMarker is planted in the test JPEG's EXIF segment.
const exifMarker = "GPS-55.95N-3.19W-marker"

// jpegWithEXIF returns a 16×9 JPEG whose first segment is an EXIF APP1
// holding exifMarker.
func jpegWithEXIF(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 16, 9))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 5)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	payload := append([]byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08"), exifMarker...)
	seg := binary.BigEndian.AppendUint16([]byte{0xFF, 0xE1}, uint16(len(payload)+2))
	seg = append(seg, payload...)
	data := buf.Bytes()
	return append(append(append([]byte{}, data[:2]...), seg...), data[2:]...)
}

// noisyPNG returns a w×h PNG of noise, which does not compress.
func noisyPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	x := uint32(2463534242)
	for i := range img.Pix {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		img.Pix[i] = byte(x)
	}
	img.Set(0, 0, color.White)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writeFile writes data under t.TempDir and returns its path.
func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// photo is a JPEG with EXIF and alt text, ready to attach.
func photo(t *testing.T, alt string) postgate.Media {
	return postgate.Media{Path: "photo.jpg", File: writeFile(t, "photo.jpg", jpegWithEXIF(t)), Alt: alt}
}
