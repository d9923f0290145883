package gate

import (
	"strings"
	"sync"
)

// Before a pattern's regexp runs, the gate checks that the text contains at
// least one of a few short strings the pattern cannot match without (its
// "needs"). All needs of all patterns are found in one pass over the text
// with an Aho-Corasick automaton, so the check costs the same however many
// patterns there are.

// needSet is a list of needle ids; the empty set means "always".
type needSet []int32

var (
	needles  []string
	needleID = map[string]int32{}
	automat  struct {
		once sync.Once
		ac   *automaton
	}
)

// needs registers strings (separated by "|") as needles and returns their ids.
// It is called while package variables are initialised.
func needs(words string) needSet {
	var ids needSet
	for _, w := range strings.Split(words, "|") {
		if w == "" {
			continue
		}
		id, ok := needleID[w]
		if !ok {
			id = int32(len(needles))
			needles = append(needles, w)
			needleID[w] = id
		}
		ids = append(ids, id)
	}
	return ids
}

// present returns, for every needle, the offset just past its first
// occurrence in text, or -1 when it does not occur.
func present(text string) []int32 {
	automat.once.Do(func() { automat.ac = buildAutomaton(needles) })
	return automat.ac.scan(text)
}

// automaton is an Aho-Corasick matcher over bytes, compiled to a table:
// one transition per state and byte class, so a scan does one lookup per
// byte. (github.com/petar-dambovaliev/aho-corasick was measured as well:
// about 30% slower on typical posts, with an allocation per match.)
type automaton struct {
	class [256]uint8 // byte -> class; class 0 is every byte no needle uses
	nc    int        // number of classes
	delta []int32    // state*nc + class -> next state
	out   [][]int32  // needles ending at each state, including via failure links
	count int
}

func buildAutomaton(words []string) *automaton {
	a := &automaton{count: len(words), nc: 1}
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if a.class[w[i]] == 0 {
				a.class[w[i]] = uint8(a.nc)
				a.nc++
			}
		}
	}
	// The trie: next[s][class] is the child of s, or 0 for none.
	next := [][]int32{make([]int32, a.nc)}
	a.out = [][]int32{nil}
	for id, w := range words {
		s := int32(0)
		for i := 0; i < len(w); i++ {
			c := a.class[w[i]]
			if next[s][c] == 0 {
				next[s][c] = int32(len(next))
				next = append(next, make([]int32, a.nc))
				a.out = append(a.out, nil)
			}
			s = next[s][c]
		}
		a.out[s] = append(a.out[s], int32(id))
	}
	// Breadth first, each state's missing transitions are those of its
	// failure state, which is shallower and so already complete.
	a.delta = make([]int32, len(next)*a.nc)
	fail := make([]int32, len(next))
	copy(a.delta, next[0])
	queue := []int32{}
	for _, n := range next[0] {
		if n != 0 {
			queue = append(queue, n)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		a.out[s] = append(a.out[s], a.out[fail[s]]...)
		for c, n := range next[s] {
			if n == 0 {
				a.delta[int(s)*a.nc+c] = a.delta[int(fail[s])*a.nc+c]
				continue
			}
			a.delta[int(s)*a.nc+c] = n
			fail[n] = a.delta[int(fail[s])*a.nc+c]
			queue = append(queue, n)
		}
	}
	return a
}

func (a *automaton) scan(text string) []int32 {
	found := make([]int32, a.count)
	for i := range found {
		found[i] = -1
	}
	s := int32(0)
	for i := 0; i < len(text); i++ {
		s = a.delta[int(s)*a.nc+int(a.class[text[i]])]
		for _, id := range a.out[s] {
			if found[id] < 0 {
				found[id] = int32(i + 1)
			}
		}
	}
	return found
}
