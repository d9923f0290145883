package gate

import "strings"

// Clinical engagement: social media is not for therapy, diagnosis,
// medication advice, personal stories or booking. Pointing people to the
// official channels is fine, and so is inviting comments on ordinary things
// ("your favourite autumn walk").

// channelRe is social media as a way to reach the practice.
var channelRe = lex(channelPhrases())

// channelPhrases spells out the ways a post can point to social media as a
// channel, in the forms the lexicon matches.
func channelPhrases() string {
	ps := []string{"in the chat", "message our page", "dm", "dms", "direct message", "direct messages", "a message away", "messenger", "inbox", "comment", "comments",
		"reply", "replies", "replying", "respond below", "below", "slide into", "@ us", "whatsapp", "slack",
		"send in your questions", "chat privately", "this page is here", "this page is open", "in stories", "in our stories",
		"this group", "our facebook group", "in the group", "directly on here", "message us on here", "message me on here", "chat on here", "weekly thread", "this thread", "vote below", "booking button", "text therapy",
		"tell us instead", "live q&a", "live q & a", "ask us anything"}
	for _, o := range []string{"us", "me", "this page", "the page", "here"} {
		ps = append(ps, "message "+o)
	}
	for _, v := range []string{"send", "drop", "leave"} {
		for _, o := range []string{"us", "me"} {
			for _, n := range []string{"message", "dm", "pm", "whatsapp", "text", "line", "note", "comment", "voice note"} {
				ps = append(ps, v+" "+o+" a "+n, v+" "+o+" an "+n, v+" "+o+" "+n)
			}
		}
	}
	for _, o := range []string{"us", "me"} {
		ps = append(ps, "pm "+o, "tweet "+o)
	}
	ps = append(ps, "tweet at", "tag us", "tag someone", "tag a friend", "drop a", "drop your", "drop us")
	for _, p := range []string{"facebook", "instagram", "insta", "tiktok", "youtube"} {
		ps = append(ps, p+" live")
	}
	for _, w := range []string{"instagram", "facebook", "our stories", "the comments"} {
		ps = append(ps, "q&a on "+w, "q&a in "+w)
	}
	for _, w := range []string{"me", "our counsellor", "our counsellors", "our counselor", "our counselors", "our therapist", "our therapists", "our team"} {
		ps = append(ps, "ask "+w, "message "+w)
	}
	for _, w := range []string{"question", "story", "experience"} {
		ps = append(ps, "post your "+w, "post a "+w)
	}
	for _, w := range []string{"facebook", "whatsapp", "online"} {
		ps = append(ps, "join our "+w+" group", "join the "+w+" group", "in our "+w+" group", "in the "+w+" group", "join our "+w+" chat")
	}
	for _, p := range []string{"on", "via", "through", "over", "in"} {
		for _, w := range []string{"facebook", "instagram", "insta", "twitter", "x", "linkedin", "tiktok", "social media", "slack", "this post", "the thread", "this thread", "our stories"} {
			ps = append(ps, p+" "+w)
		}
	}
	for _, w := range []string{"dilemmas", "questions", "problems", "stories", "story", "worries"} {
		ps = append(ps, "send us your "+w)
	}
	ps = append(ps, "share your story", "tell us your story", "send us your story", "underneath this", "underneath this post", "under this",
		"under this post", "beneath this post", "in the replies", "on air", "insta live", "ig live", "we'll message everyone", "we will message everyone",
		"we'll message you", "we will message you", "we'll dm you", "we will dm you")
	return strings.Join(ps, "|")
}

// clinicalTopic is what must not be handled there.
var clinicalTopic = lex("heaviest thing|on your plate|weighing on you|on your shoulders|spots left|spaces left|places left|claim one|claim a spot|claim your spot|claim a place|better day|another day|different day|different time|another time|better time|times you're free|days you're free|when you're free|can't make it|cant make it|can't make|running late|shuffle you|fit you in|fit you back in|mini-consultation*|get through|got through|been through|had to get through|save a place|save your place|reserve a place|reserve your place|secure a place|secure your place|book a place|book your place|intake|intake form*|gp summary|check-in|check-ins|video call|consultation*|really doing|how are you|never told|intrusive|what brought you|turning point|fought|argument*|attachment style|drama|your ex|ur ex|coping tip*|rebook*|new time|advise|beta blockers|blockers|dose|pills|tablets|ssris|antidepressants|dilemmas|self-harm*|suicidal|harming|symptom|symptoms|feeling|feel|felt|low|feeling down|feel down|anxious|anxiety|depress*|diagnos*|medication|meds|therapy|counselling|counseling|counsellor|counselor|counsellors|counselors|therapist|therapists|appointment|appointments|book*|reschedul*|cancel*|move your session|move your appointment|session|sessions|diary|timeslot|timeslots|time slot|slot|slots|reference|story|stories|struggl*|worst|happened to you|on your mind|going through|cope|coping|advice|help you|talk through|talk you through|walk you through|work through|dark thoughts|problem|problems|issue|issues|mental health|panic*|trauma*|relationship|marriage|partner|teenager|child|grief|griev*|loss|situation|experience|experiences|worries|worry|what's wrong|private|personal|awake|sleep*|fear|fears|how you've been|describ*|assessment|need therapy|tell you|tips for you|personalised|plan for you|dealing with|drinking|eating|self-esteem|lonely|loneliness|anger|stress*|burnout|abuse|worrying|hard week|hard day|tough|preferred day|pencil you in|call you back|depressed|what's really going on|really going on|sleep diary|follow-up|never told|meds|safe space|talk|listen|number|photo of your|crisis|unsafe|urgent|emergency|hopeless|suicid*|overdos*")

// officialRe names the approved channels; strongChannel names channels that
// are social media whatever else the sentence says.
var (
	officialRe    = lex("email|emails|e-mail|e-mails|call|phone|ring|website|contact form|online booking|book online|office")
	strongChannel = re(`\b(?:dms?|direct messages?|inbox|comments?|pm|messenger|whatsapp|tag us|slide into|tweet|reply to this|below)\b|\b(?:via|on|through|over) (?:facebook|instagram|twitter|linkedin|social media|our page|this page)\b`)
)

var tellChannel = tell{"This invites people to raise therapy, symptoms, personal stories or bookings through social media, which the policy forbids.",
	"Point people to the official channels instead (the practice's email, phone or website)."}

var medication = `(?:buspirone|pregabalin|gabapentin|trazodone|vortioxetine|agomelatine|nortriptyline|clomipramine|sertraline|fluoxetine|citalopram|escitalopram|paroxetine|venlafaxine|duloxetine|mirtazapine|bupropion|amitriptyline|diazepam|lorazepam|alprazolam|clonazepam|zopiclone|propranolol|quetiapine|olanzapine|aripiprazole|lithium|lamotrigine|methylphenidate|ritalin|adderall|xanax|valium|prozac|zoloft|lexapro|wellbutrin|melatonin|antidepressants?|ssris?|snris?|benzodiazepines?|benzos?|sleeping pills?|beta[- ]blockers?|medications?|meds|tablets?|pills?|magnesium|ashwagandha|st john['’]s wort|5-htp|cbd|valerian|omega[- ]?3|vitamin [a-z]\d*|supplements?|iron|zinc|kava|lavender oil)`

// medLex is the word-level form of medication.
var medLex = lex(medWords)

// medNeeds are medLex's words as needles, for patterns that run across
// sentences and so cannot be gated by it.
var medNeeds = needs(strings.ReplaceAll(medWords, "*", ""))

const medWords = "blocker|blockers|buspirone|pregabalin|gabapentin|trazodone|vortioxetine|agomelatine|nortriptyline|clomipramine|iu|double up|sertraline|fluoxetine|citalopram|escitalopram|paroxetine|venlafaxine|duloxetine|mirtazapine|bupropion|amitriptyline|diazepam|lorazepam|alprazolam|clonazepam|zopiclone|propranolol|quetiapine|olanzapine|aripiprazole|lithium|lamotrigine|methylphenidate|ritalin|adderall|xanax|valium|prozac|zoloft|lexapro|wellbutrin|melatonin|antidepressant*|ssri|ssris|snri|snris|benzodiazepine*|benzo|benzos|sleeping pill*|medication*|meds|tablet|tablets|pill|pills|magnesium|ashwagandha|wort|5-htp|cbd|valerian|omega*|vitamin|supplement*|iron|zinc|kava|lavender|hydroxyzine|mg|dose|dosage"

var tellSelfHarmAdvice = tell{"This gives advice on handling self-harm, which is clinical advice that belongs with a professional, not on social media.",
	"Remove the advice and direct people to their GP, NHS 111, Samaritans (116 123) or, in an emergency, 999."}

var tellDose = tell{"This gives a dose, which is medication or supplement advice that must never be given on social media.",
	"Remove the dose; tell people to speak to their GP, pharmacist or prescriber."}

var clinicalPatterns = []pattern{
	{need: needs("double up|friend's|friend’s|apart|we can tell|signs you|signs that you|got your answer|advice|messages|this page to|reply here|comment your"),
		re:   re(`\b(?:pills|meds|tablets|dose|doses)\b[^\n]{0,40}\bdouble up\b|\b(?:two|some|a few) of (?:your )?(?:friend|mate|partner|mum|dad)['’]s\b|\bfriend['’]s (?:pills|meds|tablets|medication|prescription)\b|\bspace them (?:at least )?(?:\d+|one|two|three|four) hours? apart\b|\bwe can tell from your (?:post|comment|message|photo|story)\b|\bsigns (?:that )?you['’]re (?:dealing with|suffering from|living with|struggling with)\b|\byou['’]ve got your answer\b|\b(?:a counsell?or|our counsell?ors?|our team|we|i) (?:will|['’]ll) (?:email|message|send|dm) you (?:back )?(?:written |personal |personalised |tailored )?(?:advice|a plan|tips)\b|\banswer (?:instagram|facebook|whatsapp|tiktok|linkedin) messages\b|\bmessage (?:this|the|our) page to (?:rearrange|book|cancel|reschedule|change|move)\b|\breply here\b|\bcomment your (?:number|symptoms|story|diagnosis|details)\b`),
		keep: func(d *doc, s span) bool { return notNegated(d, s) && !answeredNo(d, s) }, section: sectionTherapy,
		tell: tell{"This gives clinical or medication advice, a diagnosis, or handles therapy or booking through social media, which the policy forbids.",
			"Remove it; point people to their GP or pharmacist, and to the practice's phone or email for bookings."}},
	{need: needs("your|squeeze you in"),
		re:      re(`\b(?:we['’]ve|we have|i['’]ve|i have) (?:had to |just )?(?:moved|rescheduled|cancelled|canceled|booked|confirmed|changed) your (?:\w+ ){0,2}(?:session|appointment|slot)\b|\byour (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day )?(?:\d{1,2}(?:[:.]\d\d)? ?(?:am|pm)|session|appointment)(?: with \w+)? (?:is|has been) (?:confirmed|booked|moved|cancelled|canceled|rescheduled)\b|\byour counsell?or is running (?:\w+ ){0,3}late\b|\bsqueeze you in\b`),
		section: sectionTherapy, tell: tell{"This handles a client's booking on social media, which the policy forbids (and it identifies the client).",
			"Contact the client privately through the official channels."}},
	{need: needs("self-harm|self harm|selfharm"), also: needs("instead|try |snap|rubber band|ice cube|first-aid|first aid|stay calm|let them|keep the"),
		re: re(`\bself[- ]?harm\w*\b` + win("120") + `\b(?:instead|try|snap|rubber band|ice cubes?|first[- ]aid|stay calm|let them|keep the)\b`), cross: true,
		keep: func(d *doc, s span) bool {
			return notNegated(d, s) && !d.gate.hasDirection(d) && !d.in(officialHelp, span{0, len(d.lower)})
		},
		section: sectionAdvice, tell: tellSelfHarmAdvice},
	// Booking handled in public: "we've got you down for Thursday at 4",
	// "your 10am on Wednesday has moved to 11".
	{need: needs("shifted you|switched you|rebooked you|got you down|moved you|booked you|pencilled you|penciled you|rescheduled you|put you down|moved|confirmed|booked|changed|rescheduled|cancelled|canceled|move my|switch my"),
		re: re(`\b(?:we['’]ve|we have|i['’]ve|i have|we['’]ll|we will) (?:got you down|moved you|booked you|pencilled you|penciled you|rescheduled you|put you down|moved your|switched your)\b|\byour (?:[\w'’]+ )?(?:\d{1,2}(?:[:.]\d\d)? ?(?:am|pm|o['’]clock)|appointment|session|assessment|slot|booking)(?: (?:with|on|at|this|next) [\w ]{1,20}?)? (?:has|have|is|was)(?: now)?(?: been)? (?:moved|confirmed|booked|changed|rescheduled|cancelled|canceled|switched)\b|\bcan i (?:move|switch|change) my (?:\w+ )?(?:appointment|session|slot|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\b(?:\w+['’]s|has|have) (?:shifted|moved|switched|rebooked|booked|pencilled|penciled) you (?:in )?(?:to|for|on|at|from) (?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|next)`), section: sectionTherapy,
		tell: tell{"This handles a client's booking on social media, which the policy forbids (and it identifies the client).",
			"Contact the client privately through the official channels."}},
	{need: needs("appointment|session"),
		re: re(`\byour (?:[\w'’]+ )?(?:next |upcoming )?(?:appointment|session) (?:is|has been|will be) (?:now |moved |changed |booked )?(?:at|on|for|to|tomorrow|today|\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b`), section: sectionTherapy,
		tell: tell{"This handles a client's booking on social media, which the policy forbids (and it identifies the client).",
			"Contact the client privately through the official channels."}},
	{need: needs("milligram|microgram|millilitre|milliliter"),
		re: re(`\b(?:half a|a quarter of a|a|one|two|three|four|five|ten|twenty|\d+(?:\.\d+)?) (?:milligrams?|micrograms?|millilit(?:re|er)s?)\b`), section: sectionAdvice, tell: tellDose},
	// The medicine named earlier in the post and the advice given with a
	// pronoun: "Sertraline making everything feel beige? Plenty of folk feel
	// brighter once they halve it", "ask your GP about switching".
	{need: needs("halve|halving|double|doubling|taper|come off|coming off|wean|switching|switch to|switch over"), also: medNeeds,
		re:      re(`\b(?:halve|halving|double|doubling|taper|tapering|come off|coming off|wean(?:ing)? (?:yourself )?off) (?:it|them|the dose|your dose|the tablets|the pills)\b|\b(?:ask|talk to|speak to) (?:your|a|the) (?:gp|doctor|prescriber|psychiatrist) about (?:switching|swapping|coming off|stopping|changing)\b`),
		section: sectionAdvice, tell: tellMedication},
	// The advice may answer a question about a medicine: "Running low on
	// fluoxetine? Missing a couple of days won't matter."
	{need: needs("?"), also: medNeeds, cross: true,
		re:      re(`\b` + medication + `\b[^.!?\n]{0,40}\?\s+(?:missing|skipping|stopping|doubling|halving|skip|miss|stop|double|halve|cut|cutting|don['’]t worry)\b`),
		section: sectionAdvice, tell: tellMedication},
	{digits: true, need: needs("mg|mcg|ml|iu"),
		re: re(`\b\d[\d,]* ?(?:mg|mcg|ml|iu)\b`), section: sectionAdvice, tell: tellDose},
	{need: needs("almost certainly|they're|they’re|reads like|classic|textbook|you've got|you’ve got|sounds like|you probably|you might|you may|you likely|you could|you definitely|you have|you are|probably|likely|signs|tell you|let you know|diagnos|tick|recognise|recognize|relate to|quiz|narcissist|sociopath|psychopath|bipolar|borderline|toxic|that's|that’s|this is|it's|it’s|these are|could be|might be"),
		re: re(`\b(?:(?:sounds?|reads) (?:to (?:us|me) )?(?:a lot |very much |just |exactly |much more |more |rather |a bit )?like|it['’]s (?:probably|likely)|you (?:probably|might|may|likely|could|definitely) (?:have|be suffering from|be|are)|signs (?:that )?you (?:have|are|might|may)|you (?:have|are suffering from))` + win("30") + `\b(?:clinical depression|depress\w*|anxiety|agoraphobia|social anxiety|health anxiety|adhd|ocd|ptsd|bpd|gad|pmdd|bipolar|autis\w*|personality disorder|eating disorder|narcissis\w*|burnout|psychosis|panic disorder|it|this|a disorder|an? \w+ disorder|` + namedDisorder + `)\b|\b(?:we|i)['’]?(?:ll| will)? (?:tell|let) you know if\b|\bdiagnos(?:e|ing) you\b|\b(?:it['’]s|that['’]s|this is) (?:almost )?(?:certainly|definitely|probably|clearly) (?:adhd|autism|depression|anxiety|ocd|ptsd|bipolar|burnout|a disorder)\b|\b(?:classic|textbook) (?:burnout|depression|anxiety|adhd|ocd|ptsd|bipolar|narcissism|trauma)\b|\byou['’]ve got (?:it|depression|anxiety|adhd|ocd|ptsd|burnout)\b|\bif you (?:tick|recognise|recognize|relate to|have|experience|answer yes to) (?:\w+ ){0,3}(?:or more|of these|of the)\b|\b(?:that|this|it|these|those)(?:['’]s| is| are| could be| might be| sounds like)(?: probably| likely| definitely| classic| clearly| a sign of| signs of| symptoms of| textbook)* (?:generali[sz]ed |clinical |social |high[- ]functioning |teenage |postnatal |postpartum |childhood |adult |severe |seasonal )?(?:anxiety disorder|depression|adhd|ocd|ptsd|bipolar|burnout|an? (?:\w+ )?disorder|` + namedDisorder + `|narcissism|autism)\b|\btake (?:our|this) (?:quiz|test)\b` + win("40") + `\b(?:find out|see) (?:if|whether)\b|\b(?:they|he|she)(?:['’]ve| have| has) (?:probably|definitely|clearly|most likely) got (?:it|adhd|ocd|ptsd|autism|depression|bipolar|bpd|npd)\b|\byou['’]ve (?:most likely |probably |almost certainly |definitely |very likely |likely )got (?:adhd|autism|depression|anxiety|ocd|ptsd|bipolar|burnout|an? \w+ disorder)\b|\b(?:almost always |usually |always |clearly )(?:indicates?|means?|points? to|signals?) (?:an? )?(?:underlying )?(?:\w+ ){0,2}(?:disorder|adhd|autism|depression|psychosis|ptsd|ocd|bipolar)\b|\b(?:probably|most likely|almost certainly|definitely) (?:[\w-]+ ){0,2}(?:psychosis|adhd|autism|clinical depression|an anxiety disorder|ptsd|ocd|bipolar)\b|\b(?:you|they|we)['’]re (?:almost certainly|definitely|probably|clearly|most likely) (?:depressed|autistic|bipolar|burnt out|burned out|suffering from \w+)\b|\b(?:he|she)['’]s (?:almost certainly|definitely|probably|clearly|most likely) (?:depressed|autistic|bipolar|burnt out|burned out|suffering from \w+)\b|\bthat['’]s (?:a|an) (?:panic attack|anxiety attack|sign of (?:\w+ ){0,2}(?:disorder|adhd|autism|depression|anxiety|trauma))\b|\b(?:not naughty|not lazy|not rude)\W+(?:it['’]s )?(?:adhd|autism|anxiety|trauma)\b|\b(?:he|she|they|your (?:partner|boss|mum|dad|ex|husband|wife|boyfriend|girlfriend|friend))(?:['’]s| is| are|['’]re) (?:a |an |probably |definitely |clearly )?(?:narcissist|sociopath|psychopath|bipolar|borderline|autistic|depressed|abuser|codependent|co-dependent|avoidant|avoidantly attached|anxiously attached|insecurely attached)\b|\b(?:tick(?:ed|s)?|scored?|answered yes to|said yes to)\b (?:\w+ ){0,2}(?:or more|of these|of them)\b[^\n]{0,40}?\b(?:means?|then (?:you|that['’]s|it['’]s|you['’]re))\b`),
		keep: func(d *doc, s span) bool {
			return !cantTell.MatchString(d.lower[max(0, s.start-50):s.start]) && !askedWhether.MatchString(d.lower[s.start:s.end])
		}, section: sectionTherapy,
		tell: tell{"This offers a diagnosis over social media, which is clinical engagement the policy forbids.",
			"Remove the diagnosis; suggest speaking to a GP or booking an assessment through the official channels."}},
	{gates: []*lexicon{medLex},
		re: re(`\b` + medication + `\b` + win("60") + `\b(?:ask for|go easy|booze|alcohol|drink|drinking|grapefruit|with breakfast|with food|leave|leaving|miss|missing|mix|mixing|take|taking|halve|halving|double|doubling|skip|skipping|stop|stopping|increase|increasing|decrease|decreasing|reduce|reducing|lower|raise|switch|split|crush|come off|coming off|wean|\d+ ?mg|dose|dosage|with food|before bed|in the morning|at night|three times|twice|once a day|a day|avoid|instead of|cut down|taper\w*|suddenly|by a quarter|by half|cut by|cut it by|double up|stay on|better tolerated|works? well|for (?:your )?(?:mood|anxiety|sleep|depression|stress)|\d[\d,]* ?iu|friend['’]s|someone else['’]s|of your friend['’]s)\b|\b(?:take|taking|halve|double|double up|skip|skipping|stop|stopping|increase|decrease|reduce|switch|come off|coming off|wean off|weaning off|weaning yourself off|try|tried|trying|ask for|up|upping|raising|lowering|increasing|swap|cut down|taper|stay on|leave|leaving|missing|miss)\b` + win("30") + `\b(?:` + medication + `|(?:your|the) (?:medication|meds|tablets|pills|dose))\b`),
		keep: func(d *doc, s span) bool {
			return !officialAdvice.MatchString(d.lower[d.sentence(s.start).start:s.start]) && !rightPerson.MatchString(d.lower)
		},
		section: sectionAdvice,
		tell:    tellMedication},
	// A verdict on a medicine, or a dose suggested: "diazepam is fine for a
	// couple of weeks", "ask your GP for some", "we suggest 1 or 2".
	{gates: []*lexicon{medLex},
		re:      re(`\b` + medication + ` (?:is|are|works?|can be|will be) (?:(?:totally|perfectly|completely|really|usually|generally|honestly|so) )?(?:fine|safe|great|brilliant|amazing|perfect|good|ok|okay|harmless|the best|a lifesaver|a game[- ]changer|magic)\b|\bask (?:your|a|the) (?:gp|doctor|pharmacist|psychiatrist) for (?:some|it|them|a prescription|a script)\b|\bwe (?:usually |often |always |would )?(?:suggest|recommend|advise) (?:taking )?(?:\d|one or two|one|two|half)\b|\bside[- ]effects? (?:usually |normally |often |tend to |will |should |generally )*(?:settle|pass|wear off|go away|ease|calm down|disappear|fade)\b`),
		section: sectionAdvice, tell: tellMedication},
}

// rightPerson spots a post that sends medicine questions to a prescriber
// ("your GP is the right person to plan that with, not us").
var rightPerson = re(`\b(?:your|a|the) (?:gp|doctor|prescriber|pharmacist|psychiatrist)\b[^.!?]{0,40}\b(?:is|are) the (?:right|best) (?:person|people|place)\b`)

// officialAdvice spots public health advice reported as such ("the NHS
// advises everyone to consider taking vitamin D"), which is not the
// practice advising someone on a medicine.
var officialAdvice = re(`\b(?:the nhs|nhs|nice|the who|public health england|the government|the department of health) (?:advises|recommends|suggests|says|guidance)\b`)

var tellMedication = tell{"This is medication, supplement or dose advice, which must never be given on social media, even with \"ask your GP\".",
	"Remove the advice; tell people to speak to their GP, pharmacist or prescriber."}

func (g *Gate) clinical(d *doc) []Finding {
	out := scan(d, RuleClinical, sectionTherapy, clinicalPatterns)
	channels := d.every(channelRe)
	for _, e := range []string{"👇", "⬇️", "@ us"} { // "@ us" has no word the lexicon sees
		if i := strings.Index(d.lower, e); i >= 0 {
			channels = append(channels, span{i, i + len(e)})
		}
	}
	for _, s := range channels {
		if pointsDown.MatchString(d.lower[max(0, s.start-24):s.start]) {
			continue // "link below": where to read more, not where to talk
		}
		if invitation(d, s) {
			out = append(out, find(RuleClinical, sectionMessages, Block, d, s, tellChannel))
		}
	}
	return out
}

// invitation reports whether the channel at s invites people to raise a
// clinical topic there: the topic is in the same or the previous sentence,
// and the sentence neither says not to nor points only to official channels.
func invitation(d *doc, s span) bool {
	sen := d.sentence(s.start)
	text := d.lower[sen.start:sen.end]
	cl := d.clause(s.start)
	// A negation further back may belong to something else: "no worries,
	// reply here", "if your mum won't let you come, DM us".
	negatedBefore := d.negated(s) && !otherNegation.MatchString(d.lower[sen.start:s.start])
	withdrawn := negatedBefore || d.in(negation, span{cl.start, s.start}) || d.in(nobody, span{cl.start, s.start}) ||
		d.in(negation, span{s.end, untilConjunction(d, s.end, max(s.end, cl.end))})
	next := nextSentence(d, sen)
	limited := d.in(neverShare, sen) || d.in(neverShare, next)
	ours := emailInbox(d, s) || weReply.MatchString(d.lower[max(0, s.start-32):s.start])
	if withdrawn || limited || ours || shortQuote(d, s) {
		return false
	}
	// An official channel named only to be skipped ("skip the phone queue,
	// just DM us") does not make the sentence a pointer to it.
	official := d.in(officialRe, sen) && !bypassed.MatchString(text)
	if official && !strongChannel.MatchString(text) {
		return false
	}
	if (d.in(ordinary, sen) || d.in(everyday, sen)) && !d.in(clinicalTopic, cl) || answeredNo(d, s) || cannotHere.MatchString(d.lower[sen.start:s.start]) {
		return false
	}
	// The sentence after may say the channel cannot be used for that
	// ("She can't respond to anyone's personal experiences").
	closedAfter := func() bool { return cannotHere.MatchString(d.lower[next.start:next.end]) }
	if d.in(clinicalTopic, cl) || !official && d.in(clinicalTopic, sen) {
		return !closedAfter()
	}
	if official {
		return false
	}
	for n, from := 0, sen.start; n < 2 && from > 0; n++ {
		prev := d.sentence(from - 1)
		if d.in(clinicalTopic, prev) {
			return !closedAfter()
		}
		from = prev.start
	}
	return false
}

// otherNegation spots a negation that does not withdraw the channel after
// it: a reassurance ("no worries", "you're not alone") or a negation inside
// an earlier "if" clause ("if your mum won't let you see a counsellor, DM
// us").
var otherNegation = re(`\b(?:no worries|no problem|no stress|no pressure|no rush|not a problem|not alone|not on your own|no judgement|no judgment)\b|\bif\b[^,;:]*\b(?:not|no|never|\w+n['’]t)\b[^,;:]*[,;:]`)

// bypassed spots an official channel named to be skipped ("skip the phone
// queue", "quicker than ringing", "don't bother emailing").
var bypassed = re(`\b(?:skip|skipping|bypass|avoid|instead of|rather than|quicker than|faster than|easier than|forget|don['’]t bother|no need to)\b(?: the| a| an)? (?:phone|phoning|email|emailing|call|calling|ring|ringing|office|reception|website|contact form)`)

// shortQuote reports whether s lies in a quotation of a few words ("a fake
// account offering ‘therapy by DM’"): words reported, not an offer.
func shortQuote(d *doc, s span) bool {
	for _, q := range d.quotes {
		if q.contains(s) && len(wordsIn(d.lower[q.start:q.end])) <= 5 {
			return true
		}
	}
	return false
}

// pointsDown spots "below" or an arrow that points to a link or details.
var pointsDown = re(`\b(?:linked|attached|page|article|guide|website|site|video|leaflet|resources?|links?|doi|details|info|information|sources?|references?|fact sheet|listed|explained|more|form|poster|flyer|thread)\W{0,4}$`)

// officialHelp names professional help a post may point people to.
var officialHelp = lex("gp|doctor|nhs 111|111|pharmacist|your school nurse|a professional|a counsellor|a therapist|samaritans|shout")

// cannotHere spots the practice saying what it cannot do on social media
// ("Things I can't do on Instagram: ... reply to personal stories").
var cannotHere = re(`\b(?:i|we|she|he|they|[a-z]+) (?:can['’]t|cannot|can not|don['’]t|do not|am not able to|are not able to|is not able to|isn['’]t able to|['’]re not able to|['’]m not able to|won['’]t) (?:do|act|help|reply|respond|answer|give|book|discuss|take|sort|handle|go into|deal with|manage|advise|offer|provide)\b|\bthings (?:i|we) can['’]t\b`)

// neverShare spots a promise not to share things on social media.
var neverShare = lex("are public|is public|details out of them|out of them|out of the comment section|out of the comment box|off the comments|off the comment section|personal details out|career questions only|questions only|skip the dms|skip the comments|skip the inbox|training only|event stuff only|events only|careers only|only please|only, please|keep an eye on|out of our comments|out of the comments|out of our inbox|out of our dms|out of the dms|comments are off|comments off|comments are closed|comments closed|leave out anything personal|anything personal out|general questions only|for general questions|not for personal|nothing personal|never share|won't share|will not share|don't share|do not share|never post|won't post|never discuss|won't discuss")

// weReply spots the practice describing its own replies ("we reply to
// emails within a day"), which invites nothing.
var weReply = re(`\b(?:we|we['’]ll|we will|we aim to|we try to|we can['’]t|we do not|we don['’]t|we hide|we remove|we delete|we moderate|we read)\s*$|\b(?:taken down|removed|deleted|hidden|hid)(?: a| the| one| your| some| that)?(?: comments?| posts?| replies| reply)?(?: (?:on|under|from))?\s*$`)

// ordinary spots invitations to talk about everyday things.
var ordinary = lex("pics|pictures|snaps|selfies|costume|costumes|pumpkin|pumpkins|wi-fi|wifi|podcasts|podcast|picks|blog|topics|fav|faves|snack|snacks|fellow|cpd|colleagues|team whatsapp|team chat|your ideas|ideas|your tips|suggestions|recommendations|fees|sliding-scale|newsletter sign-up|favourite|favorite|team name|quiz|playlist|song|film|book club|biscuit|recipe|pet|caption|guess|vote|poll|sign-up|sign up|ticket|tickets|raffle|bake sale|volunteer")

// namedDisorder is a disorder named without an article ("seasonal affective
// disorder", "anxious attachment disorder"), as a diagnosis names it.
var namedDisorder = `(?:(?:seasonal|affective|social|generali[sz]ed|anxious|avoidant|obsessive|compulsive|attachment|panic|eating|binge|mood|personality|bipolar|post-traumatic|stress|sleep|adjustment|conduct|oppositional|defiant|body|dysmorphic|borderline|narcissistic|dissociative|hoarding|anxiety|depressive|major|persistent|attention|deficit|hyperactivity|sensory|processing|emotional|dependent|histrionic) ){1,3}(?:disorder|syndrome)`

// untilConjunction returns where the part of a clause that starts at i
// ends: at "so", "because" or another conjunction that starts a new thought
// ("share in the comments so others know they are not alone"), or at end.
func untilConjunction(d *doc, i, end int) int {
	if m := conjunction.FindStringIndex(d.lower[i:end]); m != nil {
		return i + m[0]
	}
	return end
}

var conjunction = re(`\b(?:so|because|since|if|but)\b`)

// askedWhether spots "you have asked whether we diagnose ADHD": a question
// about the service, not a diagnosis.
var askedWhether = re(`^you (?:have|['’]ve) (?:asked|been asking|told us|said|wondered)`)

// cantTell spots a diagnosis the post says cannot be made here ("we can't
// tell whether your ex is a narcissist from a screenshot").
var cantTell = re(`\b(?:can['’]t|cannot|can not|nobody can|no one can|won['’]t|will not|don['’]t|do not) (?:tell|say|diagnose|know)\b[^.!?]*$`)

// nobody withdraws a channel ("Nobody reads our inbox overnight").
var nobody = lex("nobody|no one|no-one")

// emailInbox reports whether the channel at s is the practice's email
// ("Inbox: hello@connections.example", "email hello@... Inbox monitored
// weekdays"), not social media.
func emailInbox(d *doc, s span) bool {
	after := d.lower[s.end:min(len(d.lower), s.end+40)]
	if strings.Contains(after, "@") && emailAddress.MatchString(after) {
		return true
	}
	return strings.HasPrefix(d.lower[s.start:], "inbox") && emailAddress.MatchString(d.lower[max(0, s.start-60):s.start])
}

var emailAddress = re(`[\w.+-]+@[\w-]+\.[\w.]+`)

// nextSentence returns the sentence after s, or an empty span at the end.
func nextSentence(d *doc, s span) span {
	if s.end+1 >= len(d.lower) {
		return span{len(d.lower), len(d.lower)}
	}
	return d.sentence(s.end + 1)
}
