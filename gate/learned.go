package gate

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/connections/postgate"
	"github.com/connections/postgate/gate/internal/train/linear"
)

// The learned classifier backs up the rules on wording they have not seen.
// It is a logistic regression per rule family over words, word pairs and
// normalisation tokens (numbers, links, quotation marks, star symbols...),
// trained by gate/internal/train on gate/testdata/dev-*.yaml only. Its
// thresholds are chosen on cross-validation of that data for a precision of
// 0.9, so a compliant post rarely trips it.

//go:embed data/model.json
var modelFile []byte

// learnedModel loads the embedded model once. The file is built and tested
// with the package, so a load failure is a build defect, like a missing
// name list.
var learnedModel = sync.OnceValue(func() *linear.Model {
	m, err := linear.Load(modelFile)
	if err != nil {
		panic("gate: embedded model: " + err.Error())
	}
	return m
})

// learnedHit is one family the model says a text belongs to.
type learnedHit struct {
	Rule       string
	Score      float64  // probability, at or above the family's threshold
	Start, End int      // the sentence that adds most to the score
	Words      []string // the features that add most, readable, best first
}

// learnedFindings scores text for each rule family and returns the families
// whose threshold it reaches, in model order. For health-claim a hit means
// only "this makes a health claim": whether accepted evidence is attached is
// for the caller to decide.
func learnedFindings(text string) []learnedHit {
	m := learnedModel()
	d := m.Doc(text)
	var out []learnedHit
	for c, cl := range m.Classes {
		p := m.Probability(d, c)
		if p < cl.Threshold {
			continue
		}
		sentence, features := m.Explain(d, c, 3)
		h := learnedHit{Rule: cl.Rule, Score: p}
		h.Start, h.End = d.SentenceSpan(sentence)
		for _, f := range features {
			h.Words = append(h.Words, linear.Readable(f))
		}
		out = append(out, h)
	}
	return out
}

// learned returns a blocking finding for each family the model finds in c
// and the rules in fs do not already block. Health claims count only when
// no accepted evidence is attached.
func (g *Gate) learned(c postgate.Content, fs []Finding) []Finding {
	var out []Finding
	for _, h := range learnedFindings(c.Text) {
		if h.Rule == RuleHealth && g.accepted(c.Evidence) {
			continue
		}
		if slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == h.Rule && f.Severity == Block }) {
			continue
		}
		t, ok := learnedTells[h.Rule]
		if !ok {
			continue
		}
		severity := Block
		if h.Rule == RuleHealth {
			severity = Warn // see useLearned
		}
		out = append(out, Finding{
			Rule: h.Rule, Section: t.section, Severity: severity,
			Match: c.Text[h.Start:h.End], Start: h.Start, End: h.End,
			Message:    fmt.Sprintf(t.msg, because(h.Words)),
			Suggestion: t.fix,
		})
	}
	return out
}

// because tells which words led to a learned finding: "words such as 'a',
// 'b'", or the wording as a whole when no single feature stands out.
func because(words []string) string {
	if len(words) == 0 {
		return "its wording as a whole"
	}
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + w + "'"
	}
	return "words such as " + strings.Join(q, ", ")
}

// learnedTell explains a learned finding; msg has one %s for the words (see because).
type learnedTell struct {
	section, msg, fix string
}

var learnedTells = map[string]learnedTell{
	RuleTestimonial: {sectionTestimony,
		"This reads like a client testimonial, review or rating, or a request for one (%s). The policy does not allow testimonials in any form.",
		"Remove the praise, rating or request for reviews; say what the practice offers instead."},
	RulePrivacy: {sectionPrivacy,
		"This reads like it tells of a particular client or session, or could identify someone (%s). Client confidentiality applies even without a name.",
		"Remove the details about the person or session, or speak about the theme in general terms (\"many people find...\")."},
	RuleHealth: {sectionHealth,
		"This reads like a health claim or statistic (%s), and no accepted evidence is attached.",
		"Attach a source from an accepted evidence domain, or rephrase it as general information without a claim of effect."},
	RuleOutcome: {sectionMarketing,
		"This reads like a promise of results, a cure or a claim to be the best (%s). The policy forbids promising outcomes.",
		"Describe what the service involves, not what it will achieve; avoid certainty and superlatives."},
	RuleClinical: {sectionTherapy,
		"This reads like clinical or medication advice, a diagnosis, or therapy or booking through social media (%s).",
		"Keep advice general, point people to their GP or a session, and direct bookings to the practice's phone or email."},
	RuleCrisis: {sectionCrisis,
		"This reads like it touches on suicide, self-harm or crisis (%s) without directing people to emergency help.",
		"Add a crisis direction such as 999, Samaritans on 116 123 or the nearest A&E, and never offer the page or DMs as a crisis channel."},
}
