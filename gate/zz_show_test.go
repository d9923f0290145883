package gate

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
)

// ZZFILE=... ZZMODE=fp|fn go test ./gate -run TestZZShow -v
func TestZZShow(t *testing.T) {
	f := os.Getenv("ZZFILE")
	if f == "" {
		t.Skip()
	}
	mode := os.Getenv("ZZMODE")
	rule := os.Getenv("ZZRULE")
	g := mustGate(t, examplesConfig())
	posts, err := LoadLabelled(f)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range posts {
		check := g.Check
		if os.Getenv("ZZRULES") != "" {
			check = g.CheckRules
		}
		v, _ := check(p.Content())
		var got []string
		for _, fd := range v.Findings {
			if fd.Severity == Block {
				got = append(got, fd.Rule)
			}
		}
		fp := len(p.Labels) == 0 && !v.Pass()
		fn := false
		for _, l := range p.Labels {
			if !slices.Contains(got, l) && (rule == "" || l == rule) {
				fn = true
			}
		}
		if mode == "fp" && fp || mode == "fn" && fn {
			fmt.Printf("\n%s want %v\n  %s\n", p.ID, p.Labels, p.Text)
			if len(p.Evidence) > 0 {
				fmt.Printf("  evidence %v\n", p.Evidence)
			}
			for _, fd := range v.Findings {
				fmt.Printf("  -> %s/%s %q %s\n", fd.Rule, fd.Severity, fd.Match, strings.SplitN(fd.Message, ".", 2)[0])
			}
		}
	}
}
