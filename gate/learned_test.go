package gate

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/connections/postgate"
	"github.com/connections/postgate/gate/internal/train/linear"
)

// TestLearnedModelUpToDate checks that the embedded model loads, is small,
// is in canonical form and was trained on the current development files
// with the current options. gate/internal/train's own test checks that
// retraining reproduces it byte for byte.
func TestLearnedModelUpToDate(t *testing.T) {
	m := learnedModel()
	if len(modelFile) > 2<<20 {
		t.Errorf("model file is %d bytes, want under 2 MB", len(modelFile))
	}
	b, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, modelFile) {
		t.Error("data/model.json is not in the trainer's canonical form: run go run ./gate/internal/train")
	}
	paths, err := filepath.Glob(filepath.Join("testdata", "dev-*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(paths)
	var files []linear.File
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, linear.File{Name: filepath.Base(p), Data: b})
	}
	if got := linear.Digest(linear.DefaultOptions(), files); got != m.Data {
		t.Error("the development files or training options changed since data/model.json was trained: run go run ./gate/internal/train")
	}
	var rules []string
	for _, c := range m.Classes {
		rules = append(rules, c.Rule)
		if _, ok := learnedTells[c.Rule]; !ok {
			t.Errorf("model class %s has no message", c.Rule)
		}
	}
	if want := []string{RuleTestimonial, RulePrivacy, RuleHealth, RuleOutcome, RuleClinical, RuleCrisis}; !slices.Equal(rules, want) {
		t.Errorf("model classes %v, want %v", rules, want)
	}
}

func TestLearnedFindings(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Leave us a review on Google and tell your friends about us!", []string{RuleTestimonial}},
		{"★★★★★ \"She changed my life!\" - Sarah, 34", []string{RuleTestimonial}},
		{"Omega-3 supplements reduce depression symptoms by 40%.", []string{RuleHealth}},
		{"Send us a DM to book or move your session.", []string{RuleClinical}},
		{"Feeling suicidal tonight? Just DM us and we'll talk you through it.", []string{RuleClinical, RuleCrisis}},
		{"Our office is closed on Monday for the bank holiday. We reopen Tuesday at 9am.", nil},
		{"Join our free mindfulness walk in Victoria Park this Saturday at 10am.", nil},
		{"If you are in danger right now, call 999 or Samaritans on 116 123.", nil},
		{"", nil},
	}
	for _, tt := range tests {
		hits := learnedFindings(tt.text)
		var got []string
		for _, h := range hits {
			got = append(got, h.Rule)
			if h.Start < 0 || h.End < h.Start || h.End > len(tt.text) || len(h.Words) == 0 {
				t.Errorf("%q: %s hit has span %d-%d and words %q", tt.text, h.Rule, h.Start, h.End, h.Words)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: model says %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestLearnedFinding checks how the gate combines the model with the rules:
// a confident model holds what the rules let through, families the rules
// already block are not told twice, accepted evidence clears a health
// claim, a crisis direction clears crisis, and a rule finding the model is
// sure is wrong becomes a warning.
func TestLearnedFinding(t *testing.T) {
	g := mustGate(t, examplesConfig())
	text := "Omega-3 supplements reduce depression symptoms by 40%."
	d := g.newDoc(text)
	fs := g.learned(d, postgate.Content{Text: text}, nil)
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1: %+v", len(fs), fs)
	}
	f := fs[0]
	if f.Rule != RuleHealth || f.Section != sectionHealth || f.Severity != Block || f.Match != text[f.Start:f.End] ||
		!strings.Contains(f.Message, "words such as '") || f.Suggestion == "" {
		t.Errorf("finding %+v", f)
	}
	rule := Finding{Rule: RuleHealth, Severity: Block}
	if fs := g.learned(d, postgate.Content{Text: text}, []Finding{rule}); len(fs) != 1 || fs[0] != rule {
		t.Errorf("rules already block health-claim, got %+v", fs)
	}
	c := postgate.Content{Text: text, Evidence: []string{"https://www.nhs.uk/mental-health/"}}
	if fs := g.learned(d, c, nil); len(fs) != 0 {
		t.Errorf("accepted evidence attached, got %+v", fs)
	}
	crisis := "If thoughts of suicide feel close tonight, please don't sit alone with them. Call Samaritans on 116 123 or dial 999."
	if fs := g.learned(g.newDoc(crisis), postgate.Content{Text: crisis}, nil); len(fs) != 0 {
		t.Errorf("a crisis direction is given, got %+v", fs)
	}
	plain := "The office is closed on Monday for the bank holiday."
	wrong := Finding{Rule: RuleTestimonial, Severity: Block, Message: "m."}
	fs = g.learned(g.newDoc(plain), postgate.Content{Text: plain}, []Finding{wrong})
	if len(fs) != 1 || fs[0].Severity != Warn || !strings.HasSuffix(fs[0].Message, vetoNote) {
		t.Errorf("a rule finding on an ordinary post was not vetoed: %+v", fs)
	}
}

// TestLearnedDeterministic checks that scoring gives the same answer every
// time, also from many goroutines at once.
func TestLearnedDeterministic(t *testing.T) {
	want := make([][]learnedHit, len(typicalPosts))
	for i, p := range typicalPosts {
		want[i] = learnedFindings(p)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for i, p := range typicalPosts {
				if got := learnedFindings(p); !slices.EqualFunc(got, want[i], equalHit) {
					t.Errorf("%q: got %+v, then %+v", p, want[i], got)
				}
			}
		})
	}
	wg.Wait()
}

func equalHit(a, b learnedHit) bool {
	return a.Rule == b.Rule && a.Score == b.Score && a.Start == b.Start && a.End == b.End && slices.Equal(a.Words, b.Words)
}

// BenchmarkLearnedModel measures the model alone.
func BenchmarkLearnedModel(b *testing.B) {
	learnedModel()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		learnedFindings(typicalPosts[i%len(typicalPosts)])
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}

// FuzzLearned checks that any text scores without panicking and that every
// hit's span lies inside the text.
func FuzzLearned(f *testing.F) {
	for _, p := range typicalPosts {
		f.Add(p)
	}
	f.Add("★★★★★ “Changed my life” — R., 41\n\n٣")
	f.Fuzz(func(t *testing.T, text string) {
		for _, h := range learnedFindings(text) {
			if h.Start < 0 || h.End < h.Start || h.End > len(text) {
				t.Fatalf("%q: %s hit has span %d-%d", text, h.Rule, h.Start, h.End)
			}
		}
	})
}

// TestFirm checks which rule findings the learned classifier may overrule:
// a bare name may be vetoed, any other client-privacy finding and any fact
// (contact details, numbers, addresses, doses) may not.
func TestFirm(t *testing.T) {
	for _, tc := range []struct {
		f    Finding
		firm bool
	}{
		{Finding{Rule: RulePrivacy, Message: tellName.msg}, false},
		{Finding{Rule: RulePrivacy, Message: tellStory.msg}, true},
		{Finding{Rule: RulePrivacy, Message: tellAge.msg}, true},
		{Finding{Rule: RulePrivacy, Message: tellContact.msg}, true},
		{Finding{Rule: RuleClinical, Message: tellDose.msg}, true},
		{Finding{Rule: RuleTestimonial, Message: tellShare.msg}, false},
		{Finding{Rule: RuleOutcome, Message: tellPromise.msg}, false},
	} {
		if got := tc.f.Firm(); got != tc.firm {
			t.Errorf("%s %q: Firm() = %v, want %v", tc.f.Rule, tc.f.Message, got, tc.firm)
		}
	}
}
