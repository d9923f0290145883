package gate

import (
	"testing"

	"github.com/connections/postgate"
)

// FuzzCheck checks that Check never fails or panics on any text, and that
// every text finding's span lies inside the text and is its match.
func FuzzCheck(f *testing.F) {
	for _, p := range typicalPosts {
		f.Add(p)
	}
	f.Add("")
	f.Add("’’ “ ” ' \" — 12 Apt. 4 @x 07700 900 123 4929123456789012 Dr. A. B. Café’s")
	f.Add("I I I my me \"I feel better\" – J.")
	g := mustGate(f, examplesConfig())
	f.Fuzz(func(t *testing.T, text string) {
		v, err := g.Check(postgate.Content{Text: text})
		if err != nil {
			t.Fatalf("Check(%q): %v", text, err)
		}
		for _, fd := range v.Findings {
			if fd.Start < 0 || fd.End > len(text) || fd.Start > fd.End {
				t.Fatalf("Check(%q): span [%d,%d) outside the text", text, fd.Start, fd.End)
			}
			if text[fd.Start:fd.End] != fd.Match {
				t.Fatalf("Check(%q): match %q is not text[%d:%d] = %q", text, fd.Match, fd.Start, fd.End, text[fd.Start:fd.End])
			}
		}
	})
}
