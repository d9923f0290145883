package gate

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestTopLevel(t *testing.T) {
	for _, c := range []struct {
		expr string
		want []string
	}{
		{`a|b`, []string{`a`, `b`}},
		{`\ba(?:x|y)\b|c`, []string{`\ba(?:x|y)\b`, `c`}},
		{`[|]x|\|y|z`, []string{`[|]x`, `\|y`, `z`}},
		{`[]|]|q`, []string{`[]|]`, `q`}},
		{`(?i)zip|post`, []string{`zip`, `post`}},
		{`(a|b)`, []string{`(a|b)`}},
	} {
		if got := topLevel(c.expr); !slices.Equal(got, c.want) {
			t.Errorf("topLevel(%q) = %q, want %q", c.expr, got, c.want)
		}
	}
}

func TestRequired(t *testing.T) {
	for _, c := range []struct {
		expr string
		want []string
	}{
		{`\bsession notes\b`, []string{"session notes"}},
		{`\b(?:mon|tues)day\b`, []string{"monday", "tuesday"}},
		{`\bclients?\b`, []string{"client"}},
		{`\b\d+ ?(?:mg|mcg)\b`, nil}, // "mg" is too short to be worth a needle
		{`\bwho (?:sees|saw) \w+`, []string{"who saw ", "who sees "}},
		{`\bfrom\b[^.]{0,20}\bgroup\b`, []string{"group"}},
		{`\w+`, nil},
		{`(?:foo)?bar`, []string{"bar"}},
		{`(?i)ZIP code`, []string{"zip code"}},
	} {
		if got := required(c.expr); !slices.Equal(got, c.want) {
			t.Errorf("required(%q) = %q, want %q", c.expr, got, c.want)
		}
	}
}

// TestAltNeeds checks, on every labelled post, that no alternative matches
// a post without one of the strings the split says it needs.
func TestAltNeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	pats := slices.Concat(testimonialPatterns, identifierPatterns, agePatterns, storyPatterns,
		healthPatterns, outcomePatterns, clinicalPatterns, conductPatterns, []pattern{aboutThem, staffSlot, workplace})
	for _, f := range files {
		posts, err := LoadLabelled(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range posts {
			if i%3 != 0 {
				continue // a third of the posts is plenty, and keeps -race quick
			}
			lower := lowerASCII(p.Text)
			for _, pat := range pats {
				text := lower
				if pat.orig {
					text = p.Text
				}
				for _, a := range pat.alts {
					if len(a.need) == 0 || !a.re.MatchString(text) {
						continue
					}
					if !slices.ContainsFunc(a.need, func(id int32) bool { return strings.Contains(lower, needles[id]) }) {
						t.Errorf("%s %s: %q matches without any of its needs", f, p.ID, a.re)
					}
				}
			}
		}
	}
}
