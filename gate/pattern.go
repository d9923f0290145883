package gate

import "regexp"

// pattern is one way a rule recognises a problem: a regular expression over
// the lowered text, the explanation, and an optional guard that can drop a
// match on context (a negation, a protected name).
type pattern struct {
	need    needSet    // the pattern runs only when the lowered text contains one of these
	digits  bool       // the pattern runs only when the text has a digit
	also    needSet    // and, when set, one of these too
	gates   []*lexicon // the pattern runs only on sentences with a word of every one of these
	orig    bool       // run on the original text rather than the lowered one
	re      *regexp.Regexp
	section string // overrides the rule's section when set
	tell
	keep func(d *doc, s span) bool // nil keeps every match
}

// re compiles a pattern at package init; every pattern is written in lower case.
func re(expr string) *regexp.Regexp { return regexp.MustCompile(expr) }

// scan runs patterns over d and returns a blocking finding per kept match.
func scan(d *doc, rule, section string, pats []pattern) []Finding {
	var out []Finding
	for _, p := range pats {
		for _, s := range d.run(p) {
			if p.keep != nil && !p.keep(d, s) {
				continue
			}
			sec := section
			if p.section != "" {
				sec = p.section
			}
			out = append(out, find(rule, sec, Block, d, s, p.tell))
		}
	}
	return out
}

// run returns the spans p matches in d, after the cheap tests that decide
// whether its regexp needs to run at all.
func (d *doc) run(p pattern) []span {
	if p.digits && !d.digits || !d.has(p.need) || !d.has(p.also) {
		return nil
	}
	text := d.lower
	if p.orig {
		text = d.text
	}
	if len(p.gates) == 0 {
		return matches(p.re, text, 0)
	}
	var out []span
	for _, sen := range d.sentences() {
		if d.allIn(p.gates, sen) {
			out = append(out, matches(p.re, text[sen.start:sen.end], sen.start)...)
		}
	}
	return out
}

func (d *doc) allIn(ls []*lexicon, s span) bool {
	toks := d.tokensIn(s)
	for _, l := range ls {
		if l.find(toks) == nil {
			return false
		}
	}
	return true
}

func matches(re *regexp.Regexp, text string, offset int) []span {
	var out []span
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		s := spanOf(m)
		out = append(out, span{s.start + offset, s.end + offset})
	}
	return out
}

// notNegated keeps matches with no negation shortly before them.
func notNegated(d *doc, s span) bool { return !d.negated(s) }

// has reports whether the lowered text contains any of the needles (true
// for the empty set). It is the cheap test that spares most regexp runs.
func (d *doc) has(ns needSet) bool {
	if len(ns) == 0 {
		return true
	}
	for _, id := range ns {
		if d.needles[id] {
			return true
		}
	}
	return false
}

// win is a gap of up to n characters inside one sentence.
func win(n string) string { return `[^.!?\n]{0,` + n + `}` }
