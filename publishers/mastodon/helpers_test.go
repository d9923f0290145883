package mastodon_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/jpeg"
	"io"
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
	"github.com/connections/postgate/publishers/mastodon"
	"github.com/connections/postgate/publishers/mastodon/mastodonfake"
)

// token is recognisable, so that a leak shows up in any string.
const token = "mstdn-secret-token-4b2d8e"

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
	fake  *mastodonfake.Server
	pub   *mastodon.Publisher
	clock *clock
	logs  *bytes.Buffer
}

// newEnv starts a fake and a publisher; extra settings override the
// defaults, and an empty value removes a key.
func newEnv(t *testing.T, cfg mastodonfake.Config, extra publishers.Settings) *env {
	t.Helper()
	c := &clock{t: start}
	cfg.Token = token
	if cfg.Now == nil {
		cfg.Now = c.Now
	}
	e := &env{fake: mastodonfake.New(t, cfg), clock: c, logs: &bytes.Buffer{}}
	s := publishers.Settings{"api_base": e.fake.URL, "access_token": token}
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
func (e *env) publisher(t *testing.T, s publishers.Settings, client *http.Client) *mastodon.Publisher {
	t.Helper()
	pub, err := mastodon.New(s, publishers.Deps{
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
		Delivery: postgate.Delivery{PostID: "p1", Platform: postgate.Mastodon, At: start},
		Content:  postgate.Content{Platform: postgate.Mastodon, Text: text, Media: media},
		Attempt:  1,
	}
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
const exifMarker = "GPS-53.48N-2.24W-marker"

// jpegWithEXIF returns a small JPEG whose first segment is an EXIF APP1
// holding exifMarker.
func jpegWithEXIF(t *testing.T) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 12, 6))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 11)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	payload := append([]byte("Exif\x00\x00II\x2a\x00\x08\x00\x00\x00"), exifMarker...)
	seg := binary.BigEndian.AppendUint16([]byte{0xFF, 0xE1}, uint16(len(payload)+2))
	seg = append(seg, payload...)
	data := buf.Bytes()
	return append(append(append([]byte{}, data[:2]...), seg...), data[2:]...)
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

// photo is an image with alt text, ready to attach.
func photo(t *testing.T, alt string) postgate.Media {
	return postgate.Media{Path: "photo.jpg", File: writeFile(t, "photo.jpg", jpegWithEXIF(t)), Alt: alt}
}

func ioNopCloser(s string) io.ReadCloser { return io.NopCloser(strings.NewReader(s)) }
