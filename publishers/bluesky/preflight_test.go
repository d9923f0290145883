package bluesky_test

import (
	"strings"
	"testing"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers/bluesky"
)

func TestPreflight(t *testing.T) {
	gif := []byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
	tests := []struct {
		name     string
		content  func(t *testing.T) postgate.Content
		problems []string // fields, in order
	}{
		{name: "fits", content: text(strings.Repeat("a", 300))},
		{name: "too long", content: text(strings.Repeat("a", 301)), problems: []string{"text"}},
		{name: "URLs count in full", content: text(strings.Repeat("a", 280) + " https://example.org/abcdefghij"), problems: []string{"text"}},
		{name: "link appended counts", content: func(*testing.T) postgate.Content {
			return postgate.Content{Text: strings.Repeat("a", 290), Link: "https://example.org/x"}
		}, problems: []string{"text"}},
		{name: "graphemes, not bytes", content: text(strings.Repeat("é", 300))},
		{name: "too many bytes", content: text(strings.Repeat("👨‍👩‍👧‍👦", 121)), problems: []string{"text"}},
		{name: "too long and too many bytes", content: text(strings.Repeat("👨‍👩‍👧‍👦", 301)), problems: []string{"text", "text"}},
		{name: "empty", content: text(""), problems: []string{"text"}},
		{name: "image only", content: images(1)},
		{name: "four images", content: images(4)},
		{name: "five images", content: images(5), problems: []string{"media"}},
		{name: "no alt text", content: func(t *testing.T) postgate.Content {
			return postgate.Content{Text: "x", Media: []postgate.Media{photo(t, "")}}
		}, problems: []string{"media[0]"}},
		{name: "image over 1,000,000 bytes", content: func(t *testing.T) postgate.Content {
			m := photo(t, "noise")
			m.File = writeFile(t, "big.png", noisyPNG(t, 600, 600))
			return postgate.Content{Text: "x", Media: []postgate.Media{m}}
		}, problems: []string{"media[0]"}},
		{name: "GIF", content: func(t *testing.T) postgate.Content {
			m := photo(t, "anim")
			m.File = writeFile(t, "a.gif", gif)
			return postgate.Content{Text: "x", Media: []postgate.Media{m}}
		}, problems: []string{"media[0]"}},
		{name: "missing file", content: func(t *testing.T) postgate.Content {
			return postgate.Content{Text: "x", Media: []postgate.Media{{Path: "gone.jpg", File: t.TempDir() + "/gone.jpg", Alt: "a"}}}
		}, problems: []string{"media[0]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pub bluesky.Publisher // as the check command runs it
			c := tt.content(t)
			var got []string
			for _, p := range pub.Preflight(c) {
				got = append(got, p.Field)
				if p.Message == "" {
					t.Errorf("problem %s has no message", p.Field)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.problems, ",") {
				t.Errorf("problems %v, want %v", pub.Preflight(c), tt.problems)
			}
		})
	}
}

func text(s string) func(*testing.T) postgate.Content {
	return func(*testing.T) postgate.Content { return postgate.Content{Text: s} }
}

func images(n int) func(*testing.T) postgate.Content {
	return func(t *testing.T) postgate.Content {
		var c postgate.Content
		for range n {
			c.Media = append(c.Media, photo(t, "alt"))
		}
		return c
	}
}

func BenchmarkPreflightText(b *testing.B) {
	c := postgate.Content{Text: strings.Repeat("Grief café ☕ https://example.org/a ", 8)}
	var p bluesky.Publisher
	for b.Loop() {
		p.Preflight(c)
	}
}
