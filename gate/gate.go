// Package gate checks content against the practice's Social Media Policy.
//
// The gate is a set of explainable rules, one file per rule family. Each rule
// reads the post and returns findings: the rule id, the policy section it
// enforces, the exact span of text, a message for marketing staff and a
// concrete suggestion. A small learned classifier (learned.go) then gives a
// second opinion per family: it turns rule findings it is nearly sure are
// wrong into warnings, and holds posts the rules missed when it is
// confident. A post passes when no finding blocks it.
//
// Check is pure: the same content and configuration always give the same
// verdict. It never panics; when it cannot evaluate a post it returns an
// error, and the caller holds the post for review.
package gate

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/connections/postgate"
)

// Config is the practice-specific knowledge the gate needs (from the config
// file's gate: block).
type Config struct {
	StaffNames       []string // the practice's own people: not client data
	OfficialContacts []string // emails, phone numbers, addresses of the practice
	EvidenceDomains  []string // e.g. nhs.uk; subdomains match; a DOI is always accepted
	CrisisDirections []string // e.g. "999", "116 123", "emergency services"
	Policy           Policy
}

// Policy names the policy document the gate enforces.
type Policy struct {
	Name       string
	Version    string
	ReviewDate time.Time // the gate warns once this date has passed
}

// DefaultConfig returns the embedded defaults postgate uses when the config
// file has no gate: block.
func DefaultConfig() Config {
	return Config{
		StaffNames:       []string{"Priya Shah"},
		OfficialContacts: []string{"hello@connections.example", "020 7946 0000", "12 Market Street"},
		EvidenceDomains:  []string{"nhs.uk", "nice.org.uk", "who.int"},
		CrisisDirections: []string{"999", "116 123", "emergency services"},
		Policy: Policy{
			Name:       "Social Media Policy",
			Version:    "October 2024",
			ReviewDate: time.Date(2025, time.October, 1, 0, 0, 0, 0, time.UTC),
		},
	}
}

// Warnings returns problems with the configuration that should not stop the
// gate, such as a policy whose review date has passed.
func (c Config) Warnings(now time.Time) []string {
	var ws []string
	p := c.Policy
	if !p.ReviewDate.IsZero() && now.After(p.ReviewDate) {
		ws = append(ws, fmt.Sprintf("policy %q (%s) was due for review on %s: ask the compliance lead whether it still applies",
			p.Name, p.Version, p.ReviewDate.Format("2 January 2006")))
	}
	if len(c.CrisisDirections) == 0 {
		ws = append(ws, "gate.crisis_directions is empty: every post that mentions suicide, self-harm or crisis will be rejected")
	}
	if len(c.EvidenceDomains) == 0 {
		ws = append(ws, "gate.evidence_domains is empty: only DOIs are accepted as evidence for health claims")
	}
	return ws
}

// Gate checks content against the policy. It is immutable after New and safe
// for concurrent use.
type Gate struct {
	staff     []string        // staff names, ASCII-lowered
	staffWord map[string]bool // every word of every staff name, as written
	contacts  []string        // official contacts, ASCII-lowered
	digits    []string        // digits of official contacts and crisis numbers
	crisis    []string        // crisis directions, ASCII-lowered
	evidence  []string        // accepted evidence domains, lowered, no leading dot
}

// New builds a gate from cfg.
func New(cfg Config) (*Gate, error) {
	names()       // read the name lists now rather than in the first Check
	needleIndex() // and build the needle automaton
	g := &Gate{staffWord: map[string]bool{}}
	for _, s := range cfg.StaffNames {
		s = strings.TrimSpace(s)
		if s == "" {
			return nil, fmt.Errorf("gate: empty staff name")
		}
		g.staff = append(g.staff, lowerASCII(s))
		for _, w := range strings.Fields(s) {
			g.staffWord[strings.Trim(w, ".,")] = true
		}
	}
	for _, c := range cfg.OfficialContacts {
		c = strings.TrimSpace(c)
		if c == "" {
			return nil, fmt.Errorf("gate: empty official contact")
		}
		g.contacts = append(g.contacts, lowerASCII(c))
		if d := digitsOf(c); len(d) >= 3 {
			g.digits = append(g.digits, d)
		}
	}
	for _, c := range cfg.CrisisDirections {
		c = strings.TrimSpace(c)
		if c == "" {
			return nil, fmt.Errorf("gate: empty crisis direction")
		}
		g.crisis = append(g.crisis, lowerASCII(c))
		if d := digitsOf(c); len(d) >= 3 {
			g.digits = append(g.digits, d)
		}
	}
	for _, d := range cfg.EvidenceDomains {
		d = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(d)), ".")
		if d == "" || strings.ContainsAny(d, "/ ") {
			return nil, fmt.Errorf("gate: evidence domain %q is not a domain name", d)
		}
		g.evidence = append(g.evidence, d)
	}
	return g, nil
}

// Check evaluates one content against the policy. A post that breaks the
// policy is a Verdict with findings; an error means the gate could not
// evaluate the content (the caller must then hold the post).
func (g *Gate) Check(c postgate.Content) (Verdict, error) {
	return g.check(c, useLearned)
}

// CheckRules is Check with the rules alone, without the learned
// classifier. The trainer uses it to calibrate the classifier against the
// rules; postgate itself always uses Check.
func (g *Gate) CheckRules(c postgate.Content) (Verdict, error) {
	return g.check(c, false)
}

func (g *Gate) check(c postgate.Content, learned bool) (v Verdict, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = Verdict{}, fmt.Errorf("gate: internal error: %v", r)
		}
	}()
	d := g.newDoc(c.Text)
	defer d.found.release()
	var fs []Finding
	fs = append(fs, g.testimonial(d)...)
	pf := g.privacy(d)
	fs = append(fs, pf...)
	// A story that ends well is a success story; the handle of someone not
	// shown to be a client is not a story ("@jo thanks for asking!").
	for _, f := range pf {
		if isHandle(d, f) && !clientShown(d) {
			continue
		}
		if s, ok := successStory(d, span{f.Start, f.End}); ok {
			fs = append(fs, s)
		}
		break
	}
	fs = append(fs, g.health(d, c.Evidence)...)
	fs = append(fs, g.outcome(d)...)
	fs = append(fs, g.clinical(d)...)
	fs = append(fs, g.crisisRule(d)...)
	fs = append(fs, conduct(d)...)
	fs = dropPublicHandles(d, fs)
	if learned {
		fs = g.learned(d, c, fs)
	}
	mf, err := g.media(c.Media)
	if err != nil {
		return Verdict{}, err
	}
	fs = append(fs, mf...)
	return Verdict{Findings: tidy(fs)}, nil
}

// useLearned combines the rules with the learned classifier (see
// Gate.learned): the model vetoes rule findings it is nearly sure are
// wrong, and holds posts the rules let through when it is confident they
// break a rule. Tests switch it off to measure the rules alone.
var useLearned = true

// Verdict is the gate's decision on one content.
type Verdict struct {
	Findings []Finding
}

// Pass reports whether no finding blocks the content.
func (v Verdict) Pass() bool {
	return !slices.ContainsFunc(v.Findings, func(f Finding) bool { return f.Severity == Block })
}
