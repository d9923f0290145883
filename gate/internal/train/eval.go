package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/gate/internal/train/linear"
)

// practice is the configuration the labelled files assume (see the header
// of gate/testdata/dev-large.yaml).
func practice() gate.Config {
	c := gate.DefaultConfig()
	c.StaffNames = []string{"Priya Shah", "Marcus Bell", "Aisha Rahman"}
	c.OfficialContacts = []string{"hello@connections.example", "020 7946 0000", "12 Market Street Riverside"}
	c.EvidenceDomains = []string{"nhs.uk", "nice.org.uk", "who.int", "nimh.nih.gov", "cdc.gov", "apa.org", "doi.org"}
	c.CrisisDirections = []string{"999", "116 123", "emergency services", "Samaritans", "A&E", "111"}
	return c
}

// probe is a health claim the rules always flag when it has no accepted
// evidence. Checking it with a post's evidence tells whether the gate
// accepts that evidence, without reaching into the gate's internals.
const probe = "Walking for thirty minutes a day halves the risk of depression."

// evaluator compares the rules, the model and both together.
type evaluator struct {
	g *gate.Gate
	m *linear.Model
}

func newEvaluator(m *linear.Model) (*evaluator, error) {
	g, err := gate.New(practice())
	if err != nil {
		return nil, err
	}
	e := &evaluator{g: g, m: m}
	if e.accepted([]string{"https://example.invalid/blog"}) {
		return nil, fmt.Errorf("the rules no longer flag the evidence probe %q", probe)
	}
	return e, nil
}

// accepted reports whether the gate accepts the evidence for a health claim.
func (e *evaluator) accepted(evidence []string) bool {
	if len(evidence) == 0 {
		return false
	}
	return !slices.Contains(e.rules(gate.Labelled{Text: probe, Evidence: evidence}), gate.RuleHealth)
}

// rules returns the rules that block p, without the learned classifier.
func (e *evaluator) rules(p gate.Labelled) []string {
	return e.blocks(p).rules
}

// blocks are the families the rules block a post for, and those of them
// with a firm finding (gate.Finding.Firm), which the model cannot veto.
type blocks struct{ rules, facts []string }

func (e *evaluator) blocks(p gate.Labelled) blocks {
	v, err := e.g.CheckRules(p.Content())
	if err != nil {
		return blocks{rules: []string{"error"}}
	}
	var b blocks
	for _, f := range v.Findings {
		if f.Severity != gate.Block {
			continue
		}
		if !slices.Contains(b.rules, f.Rule) {
			b.rules = append(b.rules, f.Rule)
		}
		if f.Firm() && !slices.Contains(b.facts, f.Rule) {
			b.facts = append(b.facts, f.Rule)
		}
	}
	return b
}

// evaluate scores the model file at path on each labelled file.
func evaluate(path string, files []string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	m, err := linear.Load(b)
	if err != nil {
		return err
	}
	e, err := newEvaluator(m)
	if err != nil {
		return err
	}
	for _, f := range files {
		posts, err := gate.LoadLabelled(f)
		if err != nil {
			return err
		}
		probs := make([][]float64, len(posts))
		for i, p := range posts {
			probs[i] = score(m, p.Text)
		}
		fmt.Printf("%s (%d posts):\n", filepath.Base(f), len(posts))
		e.report(posts, probs)
	}
	return nil
}

// score returns every class's probability for a post.
func score(m *linear.Model, text string) []float64 {
	d := m.Doc(text)
	out := make([]float64, len(m.Classes))
	for c := range m.Classes {
		out[c] = m.Probability(d, c)
	}
	return out
}

// counts are one family's confusion counts.
type counts struct{ tp, fp, fn int }

// String gives precision and recall, or the false positives alone when no
// post carries the label.
func (n counts) String() string {
	if n.tp+n.fn == 0 {
		return fmt.Sprintf("%13s", fmt.Sprintf("%d wrong", n.fp))
	}
	return fmt.Sprintf("%5.1f%% %5.1f%%", pct(n.tp, n.tp+n.fp), pct(n.tp, n.tp+n.fn))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 100
	}
	return 100 * float64(a) / float64(b)
}

// report prints precision and recall per family for the rules, the model
// alone (probs[i][c]: post i's probability for class c) and both combined
// as Gate.learned combines them, then the share of violating posts
// rejected and compliant posts passed.
func (e *evaluator) report(posts []gate.Labelled, probs [][]float64) {
	const rules, model, both = 0, 1, 2
	var fam [3][]counts
	for k := range fam {
		fam[k] = make([]counts, len(families))
	}
	var violating, compliant int
	var rejected, passed [3]int
	for i, p := range posts {
		b := e.blocks(p)
		got := [3][]string{b.rules, nil, nil}
		for c, f := range families {
			cl := e.m.Classes[c]
			ruled := slices.Contains(got[rules], f)
			fires := probs[i][c] >= cl.Threshold && (f != gate.RuleHealth || !e.accepted(p.Evidence)) &&
				(f != gate.RuleCrisis || !e.g.CrisisDirection(p.Text))
			if fires {
				got[model] = append(got[model], f)
			}
			if ruled && (probs[i][c] >= cl.Veto || slices.Contains(b.facts, f)) || !ruled && fires {
				got[both] = append(got[both], f)
			}
		}
		for k := range got {
			for c, f := range families {
				want, have := slices.Contains(p.Labels, f), slices.Contains(got[k], f)
				switch {
				case want && have:
					fam[k][c].tp++
				case have:
					fam[k][c].fp++
				case want:
					fam[k][c].fn++
				}
			}
			if len(p.Labels) > 0 && len(got[k]) > 0 {
				rejected[k]++
			}
			if len(p.Labels) == 0 && len(got[k]) == 0 {
				passed[k]++
			}
		}
		if len(p.Labels) > 0 {
			violating++
		} else {
			compliant++
		}
	}
	fmt.Printf("  %-20s %-15s %-15s %-15s\n", "family (P R)", "rules", "model", "combined")
	for c, f := range families {
		fmt.Printf("  %-20s %s  %s  %s\n", f, fam[rules][c], fam[model][c], fam[both][c])
	}
	fmt.Printf("  %-20s %5.1f%%         %5.1f%%         %5.1f%%  (of %d)\n", "violating rejected",
		pct(rejected[rules], violating), pct(rejected[model], violating), pct(rejected[both], violating), violating)
	fmt.Printf("  %-20s %5.1f%%         %5.1f%%         %5.1f%%  (of %d)\n\n", "compliant passed",
		pct(passed[rules], compliant), pct(passed[model], compliant), pct(passed[both], compliant), compliant)
}
