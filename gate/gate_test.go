package gate

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
)

// ruleCase is one post and the rules that must block it (none: it must pass).
type ruleCase struct {
	text     string
	want     []string
	evidence []string
	media    []postgate.Media
}

// runCases checks the rules alone: the tables pin down what each rule
// catches, and the learned backup is measured by TestLearnedBackup.
func runCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	useLearned = false
	defer func() { useLearned = true }()
	g := mustGate(t, examplesConfig())
	for _, tc := range cases {
		v, err := g.Check(postgate.Content{Platform: postgate.X, Text: tc.text, Evidence: tc.evidence, Media: tc.media})
		if err != nil {
			t.Errorf("Check(%q): %v", tc.text, err)
			continue
		}
		var got []string
		for _, f := range v.Findings {
			if f.Severity == Block && !slices.Contains(got, f.Rule) {
				got = append(got, f.Rule)
			}
		}
		slices.Sort(got)
		want := sorted(tc.want)
		if !slices.Equal(got, want) {
			t.Errorf("Check(%q)\n got %v\nwant %v\nfindings: %+v", tc.text, got, want, v.Findings)
		}
		if v.Pass() != (len(got) == 0) {
			t.Errorf("Check(%q): Pass() = %v with blocking rules %v", tc.text, v.Pass(), got)
		}
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*Config)
		wantErr string
	}{
		{"defaults", func(*Config) {}, ""},
		{"empty staff name", func(c *Config) { c.StaffNames = []string{" "} }, "empty staff name"},
		{"empty contact", func(c *Config) { c.OfficialContacts = []string{""} }, "empty official contact"},
		{"empty crisis direction", func(c *Config) { c.CrisisDirections = []string{""} }, "empty crisis direction"},
		{"url as domain", func(c *Config) { c.EvidenceDomains = []string{"https://nhs.uk/x"} }, "not a domain name"},
		{"leading dot", func(c *Config) { c.EvidenceDomains = []string{".nhs.uk"} }, ""},
	}
	for _, tt := range tests {
		c := DefaultConfig()
		tt.edit(&c)
		_, err := New(c)
		if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("%s: New() error = %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestDefaultConfig(t *testing.T) {
	c := DefaultConfig()
	if c.Policy.Name != "Social Media Policy" || c.Policy.Version != "October 2024" {
		t.Errorf("policy = %+v", c.Policy)
	}
	if !c.Policy.ReviewDate.Equal(time.Date(2025, 10, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("review date = %v", c.Policy.ReviewDate)
	}
	if ws := c.Warnings(time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)); len(ws) != 0 {
		t.Errorf("warnings before the review date: %v", ws)
	}
	ws := c.Warnings(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if len(ws) != 1 || !strings.Contains(ws[0], "review") {
		t.Errorf("warnings after the review date: %v", ws)
	}
	c.CrisisDirections, c.EvidenceDomains = nil, nil
	if ws := c.Warnings(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)); len(ws) != 2 {
		t.Errorf("warnings for empty lists: %v", ws)
	}
}

func TestRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if r.ID == "" || r.Section == "" || r.Description == "" || seen[r.ID] {
			t.Errorf("bad rule info %+v", r)
		}
		seen[r.ID] = true
	}
	for _, id := range []string{RuleTestimonial, RulePrivacy, RuleHealth, RuleOutcome, RuleClinical, RuleCrisis, RuleMedia, RuleConduct} {
		if !seen[id] {
			t.Errorf("Rules() lacks %s", id)
		}
	}
}

// TestFindingsExplain checks what every finding carries: a known rule, a
// policy section, a span that is the match, a message and a suggestion.
func TestFindingsExplain(t *testing.T) {
	g := mustGate(t, examplesConfig())
	known := map[string]bool{}
	for _, r := range Rules() {
		known[r.ID] = true
	}
	posts := append([]string{}, typicalPosts...)
	for _, f := range []string{"dev-testimonial.yaml", "dev-privacy.yaml", "dev-claims.yaml", "dev-engage.yaml", "dev-more.yaml"} {
		ps, err := LoadLabelled(filepath.Join("testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			posts = append(posts, p.Text)
		}
	}
	for _, text := range posts {
		v, err := g.Check(postgate.Content{Text: text})
		if err != nil {
			t.Fatalf("Check(%q): %v", text, err)
		}
		for _, f := range v.Findings {
			if !known[f.Rule] || f.Section == "" || f.Message == "" || f.Suggestion == "" || f.Severity != Block && f.Severity != Warn {
				t.Errorf("finding lacks an explanation: %+v", f)
			}
			if f.Start < 0 || f.End > len(text) || f.Start > f.End || text[f.Start:f.End] != f.Match || f.Match == "" {
				t.Errorf("finding span [%d,%d) %q does not match text %q", f.Start, f.End, f.Match, text)
			}
		}
	}
}

func TestCheckDeterministic(t *testing.T) {
	g := mustGate(t, examplesConfig())
	for _, text := range typicalPosts {
		a, _ := g.Check(postgate.Content{Text: text})
		b, _ := g.Check(postgate.Content{Text: text})
		if !slices.EqualFunc(a.Findings, b.Findings, func(x, y Finding) bool { return x == y }) {
			t.Errorf("Check(%q) differs between runs", text)
		}
	}
}

func TestCheckConcurrent(t *testing.T) {
	g := mustGate(t, examplesConfig())
	done := make(chan bool)
	for i := 0; i < 4; i++ {
		go func() {
			for _, text := range typicalPosts {
				g.Check(postgate.Content{Text: text})
			}
			done <- true
		}()
	}
	for i := 0; i < 4; i++ {
		<-done
	}
}

func TestCheckUnreadableImage(t *testing.T) {
	g := mustGate(t, examplesConfig())
	c := postgate.Content{Text: "Our new garden.", Media: []postgate.Media{{Path: "images/x.jpg", File: filepath.Join(t.TempDir(), "missing.jpg"), Alt: "a garden", Source: "own"}}}
	if _, err := g.Check(c); err == nil {
		t.Fatal("Check with a missing image file: want an error so that the caller fails closed")
	}
	file := filepath.Join(t.TempDir(), "garden.jpg")
	if err := os.WriteFile(file, []byte("jpeg"), 0o600); err != nil {
		t.Fatal(err)
	}
	c.Media[0].File = file
	v, err := g.Check(c)
	if err != nil || !v.Pass() {
		t.Fatalf("Check with a readable image = %+v, %v; want a pass", v, err)
	}
}

func TestAcceptedEvidence(t *testing.T) {
	g := mustGate(t, examplesConfig())
	tests := []struct {
		evidence []string
		want     bool
	}{
		{[]string{"https://www.nhs.uk/mental-health/"}, true},
		{[]string{"https://nhs.uk/x"}, true},
		{[]string{"http://www.nice.org.uk/guidance/cg90"}, true},
		{[]string{"https://dx.doi.org/10.1000/182"}, true},
		{[]string{"10.1001/jama.2019.1234"}, true},
		{[]string{"doi:10.1001/jama.2019.1234"}, true},
		{[]string{"https://someblog.example/x", "https://www.who.int/news"}, true},
		{[]string{"https://nhs.uk.health-facts.example/x"}, false},
		{[]string{"https://who-int.example/x"}, false},
		{[]string{"https://notnhs.uk/x"}, false},
		{[]string{"https://en.wikipedia.org/wiki/CBT"}, false},
		{[]string{"nhs.uk"}, false},
		{[]string{"ftp://nhs.uk/x"}, false},
		{nil, false},
	}
	for _, tt := range tests {
		if got := g.accepted(tt.evidence); got != tt.want {
			t.Errorf("accepted(%q) = %v, want %v", tt.evidence, got, tt.want)
		}
	}
}

func TestStaffAndContactsFromConfig(t *testing.T) {
	text := "Join Olivia Grant at 14 Elm Road, or email olivia@grantcounselling.example."
	c := DefaultConfig()
	g := mustGate(t, c)
	if v, _ := g.Check(postgate.Content{Text: text}); v.Pass() {
		t.Fatalf("unknown name, address and email passed: %+v", v)
	}
	c.StaffNames = []string{"Olivia Grant"}
	c.OfficialContacts = []string{"14 Elm Road", "olivia@grantcounselling.example"}
	g = mustGate(t, c)
	if v, _ := g.Check(postgate.Content{Text: text}); !v.Pass() {
		t.Fatalf("the practice's own staff and contacts were rejected: %+v", v.Findings)
	}
}

// TestSpeedUps checks that the gate's speed-ups change no verdict:
// starting each pattern at the sentence of its first needle, and running an
// alternative only when one of the strings it needs is in the post.
func TestSpeedUps(t *testing.T) {
	g := mustGate(t, examplesConfig())
	files, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	rules := func(v Verdict) []string {
		var out []string
		for _, f := range v.Findings {
			out = append(out, f.Rule+":"+f.Severity)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	for _, sw := range []struct {
		name string
		on   *bool
	}{{"needle window", &needWindow}, {"needles of alternatives", &useAltNeeds}} {
		for _, f := range files {
			posts, err := LoadLabelled(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range posts {
				fast, _ := g.Check(p.Content())
				*sw.on = false
				slow, _ := g.Check(p.Content())
				*sw.on = true
				if !slices.Equal(rules(fast), rules(slow)) {
					t.Errorf("%s: %s %s: verdict differs:\n with    %v\n without %v", sw.name, f, p.ID, fast.Findings, slow.Findings)
				}
			}
		}
	}
}
