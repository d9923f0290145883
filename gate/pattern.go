package gate

import "regexp"

// pattern is one way a rule recognises a problem: a regular expression over
// the lowered text, the explanation, and an optional guard that can drop a
// match on context (a negation, a protected name).
type pattern struct {
	need    needSet         // the pattern runs only when the lowered text contains one of these
	digits  bool            // the pattern runs only when the text has a digit
	also    needSet         // and, when set, one of these too
	gates   []*lexicon      // the pattern runs only on sentences with a word of every one of these
	orig    bool            // run on the original text rather than the lowered one
	when    func(*doc) bool // and, when set, only if this cheap test passes
	cross   bool            // a match may span sentences
	re      *regexp.Regexp
	alts    []alt  // re split into its alternatives (see split)
	section string // overrides the rule's section when set
	tell
	keep func(d *doc, s span) bool // nil keeps every match
}

// Every pattern is split into its alternatives before any post is checked.
func init() {
	for _, ps := range [][]pattern{testimonialPatterns, identifierPatterns, agePatterns, storyPatterns, sessionPatterns,
		healthPatterns, outcomePatterns, clinicalPatterns, conductPatterns} {
		for i := range ps {
			ps[i].split()
		}
	}
	for _, p := range []*pattern{&aboutThem, &staffSlot, &workplace} {
		p.split()
	}
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
	if p.digits && !d.digits || !d.has(p.need) || !d.has(p.also) || p.when != nil && !p.when(d) {
		return nil
	}
	text := d.lower
	if p.orig {
		text = d.text
	}
	alts := p.alts
	if len(alts) == 0 {
		alts = []alt{{re: p.re}}
	}
	var sens []span // the sentences the pattern's gates let through
	if len(p.gates) > 0 {
		for i, sen := range d.sentences() {
			if d.allIn(p.gates, i, sen) {
				sens = append(sens, sen)
			}
		}
	}
	var out []span
	for _, a := range alts {
		if useAltNeeds && !d.has(a.need) {
			continue
		}
		if len(p.gates) > 0 {
			for _, sen := range sens {
				out = append(out, matches(a.re, text[sen.start:sen.end], sen.start)...)
			}
			continue
		}
		// A match lies in one sentence and holds a needle, so it cannot
		// start before the sentence of the first needle.
		need := a.need
		if len(need) == 0 {
			need = p.need
		}
		from := 0
		if at := d.firstNeed(need); at > 0 && !p.orig && !p.cross && needWindow {
			from = d.sentence(at - 1).start
		}
		out = append(out, matches(a.re, text[from:], from)...)
	}
	return out
}

// allIn reports whether the sentence sen (the i-th) holds a word of every
// lexicon in ls. Patterns share gate lexicons, so answers are kept.
func (d *doc) allIn(ls []*lexicon, i int, sen span) bool {
	if d.inSen == nil {
		d.inSen = make([]uint8, lexicons*len(d.sens))
	}
	toks := d.tokensIn(sen)
	for _, l := range ls {
		k := l.id*len(d.sens) + i
		if d.inSen[k] == 0 {
			d.inSen[k] = 1
			if l.find(toks) != nil {
				d.inSen[k] = 2
			}
		}
		if d.inSen[k] == 1 {
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

// needWindow enables starting a pattern at the sentence of its first needle
// (switched off in a test that checks it changes no finding).
var needWindow = true

// notNegated keeps matches with no negation shortly before them.
func notNegated(d *doc, s span) bool { return !d.negated(s) }

// has reports whether the lowered text contains any of the needles (true
// for the empty set). It is the cheap test that spares most regexp runs.
func (d *doc) has(ns needSet) bool {
	if len(ns) == 0 {
		return true
	}
	for _, id := range ns {
		if d.needles[id] > 0 {
			return true
		}
	}
	return false
}

// firstNeed returns where the earliest of the needles ends, or -1.
func (d *doc) firstNeed(ns needSet) int {
	first := -1
	for _, id := range ns {
		if at := int(d.needles[id]); at > 0 && (first < 0 || at < first) {
			first = at
		}
	}
	return first
}

// win is a gap of up to n characters inside one sentence.
func win(n string) string { return `[^.!?\n]{0,` + n + `}` }
