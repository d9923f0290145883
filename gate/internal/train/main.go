// Command train fits the gate's learned classifier on the development sets
// and writes gate/data/model.json. Run it from the repository root:
//
//	go run ./gate/internal/train
//	go run ./gate/internal/train -eval gate/testdata/labelled.yaml ../shared/gate-examples.yaml
//
// It trains only on gate/testdata/dev-*.yaml. Thresholds come from
// cross-validation of those files. With -eval it trains nothing: it scores
// the written model, the rules and both together on the given files.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/gate/internal/train/linear"
)

// families are the rule families the model learns, in gate.Rules order.
var families = []string{gate.RuleTestimonial, gate.RulePrivacy, gate.RuleHealth, gate.RuleOutcome, gate.RuleClinical, gate.RuleCrisis}

func main() {
	data := flag.String("data", "gate/testdata/dev-*.yaml", "training files (glob)")
	out := flag.String("out", "gate/data/model.json", "model file to write")
	eval := flag.Bool("eval", false, "score the written model on the files given as arguments instead of training")
	flag.Parse()
	var err error
	if *eval {
		err = evaluate(*out, flag.Args())
	} else {
		err = train(*data, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

// train fits the model on the files matching pattern, writes it to out and
// reports its cross-validated quality.
func train(pattern, out string) error {
	m, posts, probs, err := build(pattern)
	if err != nil {
		return err
	}
	b, err := m.Marshal()
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Printf("wrote %s: %d features, %d bytes\n\n", out, len(m.Features), len(b))
	e, err := newEvaluator(m)
	if err != nil {
		return err
	}
	fmt.Printf("%d-fold cross-validation of the training data (%d posts; model scores are out-of-fold):\n",
		linear.DefaultOptions().Folds, len(posts))
	e.report(posts, probs)
	return nil
}

// build trains the model on the files matching pattern, choosing thresholds
// by cross-validation. It returns the model, the training posts and their
// out-of-fold probabilities.
func build(pattern string) (*linear.Model, []gate.Labelled, [][]float64, error) {
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		return nil, nil, nil, fmt.Errorf("no training files match %s", pattern)
	}
	slices.Sort(paths)
	var posts []gate.Labelled
	var files []linear.File
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, nil, nil, err
		}
		ps, err := gate.LoadLabelled(p)
		if err != nil {
			return nil, nil, nil, err
		}
		files = append(files, linear.File{Name: filepath.Base(p), Data: b})
		posts = append(posts, ps...)
	}
	o := linear.DefaultOptions()
	e, err := newEvaluator(nil)
	if err != nil {
		return nil, nil, nil, err
	}
	hits := make([]blocks, len(posts))
	for i, p := range posts {
		hits[i] = e.blocks(p)
	}
	m, probs := linear.Fit(families, examples(posts), o)
	m.Data = linear.Digest(o, files)
	e.m = m
	tune(m, e.outcomes(posts, hits, probs))
	return m, posts, probs, nil
}

// examples turns labelled posts into training examples. The health-claim
// class learns "makes a health claim that needs evidence": a compliant post
// with evidence attached may or may not make one, so it is left out of that
// class.
func examples(posts []gate.Labelled) []linear.Example {
	xs := make([]linear.Example, len(posts))
	for i, p := range posts {
		x := linear.Example{Features: linear.Features(p.Text), Labels: make([]bool, len(families)), Ignore: make([]bool, len(families))}
		for c, f := range families {
			x.Labels[c] = slices.Contains(p.Labels, f)
			x.Ignore[c] = f == gate.RuleHealth && len(p.Evidence) > 0 && !x.Labels[c]
		}
		xs[i] = x
	}
	return xs
}
