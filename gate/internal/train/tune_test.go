package main

import (
	"testing"

	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/gate/internal/train/linear"
)

// TestTune checks, on a small made-up set, that tune vetoes a rule finding
// the model scores near zero on compliant posts, keeps the ones it scores
// high on violating posts, never vetoes client-privacy or crisis, and keeps
// every family's recall.
func TestTune(t *testing.T) {
	probs := func(p float64) []float64 {
		out := make([]float64, len(families))
		for c := range out {
			out[c] = p
		}
		return out
	}
	gated := make([]bool, len(families))
	var outs []outcome
	for i := 0; i < 40; i++ { // violating: every rule fires and the model agrees
		outs = append(outs, outcome{post: gate.Labelled{Labels: families}, hits: blocks{rules: families}, probs: probs(0.9), gated: gated})
	}
	vetoable := []string{gate.RuleTestimonial, gate.RuleHealth, gate.RuleOutcome, gate.RuleClinical}
	for i := 0; i < 40; i++ { // compliant: the wording rules fire, but the model is sure it is ordinary
		outs = append(outs, outcome{post: gate.Labelled{}, hits: blocks{rules: vetoable}, probs: probs(0.001), gated: gated})
	}
	m := &linear.Model{}
	for _, f := range families {
		m.Classes = append(m.Classes, linear.Class{Rule: f, Threshold: 0.5})
	}
	tune(m, outs)
	for c, cl := range m.Classes {
		switch f := families[c]; {
		case f == gate.RulePrivacy || f == gate.RuleCrisis:
			if cl.Veto != 0 {
				t.Errorf("%s: veto %v, want none", f, cl.Veto)
			}
		case cl.Veto <= 0.001 || cl.Veto > 0.9:
			t.Errorf("%s: veto %v, want one between the compliant and violating scores", f, cl.Veto)
		}
	}
	ss := make([]setting, len(m.Classes))
	for c, cl := range m.Classes {
		ss[c] = setting{cl.Veto, cl.Threshold}
	}
	if _, ok := quality(outs, ss); !ok {
		t.Error("a family's recall fell below the floor")
	}
}
