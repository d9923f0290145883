package instagram_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers/instagram"
	"github.com/connections/postgate/publishers/instagram/igfake"
)

func TestPreflight(t *testing.T) {
	e := newEnv(t, igfake.Options{})
	dir := t.TempDir()
	jpeg := func(w, h int) []postgate.Media {
		name := fmt.Sprintf("%dx%d.jpg", w, h)
		return []postgate.Media{{Path: name, File: writeJPEG(t, dir, name, w, h, true), Alt: "alt"}}
	}
	pngFile := filepath.Join(dir, "b.png")
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 400, 400))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pngFile, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	square := jpeg(400, 400)
	tags := func(prefix string, n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(" " + prefix + "tag" + strings.Repeat("x", i))
		}
		return b.String()
	}

	tests := []struct {
		name  string
		c     postgate.Content
		field string // "" means no problem
		msg   string
	}{
		{"fine", postgate.Content{Text: "Hello", Media: square}, "", ""},
		{"text only", postgate.Content{Text: "Hello"}, "media", "need an image"},
		{"carousel of ten", postgate.Content{Text: "Hello", Media: repeat(square, 10)}, "", ""},
		{"eleven images", postgate.Content{Text: "Hello", Media: repeat(square, 11)}, "media", "at most 10 images; this post has 11"},
		{"carousel with a bad item", postgate.Content{Text: "Hello", Media: append(repeat(square, 2), jpeg(192, 100)...)}, "media[2]", "wider"},
		{"2200 characters", postgate.Content{Text: strings.Repeat("a", 2200), Media: square}, "", ""},
		{"2201 characters", postgate.Content{Text: strings.Repeat("a", 2201), Media: square}, "text", "2201 characters"},
		{"emoji count as two", postgate.Content{Text: strings.Repeat("🙂", 1101), Media: square}, "text", "2202 characters"},
		{"link counts toward the caption", postgate.Content{Text: strings.Repeat("a", 2190), Link: "https://example.org/x", Media: square}, "text", "2212"},
		{"30 hashtags", postgate.Content{Text: "Hi" + tags("#", 30), Media: square}, "", ""},
		{"31 hashtags", postgate.Content{Text: "Hi" + tags("#", 31), Media: square}, "text", "31 hashtags"},
		{"anchors and entities are not hashtags", postgate.Content{Text: "See https://example.org/#a &#39;" + tags("#", 30), Media: square}, "", ""},
		{"20 mentions", postgate.Content{Text: "Hi" + tags("@", 20), Media: square}, "", ""},
		{"21 mentions", postgate.Content{Text: "Hi" + tags("@", 21), Media: square}, "text", "21 accounts"},
		{"email is not a mention", postgate.Content{Text: "Write to a@b.org" + tags("@", 20), Media: square}, "", ""},
		{"png", postgate.Content{Text: "Hi", Media: []postgate.Media{{Path: "b.png", File: pngFile}}}, "media[0]", "only JPEG"},
		{"missing file", postgate.Content{Text: "Hi", Media: []postgate.Media{{Path: "c.jpg", File: filepath.Join(dir, "c.jpg")}}}, "media[0]", "cannot be used"},
		{"4:5 portrait", postgate.Content{Text: "Hi", Media: jpeg(80, 100)}, "", ""},
		{"taller than 4:5", postgate.Content{Text: "Hi", Media: jpeg(80, 101)}, "media[0]", "taller than 4:5"},
		{"1.91:1 landscape", postgate.Content{Text: "Hi", Media: jpeg(191, 100)}, "", ""},
		{"wider than 1.91:1", postgate.Content{Text: "Hi", Media: jpeg(192, 100)}, "media[0]", "wider than 1.91:1"},
		{"widths below 320 are scaled, not refused", postgate.Content{Text: "Hi", Media: jpeg(40, 40)}, "", ""},
		{"alt text 1000", postgate.Content{Text: "Hi", Media: []postgate.Media{{Path: "a.jpg", File: square[0].File, Alt: strings.Repeat("é", 1000)}}}, "", ""},
		{"alt text 1001", postgate.Content{Text: "Hi", Media: []postgate.Media{{Path: "a.jpg", File: square[0].File, Alt: strings.Repeat("é", 1001)}}}, "media[0]", "alt text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			problems := e.pub.Preflight(tt.c)
			if tt.field == "" {
				if len(problems) != 0 {
					t.Errorf("problems %+v, want none", problems)
				}
				return
			}
			if len(problems) != 1 || problems[0].Field != tt.field || !strings.Contains(problems[0].Message, tt.msg) {
				t.Errorf("problems %+v, want one on %s containing %q", problems, tt.field, tt.msg)
			}
		})
	}
}

func TestPreflightNeedsNoSettings(t *testing.T) {
	var zero instagram.Publisher
	problems := zero.Preflight(postgate.Content{Text: "Hi"})
	if len(problems) != 1 || problems[0].Field != "media" {
		t.Errorf("problems %+v, want the missing image", problems)
	}
}

func repeat(m []postgate.Media, n int) []postgate.Media {
	var out []postgate.Media
	for range n {
		out = append(out, m...)
	}
	return out
}
