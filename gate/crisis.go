package gate

import "strings"

// Crisis: a post about suicide, self-harm, overdose or crisis must carry one
// of the configured crisis directions, and no post may offer social media as
// a crisis channel.

var crisisTopic = re(`\b(?:suicid\w*|self[- ]?harm\w*|self[- ]?injur\w*|overdos\w*|kill(?:ing)? (?:myself|yourself|themselves|himself|herself)|end(?:ing|ed)? (?:my|your|their|his|her) (?:own )?li(?:fe|ves)|(?:take|taking|took|takes) (?:my|your|their|his|her) (?:own )?li(?:fe|ves)|(?:want|wanting|wanted) to (?:die|disappear)|(?:don['’]?t|do not|no longer|not) want(?:ing)? to (?:be here|be alive|live|wake up)|dark thoughts|dark place|darkest place|cutting (?:myself|yourself)|(?:in|in a|mental health|emotional|personal|suicidal) crisis|crisis (?:support|line|team|point|number|service|services|care)|in danger|unsafe|stay safe|hurt(?:ing)? (?:yourself|myself|themselves)|harm(?:ing)? (?:yourself|myself|themselves)|end (?:it|it all|things)|ending (?:it|it all|things)|(?:feel|feeling|felt) like giving up|giv(?:e|ing) up (?:tonight|on life|on everything|on yourself)|(?:can['’]?t|cannot|can not) (?:go on|keep going|carry on|take (?:it|this|any ?more)|cope any ?more)|(?:whether|if) you can (?:keep going|go on|carry on)|better off without (?:me|you|them|him|her)|(?:no|any|a|see a) way out|no reason to live|not worth living|thoughts of (?:dying|death|ending)|at risk of harm|too many pills|what['’]?s the point(?: of (?:anything|it all|living|going on))?|won['’]?t make it to|(?:please|just) stay\b|better with you in it|mental health emergency)\b`)

// crisisNeed holds fragments of every crisisTopic phrase, to skip the
// regexp on posts that cannot match.
var crisisNeed = needs("suicid|harm|injur|overdos|kill|life|lives|die|disappear|want to|wanting to|dark|cutting|cris|danger|unsafe|safe|hurt|end it|ending it|end things|ending things|giv|go on|going|carry on|take it|take this|any more|anymore|better off|way out|reason to live|worth living|thoughts of|pills|point|make it to|stay|with you in it|emergency")

// notCrisis lists everyday uses of "crisis".
var notCrisis = re(`\b(?:cost[- ]of[- ]living|climate|housing|energy|financial|midlife|mid-life|identity|economic|fuel|refugee|political|existential|quarter-life|quarter life) cris[ie]s\b`)

// socialCrisis spots social media offered as a place to get help in a crisis.
var socialCrisis = re(`\b(?:dms?|direct message|message (?:us|this page|the page|here)|(?:send|drop|leave) us a (?:dm|message|voice ?mail|note)|a message away|voice ?mail|inbox|comment|comments|reply|replies|tag us|reach out (?:to us )?here|post here|talk to us here|whatsapp|tweet us|chat privately|this page is (?:here|open)|on (?:insta|instagram|facebook|twitter))\b`)

var crisisMoment = lex("crisis|urgent|emergency|dark thoughts|tonight|right now|any time|day or night|24/7|suicid*|self-harm*|self harm*|selfharm*|struggling|in danger|unsafe|overdos*|want to die|talk you through|reach out")

func (g *Gate) crisisRule(d *doc) []Finding {
	var topics []span
	if !d.has(crisisNeed) {
		return nil
	}
	for _, s := range d.all(crisisTopic) {
		sen := d.sentence(s.start)
		if !notCrisis.MatchString(d.lower[max(sen.start, s.start-20):s.end]) {
			topics = append(topics, s)
		}
	}
	if len(topics) == 0 {
		return nil
	}
	var out []Finding
	if !g.hasDirection(d) {
		out = append(out, find(RuleCrisis, sectionCrisis, Block, d, topics[0], tell{
			"This mentions suicide, self-harm or crisis but does not tell people where to get urgent help.",
			"Add a crisis direction such as \"" + g.directionExample() + "\"."}))
	}
	for _, s := range d.all(socialCrisis) {
		sen := d.sentence(s.start)
		if d.negated(s) || d.in(negation, sen) {
			continue
		}
		if d.in(crisisMoment, sen) || d.in(offerHelp, sen) {
			t := tell{"Social media must not be offered as a place to get help in a crisis.",
				"Remove the invitation to message or comment, and direct people to emergency services or a crisis line."}
			out = append(out, find(RuleCrisis, sectionCrisis, Block, d, s, t),
				find(RuleClinical, sectionMessages, Block, d, s, t))
		}
	}
	return out
}

var offerHelp = lex("we'll|we will|we can|we're here|someone will|a counsellor will|a counselor will|talk|listen|help|support")

// hasDirection reports whether d carries one of the configured crisis
// directions. Numbers must stand alone ("999", not "19990").
func (g *Gate) hasDirection(d *doc) bool {
	for _, c := range g.crisis {
		for i := 0; ; {
			j := strings.Index(d.lower[i:], c)
			if j < 0 {
				break
			}
			a, b := i+j, i+j+len(c)
			if !digitAt(d.lower, a-1) && !digitAt(d.lower, b) {
				return true
			}
			i = b
		}
	}
	return false
}

func digitAt(s string, i int) bool { return i >= 0 && i < len(s) && '0' <= s[i] && s[i] <= '9' }

func (g *Gate) directionExample() string {
	if len(g.crisis) == 0 {
		return "call emergency services"
	}
	return "in an emergency, call " + strings.Join(g.crisis, " or ")
}
