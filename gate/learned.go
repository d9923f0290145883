package gate

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/connections/postgate"
	"github.com/connections/postgate/gate/internal/train/linear"
)

// The learned classifier gives the rules a second opinion: it catches
// wording they have not seen and vetoes their weakest findings. It is a
// logistic regression per rule family over words, word stems, word pairs
// and normalisation tokens (numbers, links, quotation marks, star
// symbols...), trained by gate/internal/train on gate/testdata/dev-*.yaml
// only. Its thresholds and vetoes are chosen on cross-validation of that
// data (see Gate.learned).

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
	d, probs := modelScores(m, text)
	var out []learnedHit
	for c, p := range probs {
		if p >= m.Classes[c].Threshold {
			out = append(out, explainHit(m, d, c, p))
		}
	}
	return out
}

// modelScores returns the model's view of text and each class's probability.
func modelScores(m *linear.Model, text string) (linear.Doc, []float64) {
	d := m.Doc(text)
	probs := make([]float64, len(m.Classes))
	for c := range m.Classes {
		probs[c] = m.Probability(d, c)
	}
	return d, probs
}

func explainHit(m *linear.Model, d linear.Doc, c int, p float64) learnedHit {
	sentence, features := m.Explain(d, c, 3)
	h := learnedHit{Rule: m.Classes[c].Rule, Score: p}
	h.Start, h.End = d.SentenceSpan(sentence)
	for _, f := range features {
		h.Words = append(h.Words, linear.Readable(f))
	}
	return h
}

// learned combines the rules' findings fs with the model and returns the
// result. Per family:
//   - a rule finding stands unless it is not firm (see Finding.Firm) and
//     the model scores the post below the
//     family's veto. A vetoed finding is kept as a warning, so the
//     compliance lead still sees it;
//   - when no rule blocks, the model blocks on its own at or above the
//     family's threshold, except that a health claim with accepted
//     evidence, or a crisis post that gives a crisis direction, is the
//     rules' call.
//
// The trainer chooses every veto and threshold together on
// cross-validation (gate/internal/train/tune.go); crisis has no veto, and
// client-privacy's only covers bare names.
func (g *Gate) learned(d *doc, c postgate.Content, fs []Finding) []Finding {
	m := learnedModel()
	md, probs := modelScores(m, c.Text)
	for ci, cl := range m.Classes {
		p := probs[ci]
		blocked := false
		for i := range fs {
			if fs[i].Rule != cl.Rule || fs[i].Severity != Block {
				continue
			}
			if p < cl.Veto && !fs[i].Firm() {
				fs[i].Severity = Warn
				fs[i].Message += vetoNote
			} else {
				blocked = true
			}
		}
		if blocked || p < cl.Threshold || cl.Rule == RuleHealth && g.accepted(c.Evidence) || cl.Rule == RuleCrisis && g.hasDirection(d) {
			continue
		}
		t, ok := learnedTells[cl.Rule]
		if !ok {
			continue
		}
		h := explainHit(m, md, ci, p)
		fs = append(fs, Finding{
			Rule: h.Rule, Section: t.section, Severity: Block,
			Match: c.Text[h.Start:h.End], Start: h.Start, End: h.End,
			Message:    fmt.Sprintf(t.msg, because(h.Words)),
			Suggestion: t.fix,
		})
	}
	return fs
}

// Firm reports whether the learned classifier may never overrule the
// finding. That is so when it rests on a fact in the text rather than on
// its wording (contact details, an ID number, a street address or
// postcode, a dose), and for every client-privacy finding except a bare
// name: a story about a session or a client's age is the policy's core,
// while a capitalised word the rules took for a name may be an author, a
// pet or a trainee, which the model has learnt to tell from a client.
// Crisis findings have no veto at all (see Gate.learned).
func (f Finding) Firm() bool {
	if f.Rule == RulePrivacy && f.Message != tellName.msg {
		return true
	}
	for _, t := range []tell{tellContact, tellNumber, tellPlace, tellDose} {
		if f.Message == t.msg {
			return true
		}
	}
	return false
}

// vetoNote ends the message of a rule finding the model vetoed.
const vetoNote = " (A warning, not a hold: the learned classifier, trained on the practice's labelled posts, reads this wording as ordinary.)"

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
