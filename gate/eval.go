package gate

import (
	"fmt"
	"io"
	"os"
	"slices"
	"text/tabwriter"

	"github.com/connections/postgate"
	"go.yaml.in/yaml/v3"
)

// Labelled is one post of a labelled evaluation file: its text and the rule
// ids a careful reviewer says it breaks (none for a compliant post).
type Labelled struct {
	ID       string           `yaml:"id"`
	Labels   []string         `yaml:"labels"`
	Text     string           `yaml:"text"`
	Evidence []string         `yaml:"evidence"`
	Media    []postgate.Media `yaml:"media"`
}

// Content returns the post as the gate sees it.
func (l Labelled) Content() postgate.Content {
	return postgate.Content{Platform: postgate.X, Text: l.Text, Evidence: l.Evidence, Media: l.Media}
}

// LoadLabelled reads a labelled YAML file: posts: [{id, labels, text,
// evidence?, media?}]. Other keys are ignored.
func LoadLabelled(path string) ([]Labelled, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load labelled posts: %w", err)
	}
	var f struct {
		Posts []Labelled `yaml:"posts"`
	}
	if err := yaml.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("load labelled posts %s: %w", path, err)
	}
	for i, p := range f.Posts {
		if p.ID == "" {
			return nil, fmt.Errorf("load labelled posts %s: post %d has no id", path, i+1)
		}
	}
	return f.Posts, nil
}

// Report scores the gate on labelled posts.
type Report struct {
	Posts            int         // posts evaluated
	Violating        int         // posts with at least one label
	Compliant        int         // posts with no label
	ViolatingBlocked int         // violating posts the gate rejected
	CompliantPassed  int         // compliant posts the gate passed
	Errors           int         // posts the gate could not evaluate (counted as rejected)
	Rules            []RuleScore // one per rule seen in labels or findings, in Rules() order
	Mistakes         []Mistake   // posts where the gate's rules differ from the labels
}

// RuleScore is one rule's confusion counts over the labelled posts.
type RuleScore struct {
	Rule                    string
	Labelled                int // posts labelled with the rule
	TruePos, FalsePos, Miss int
	CompliantBlocked        int // compliant posts this rule rejected
}

// Precision is the share of the rule's rejections that the labels agree with.
func (s RuleScore) Precision() float64 { return ratio(s.TruePos, s.TruePos+s.FalsePos) }

// Recall is the share of posts labelled with the rule that the rule rejected.
func (s RuleScore) Recall() float64 { return ratio(s.TruePos, s.TruePos+s.Miss) }

// Mistake is a post whose blocking rules differ from its labels.
type Mistake struct {
	ID        string
	Want, Got []string
}

// ViolatingRate is the share of violating posts rejected.
func (r Report) ViolatingRate() float64 { return ratio(r.ViolatingBlocked, r.Violating) }

// CompliantRate is the share of compliant posts passed.
func (r Report) CompliantRate() float64 { return ratio(r.CompliantPassed, r.Compliant) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Evaluate checks every post with g and scores the verdicts against the labels.
func Evaluate(g *Gate, posts []Labelled) Report {
	r := Report{Posts: len(posts)}
	scores := map[string]*RuleScore{}
	score := func(rule string) *RuleScore {
		if scores[rule] == nil {
			scores[rule] = &RuleScore{Rule: rule}
		}
		return scores[rule]
	}
	for _, p := range posts {
		got, pass := blockingRules(g, p)
		if len(p.Labels) == 0 {
			r.Compliant++
			if pass {
				r.CompliantPassed++
			}
		} else {
			r.Violating++
			if !pass {
				r.ViolatingBlocked++
			}
		}
		if got == nil {
			r.Errors++
		}
		for _, l := range p.Labels {
			s := score(l)
			s.Labelled++
			if slices.Contains(got, l) {
				s.TruePos++
			} else {
				s.Miss++
			}
		}
		for _, rule := range got {
			if !slices.Contains(p.Labels, rule) {
				score(rule).FalsePos++
			}
			if len(p.Labels) == 0 {
				score(rule).CompliantBlocked++
			}
		}
		if want := sorted(p.Labels); !slices.Equal(want, got) {
			r.Mistakes = append(r.Mistakes, Mistake{ID: p.ID, Want: want, Got: got})
		}
	}
	for _, info := range Rules() {
		if s, ok := scores[info.ID]; ok {
			r.Rules = append(r.Rules, *s)
			delete(scores, info.ID)
		}
	}
	for _, s := range scores { // labels the gate has no rule for
		r.Rules = append(r.Rules, *s)
	}
	return r
}

// blockingRules returns the sorted ids of rules that block p, and whether p
// passes. A post the gate cannot evaluate counts as rejected with no rules.
func blockingRules(g *Gate, p Labelled) ([]string, bool) {
	v, err := g.Check(p.Content())
	if err != nil {
		return nil, false
	}
	got := []string{}
	for _, f := range v.Findings {
		if f.Severity == Block && !slices.Contains(got, f.Rule) {
			got = append(got, f.Rule)
		}
	}
	return sorted(got), v.Pass()
}

func sorted(s []string) []string {
	out := append([]string{}, s...)
	slices.Sort(out)
	return out
}

// WriteTable renders the report as a plain-text table.
func (r Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "rule\tlabelled\tcaught\tmissed\twrong\tprecision\trecall\tcompliant wrongly rejected\t\n")
	for _, s := range r.Rules {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%.1f%%\t%.1f%%\t%.1f%%\t\n", s.Rule, s.Labelled, s.TruePos, s.Miss, s.FalsePos,
			100*s.Precision(), 100*s.Recall(), 100*ratio(s.CompliantBlocked, max(r.Compliant, 1)))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "posts %d: violating posts rejected %d/%d (%.1f%%), compliant posts passed %d/%d (%.1f%%), not evaluated %d\n",
		r.Posts, r.ViolatingBlocked, r.Violating, 100*r.ViolatingRate(), r.CompliantPassed, r.Compliant, 100*r.CompliantRate(), r.Errors)
	return err
}

// WriteMistakes lists the posts whose blocking rules differ from their labels.
func (r Report) WriteMistakes(w io.Writer) error {
	for _, m := range r.Mistakes {
		if _, err := fmt.Fprintf(w, "%s: want %v, got %v\n", m.ID, m.Want, m.Got); err != nil {
			return err
		}
	}
	return nil
}
