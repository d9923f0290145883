package gate

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPresent checks the needle automaton against strings.Index on every
// labelled post and on texts where needles overlap and share suffixes.
func TestPresent(t *testing.T) {
	texts := []string{"", "a", "she said, shes", "ushers hishe", "aaaa aaa"}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	for _, f := range files {
		posts, err := LoadLabelled(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range posts {
			texts = append(texts, lowerASCII(p.Text))
		}
	}
	small := buildAutomaton([]string{"he", "she", "his", "hers", "aa", "a"})
	for _, text := range texts {
		check(t, text, needles, present(text))
		check(t, text, []string{"he", "she", "his", "hers", "aa", "a"}, small.scan(text))
	}
}

func check(t *testing.T, text string, words []string, found []int32) {
	t.Helper()
	for id, w := range words {
		want := strings.Index(text, w)
		if want >= 0 {
			want += len(w)
		}
		if int(found[id]) != want {
			t.Fatalf("%q in %q: found at %d, want %d", w, text, found[id], want)
		}
	}
}
