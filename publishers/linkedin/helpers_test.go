package linkedin_test

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
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
	"github.com/connections/postgate/publishers/linkedin"
	"github.com/connections/postgate/publishers/linkedin/lifake"
)

// token is recognisable, so that a leak shows up in any string.
const token = "AQX-secret-token-7c1e9b"

const org = "urn:li:organization:5515715"

var start = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)

// clock is a settable clock shared by the fake and the publisher.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: start} }

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
	fake  *lifake.Server
	pub   *linkedin.Publisher
	clock *clock
	logs  *bytes.Buffer
}

// newEnv starts a fake and a publisher; extra settings override the
// defaults, and an empty value removes a key.
func newEnv(t *testing.T, cfg lifake.Config, extra publishers.Settings) *env {
	t.Helper()
	c := newClock()
	cfg.Token = token
	cfg.Organization = org
	if cfg.Now == nil {
		cfg.Now = c.Now
	}
	fake := lifake.New(t, cfg)
	s := publishers.Settings{"api_base": fake.URL, "author": org, "access_token": token}
	for k, v := range extra {
		if v == "" {
			delete(s, k)
		} else {
			s[k] = v
		}
	}
	e := &env{fake: fake, clock: c, logs: &bytes.Buffer{}}
	e.pub = e.publisher(t, s, &http.Client{Timeout: 2 * time.Second})
	return e
}

// publisher builds a publisher on e's clock and log with settings s (the
// fake's defaults when s is empty) and client.
func (e *env) publisher(t *testing.T, s publishers.Settings, client *http.Client) *linkedin.Publisher {
	t.Helper()
	if len(s) == 0 {
		s = publishers.Settings{"api_base": e.fake.URL, "author": org, "access_token": token}
	}
	pub, err := linkedin.New(s, publishers.Deps{
		HTTPClient: client,
		Logger:     slog.New(slog.NewTextHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:        e.clock.Now,
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return pub
}

// assertNoSecret fails if the token is in err or in the captured log.
func (e *env) assertNoSecret(t *testing.T, err error) {
	t.Helper()
	if err != nil && strings.Contains(err.Error(), token) {
		t.Errorf("error leaks the token: %v", err)
	}
	if strings.Contains(e.logs.String(), token) {
		t.Errorf("log leaks the token:\n%s", e.logs)
	}
}

func request(text string, media ...postgate.Media) publishers.Request {
	return publishers.Request{
		Delivery: postgate.Delivery{PostID: "p1", Platform: postgate.LinkedIn, At: start},
		Content:  postgate.Content{Platform: postgate.LinkedIn, Text: text, Media: media},
		Attempt:  1,
	}
}

// exifMarker is planted in the test JPEG's EXIF segment.
const exifMarker = "GPSMARKER-51.5N-0.12W"

// jpegWithEXIF returns a small JPEG with an EXIF APP1 segment holding
// exifMarker right after the SOI marker.
func jpegWithEXIF(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	payload := append([]byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08"), exifMarker...)
	app1 := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(app1[2:], uint16(len(payload)+2))
	app1 = append(app1, payload...)
	data := buf.Bytes()
	return append(append(append([]byte{}, data[:2]...), app1...), data[2:]...)
}

// pngSized returns a tiny PNG whose header claims w×h pixels.
func pngSized(t *testing.T, w, h uint32) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 1, 1))
	img.Set(0, 0, color.White)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	// The IHDR chunk follows the 8-byte signature: length, type, data, CRC.
	ihdr := data[8+8 : 8+8+13]
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	binary.BigEndian.PutUint32(data[8+8+13:], crc32.ChecksumIEEE(data[8+4:8+8+13]))
	return data
}

// webp is a 1×1 lossless WebP image, a type LinkedIn does not take.
func webp(t *testing.T) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
	if err != nil {
		t.Fatal(err)
	}
	return b
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
