package gate

import "strings"

// Crisis: a post about suicide, self-harm, overdose or crisis must carry one
// of the configured crisis directions, and no post may offer social media as
// a crisis channel.

var crisisTopic = lex(crisisPhrases())

// crisisWords are single words that always mean a crisis topic.
var crisisWords = lex("suicid*|selfharm*|self-harm*|self-injury|self-injure|self-injuring|overdose|overdoses|overdosed|overdosing|kms|kys|unalive|unaliving|unalived|paracetamol")

// crisisPhrases spells out the phrases of a crisis topic, in every form the
// lexicon needs (it matches whole words, a final "*" matching any ending).
func crisisPhrases() string {
	var ps []string
	add := func(p ...string) { ps = append(ps, p...) }
	pron := []string{"my", "your", "their", "his", "her"}
	self := []string{"myself", "yourself", "themselves", "himself", "herself"}
	for _, v := range []string{"kill", "killing", "hurt", "hurting", "harm", "harming", "cutting", "cut"} {
		for _, o := range self {
			add(v + " " + o)
		}
	}
	for _, v := range []string{"end", "ending", "ended", "take", "taking", "took", "takes", "taken"} {
		for _, p := range pron {
			add(v+" "+p+" life", v+" "+p+" own life", v+" "+p+" lives", v+" "+p+" own lives")
		}
	}
	for _, v := range []string{"want", "wanting", "wanted"} {
		add(v+" to die", v+" to disappear")
	}
	for _, n := range []string{"don't", "do not", "no longer", "not"} {
		for _, w := range []string{"want to be here", "want to be alive", "want to live", "want to wake up", "wanting to be here", "wanting to wake up", "wanting to live"} {
			add(n + " " + w)
		}
	}
	for _, c := range []string{"can't", "cannot", "can not"} {
		add(c+" go on", c+" keep going", c+" carry on", c+" take it", c+" take this", c+" take any more", c+" take anymore", c+" cope any more", c+" cope anymore", c+" see the point", c+" see any point")
	}
	add("dark thoughts", "dark place", "darkest place", "in crisis", "in a crisis", "mental health crisis", "emotional crisis",
		"personal crisis", "suicidal crisis", "crisis support", "crisis line", "crisis team", "crisis point", "crisis number",
		"crisis service", "crisis services", "crisis care", "in danger", "unsafe", "stay safe", "end it", "end it all",
		"end things", "ending it", "ending it all", "ending things", "feel like giving up", "feeling like giving up",
		"felt like giving up", "give up tonight", "giving up tonight", "give up on life", "giving up on life",
		"give up on everything", "giving up on yourself", "whether you can keep going", "if you can keep going",
		"whether you can go on", "if you can go on", "whether you can carry on", "better off without me",
		"better off without you", "better off without them", "better off without him", "better off without her",
		"no way out", "any way out", "see a way out", "no reason to live", "not worth living", "thoughts of dying",
		"thoughts of death", "thoughts of ending", "thoughts of suicide", "at risk of harm", "too many pills",
		"handful of pills", "handful of paracetamol", "handful of tablets", "thinking about jumping", "thinking of jumping",
		"is cutting", "are cutting", "been cutting", "friend cutting", "the pills won't", "what's the point",
		"whats the point", "won't make it to", "please stay", "just stay", "better with you in it", "mental health emergency",
		"only thing stopping you", "giving your things away", "giving away your things", "saying goodbyes", "goodbye letters",
		"goodbye letter", "on a bridge", "stockpiling", "feeling like a burden", "feel like a burden", "cope without you",
		"cope fine without you", "how you'd do it", "better off gone", "pills are in your hand",
		"whether to carry on", "no point carrying on", "no point in carrying on", "no point going on", "stepping off",
		"better without you", "lighter without you", "without you in it", "better off dead", "hold on until", "hold on till",
		"please hold on", "too heavy to carry", "point in waking up", "point in living", "point in going on",
		"breaking point", "rock bottom", "drowning", "scared of what you'll do", "afraid of what you'll do", "what you might do",
		"really not ok", "really not okay", "not safe", "crisis cover", "can't see a way forward", "no way forward",
		"can't see a way through", "can't go on", "want to be alive", "being here at all", "worth your life",
		"finds you in time", "find you in time", "goodbye note", "goodbye notes", "bathroom floor", "too close tonight",
		"not waking up", "not wake up", "if i was gone", "if i were gone", "if i wasn't here", "if i disappeared",
		"vanish for good", "disappear for good", "life lost", "lives lost", "couldn't see a way forward", "couldn't see a way out",
		"see no way forward", "tired of living", "tired of life", "no point anymore", "no point any more", "from a crisis",
		"into crisis", "urgent mental health", "things get really bad", "it gets really bad", "things get bad", "really bad in the night", "out-of-hours emergencies", "mental health emergencies", "the last night",
		"cutting again", "cut again", "started cutting", "want out", "make it stop", "make it all stop", "want it to stop",
		"want it all to stop", "wanting it all to stop", "stockpiled", "stockpile", "crisis call", "crisis calls",
		"not being around", "not be around", "not around much longer", "wasn't around", "weren't around", "wasn't here",
		"weren't here", "worth carrying on", "worth going on", "can't do this anymore", "can't do this any more",
		"reason to keep going", "reason to go on", "how many pills", "how many tablets", "pills in the cupboard",
		"pills lined up", "tablets lined up", "if you were gone", "if you weren't here", "if you weren't around",
		"won't wake up", "wouldn't wake up", "keep yourself safe", "keeping yourself safe", "if you disappeared",
		"if you vanished", "manage without you", "manage fine without you", "get too much", "gets too much", "becomes too much", "become too much", "close to giving up", "near to giving up", "on the verge of giving up", "ready to give up",
		"rather not be here", "rather not be alive", "too many tablets", "staying alive till", "staying alive until", "stay alive till", "stay alive until",
		"staying alive tonight", "really dark",
		"got really dark", "gets really dark", "so dark", "the point of anything", "point of it all", "from a bridge", "off a bridge", "how he'd do it", "how she'd do it", "how they'd do it", "stop existing", "cease to exist",
		"might be cutting", "may be cutting", "could be cutting", "without you around", "manage perfectly well without you",
		"in a real crisis", "in real crisis", "in a deep crisis", "too much tonight", "all too much tonight", "prefer not to exist", "life feels unbearable", "life is unbearable", "feels unbearable", "tomorrow wouldn't come", "tomorrow would not come", "wishing tomorrow", "darkest point", "lowest point", "don't act on it", "do not act on it", "have a plan to end", "made a plan to end", "barely hanging on", "hanging on by a thread", "barely holding on", "holding on by a thread", "self harm", "self harming", "didn't want to wake up", "did not want to wake up", "didn't want to be here", "did not want to be here", "didn't want to be alive", "soon it won't matter", "it won't matter soon", "won't matter soon", "won't matter anyway", "nothing will matter", "with you out of the picture", "with me out of the picture", "happier without you", "happier without me", "disappointed to wake up", "disappointed they woke up", "disappointed that they woke up", "disappointed you woke up", "disappointed that you woke up", "disappointed i woke up", "woke up at all", "wake up at all", "waking up at all", "rather not exist", "wish i didn't exist", "wish you didn't exist", "not exist any more", "not exist anymore")
	for _, v := range []string{"carrying on", "going on", "keeping going", "living"} {
		for _, f := range []string{"feels impossible", "seems impossible", "feels pointless", "seems pointless", "feels too hard"} {
			add(v + " " + f)
		}
	}
	return strings.Join(ps, "|")
}

// notCrisis lists everyday uses of "crisis".
var notCrisis = re(`\boverdos\w* on (?:\w+ ){0,2}(?:eggs|chocolate|cake|sugar|caffeine|coffee|tea|biscuits|mince pies|sweets|carbs|pizza|christmas|easter|netflix|tv)\b|\b(?:cost[- ]of[- ]living|climate|housing|energy|financial|midlife|mid-life|identity|economic|fuel|refugee|political|existential|quarter-life|quarter life) cris[ie]s\b|\b(?:session|sessions|review|appointments|counselling|therapy)\b[^.!?]*\bwhether to carry on\b`)

// noNeedToBe spots "you don't need to be at rock bottom to ...": the
// phrase names a threshold the post says nobody has to reach.
var noNeedToBe = re(`\b(?:don['’]t|do not|no|never|nobody|no one|no-one) (?:need|needs|have|has|need to wait|have to wait) (?:to )?(?:be |hit |reach |wait (?:until|till) you['’]re |wait (?:until|till) you )?(?:at |in |on )?(?:the )?$`)

// socialCrisis spots social media offered as a place to get help in a crisis.
var socialCrisis = lex("in the thread|in this thread|replying here|reply here|we'll stay with you|page messages|reply to this story|reply to this post|on this page|with me on this page|check on you|check on u|one of us will|inbox never closes|our inbox|message our page|in the chat|dm|dms|direct message|message us|message this page|message the page|message here|send us a dm|send us a message|drop us a dm|drop us a message|leave us a message|leave us a voicemail|leave us a voice mail|a message away|voicemail|inbox|comment|comments|reply|replies|tag us|reach out here|reach out to us here|post here|talk to us here|whatsapp|tweet us|chat privately|this page is here|this page is open|on insta|on instagram|on facebook|on twitter|our facebook page|our instagram|our page|through facebook|through instagram|via facebook|via instagram|underneath this post|under this post|below this post|every reply")

// seenThere spots a comment someone sees rather than one the post invites
// ("if you ever see a comment under our posts where someone seems to be in
// danger, call 999").
var seenThere = re(`\b(?:see|spot|notice|read|find)s? (?:a|any|the)\s*$`)

// onlyFor spots a channel limited to something else ("our DMs are for event
// questions only, never for crisis support").
var onlyFor = re(`^[^.!?]{0,20}\b(?:for|about) [\w ]{1,25}? only\b`)

// alwaysOpen spots a channel said never to close ("our inbox never closes"):
// a negation that offers the channel rather than withdrawing it.
var alwaysOpen = re(`\bnever (?:closes?|sleeps?|shuts?|switch(?:es)? off|goes offline|stops)\b`)

var crisisMoment = lex("crisis|urgent|emergency|dark thoughts|tonight|right now|any time|day or night|24/7|suicid*|self-harm*|self harm*|selfharm*|struggling|in danger|unsafe|overdos*|want to die|talk you through|reach out")

func (g *Gate) crisisRule(d *doc) []Finding {
	var topics []span
	var found []span
	for _, l := range []*lexicon{crisisWords, crisisTopic} {
		loc := d.match(l)
		if loc == nil {
			continue
		}
		// A euphemism in a myth the post corrects, or a threshold it says
		// nobody has to reach, is not the topic; "suicide" always is.
		before := d.lower[max(0, loc[0]-40):loc[0]]
		if l == crisisWords || !noNeedToBe.MatchString(before) && !correctedMyth(d, loc[0]) {
			found = append(found, span{loc[0], loc[1]})
		}
	}
	for _, s := range found {
		sen := d.sentence(s.start)
		if !notCrisis.MatchString(d.lower[sen.start:sen.end]) {
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
	for _, s := range d.every(socialCrisis) {
		sen, cl := d.sentence(s.start), d.clause(s.start)
		// "Please don't comment if you're in crisis", "ring 999 rather than
		// messaging us", "comments aren't monitored" withdraw the channel;
		// "if you can't see a way out, talk to us in the comments" and "our
		// inbox never closes" offer it. A channel phrase can run past its
		// clause and sentence ("over social!media"), hence the max.
		near := span{min(max(sen.start, s.start-40), cl.start), cl.start}
		after := span{s.end, max(s.end, cl.end)}
		negatedBefore := d.negated(s) && !otherNegation.MatchString(d.lower[sen.start:s.start])
		if d.in(negation, span{cl.start, s.start}) || d.in(nobody, span{cl.start, s.start}) || negatedBefore && !topicIn(topics, near) || seenThere.MatchString(d.lower[max(0, s.start-12):s.start]) ||
			onlyFor.MatchString(d.lower[s.end:max(s.end, sen.end)]) || emailInbox(d, s) ||
			d.in(negation, after) && !alwaysOpen.MatchString(d.lower[after.start:after.end]) {
			continue
		}
		// The offer may follow the crisis in the sentence before: as the
		// answer to a question ("Thinking of hurting yourself? Our DMs are
		// open 24/7.") or as a sentence that starts with the channel
		// ("...please don't sit alone with that. DM the page").
		prev := span{}
		if sen.start > 0 && (d.lower[sen.start-1] == '?' || strings.TrimSpace(d.lower[sen.start:s.start]) == "") {
			prev = d.sentence(sen.start - 1)
		}
		if d.in(crisisMoment, sen) || d.in(offerHelp, sen) || topicIn(topics, sen) || topicIn(topics, prev) {
			t := tell{"Social media must not be offered as a place to get help in a crisis.",
				"Remove the invitation to message or comment, and direct people to emergency services or a crisis line."}
			out = append(out, find(RuleCrisis, sectionCrisis, Block, d, s, t),
				find(RuleClinical, sectionMessages, Block, d, s, t))
		}
	}
	return out
}

// topicIn reports whether one of the crisis topics lies inside s.
func topicIn(topics []span, s span) bool {
	for _, t := range topics {
		if s.contains(t) {
			return true
		}
	}
	return false
}

var offerHelp = lex("we'll|we will|we can|we're here|someone will|a counsellor will|a counselor will|talk|listen|help|support")

// CrisisDirection reports whether text carries one of the configured
// crisis directions.
func (g *Gate) CrisisDirection(text string) bool {
	return g.hasDirection(&doc{lower: lowerASCII(text)})
}

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
