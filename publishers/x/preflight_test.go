package x_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/connections/postgate"
)

func TestPreflight(t *testing.T) {
	h := newHarness(t)
	jpg := writeJPEG(t, true)
	img := func(alt string) postgate.Media { return postgate.Media{Path: "a.jpg", File: jpg, Alt: alt} }
	dir := t.TempDir()
	textFile := filepath.Join(dir, "notes.txt")
	os.WriteFile(textFile, []byte("not an image"), 0o600)
	big := writeNoisePNG(t, 1400) // about 5.9 MB
	tests := []struct {
		name   string
		c      postgate.Content
		fields []string // fields with a problem, in order
	}{
		{"plain text", postgate.Content{Text: "Hello"}, nil},
		{"280 exactly", postgate.Content{Text: strings.Repeat("a", 280)}, nil},
		{"281", postgate.Content{Text: strings.Repeat("a", 281)}, []string{"text"}},
		{"link counts 23", postgate.Content{Text: strings.Repeat("a", 256), Link: "https://connections.example/a/very/long/path/that/is/longer/than/twenty/three"}, nil},
		{"link pushes over", postgate.Content{Text: strings.Repeat("a", 257), Link: "https://connections.example/x"}, []string{"text"}},
		{"CJK weighs 2", postgate.Content{Text: strings.Repeat("語", 141)}, []string{"text"}},
		{"empty", postgate.Content{}, []string{"text"}},
		{"image only", postgate.Content{Media: []postgate.Media{img("alt")}}, nil},
		{"four images", postgate.Content{Text: "x", Media: []postgate.Media{img("a"), img("b"), img("c"), img("d")}}, nil},
		{"five images", postgate.Content{Text: "x", Media: []postgate.Media{img("a"), img("b"), img("c"), img("d"), img("e")}}, []string{"media"}},
		{"missing alt", postgate.Content{Text: "x", Media: []postgate.Media{img("")}}, []string{"media[0]"}},
		{"alt 1000", postgate.Content{Text: "x", Media: []postgate.Media{img(strings.Repeat("é", 1000))}}, nil},
		{"alt 1001", postgate.Content{Text: "x", Media: []postgate.Media{img(strings.Repeat("é", 1001))}}, []string{"media[0]"}},
		{"not an image", postgate.Content{Text: "x", Media: []postgate.Media{{Path: "notes.txt", File: textFile, Alt: "a"}}}, []string{"media[0]"}},
		{"missing file", postgate.Content{Text: "x", Media: []postgate.Media{{Path: "gone.jpg", File: filepath.Join(dir, "gone.jpg"), Alt: "a"}}}, []string{"media[0]"}},
		{"over 5 MB", postgate.Content{Text: "x", Media: []postgate.Media{{Path: "big.png", File: big, Alt: "a"}}}, []string{"media[0]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs := h.pub.Preflight(tt.c)
			fields := make([]string, len(probs))
			for i, p := range probs {
				fields[i] = p.Field
				if p.Message == "" {
					t.Errorf("problem %+v has no message", p)
				}
			}
			if !slices.Equal(fields, tt.fields) {
				t.Errorf("problems %+v, want fields %v", probs, tt.fields)
			}
		})
	}
}
