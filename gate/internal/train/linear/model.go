package linear

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Model is a one-vs-rest logistic regression over the features of Walk, one
// class per rule family. Every feature counts once per post, with value 1.
type Model struct {
	Version  string   `json:"version"`  // the feature set, see Version
	Data     string   `json:"data"`     // digest of the training data (see the trainer)
	Features []string `json:"features"` // sorted; a feature's weight sits at its index
	Classes  []Class  `json:"classes"`

	index map[string]int32
}

// Class is the linear scorer of one rule family.
type Class struct {
	Rule      string    `json:"rule"`
	Threshold float64   `json:"threshold"` // probability at or above which the class fires
	Veto      float64   `json:"veto"`      // probability below which a rule finding of the class is only a warning
	Bias      float64   `json:"bias"`
	Weights   []float64 `json:"weights"` // one per feature
}

// Load decodes a model file and checks that it fits this feature set.
func Load(b []byte) (*Model, error) {
	var m Model
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	if m.Version != Version {
		return nil, fmt.Errorf("load model: feature set %q, want %q: retrain", m.Version, Version)
	}
	for _, c := range m.Classes {
		if len(c.Weights) != len(m.Features) {
			return nil, fmt.Errorf("load model: class %s has %d weights for %d features", c.Rule, len(c.Weights), len(m.Features))
		}
	}
	m.buildIndex()
	return &m, nil
}

func (m *Model) buildIndex() {
	m.index = make(map[string]int32, len(m.Features))
	for i, f := range m.Features {
		m.index[f] = int32(i)
	}
}

// Marshal encodes the model as JSON. The same model always gives the same bytes.
func (m *Model) Marshal() ([]byte, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("marshal model: %w", err)
	}
	return append(b, '\n'), nil
}

// Hit is one known feature of a post, at the sentence where it first occurs.
type Hit struct {
	Feature  int32
	Sentence int
}

// Doc is a post as the model sees it.
type Doc struct {
	Tokens []Token
	Hits   []Hit // distinct known features, by feature index
}

// Doc tokenises text and looks up its features.
func (m *Model) Doc(text string) Doc {
	d := Doc{Tokens: Tokens(text)}
	d.Hits = make([]Hit, 0, 2*len(d.Tokens))
	Walk(d.Tokens, func(key []byte, sentence int) {
		if i, ok := m.index[string(key)]; ok {
			d.Hits = append(d.Hits, Hit{i, sentence})
		}
	})
	slices.SortFunc(d.Hits, func(a, b Hit) int {
		return cmp.Or(cmp.Compare(a.Feature, b.Feature), cmp.Compare(a.Sentence, b.Sentence))
	})
	d.Hits = slices.CompactFunc(d.Hits, func(a, b Hit) bool { return a.Feature == b.Feature })
	return d
}

// Probability returns class c's probability for d.
func (m *Model) Probability(d Doc, c int) float64 {
	cl := &m.Classes[c]
	z := cl.Bias
	for _, h := range d.Hits {
		z += cl.Weights[h.Feature]
	}
	return sigmoid(z)
}

// Explain returns the sentence that adds most to class c's score and the
// features with the largest positive weights, at most n of them, best first.
func (m *Model) Explain(d Doc, c, n int) (sentence int, features []string) {
	w := m.Classes[c].Weights
	var sum []float64
	if n := len(d.Tokens); n > 0 {
		sum = make([]float64, d.Tokens[n-1].Sentence+1)
	}
	for _, h := range d.Hits {
		sum[h.Sentence] += w[h.Feature]
	}
	for s, v := range sum {
		if v > sum[sentence] {
			sentence = s
		}
	}
	top := slices.Clone(d.Hits)
	slices.SortStableFunc(top, func(a, b Hit) int { return cmp.Compare(w[b.Feature], w[a.Feature]) })
	for _, h := range top {
		if len(features) == n || w[h.Feature] <= 0 {
			break
		}
		features = addFeature(features, m.Features[h.Feature])
	}
	return sentence, features
}

// addFeature appends f to fs, unless a pair in fs already holds f as a
// word; a pair replaces a word of it already in fs.
func addFeature(fs []string, f string) []string {
	for i, g := range fs {
		switch {
		case slices.Contains(strings.Fields(g), f):
			return fs
		case slices.Contains(strings.Fields(f), g):
			fs[i] = f
			return slices.Compact(fs)
		}
	}
	return append(fs, f)
}

// SentenceSpan returns the byte span of a sentence of d, from its first
// token to its last.
func (d Doc) SentenceSpan(sentence int) (start, end int) {
	start = -1
	for _, t := range d.Tokens {
		if t.Sentence == sentence {
			if start < 0 {
				start = t.Start
			}
			end = t.End
		}
	}
	return max(start, 0), end
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
