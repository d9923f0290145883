package gate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedDir holds the project's shared evaluation data, beside the repository.
const sharedDir = "../../shared"

// heldOut is the labelled set the gate is measured on but never tuned on:
// its mistakes are not listed.
const heldOut = "labelled.yaml"

// examplesConfig is the practice the shared labelled files assume (see the
// header of gate-examples.yaml).
func examplesConfig() Config {
	c := DefaultConfig()
	c.StaffNames = []string{"Priya Shah", "Marcus Bell", "Aisha Rahman"}
	c.OfficialContacts = []string{"hello@connections.example", "020 7946 0000", "12 Market Street Riverside"}
	c.EvidenceDomains = []string{"nhs.uk", "nice.org.uk", "who.int", "nimh.nih.gov", "cdc.gov", "apa.org", "doi.org"}
	c.CrisisDirections = []string{"999", "116 123", "emergency services", "Samaritans", "A&E", "111"}
	return c
}

func mustGate(t testing.TB, c Config) *Gate {
	t.Helper()
	g, err := New(c)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return g
}

func evalFiles(t *testing.T) []string {
	t.Helper()
	if _, err := os.Stat(sharedDir); err != nil {
		t.Skipf("no shared data at %s", sharedDir)
	}
	files := []string{filepath.Join(sharedDir, "gate-examples.yaml")}
	more, _ := filepath.Glob(filepath.Join(sharedDir, "eval-data", "*.yaml"))
	files = append(files, more...)
	own, _ := filepath.Glob(filepath.Join("testdata", "*.yaml"))
	return append(files, own...)
}

// TestEvaluate prints the evaluation table for every labelled file. Set
// GATE_MISTAKES=1 to list the posts the gate gets wrong.
func TestEvaluate(t *testing.T) {
	g := mustGate(t, examplesConfig())
	for _, path := range evalFiles(t) {
		posts, err := LoadLabelled(path)
		if err != nil {
			t.Fatal(err)
		}
		r := Evaluate(g, posts)
		var b strings.Builder
		r.WriteTable(&b)
		if os.Getenv("GATE_MISTAKES") != "" && filepath.Base(path) != heldOut {
			r.WriteMistakes(&b)
		}
		t.Logf("%s\n%s", path, b.String())
		if r.Errors > 0 {
			t.Errorf("%s: gate could not evaluate %d posts", path, r.Errors)
		}
	}
}

// TestNameData measures what the embedded name lists add.
func TestNameData(t *testing.T) {
	g := mustGate(t, examplesConfig())
	for _, path := range evalFiles(t) {
		posts, err := LoadLabelled(path)
		if err != nil {
			t.Fatal(err)
		}
		with := Evaluate(g, posts)
		useNameData = false
		without := Evaluate(g, posts)
		useNameData = true
		t.Logf("%s: violating rejected %.1f%% with name data, %.1f%% without; compliant passed %.1f%% with, %.1f%% without",
			filepath.Base(path), 100*with.ViolatingRate(), 100*without.ViolatingRate(), 100*with.CompliantRate(), 100*without.CompliantRate())
	}
}

// TestExplain prints the findings for the posts named in GATE_EXPLAIN (ids,
// comma-separated) from the development files, to see why a rule fired.
func TestExplain(t *testing.T) {
	ids := os.Getenv("GATE_EXPLAIN")
	if ids == "" {
		t.Skip("set GATE_EXPLAIN=id,id")
	}
	g := mustGate(t, examplesConfig())
	for _, path := range evalFiles(t) {
		if filepath.Base(path) == heldOut {
			continue
		}
		posts, err := LoadLabelled(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range posts {
			if !strings.Contains(","+ids+",", ","+p.ID+",") {
				continue
			}
			v, err := g.Check(p.Content())
			t.Logf("%s %v: %s (err %v)", p.ID, p.Labels, p.Text, err)
			for _, f := range v.Findings {
				t.Logf("    %s %s %q", f.Rule, f.Severity, f.Match)
			}
		}
	}
}

// TestLearnedBackup measures what the learned classifier adds when it backs
// up the rules (see useLearned).
func TestLearnedBackup(t *testing.T) {
	g := mustGate(t, examplesConfig())
	for _, path := range evalFiles(t) {
		posts, err := LoadLabelled(path)
		if err != nil {
			t.Fatal(err)
		}
		both := Evaluate(g, posts)
		useLearned = false
		rules := Evaluate(g, posts)
		useLearned = true
		t.Logf("%s: violating rejected %.1f%% rules only, %.1f%% with learned backup; compliant passed %.1f%% rules only, %.1f%% with",
			filepath.Base(path), 100*rules.ViolatingRate(), 100*both.ViolatingRate(), 100*rules.CompliantRate(), 100*both.CompliantRate())
	}
}
