package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"

	"github.com/spf13/cobra"

	"github.com/connections/postgate"
	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/publishers"
)

// checkReport is the JSON contract of check --format json: other tools read it.
type checkReport struct {
	Posts    []postReport `json:"posts"`
	Summary  summary      `json:"summary"`
	Warnings []string     `json:"warnings,omitempty"`
}

type postReport struct {
	ID        string              `json:"id"`
	Calendar  string              `json:"calendar"` // file:line
	Platforms []postgate.Platform `json:"platforms"`
	Verdict   string              `json:"verdict"` // pass | reject
	Findings  []finding           `json:"findings"`
}

// finding is a gate finding, or a platform limit, with the platform whose
// text it was found in when the post has per-platform texts.
type finding struct {
	gate.Finding
	Platform postgate.Platform `json:"platform,omitempty"`
}

type summary struct {
	Posts    int `json:"posts"`
	Passed   int `json:"passed"`
	Rejected int `json:"rejected"`
}

func newCheckCmd(o *options) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "check [CALENDAR...]",
		Short: "Gate every post of a calendar and publish nothing",
		Long: `check parses the calendar files (the configured ones when none are named), runs the
compliance gate and each platform's limits on every post, and prints the verdicts.
Exit status: 0 if every post passes, 1 if any is rejected, 2 if the input or config is invalid.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return invalid(fmt.Errorf("--format %q: want text or json", format))
			}
			a, err := o.load(nil)
			if err != nil {
				return err
			}
			posts, err := a.loadCalendar(args)
			if err != nil {
				return err
			}
			g, err := gate.New(a.gateConfig())
			if err != nil {
				return invalid(err)
			}
			pubs, pre, err := a.publishers()
			if err != nil {
				return err
			}
			c := checker{gate: g, preflight: pre, publishers: pubs}
			rep := checkReport{Warnings: a.gateConfig().Warnings(a.now()), Posts: c.all(posts)}
			rep.Summary = summarize(rep.Posts)
			if format == "json" {
				enc := json.NewEncoder(o.stdout)
				enc.SetIndent("", "  ")
				if err := enc.Encode(rep); err != nil {
					return err
				}
			} else {
				writeCheckText(o.stdout, o.stderr, rep)
			}
			if rep.Summary.Rejected > 0 {
				return &exitError{code: exitRejected, err: fmt.Errorf("%d of %d posts rejected", rep.Summary.Rejected, rep.Summary.Posts)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

// checker checks posts against the policy, each platform's limits, and the
// configuration (a post for a platform that is not configured would fail
// when due).
type checker struct {
	gate       *gate.Gate
	preflight  map[postgate.Platform]func(postgate.Content) []publishers.Problem
	publishers map[postgate.Platform]publishers.Publisher
}

// all checks every post on all CPUs, keeping the calendar's order.
func (ck checker) all(posts []postgate.Post) []postReport {
	out := make([]postReport, len(posts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				out[i] = ck.post(posts[i])
			}
		})
	}
	for i := range posts {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// post gates a post on each of its platforms. The gate failing to evaluate
// is a rejection (fail closed), reported as a finding.
func (ck checker) post(p postgate.Post) postReport {
	pr := postReport{ID: p.ID, Calendar: p.Where(), Platforms: p.Platforms, Verdict: "pass", Findings: []finding{}}
	perPlatform := len(p.TextFor) > 0
	type result struct {
		v   gate.Verdict
		err error
	}
	byText := map[string]result{} // platforms without their own text share one verdict
	for _, pl := range p.Platforms {
		c := p.Content(pl)
		var fs []gate.Finding
		r, ok := byText[c.Text]
		if !ok {
			r.v, r.err = ck.gate.Check(policyContent(c))
			byText[c.Text] = r
		}
		v, err := r.v, r.err
		if err != nil {
			fs = append(fs, gate.Unevaluated(err))
		}
		fs = append(fs, v.Findings...)
		if ck.publishers[pl] == nil {
			fs = append(fs, gate.Finding{Rule: "platform-limits", Section: "Platform limits (not policy)",
				Severity: "block", Message: fmt.Sprintf("%s is not configured, so this post could not go out there", pl),
				Suggestion: "remove " + string(pl) + " from the post's platforms, or ask whoever runs postgate to add platforms." + string(pl) + " to the config"})
		}
		if f := ck.preflight[pl]; f != nil {
			for _, prob := range f(c) {
				fs = append(fs, gate.Finding{Rule: "platform-limits", Section: "Platform limits (not policy)",
					Severity: "block", Message: fmt.Sprintf("%s: %s: %s", pl, prob.Field, prob.Message),
					Suggestion: "shorten the text or change the media so that " + string(pl) + " accepts it"})
			}
		}
		for _, f := range fs {
			nf := finding{Finding: f}
			if perPlatform || f.Rule == "platform-limits" {
				nf.Platform = pl
			}
			if !slices.ContainsFunc(pr.Findings, func(x finding) bool { return x == nf }) {
				pr.Findings = append(pr.Findings, nf)
			}
			if f.Severity == "block" {
				pr.Verdict = "reject"
			}
		}
	}
	return pr
}

// policyContent is what the gate checks: the policy applies to every
// platform alike, so the gate is not told the platform (platform limits are
// the preflight checks' job). Posts whose platforms share a text then share
// one gate run.
func policyContent(c postgate.Content) postgate.Content {
	c.Platform = ""
	return c
}

func summarize(posts []postReport) summary {
	s := summary{Posts: len(posts)}
	for _, p := range posts {
		if p.Verdict == "pass" {
			s.Passed++
		} else {
			s.Rejected++
		}
	}
	return s
}

func writeCheckText(out, errOut io.Writer, rep checkReport) {
	for _, w := range rep.Warnings {
		fmt.Fprintln(errOut, "warning:", w)
	}
	for _, p := range rep.Posts {
		fmt.Fprintf(out, "%-6s %s (%s) [%s]\n", p.Verdict, p.ID, p.Calendar, platformList(p.Platforms))
		for _, f := range p.Findings {
			where := ""
			if f.Platform != "" {
				where = " on " + string(f.Platform)
			}
			fmt.Fprintf(out, "  %s %s%s: %s\n", f.Severity, f.Rule, where, f.Message)
			if f.Match != "" {
				fmt.Fprintf(out, "    text: %q (bytes %d-%d)\n", f.Match, f.Start, f.End)
			}
			if f.Section != "" {
				fmt.Fprintf(out, "    policy: %s\n", f.Section)
			}
			if f.Suggestion != "" {
				fmt.Fprintf(out, "    fix: %s\n", f.Suggestion)
			}
		}
	}
	fmt.Fprintf(out, "%d posts: %d pass, %d rejected\n", rep.Summary.Posts, rep.Summary.Passed, rep.Summary.Rejected)
}
