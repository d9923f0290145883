package facebook_test

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"image"
	"image/color"
	"image/jpeg"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/facebook"
	"github.com/connections/postgate/publishers/facebook/fbfake"
)

// Recognisable secrets: no error or log line may contain them.
const (
	testToken     = "EAAtestPageToken-SECRET-c0ffee"
	testAppSecret = "app-secret-SECRET-f00d"
	pageID        = fbfake.DefaultPageID
)

var (
	testNow   = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	testClock = func() time.Time { return testNow }
)

// secrets returns every value that must never be printed.
func secrets() []string {
	m := hmac.New(sha256.New, []byte(testAppSecret))
	m.Write([]byte(testToken))
	return []string{testToken, testAppSecret, hex.EncodeToString(m.Sum(nil))}
}

// newFake starts a fake Page that knows the test token and app secret.
func newFake(t *testing.T, change func(*fbfake.Config)) *fbfake.Server {
	t.Helper()
	cfg := fbfake.Config{Token: testToken, AppSecret: testAppSecret, Now: testClock}
	if change != nil {
		change(&cfg)
	}
	return fbfake.New(t, cfg)
}

// settings returns valid settings for srv.
func settings(srv *fbfake.Server) publishers.Settings {
	return publishers.Settings{
		"api_base":          srv.URL,
		"page_id":           pageID,
		"page_access_token": testToken,
		"app_secret":        testAppSecret,
	}
}

// newPublisher returns a Publisher for srv whose log lines go to the
// returned buffer.
func newPublisher(t *testing.T, s publishers.Settings) (*facebook.Publisher, *bytes.Buffer) {
	t.Helper()
	logs := &bytes.Buffer{}
	p, err := facebook.New(s, publishers.Deps{
		HTTPClient: &http.Client{Timeout: 500 * time.Millisecond},
		Logger:     slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		Now:        testClock,
	})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return p, logs
}

// assertNoSecret fails when any text contains a secret.
func assertNoSecret(t *testing.T, texts ...string) {
	t.Helper()
	for _, text := range texts {
		for _, s := range secrets() {
			if strings.Contains(text, s) {
				t.Errorf("secret leaked into %q", text)
			}
		}
	}
}

// exifMarker is in the test JPEG's EXIF segment and must not be uploaded.
const exifMarker = "GPS 51.5007N 0.1246W"

// writeJPEG writes a tiny JPEG with an EXIF APP1 segment holding
// exifMarker, and returns its path.
func writeJPEG(t *testing.T, name string) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = uint8(i)
	}
	img.Set(0, 0, color.RGBA{R: 255, A: 255})
	var plain bytes.Buffer
	if err := jpeg.Encode(&plain, img, nil); err != nil {
		t.Fatal(err)
	}
	// A little-endian TIFF header with one empty IFD, then the marker.
	payload := append([]byte("Exif\x00\x00II*\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00"), exifMarker...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	seg = append(seg, payload...)
	data := append([]byte{0xFF, 0xD8}, seg...)
	data = append(data, plain.Bytes()[2:]...)
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
