package linear

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// Example is one training post: its features (see Features) and, per class,
// whether it belongs to the class.
type Example struct {
	Features []string
	Labels   []bool
	Ignore   []bool // per class, when set: leave the example out of that class's training and threshold
}

func (x Example) ignored(c int) bool { return x.Ignore != nil && x.Ignore[c] }

// Options steer training. The zero value is not useful; see DefaultOptions.
type Options struct {
	MinCount  int     // keep features seen in at least this many posts (4 keeps the embedded model near 1.2 MB and its scoring cache-friendly)
	Epochs    int     // passes of stochastic gradient descent
	Rate      float64 // initial learning rate
	L2        float64 // weight decay per update
	PosWeight float64 // weight of a positive example relative to a negative one
	Seed      uint64  // seeds the order of examples and the folds
	Folds     int     // cross-validation folds for choosing thresholds
	Precision float64 // precision each class's threshold must reach in cross-validation
}

// DefaultOptions are the settings the shipped model is trained with.
func DefaultOptions() Options {
	return Options{MinCount: 4, Epochs: 30, Rate: 0.2, L2: 0.03, PosWeight: 2, Seed: 1, Folds: 5, Precision: 0.9}
}

// Train fits one logistic regression per class. Thresholds are left at 0.5;
// set them with Threshold on held-out scores. The result depends only on
// the arguments: the same inputs give the same model.
func Train(rules []string, xs []Example, o Options) *Model {
	m := &Model{Version: Version, Features: vocabulary(xs, o.MinCount)}
	m.buildIndex()
	rows := make([][]int32, len(xs))
	for i, x := range xs {
		for _, f := range x.Features {
			if j, ok := m.index[f]; ok {
				rows[i] = append(rows[i], j)
			}
		}
	}
	for c, rule := range rules {
		cl := fit(rows, xs, c, len(m.Features), o)
		cl.Rule, cl.Threshold = rule, 0.5
		m.Classes = append(m.Classes, cl)
	}
	return m
}

// Fit trains the model for rules on xs: it chooses each class's threshold
// on cross-validation (o.Folds folds, drawn with o.Seed), then trains on
// all of xs. It also returns the out-of-fold probabilities it chose the
// thresholds on, per example and class.
func Fit(rules []string, xs []Example, o Options) (*Model, [][]float64) {
	fold := rand.New(rand.NewPCG(o.Seed, 0)).Perm(len(xs))
	probs := make([][]float64, len(xs))
	for k := range o.Folds {
		var train []Example
		for i, x := range xs {
			if fold[i]%o.Folds != k {
				train = append(train, x)
			}
		}
		m := Train(rules, train, o)
		for i, x := range xs {
			if fold[i]%o.Folds == k {
				probs[i] = m.probabilities(x.Features)
			}
		}
	}
	m := Train(rules, xs, o)
	for c := range m.Classes {
		var col []float64
		var pos []bool
		for i, x := range xs {
			if !x.ignored(c) {
				col, pos = append(col, probs[i][c]), append(pos, x.Labels[c])
			}
		}
		m.Classes[c].Threshold = Threshold(col, pos, o.Precision)
	}
	return m, probs
}

// probabilities returns every class's probability for a post's features.
func (m *Model) probabilities(features []string) []float64 {
	var d Doc
	for _, f := range features {
		if j, ok := m.index[f]; ok {
			d.Hits = append(d.Hits, Hit{Feature: j})
		}
	}
	out := make([]float64, len(m.Classes))
	for c := range m.Classes {
		out[c] = m.Probability(d, c)
	}
	return out
}

// vocabulary returns the features seen in at least min posts, sorted.
func vocabulary(xs []Example, min int) []string {
	count := map[string]int{}
	for _, x := range xs {
		for _, f := range x.Features {
			count[f]++
		}
	}
	var out []string
	for f, n := range count {
		if n >= min {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return out
}

// fit runs stochastic gradient descent on the log loss of class c.
func fit(rows [][]int32, xs []Example, c, n int, o Options) Class {
	w := make([]float64, n)
	var b float64
	rng := rand.New(rand.NewPCG(o.Seed, uint64(c)))
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	for epoch := range o.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rate := o.Rate / (1 + 0.2*float64(epoch))
		for _, i := range order {
			if xs[i].ignored(c) {
				continue
			}
			z := b
			for _, j := range rows[i] {
				z += w[j]
			}
			g := sigmoid(z)
			if xs[i].Labels[c] {
				g = (g - 1) * o.PosWeight
			}
			b -= float64(rate * g)
			for _, j := range rows[i] {
				// Explicit conversions forbid fused multiply-adds, so every
				// architecture computes the same weights.
				w[j] -= float64(rate * float64(g+float64(o.L2*w[j])))
			}
		}
	}
	for j := range w {
		w[j] = round(w[j])
	}
	return Class{Bias: round(b), Weights: w}
}

// round keeps four decimals, which makes the model file small and its
// bytes stable.
func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// Threshold returns the lowest probability threshold at which the posts
// scoring at or above it are positive with at least the given precision,
// catching as many positives as possible. If no threshold reaches the
// precision, it returns 1.01, which never fires.
func Threshold(probs []float64, positive []bool, precision float64) float64 {
	idx := make([]int, len(probs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(probs[b], probs[a]) })
	best, tp := -1, 0
	for k, i := range idx {
		if positive[i] {
			tp++
		}
		last := k+1 == len(idx) || probs[idx[k+1]] < probs[i]
		if last && positive[i] && float64(tp)/float64(k+1) >= precision {
			best = k
		}
	}
	if best < 0 {
		return 1.01
	}
	if best+1 == len(idx) {
		return round(probs[idx[best]])
	}
	return round((probs[idx[best]] + probs[idx[best+1]]) / 2)
}

// File is one training file, named by its base name.
type File struct {
	Name string
	Data []byte
}

// Digest identifies a training run: the feature set, the options and the
// training files. A model whose Data differs from the digest of the current
// files is out of date.
func Digest(o Options, files []File) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s %+v\n", Version, o)
	for _, f := range files {
		fmt.Fprintf(h, "%s %d\n", f.Name, len(f.Data))
		h.Write(f.Data)
	}
	return hex.EncodeToString(h.Sum(nil))
}
