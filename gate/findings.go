package gate

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Finding is one reason a post breaks (or may break) the policy.
type Finding struct {
	Rule       string `json:"rule"`       // rule id, see Rules
	Section    string `json:"section"`    // policy heading path, e.g. "Content Guidelines / Health Information"
	Severity   string `json:"severity"`   // Block or Warn
	Match      string `json:"match"`      // exact text of the span
	Start      int    `json:"start"`      // byte offset into Content.Text (into the alt text for image findings, as Message says)
	End        int    `json:"end"`        // byte offset just past the span
	Message    string `json:"message"`    // what is wrong and why, for marketing staff
	Suggestion string `json:"suggestion"` // a concrete fix
}

// Severities of a finding.
const (
	Block = "block" // the post is rejected
	Warn  = "warn"  // the post passes, but a person should look
)

// Rule ids.
const (
	RuleTestimonial  = "testimonial"
	RulePrivacy      = "client-privacy"
	RuleHealth       = "health-claim"
	RuleOutcome      = "guaranteed-outcome"
	RuleClinical     = "clinical-engagement"
	RuleCrisis       = "crisis"
	RuleMedia        = "media"
	RuleConduct      = "professional-conduct"
	sectionTestimony = "Advertising and Testimonials / No Client Testimonials"
	sectionMarketing = "Advertising and Testimonials / Ethical Marketing"
	sectionPrivacy   = "Professional Boundaries / Client Confidentiality"
	sectionAnonymous = "Professional Boundaries / Anonymized Content"
	sectionHealth    = "Content Guidelines / Health Information"
	sectionTherapy   = "Professional Boundaries / No Therapeutic Engagement"
	sectionMessages  = "Engagement with Followers / Comments and Messages"
	sectionAdvice    = "Engagement with Followers / Positive Engagement"
	sectionCrisis    = "Content Guidelines / Crisis and Emergency"
	sectionConduct   = "Content Guidelines / Professional Representation"
)

// RuleInfo describes one rule for documentation and evaluation tables.
type RuleInfo struct {
	ID          string `json:"id"`
	Section     string `json:"section"`
	Description string `json:"description"`
}

// Rules lists every rule id with its policy section and a one-line description.
func Rules() []RuleInfo {
	return []RuleInfo{
		{RuleTestimonial, sectionTestimony, "sharing or asking for client testimonials, reviews, ratings, stars or success stories"},
		{RulePrivacy, sectionPrivacy, "anything that could identify a client or tells of a particular client or session"},
		{RuleHealth, sectionHealth, "health claims, causes, treatment effects or statistics without accepted evidence"},
		{RuleOutcome, sectionMarketing, "promised results, cures, certainty, permanence, success rates or superlatives"},
		{RuleClinical, sectionTherapy, "clinical, diagnostic or medication advice, or therapy, stories or booking through DMs, comments or replies"},
		{RuleCrisis, sectionCrisis, "suicide, self-harm or crisis content without a crisis direction, or social media offered as a crisis channel"},
		{RuleMedia, sectionConduct, "images without alt text, declared source or consent reference"},
		{RuleConduct, sectionConduct, "abusive, profane or stigmatising language"},
	}
}

// span is a half-open byte range of the post text.
type span struct{ start, end int }

func (s span) contains(o span) bool { return s.start <= o.start && o.end <= s.end }
func (s span) overlaps(o span) bool { return s.start < o.end && o.start < s.end }

// tell is the explanation attached to a finding.
type tell struct {
	msg, fix string
}

// find builds a finding over d.text[start:end].
func find(rule, section, severity string, d *doc, s span, t tell) Finding {
	return Finding{
		Rule: rule, Section: section, Severity: severity,
		Match: d.text[s.start:s.end], Start: s.start, End: s.end,
		Message: t.msg, Suggestion: t.fix,
	}
}

// tidy sorts findings by position and rule and drops any finding whose span
// overlaps an earlier one of the same rule, so each problem is told once.
// Findings about images (their spans are in alt text) are kept as they are.
func tidy(fs []Finding) []Finding {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.End, b.End))
	})
	var out []Finding
	for _, f := range fs {
		dup := slices.ContainsFunc(out, func(k Finding) bool {
			return k.Rule == f.Rule && k.Message == f.Message && k.Start == f.Start && k.End == f.End ||
				k.Rule == f.Rule && !image(k) && !image(f) && k.Start < f.End && f.Start < k.End
		})
		if !dup {
			out = append(out, f)
		}
	}
	return out
}

// image reports whether a finding is about an image rather than the text.
func image(f Finding) bool { return strings.HasPrefix(f.Message, "Image ") }

// RuleUnevaluated is the rule of the finding that holds a post the gate
// could not check.
const RuleUnevaluated = "gate-error"

// Unevaluated is the finding that holds a post when Check returned err: the
// gate fails closed.
func Unevaluated(err error) Finding {
	return Finding{
		Rule: RuleUnevaluated, Section: "Content Guidelines / Ethical Use of Social Media", Severity: Block,
		Message:    fmt.Sprintf("postgate could not check this post, so it is held (fail closed): %v", err),
		Suggestion: "fix the problem (for example a missing or unreadable image) or ask the compliance lead to approve it",
	}
}
