package gate

import "regexp"

// A practice speaks as "we" and to "you". A post written as one person's
// own account of their struggles ("I have had anxiety since my divorce")
// is a client's story, whoever wrote it, and so is a story about someone's
// partner or child told in the first person.

var tellAccount = tell{"This reads as one person's own account of their life or struggles; posted by the practice, it shares a client's private story.",
	"Do not post personal accounts; write about the theme in general terms (\"many people find ...\")."}

var (
	firstPerson = lex("i|i'm|im|i've|ive|i'd|i'll|me|my|myself|mine")
	// struggle marks a sentence about personal difficulties or relationships.
	struggle = lex("emotional|transgender|gay|bisexual|crying|upset|ashamed|embarrassed|guilty|confused|insecure|jealous|worthless|overwhelmed|exhausted|hopeless|don't know what to do|what should i do|should i|feel*|felt|anxi*|depress*|sad*|scared|afraid|worr*|stress*|panic*|hurt*|lonely|alone|angry|anger|cry*|cried|cries|struggl*|cope|coping|suicid*|harm*|die|dying|abuse*|trauma*|therap*|counsel*|diagnos*|medication|addict*|drink*|drug*|sleep*|nightmare*|insomnia*|problem*|issue|issues|help|normal|wrong|obsess*|fear*|breakup|divorce*|cheat*|husband|wife|boyfriend|girlfriend|partner|fianc*|son|daughter|mom|mum|dad|mother|father|brother|sister|parent|parents|family|kid|kids|child|children|friend|friends|ex|marriage|married|relationship|self-esteem|self esteem|hate|loathe|numb|lost|stuck|empty")
	// voiceOfPractice marks first-person lines the practice's own staff might
	// write: introductions and sign-offs.
	voiceOfPractice = re(`\b(?:i['’]m|i am|my name is|this is) (?:one of (?:our|the)|your|a (?:counsell?or|therapist|psychotherapist)|the practice)|\b(?:i|we) (?:look forward|hope to see|can['’]t wait)|\b(?:i|we) (?:often )?(?:hear|am often asked|get asked|often see|see a lot)\b|\b(?:a theme|something) i (?:hear|see)\b|\bmy (?:counsell?ing|therapy) room\b|\b(?:people|clients|carers|parents|couples|families) (?:often |sometimes |always )?(?:tell|ask) me\b|\b(?:on|via) (?:instagram|facebook|social media|linkedin)\b|\bmy clients\b|\bas a (?:counsell?or|therapist)\b|\bthis (?:work|job|profession|field|role)\b|\byears (?:into|of) (?:this|the) (?:work|job)\b|\b(?:the|a) (?:counsell?ing|therapy) room\b|\bsupervision\b|\bmy (?:caseload|supervisor|colleagues|training|placement)\b|\bi['’]m (?:not a (?:dietitian|doctor|gp|nutritionist|pharmacist|psychiatrist|nurse)|the newest|new here|the new)\b|\b(?:comms|admin|front[- ]desk|reception) team\b|\bcounsell?ors need\b|\bfirst (?:knock|client)\b|\bi['’]d (?:happily|never)\b|\bpoll\b|\bvote\b|\bthoughts welcome\b|\bhand on heart\b|\bnobody honest\b|\bi can['’]t promise\b|\bi['’]m mulling\b|\bi (?:often |sometimes )?(?:meet|see) (?:at|in|on) (?:our|my|the) (?:work|talks|sessions|workshops)\b|\b(?:managers|people|parents|couples|clients) i meet\b|\bwhy i trained\b|\bthe work we do\b|\bcounsell?or confession\b|\b(?:at|in|for) (?:a|our|the) (?:counsell?ing|counseling|therapy) practice\b|\bwe publish\b|\b(?:every|newer|new|trainee|fellow|junior) (?:trainees?|counsell?ors?|therapists?|colleagues|practitioners)\b|\bwhat i tell\b|\byears? (?:as )?an? (?:counsell?or|therapist|psychotherapist)\b|\b(?:after|with|across|over) (?:\d[\d,]*\+? |hundreds of |thousands of |so many )(?:clients|sessions|couples|families)\b|\b(?:\d+|ten|fifteen|twenty|thirty|many) years (?:of|in) (?:practice|counsell?ing|therapy)\b`)
	// thirdPerson counts pronouns of a story about someone else.
	thirdPerson = re(`\b(?:he|she|him|her|his|hers|he['’]s|she['’]s)\b`)
)

// practiceVoice spots a post in the practice's voice, where first-person
// questions are the reader's FAQs ("How do I know if counselling is right
// for me? Our FAQ has pointers").
var practiceVoice = re(`\b(?:our (?:website|faq|team|counsell?ors|therapists|practice|blog|page|leaflet)|we offer|we['’]re here|we are here|connections|question (?:many|most|lots of) people ask|people often ask|you might ask|frequently asked|short answer)\b`)

// bookTalk marks a post about a book someone is reading ("Matt Haig's
// memoir is my reread this week"): the first person is the reader's.
var bookTalk = lex("memoir|novel|my reread|my reading|book of the month|book club|book pick")

// personalAccount reports whether d reads as a personal account and returns
// the span of its first first-person word.
func (g *Gate) personalAccount(d *doc) (span, bool) {
	var hits []span
	faq, faqKnown := false, false
	for _, t := range d.toks {
		if !firstPerson.word(t.s) {
			continue
		}
		if !faqKnown {
			faq, faqKnown = practiceVoice.MatchString(d.lower), true
		}
		s := span{t.start, t.end}
		sen := d.sentence(s.start)
		question := sen.end < len(d.lower) && d.lower[sen.end] == '?'
		if !d.quoted(s) && !(faq && question) {
			hits = append(hits, s)
		}
	}
	if len(hits) > 0 && (g.staffIntro(d) || voiceOfPractice.MatchString(d.lower) || d.in(bookTalk, span{0, len(d.lower)})) {
		return span{}, false
	}
	switch {
	case len(hits) >= 4 || len(hits) == 3 && d.in(struggle, span{0, len(d.lower)}):
		// Three first-person words with no difficulty in sight are a staff
		// member's small talk ("a kindness I noticed on my commute...").
		return hits[0], true
	case len(hits) >= 1:
		for _, h := range hits {
			s := d.sentence(h.start)
			if d.in(struggle, s) {
				return h, true
			}
		}
	}
	return span{}, false
}

// staffIntro reports whether a member of staff introduces themselves.
func (g *Gate) staffIntro(d *doc) bool {
	for _, p := range d.protect {
		if introBefore.MatchString(d.lower[max(0, p.start-20):p.start]) {
			return true
		}
	}
	return false
}

var introBefore = regexp.MustCompile(`(?:i['’]m|i am|my name is|it['’]s|this is|from)\s*$`)

// storyAboutSomeone reports a narrative about one person told in the third
// person without a named member of staff: several he/she pronouns in a post
// that names no staff.
func storyAboutSomeone(d *doc) (span, bool) {
	hits := d.all(thirdPerson)
	if len(hits) >= 3 && len(d.protect) == 0 {
		return hits[0], true
	}
	return span{}, false
}
