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

// found is where each needle first ends in a text (0: it does not occur),
// and which entries are set, so that the array can be cleared cheaply and
// reused: it has one entry per needle, thousands of them.
type found struct {
	at  []int32
	set []int32
}

var foundPool = sync.Pool{New: func() any { return new(found) }}

// needleIndex builds the automaton over every needle, once.
func needleIndex() *automaton {
	automat.once.Do(func() { automat.ac = buildAutomaton(needles) })
	return automat.ac
}

// present finds every needle in text. Call release when done with it.
func present(text string) *found {
	ac := needleIndex()
	f := foundPool.Get().(*found)
	if len(f.at) != len(needles) {
		f.at = make([]int32, len(needles))
	}
	ac.scan(text, f)
	return f
}

// release clears f and returns it to the pool.
func (f *found) release() {
	for _, id := range f.set {
		f.at[id] = 0
	}
	f.set = f.set[:0]
	foundPool.Put(f)
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
	ends  []bool     // whether out is not empty, per state
	count int
}

// buildAutomaton compiles words into an automaton. A word written with a
// straight apostrophe ("can't") also matches a curly one ("can’t"), as the
// patterns' regexps do.
func buildAutomaton(words []string) *automaton {
	a := &automaton{count: len(words), nc: 1}
	type entry struct {
		id int
		w  string
	}
	var entries []entry
	for id, w := range words {
		entries = append(entries, entry{id, w})
		if strings.Contains(w, "'") {
			entries = append(entries, entry{id, strings.ReplaceAll(w, "'", "’")})
		}
	}
	for _, e := range entries {
		for i := 0; i < len(e.w); i++ {
			if a.class[e.w[i]] == 0 {
				a.class[e.w[i]] = uint8(a.nc)
				a.nc++
			}
		}
	}
	// The trie: next[s][class] is the child of s, or 0 for none.
	next := [][]int32{make([]int32, a.nc)}
	a.out = [][]int32{nil}
	for _, e := range entries {
		id, w := e.id, e.w
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
	a.ends = make([]bool, len(a.out))
	for s, o := range a.out {
		a.ends[s] = len(o) > 0
	}
	return a
}

// scan records in f, for every needle, the offset just past its first
// occurrence in text; f must be clear.
func (a *automaton) scan(text string, f *found) {
	s := int32(0)
	for i := 0; i < len(text); i++ {
		s = a.delta[int(s)*a.nc+int(a.class[text[i]])]
		if !a.ends[s] {
			continue
		}
		for _, id := range a.out[s] {
			if f.at[id] == 0 {
				f.at[id] = int32(i + 1)
				f.set = append(f.set, id)
			}
		}
	}
}
