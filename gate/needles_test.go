package gate

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPresent checks the needle automaton against strings.Index on every
// labelled post and on texts where needles overlap and share suffixes.
func TestPresent(t *testing.T) {
	texts := []string{"", "a", "she said, shes", "ushers hishe", "aaaa aaa", "we can’t fix", "can’t and can't"}
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
	words := []string{"he", "she", "his", "hers", "aa", "a", "can't", "’t"}
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
		want := firstEnd(text, w)
		if curly := firstEnd(text, strings.ReplaceAll(w, "'", "’")); curly != 0 && (want == 0 || curly < want) {
			want = curly
		}
		if int(found[id]) != want {
			t.Fatalf("%q in %q: found at %d, want %d", w, text, found[id], want)
		}
	}
}

// firstEnd is the offset just past the first w in text, or 0.
func firstEnd(text, w string) int {
	i := strings.Index(text, w)
	if i < 0 {
		return 0
	}
	return i + len(w)
}
