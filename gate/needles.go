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

// present returns, for every needle, whether it occurs in text.
func present(text string) []bool {
	automat.once.Do(func() { automat.ac = buildAutomaton(needles) })
	return automat.ac.scan(text)
}

// automaton is an Aho-Corasick matcher over bytes.
type automaton struct {
	next  []map[byte]int32 // goto function
	fail  []int32          // failure links
	out   [][]int32        // needles ending at each state, including via failure links
	count int
}

func buildAutomaton(words []string) *automaton {
	a := &automaton{next: []map[byte]int32{{}}, fail: []int32{0}, out: [][]int32{nil}, count: len(words)}
	for id, w := range words {
		s := int32(0)
		for i := 0; i < len(w); i++ {
			n, ok := a.next[s][w[i]]
			if !ok {
				n = int32(len(a.next))
				a.next = append(a.next, map[byte]int32{})
				a.fail = append(a.fail, 0)
				a.out = append(a.out, nil)
				a.next[s][w[i]] = n
			}
			s = n
		}
		a.out[s] = append(a.out[s], int32(id))
	}
	queue := []int32{}
	for _, n := range a.next[0] {
		queue = append(queue, n)
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for c, n := range a.next[s] {
			queue = append(queue, n)
			f := a.fail[s]
			for {
				if t, ok := a.next[f][c]; ok && t != n {
					a.fail[n] = t
					break
				}
				if f == 0 {
					break
				}
				f = a.fail[f]
			}
			a.out[n] = append(a.out[n], a.out[a.fail[n]]...)
		}
	}
	return a
}

func (a *automaton) scan(text string) []bool {
	found := make([]bool, a.count)
	s := int32(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		for {
			if n, ok := a.next[s][c]; ok {
				s = n
				break
			}
			if s == 0 {
				break
			}
			s = a.fail[s]
		}
		for _, id := range a.out[s] {
			found[id] = true
		}
	}
	return found
}
