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
		for i, p := range posts {
			if i%5 == 0 {
				texts = append(texts, lowerASCII(p.Text))
			}
		}
	}
	words := []string{"he", "she", "his", "hers", "aa", "a"}
	small := buildAutomaton(words)
	for _, text := range texts {
		f := present(text)
		check(t, text, needles, f.at)
		f.release()
		g := &found{at: make([]int32, len(words))}
		small.scan(text, g)
		check(t, text, words, g.at)
	}
}

func check(t *testing.T, text string, words []string, found []int32) {
	t.Helper()
	for id, w := range words {
		want := strings.Index(text, w) + len(w) // 0 when absent
		if !strings.Contains(text, w) {
			want = 0
		}
		if int(found[id]) != want {
			t.Fatalf("%q in %q: found at %d, want %d", w, text, found[id], want)
		}
	}
}
