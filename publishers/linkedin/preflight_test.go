package linkedin_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/linkedin"
	"github.com/connections/postgate/publishers/linkedin/lifake"
)

func TestPreflight(t *testing.T) {
	e := newEnv(t, lifake.Config{}, nil)
	jpg := writeFile(t, "photo.jpg", jpegWithEXIF(t))
	huge := writeFile(t, "huge.png", pngSized(t, 6016, 6010))     // 36,156,160 pixels
	justUnder := writeFile(t, "big.png", pngSized(t, 6016, 6009)) // 36,150,144 pixels
	text := writeFile(t, "notes.txt", []byte("not an image"))
	wp := writeFile(t, "pic.webp", webp(t))
	img := func(file string) postgate.Media { return postgate.Media{Path: "img", File: file, Alt: "alt"} }

	tests := []struct {
		name   string
		c      postgate.Content
		fields []string // fields with problems, in order
	}{
		{name: "text only", c: postgate.Content{Text: "Hello"}},
		{name: "empty", c: postgate.Content{}, fields: []string{"text"}},
		{name: "image only", c: postgate.Content{Media: []postgate.Media{img(jpg)}}},
		{name: "at the limit", c: postgate.Content{Text: strings.Repeat("a", 3000)}},
		{name: "over the limit", c: postgate.Content{Text: strings.Repeat("a", 3001)}, fields: []string{"text"}},
		{name: "escaping counts", c: postgate.Content{Text: strings.Repeat("(", 1501)}, fields: []string{"text"}},
		{name: "escaping within the limit", c: postgate.Content{Text: strings.Repeat("(", 1500)}},
		{name: "astral characters count two", c: postgate.Content{Text: strings.Repeat("🌱", 1501)}, fields: []string{"text"}},
		{name: "link counts", c: postgate.Content{Text: strings.Repeat("a", 2990), Link: "https://example.org/"}, fields: []string{"text"}},
		{name: "20 images", c: postgate.Content{Text: "x", Media: slices.Repeat([]postgate.Media{img(jpg)}, 20)}},
		{name: "21 images", c: postgate.Content{Text: "x", Media: slices.Repeat([]postgate.Media{img(jpg)}, 21)}, fields: []string{"media"}},
		{name: "pixels just under", c: postgate.Content{Text: "x", Media: []postgate.Media{img(justUnder)}}},
		{name: "too many pixels", c: postgate.Content{Text: "x", Media: []postgate.Media{img(jpg), img(huge)}}, fields: []string{"media[1]"}},
		{name: "webp", c: postgate.Content{Text: "x", Media: []postgate.Media{img(wp)}}, fields: []string{"media[0]"}},
		{name: "not an image", c: postgate.Content{Text: "x", Media: []postgate.Media{img(text)}}, fields: []string{"media[0]"}},
		{name: "missing file", c: postgate.Content{Text: "x", Media: []postgate.Media{img(jpg + ".gone")}}, fields: []string{"media[0]"}},
		{name: "alt text at the limit", c: postgate.Content{Text: "x",
			Media: []postgate.Media{{Path: "a", File: jpg, Alt: strings.Repeat("é", linkedin.MaxAltText)}}}},
		{name: "alt text too long", c: postgate.Content{Text: "x",
			Media: []postgate.Media{{Path: "a", File: jpg, Alt: strings.Repeat("é", linkedin.MaxAltText+1)}}}, fields: []string{"media[0]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			probs := e.pub.Preflight(tt.c)
			var fields []string
			for _, p := range probs {
				fields = append(fields, p.Field)
				if p.Message == "" {
					t.Errorf("problem on %s has no message", p.Field)
				}
			}
			if !slices.Equal(fields, tt.fields) {
				t.Errorf("problems %v, want fields %v", probs, tt.fields)
			}
		})
	}
}

func TestPreflightMatchesFakeLimit(t *testing.T) {
	e := newEnv(t, lifake.Config{}, nil)
	for _, n := range []int{1500, 1501} {
		c := postgate.Content{Text: strings.Repeat("_", n)}
		probs := e.pub.Preflight(c)
		_, err := e.pub.Publish(t.Context(), publishers.Request{Content: c})
		if (len(probs) == 0) != (err == nil) {
			t.Errorf("%d underscores: preflight %v but publish %v", n, probs, err)
		}
	}
}

func TestPreflightNeedsNoSettings(t *testing.T) {
	var zero linkedin.Publisher
	if probs := zero.Preflight(postgate.Content{Text: strings.Repeat("a", 3001)}); len(probs) != 1 {
		t.Errorf("zero Publisher: problems %v, want one", probs)
	}
}
