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

// edge is one transition of the automaton.
type edge struct {
	c byte
	n int32
}

// automaton is an Aho-Corasick matcher over bytes.
type automaton struct {
	root  [256]int32       // goto function of the start state, -1 for none
	edges [][]edge         // goto function of the other states, for scanning
	next  []map[byte]int32 // goto function, while building
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
	for c := range a.root {
		a.root[c] = -1
		if n, ok := a.next[0][byte(c)]; ok {
			a.root[c] = n
		}
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
	a.edges = make([][]edge, len(a.next))
	for s, m := range a.next {
		for c, n := range m {
			a.edges[s] = append(a.edges[s], edge{c, n})
		}
	}
	a.next = nil
	return a
}

// step returns the state after s on byte c, or -1 when s has no edge for c.
func (a *automaton) step(s int32, c byte) int32 {
	for _, e := range a.edges[s] {
		if e.c == c {
			return e.n
		}
	}
	return -1
}

func (a *automaton) scan(text string) []int32 {
	found := make([]int32, a.count)
	for i := range found {
		found[i] = -1
	}
	s := int32(0)
	for i := 0; i < len(text); i++ {
		c := text[i]
		for {
			if s == 0 {
				if n := a.root[c]; n >= 0 {
					s = n
				}
				break
			}
			if n := a.step(s, c); n >= 0 {
				s = n
				break
			}
			s = a.fail[s]
		}
		for _, id := range a.out[s] {
			if found[id] < 0 {
				found[id] = int32(i + 1)
			}
		}
	}
	return found
}
