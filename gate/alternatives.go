package gate

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"unicode/utf8"
)

// Most patterns are long alternations ("a|b|c"), and only one or two of the
// alternatives can match a given post. Go's regexp engine pays for every
// alternative at every byte, so at init each pattern is split into its
// top-level alternatives, and each alternative gets the strings it cannot
// match without, derived from its syntax tree. An alternative runs only when
// one of its strings is in the post (found by the needle automaton along with
// the hand-written needs). This is what keeps the gate fast; the hand-written
// needs stay as the first, cheaper test.

// alt is one top-level alternative of a pattern's regexp.
type alt struct {
	re   *regexp.Regexp
	need needSet // the alternative cannot match without one of these; empty: always runs
}

// A pattern matches wherever any of its alternatives does: the split
// defines what a pattern finds (every alternative's matches, where one
// alternation would report only the leftmost). The needles of the
// alternatives are a pure speed-up: useAltNeeds is switched off in a test
// that checks they change no verdict.
var useAltNeeds = true

// split fills p.alts. It is called from init, before any post is checked.
func (p *pattern) split() {
	branches := topLevel(p.re.String())
	if len(branches) < 2 {
		return
	}
	prefix := flagPrefix(p.re.String())
	for _, b := range branches {
		if prefix != "" && !strings.HasPrefix(b, prefix) {
			b = prefix + b
		}
		re := regexp.MustCompile(b)
		var need needSet
		if lits := required(re.String()); lits != nil {
			need = needs(strings.Join(lits, "|"))
		}
		p.alts = append(p.alts, alt{re: re, need: need})
	}
}

// flagPrefix returns a leading flag group such as "(?i)", which applies to
// every alternative.
func flagPrefix(expr string) string {
	if strings.HasPrefix(expr, "(?") {
		if end := strings.IndexByte(expr, ')'); end > 2 && !strings.ContainsAny(expr[2:end], ":<P") {
			return expr[:end+1]
		}
	}
	return ""
}

// topLevel splits a regular expression at the "|" that are outside any
// group and character class.
func topLevel(expr string) []string {
	var out []string
	depth, inClass, start := 0, false, 0
	if p := flagPrefix(expr); p != "" {
		start = len(p)
	}
	for i := start; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			if i+1 < len(expr) && expr[i+1] == ']' {
				i++ // "[]...]": the first ] is a literal
			} else if i+2 < len(expr) && expr[i+1] == '^' && expr[i+2] == ']' {
				i += 2
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			out = append(out, expr[start:i])
			start = i + 1
		}
	}
	return append(out, expr[start:])
}

// maxExact bounds the sets of strings the analysis tracks.
const maxExact = 64

// required returns strings of at least three bytes, lower-cased, at least
// one of which every match of expr contains; nil when it finds none.
func required(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	lits := minimal(best([][]string{literals(re.Simplify()).set()}))
	if score(lits) < 3 || slices.ContainsFunc(lits, func(s string) bool { return strings.Contains(s, "|") }) {
		return nil
	}
	return lits
}

// litInfo is what the analysis knows of a piece of a regexp: the exact
// strings it matches, when they are few, or else strings one of which each
// of its matches contains.
type litInfo struct {
	exact []string // every string the piece can match; nil when unknown
	any   []string // each match contains one of these; nil when unknown
}

// set returns the strings one of which every match contains, or nil.
func (l litInfo) set() []string {
	if l.exact != nil {
		if slices.Contains(l.exact, "") {
			return nil
		}
		return l.exact
	}
	return l.any
}

var empty = litInfo{exact: []string{""}}

func literals(re *syntax.Regexp) litInfo {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return empty
	case syntax.OpLiteral:
		s := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 && !ascii(s) {
			return litInfo{}
		}
		return litInfo{exact: []string{lowerASCII(s)}}
	case syntax.OpCharClass:
		var rs []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(rs) == 10 {
					return litInfo{}
				}
				rs = append(rs, lowerASCII(string(r)))
			}
		}
		return litInfo{exact: compact(rs)}
	case syntax.OpCapture:
		return literals(re.Sub[0])
	case syntax.OpQuest:
		if s := literals(re.Sub[0]); s.exact != nil {
			return litInfo{exact: compact(append([]string{""}, s.exact...))}
		}
		return litInfo{}
	case syntax.OpPlus:
		return litInfo{any: literals(re.Sub[0]).set()}
	case syntax.OpRepeat:
		if re.Min == 0 {
			return litInfo{}
		}
		s := literals(re.Sub[0])
		if re.Min == 1 && re.Max == 1 {
			return s
		}
		return litInfo{any: s.set()}
	case syntax.OpConcat:
		return concatLiterals(re.Sub)
	case syntax.OpAlternate:
		var exact, any []string
		allExact, allSet := true, true
		for _, sub := range re.Sub {
			s := literals(sub)
			allExact = allExact && s.exact != nil
			exact = append(exact, s.exact...)
			set := s.set()
			allSet = allSet && set != nil
			any = append(any, set...)
		}
		if allExact && len(exact) <= maxExact {
			return litInfo{exact: compact(exact)}
		}
		if allSet {
			return litInfo{any: compact(any)}
		}
	}
	return litInfo{}
}

// concatLiterals analyses a sequence. Runs of pieces with exact strings
// are multiplied out (while the product stays small); the best of those
// runs and of the other pieces' required strings is what the sequence
// requires.
func concatLiterals(subs []*syntax.Regexp) litInfo {
	var candidates [][]string
	run, allExact := []string{""}, true
	for _, sub := range subs {
		s := literals(sub)
		if s.exact == nil {
			allExact = false
			candidates = append(candidates, run, s.any)
			run = []string{""}
			continue
		}
		if len(run)*len(s.exact) > maxExact {
			allExact = false
			candidates = append(candidates, run)
			run = []string{""}
		}
		run = cross(run, s.exact)
	}
	if allExact {
		return litInfo{exact: run}
	}
	return litInfo{any: best(append(candidates, run))}
}

// minimal drops the strings of s that contain another one: a text holding
// "clients" holds "client" too.
func minimal(s []string) []string {
	return slices.DeleteFunc(slices.Clone(s), func(x string) bool {
		return slices.ContainsFunc(s, func(y string) bool { return y != x && strings.Contains(x, y) })
	})
}

func cross(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return compact(out)
}

// best returns the set whose shortest string is longest (the most
// selective), preferring smaller sets; sets holding "" require nothing.
func best(sets [][]string) []string {
	var out []string
	for _, s := range sets {
		if len(s) == 0 || slices.Contains(s, "") {
			continue
		}
		if out == nil || score(s) > score(out) || score(s) == score(out) && len(s) < len(out) {
			out = s
		}
	}
	return out
}

// score is the length of the shortest string of s, in bytes.
func score(s []string) int {
	if len(s) == 0 {
		return 0
	}
	n := len(s[0])
	for _, x := range s[1:] {
		n = min(n, len(x))
	}
	return n
}

func compact(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
