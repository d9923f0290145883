package gate

import (
	"fmt"
	"os"
	"strings"

	"github.com/connections/postgate"
)

// Media: every image needs alt text and a declared source; a "consent" image
// needs a consent reference; a photo of people without consent is a client
// privacy problem. Findings about an image carry spans into its alt text.

var peopleInImage = lex("adult|adults|lady|ladies|gentleman|gentlemen|someone|somebody|people|person|persons|man|men|woman|women|boy|boys|girl|girls|child|children|kid|kids|teen|teens|teenager|teenagers|family|families|couple|couples|group|members|client|clients|patient|patients|attendees|participants|friends|crowd|face|faces|portrait|selfie|mum|dad|mother|father|baby|babies|volunteers|us|everyone|guests|colleagues|our team|the team|team members|staff members|members of staff|students|residents")

// namedInAlt returns the span of a staff name or a known given name in alt
// text: a photo of a named person shows people.
func (g *Gate) namedInAlt(alt string) []int {
	for _, w := range words(alt) {
		if b := bare(w.s); g.staffWord[b] || useNameData && names().first[b] {
			return []int{w.start, w.start + len(b)}
		}
	}
	return nil
}

// noPeople spots alt text that says nobody is in the picture.
var noPeople = re(`\b(?:no people|no-one|no one|nobody|without people|empty|no faces|unoccupied)\b`)

// identifiedInImage spots alt text describing something that names a person.
var identifiedInImage = re(`\b(?:signed|signature|name tag|name badge|named|initials|handwriting|handwritten|number plate|address|face of|wearing a badge)\b`)

func (g *Gate) media(ms []postgate.Media) ([]Finding, error) {
	var out []Finding
	for i, m := range ms {
		if m.File != "" {
			st, err := os.Stat(m.File)
			if err != nil {
				return nil, fmt.Errorf("gate: read image %s: %w", m.Path, err)
			}
			if !st.Mode().IsRegular() {
				return nil, fmt.Errorf("gate: image %s is not a regular file", m.Path)
			}
		}
		out = append(out, g.imageFindings(i+1, m)...)
	}
	return out, nil
}

func (g *Gate) imageFindings(n int, m postgate.Media) []Finding {
	name := fmt.Sprintf("Image %d (%s)", n, m.Path)
	alt := m.Alt
	lower := lowerASCII(alt)
	whole := func(rule, section, msg, fix string) Finding {
		return Finding{Rule: rule, Section: section, Severity: Block, Match: alt, Start: 0, End: len(alt),
			Message: name + ": " + msg + " (the span is in the image's alt text).", Suggestion: fix}
	}
	var out []Finding
	if strings.TrimSpace(alt) == "" {
		out = append(out, whole(RuleMedia, sectionConduct, "has no alt text, so people using screen readers cannot tell what it shows",
			"Add alt text that describes the image."))
	}
	source := strings.ToLower(strings.TrimSpace(m.Source))
	switch source {
	case postgate.SourceStock, postgate.SourceOwn:
	case postgate.SourceConsent:
		if strings.TrimSpace(m.Consent) == "" {
			out = append(out, whole(RulePrivacy, sectionPrivacy, "is marked as showing people who consented, but has no consent reference, so there is no record that they agreed",
				"Add the reference of the signed consent form (consent:)."))
		}
	case "":
		out = append(out, whole(RuleMedia, sectionConduct, "has no declared source, so nobody can tell whether it is licensed or shows clients",
			"Declare source: stock, own (no identifiable people) or consent (with a consent reference)."))
	default:
		out = append(out, whole(RuleMedia, sectionConduct, fmt.Sprintf("has an unknown source %q", m.Source),
			"Use source: stock, own or consent."))
	}
	if loc := identifiedInImage.FindStringIndex(lower); loc != nil && source != postgate.SourceConsent {
		out = append(out, Finding{Rule: RulePrivacy, Section: sectionPrivacy, Severity: Block,
			Match: alt[loc[0]:loc[1]], Start: loc[0], End: loc[1],
			Message:    name + ": its alt text says it shows a name, signature or other identifying detail (the span is in the image's alt text).",
			Suggestion: "Crop or blur the identifying detail, or use another image."})
	}
	if source != postgate.SourceConsent && source != postgate.SourceStock {
		loc := peopleInImage.FindStringIndex(lower)
		if loc == nil {
			loc = g.namedInAlt(alt)
		}
		if loc != nil && !noPeople.MatchString(lower) {
			out = append(out, Finding{Rule: RulePrivacy, Section: sectionPrivacy, Severity: Block,
				Match: alt[loc[0]:loc[1]], Start: loc[0], End: loc[1],
				Message:    name + ": its alt text says it shows people, and there is no record of their consent; photos can identify clients (the span is in the image's alt text).",
				Suggestion: "Use an image without people, or mark it source: consent with the consent reference."})
		}
	}
	return out
}
