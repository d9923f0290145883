package facebook_test

import (
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers/facebook"
)

// writeBigPNG writes an uncompressed noise PNG over 4 MB.
func writeBigPNG(t *testing.T) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 1100, 1000))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = uint8(r.Uint32())
	}
	path := filepath.Join(t.TempDir(), "big.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := (&png.Encoder{CompressionLevel: png.NoCompression}).Encode(f, img); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPreflight(t *testing.T) {
	dir := t.TempDir()
	bmp := filepath.Join(dir, "scan.bmp")
	os.WriteFile(bmp, append([]byte("BM"), make([]byte, 60)...), 0o600)
	jpg := writeJPEG(t, "ok.jpg")
	big := writeBigPNG(t)
	media := func(files ...string) []postgate.Media {
		var ms []postgate.Media
		for _, f := range files {
			ms = append(ms, postgate.Media{Path: filepath.Base(f), File: f})
		}
		return ms
	}
	const link = "https://example.org/x"
	tests := []struct {
		name    string
		content postgate.Content
		fields  []string // fields of the expected problems, in order
	}{
		{"text", postgate.Content{Text: "Hello"}, nil},
		{"link only", postgate.Content{Link: link}, nil},
		{"image only", postgate.Content{Media: media(jpg)}, nil},
		{"empty", postgate.Content{}, []string{"text"}},
		{"at the limit", postgate.Content{Text: strings.Repeat("a", facebook.MaxText)}, nil},
		{"over the limit", postgate.Content{Text: strings.Repeat("a", facebook.MaxText+1)}, []string{"text"}},
		{"emoji count twice", postgate.Content{Text: strings.Repeat("😀", facebook.MaxText/2+1)}, []string{"text"}},
		{"link field does not count", postgate.Content{Text: strings.Repeat("a", facebook.MaxText), Link: link}, nil},
		{"link in a caption counts", postgate.Content{Text: strings.Repeat("a", facebook.MaxText), Link: link, Media: media(jpg)}, []string{"text"}},
		{"ten images", postgate.Content{Text: "x", Media: media(jpg, jpg, jpg, jpg, jpg, jpg, jpg, jpg, jpg, jpg)}, nil},
		{"eleven images", postgate.Content{Text: "x", Media: media(jpg, jpg, jpg, jpg, jpg, jpg, jpg, jpg, jpg, jpg, jpg)}, []string{"media"}},
		{"BMP", postgate.Content{Text: "x", Media: media(jpg, bmp)}, []string{"media[1]"}},
		{"missing file", postgate.Content{Text: "x", Media: media(filepath.Join(dir, "gone.jpg"))}, []string{"media[0]"}},
		{"over 4 MB", postgate.Content{Text: "x", Media: media(big)}, []string{"media[0]"}},
	}
	srv := newFake(t, nil)
	p, _ := newPublisher(t, settings(srv))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs := p.Preflight(tt.content)
			var fields []string
			for _, pr := range probs {
				fields = append(fields, pr.Field)
				if pr.Message == "" {
					t.Errorf("problem %q has no message", pr.Field)
				}
			}
			if strings.Join(fields, ",") != strings.Join(tt.fields, ",") {
				t.Errorf("problems %+v, want fields %q", probs, tt.fields)
			}
		})
	}
	if srv.Requests() != 0 {
		t.Errorf("Preflight sent %d requests", srv.Requests())
	}
}
