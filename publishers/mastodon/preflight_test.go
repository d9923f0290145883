package mastodon_test

import (
	"strings"
	"testing"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/publishers/mastodon"
	"github.com/connections/postgate/publishers/mastodon/mastodonfake"
)

func TestLength(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"", 0},
		{"hello", 5},
		{"café ☕", 6},
		{"family 👨‍👩‍👧 flag 🇳🇿", 15},
		{"see https://example.org/a/very/long/path/that/goes/on?and=on", 4 + 23},
		{"two https://a.example/x and http://b.example", 4 + 23 + 5 + 23},
		{"bare example.org is not a link", 30},
		{"end of sentence https://example.org/page.", 16 + 23 + 1},
		{"hi @sam@mastodon.social!", len("hi @sam!")},
		{"hi @sam", 7},
		{"mail sam@example.org", 20},
		{"@a_b@x.example and @c@y.example.org", len("@a_b and @c")},
	}
	for _, tt := range tests {
		if got := mastodon.Length(tt.text); got != tt.want {
			t.Errorf("Length(%q) = %d, want %d", tt.text, got, tt.want)
		}
		if got := mastodonfake.Length(tt.text); got != tt.want {
			t.Errorf("fake Length(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestPreflight(t *testing.T) {
	url := "https://example.org/" + strings.Repeat("p", 200)
	tests := []struct {
		name     string
		pub      *mastodon.Publisher
		content  func(t *testing.T) postgate.Content
		problems []string // fields, in order
	}{
		{name: "fits", content: text(strings.Repeat("a", 500))},
		{name: "too long", content: text(strings.Repeat("a", 501)), problems: []string{"text"}},
		{name: "long URL counts 23", content: text(strings.Repeat("a", 476) + " " + url)},
		{name: "link appended counts", content: func(t *testing.T) postgate.Content {
			return postgate.Content{Text: strings.Repeat("a", 477), Link: url}
		}, problems: []string{"text"}},
		{name: "remote mention counts the local part", content: text(strings.Repeat("a", 494) + " @ann@example.social")},
		{name: "instance limit", pub: newPublisher(t, "5000"), content: text(strings.Repeat("a", 4000))},
		{name: "instance limit exceeded", pub: newPublisher(t, "100"), content: text(strings.Repeat("a", 101)), problems: []string{"text"}},
		{name: "empty", content: text("  "), problems: []string{"text"}},
		{name: "image only", content: images(1)},
		{name: "four images", content: images(4)},
		{name: "five images", content: images(5), problems: []string{"media"}},
		{name: "no alt text", content: func(t *testing.T) postgate.Content {
			return postgate.Content{Text: "x", Media: []postgate.Media{photo(t, "")}}
		}, problems: []string{"media[0]"}},
		{name: "alt text too long", content: func(t *testing.T) postgate.Content {
			return postgate.Content{Text: "x", Media: []postgate.Media{photo(t, strings.Repeat("é", 1501))}}
		}, problems: []string{"media[0]"}},
		{name: "not an image", content: func(t *testing.T) postgate.Content {
			return postgate.Content{Text: "x", Media: []postgate.Media{{Path: "a.txt", File: writeFile(t, "a.txt", []byte("text")), Alt: "a"}}}
		}, problems: []string{"media[0]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub := tt.pub
			if pub == nil {
				pub = &mastodon.Publisher{} // as the check command runs it
			}
			var got []string
			for _, p := range pub.Preflight(tt.content(t)) {
				got = append(got, p.Field)
				if p.Message == "" {
					t.Errorf("problem %s has no message", p.Field)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.problems, ",") {
				t.Errorf("problems %v, want %v", pub.Preflight(tt.content(t)), tt.problems)
			}
		})
	}
}

func text(s string) func(*testing.T) postgate.Content {
	return func(*testing.T) postgate.Content { return postgate.Content{Text: s} }
}

func images(n int) func(*testing.T) postgate.Content {
	return func(t *testing.T) postgate.Content {
		c := postgate.Content{}
		for range n {
			c.Media = append(c.Media, photo(t, "alt"))
		}
		return c
	}
}

func newPublisher(t *testing.T, maxChars string) *mastodon.Publisher {
	t.Helper()
	p, err := mastodon.New(publishers.Settings{"api_base": "https://m.example", "access_token": token, "max_characters": maxChars}, publishers.Deps{})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func BenchmarkPreflightText(b *testing.B) {
	c := postgate.Content{Text: strings.Repeat("Counselling for grief and loss, @ann@example.social https://example.org/a ", 6)}
	var p mastodon.Publisher
	for b.Loop() {
		p.Preflight(c)
	}
}
