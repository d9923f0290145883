package gate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "posts.yaml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadLabelled(t *testing.T) {
	path := writeFile(t, `posts:
- {id: a, labels: [], text: "Closed on Monday.", extra: ignored}
- {id: b, labels: [health-claim], evidence: ["https://example.org"], text: "Yoga cures anxiety."}
- id: c
  labels: [client-privacy]
  text: Photos from the picnic
  media: [{path: p.jpg, alt: "People eating", source: own}]
`)
	posts, err := LoadLabelled(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != 3 || posts[1].Evidence[0] != "https://example.org" || posts[2].Media[0].Source != "own" {
		t.Fatalf("LoadLabelled = %+v", posts)
	}
	for _, bad := range []string{"posts: [{labels: [], text: x}]", "posts: [", ""} {
		if _, err := LoadLabelled(writeFile(t, bad)); err == nil && bad != "" {
			t.Errorf("LoadLabelled(%q): want an error", bad)
		}
	}
	if _, err := LoadLabelled(filepath.Join(t.TempDir(), "missing.yaml")); err == nil {
		t.Error("LoadLabelled(missing file): want an error")
	}
}

func TestEvaluateReport(t *testing.T) {
	posts := []Labelled{
		{ID: "pass", Text: "Closed on Monday 1 January."},
		{ID: "fp", Text: "Our method works for everyone. Guaranteed."},
		{ID: "tp", Labels: []string{RuleHealth}, Text: "Yoga has been proven to reduce depression by half."},
		{ID: "miss", Labels: []string{RuleTestimonial}, Text: "Have a lovely weekend."},
	}
	r := Evaluate(mustGate(t, examplesConfig()), posts)
	if r.Posts != 4 || r.Violating != 2 || r.Compliant != 2 || r.ViolatingBlocked != 1 || r.CompliantPassed != 1 {
		t.Fatalf("report counts = %+v", r)
	}
	scores := map[string]RuleScore{}
	for _, s := range r.Rules {
		scores[s.Rule] = s
	}
	if s := scores[RuleHealth]; s.TruePos != 1 || s.Recall() != 1 {
		t.Errorf("health-claim score = %+v", s)
	}
	if s := scores[RuleTestimonial]; s.Miss != 1 || s.Recall() != 0 {
		t.Errorf("testimonial score = %+v", s)
	}
	if s := scores[RuleOutcome]; s.FalsePos != 1 || s.CompliantBlocked != 1 || s.Precision() != 0 {
		t.Errorf("guaranteed-outcome score = %+v", s)
	}
	var b strings.Builder
	if err := r.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"precision", "recall", RuleHealth, "violating posts rejected 1/2 (50.0%)", "compliant posts passed 1/2 (50.0%)"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
	b.Reset()
	r.WriteMistakes(&b)
	if !strings.Contains(b.String(), "miss: want [testimonial], got []") {
		t.Errorf("mistakes:\n%s", b.String())
	}
}
