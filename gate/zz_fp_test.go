package gate

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

func TestZZFP(t *testing.T) {
	rule := os.Getenv("ZZRULE")
	if rule == "" {
		t.Skip()
	}
	g := mustGate(t, examplesConfig())
	files, _ := filepath.Glob("testdata/dev-*.yaml")
	byMsg := map[string]int{}
	for _, f := range files {
		posts, _ := LoadLabelled(f)
		for _, p := range posts {
			if len(p.Labels) != 0 {
				continue
			}
			check := g.Check
			if os.Getenv("ZZRULES") != "" {
				check = g.CheckRules
			}
			v, _ := check(p.Content())
			for _, fd := range v.Findings {
				if fd.Rule == rule && fd.Severity == Block {
					byMsg[fd.Message[:40]]++
					if os.Getenv("ZZV") != "" {
						fmt.Printf("%s %s | %q | %s\n", p.ID, fd.Message[:30], fd.Match, p.Text)
					}
				}
			}
		}
	}
	var ks []string
	for k := range byMsg {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return byMsg[ks[i]] > byMsg[ks[j]] })
	for _, k := range ks {
		fmt.Println(byMsg[k], k)
	}
}
