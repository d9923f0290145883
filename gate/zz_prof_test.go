package gate

import (
	"fmt"
	"sort"
	"testing"
	"time"
)

func TestZZPatternCost(t *testing.T) {
	g := mustGate(t, examplesConfig())
	sets := map[string][]pattern{"clinical": clinicalPatterns, "conduct": conductPatterns, "health": healthPatterns, "outcome": outcomePatterns, "ident": identifierPatterns, "age": agePatterns, "story": storyPatterns, "testi": testimonialPatterns}
	type row struct {
		name string
		d    time.Duration
	}
	var rows []row
	docs := make([]*doc, len(typicalPosts))
	for i, p := range typicalPosts {
		docs[i] = g.newDoc(p)
	}
	var total time.Duration
	for name, ps := range sets {
		for i, p := range ps {
			start := time.Now()
			for k := 0; k < 2000; k++ {
				for _, d := range docs {
					d.run(p)
				}
			}
			el := time.Since(start) / 2000 / time.Duration(len(docs))
			total += el
			rows = append(rows, row{fmt.Sprintf("%s[%d] %.60s", name, i, p.re.String()), el})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].d > rows[j].d })
	for _, r := range rows[:25] {
		t.Logf("%8v %s", r.d, r.name)
	}
	t.Logf("total %v", total)
	start := time.Now()
	for k := 0; k < 2000; k++ {
		for _, p := range typicalPosts {
			g.newDoc(p)
		}
	}
	t.Logf("newDoc %v", time.Since(start)/2000/time.Duration(len(docs)))
}

func TestZZRuleCost(t *testing.T) {
	g := mustGate(t, examplesConfig())
	docs := make([]*doc, len(typicalPosts))
	for i, p := range typicalPosts {
		docs[i] = g.newDoc(p)
	}
	fns := map[string]func(d *doc){
		"testimonial": func(d *doc) { g.testimonial(d) },
		"privacy":     func(d *doc) { g.privacy(d) },
		"health":      func(d *doc) { g.health(d, nil) },
		"outcome":     func(d *doc) { g.outcome(d) },
		"clinical":    func(d *doc) { g.clinical(d) },
		"crisis":      func(d *doc) { g.crisisRule(d) },
		"conduct":     func(d *doc) { conduct(d) },
		"learned":     func(d *doc) { learnedFindings(d.text) },
	}
	for name, f := range fns {
		start := time.Now()
		for k := 0; k < 2000; k++ {
			for _, d := range docs {
				f(d)
			}
		}
		t.Logf("%-12s %v", name, time.Since(start)/2000/time.Duration(len(docs)))
	}
}
