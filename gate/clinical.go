package gate

// Clinical engagement: social media is not for therapy, diagnosis,
// medication advice, personal stories or booking. Pointing people to the
// official channels is fine, and so is inviting comments on ordinary things
// ("your favourite autumn walk").

// channelRe is social media as a way to reach the practice.
var channelRe = re(`\b(?:dms?|direct messages?|message (?:us|me|this page|the page|here)|(?:send|drop|leave) (?:us|me) (?:a |an )?(?:message|dm|pm|whatsapp|text|line|note|comment|voice note)|a message away|messenger|pm (?:us|me)|inbox|comments?|comment (?:below|here|with|your)|repl(?:y|ies|ying)|respond below|below|tag (?:us|someone|a friend)|drop (?:a|your|us)|slide into|tweet (?:us|me|at)|@ us|whatsapp|slack|live q ?& ?a|(?:facebook|instagram|insta|tiktok|youtube) live|q ?& ?a (?:on|in) (?:instagram|facebook|our stories|the comments)|ask (?:me|our (?:counsell?ors?|therapists?|team)|priya|marcus|aisha)\b|send in your questions|post (?:your|a) (?:question|story|experience)|(?:join|in) (?:our|the) (?:facebook|whatsapp|online) (?:group|chat)|chat privately|(?:on|via|through|over|in) (?:facebook|instagram|insta|twitter|x|linkedin|tiktok|social media|slack|this post|the thread|this thread|our stories)|this page is (?:here|open))\b`)

// channelNeed holds fragments of every channelRe phrase.
var channelNeed = needs("dm|message|messenger|pm |inbox|comment|repl|respond|below|tag |drop|slide|tweet|@ us|whatsapp|slack|q&a|q & a|ask |post |facebook|instagram|insta|twitter| x |linkedin|tiktok|youtube|social media|page|thread|stories|send|leave|chat")

// clinicalTopic is what must not be handled there.
var clinicalTopic = lex("symptom|symptoms|feeling|feel|felt|low|down|anxious|anxiety|depress*|diagnos*|medication|meds|therapy|counselling|counseling|counsellor|counselor|counsellors|counselors|therapist|therapists|appointment|appointments|book*|reschedul*|cancel*|move your session|move your appointment|session|sessions|diary|timeslot|timeslots|time slot|slot|slots|reference|story|stories|struggl*|worst|happened to you|on your mind|going through|cope|coping|advice|help you|talk through|talk you through|walk you through|work through|dark thoughts|problem|problems|issue|issues|mental health|panic*|trauma*|relationship|marriage|partner|teenager|child|grief|griev*|loss|situation|experience|experiences|worries|worry|what's wrong|private|personal|awake|sleep*|fear|fears|how you've been|describ*|assessment|need therapy|tell you|tips for you|personalised|plan for you|dealing with|drinking|eating|self-esteem|lonely|loneliness|anger|stress*|burnout|abuse|worrying|hard week|hard day|tough|preferred day|pencil you in|call you back|depressed|what's really going on|really going on|sleep diary|follow-up|never told|meds|safe space|talk|listen|questions|question|number|photo of your|crisis|unsafe|urgent|emergency|hopeless|suicid*|overdos*")

// officialRe names the approved channels; strongChannel names channels that
// are social media whatever else the sentence says.
var (
	officialRe    = lex("email|emails|e-mail|e-mails|call|phone|ring|website|contact form|online booking|book online|office")
	strongChannel = re(`\b(?:dms?|direct messages?|inbox|comments?|pm|messenger|whatsapp|tag us|slide into|tweet|reply to this|below)\b|\b(?:via|on|through|over) (?:facebook|instagram|twitter|linkedin|social media|our page|this page)\b`)
)

var tellChannel = tell{"This invites people to raise therapy, symptoms, personal stories or bookings through social media, which the policy forbids.",
	"Point people to the official channels instead (the practice's email, phone or website)."}

var medication = `(?:sertraline|fluoxetine|citalopram|escitalopram|paroxetine|venlafaxine|duloxetine|mirtazapine|bupropion|amitriptyline|diazepam|lorazepam|alprazolam|clonazepam|zopiclone|propranolol|quetiapine|olanzapine|aripiprazole|lithium|lamotrigine|methylphenidate|ritalin|adderall|xanax|valium|prozac|zoloft|lexapro|wellbutrin|melatonin|antidepressants?|ssris?|snris?|benzodiazepines?|benzos?|sleeping pills?|medications?|meds|tablets?|pills?|magnesium|ashwagandha|st john['’]s wort|5-htp|cbd|valerian|omega[- ]?3|vitamin [a-z]\d*|supplements?|iron|zinc|kava|lavender oil)`

// medLex is the word-level form of medication.
var medLex = lex("iu|double up|sertraline|fluoxetine|citalopram|escitalopram|paroxetine|venlafaxine|duloxetine|mirtazapine|bupropion|amitriptyline|diazepam|lorazepam|alprazolam|clonazepam|zopiclone|propranolol|quetiapine|olanzapine|aripiprazole|lithium|lamotrigine|methylphenidate|ritalin|adderall|xanax|valium|prozac|zoloft|lexapro|wellbutrin|melatonin|antidepressant*|ssri|ssris|snri|snris|benzodiazepine*|benzo|benzos|sleeping pill*|medication*|meds|tablet|tablets|pill|pills|magnesium|ashwagandha|wort|5-htp|cbd|valerian|omega*|vitamin|supplement*|iron|zinc|kava|lavender|hydroxyzine|mg|dose|dosage")

var clinicalPatterns = []pattern{
	{digits: true, need: needs("mg|mcg|ml"), re: re(`\b\d+ ?(?:mg|mcg|ml)\b`), section: sectionAdvice,
		tell: tell{"This gives a dose, which is medication or supplement advice that must never be given on social media.",
			"Remove the dose; tell people to speak to their GP, pharmacist or prescriber."}},
	{need: needs("sounds like|probably|likely|might|may|could|signs|you have|you are|tell you|let you know|diagnos|tick|recognise|recognize|relate to|quiz|narcissist|sociopath|psychopath|bipolar|borderline|toxic"),
		re:      re(`\b(?:sounds like|it['’]s (?:probably|likely)|you (?:probably|might|may|likely|could|definitely) (?:have|be suffering from|be|are)|signs (?:that )?you (?:have|are|might|may)|you (?:have|are suffering from))` + win("30") + `\b(?:clinical depression|depress\w*|anxiety|adhd|ocd|ptsd|bipolar|autis\w*|personality disorder|eating disorder|narcissis\w*|burnout|psychosis|panic disorder|it|this|a disorder|an? \w+ disorder)\b|\b(?:we|i)['’]?(?:ll| will)? (?:tell|let) you know if\b|\bdiagnos(?:e|ing) you\b|\bif you (?:tick|recognise|recognize|relate to|have|experience|answer yes to) (?:\w+ ){0,3}(?:or more|of these|of the)\b|\b(?:that|this|it|these)(?:['’]s| is| are| could be| might be| sounds like)(?: probably| likely| definitely| classic| clearly| a sign of| signs of| symptoms of| textbook)* (?:generali[sz]ed |clinical |social |high[- ]functioning )?(?:anxiety disorder|depression|adhd|ocd|ptsd|bipolar|burnout|an? (?:\w+ )?disorder|narcissism|autism)\b|\btake (?:our|this) (?:quiz|test)\b` + win("40") + `\b(?:find out|see) (?:if|whether)\b|\b(?:he|she|they|your (?:partner|boss|mum|dad|ex|husband|wife|boyfriend|girlfriend|friend))(?:['’]s| is| are|['’]re) (?:a |an |probably |definitely |clearly )?(?:narcissist|sociopath|psychopath|bipolar|borderline|autistic|depressed|abuser)\b`),
		section: sectionTherapy, keep: notNegated,
		tell: tell{"This offers a diagnosis over social media, which is clinical engagement the policy forbids.",
			"Remove the diagnosis; suggest speaking to a GP or booking an assessment through the official channels."}},
	{gates: []*lexicon{medLex},
		re:      re(`\b` + medication + `\b` + win("60") + `\b(?:take|taking|halve|halving|double|doubling|skip|skipping|stop|stopping|increase|increasing|decrease|decreasing|reduce|reducing|lower|raise|switch|split|crush|come off|coming off|wean|\d+ ?mg|dose|dosage|with food|before bed|in the morning|at night|three times|twice|once a day|a day|avoid|instead of|cut down|taper\w*|suddenly|by a quarter|by half|double up|stay on|better tolerated|works? well|for (?:your )?(?:mood|anxiety|sleep|depression|stress)|\d[\d,]* ?iu)\b|\b(?:take|taking|halve|double|double up|skip|stop|stopping|increase|decrease|reduce|switch|come off|coming off|wean off|try|up|swap|cut down|taper|stay on)\b` + win("30") + `\b(?:` + medication + `|your (?:medication|meds|tablets|pills|dose))\b`),
		section: sectionAdvice,
		tell: tell{"This is medication, supplement or dose advice, which must never be given on social media, even with \"ask your GP\".",
			"Remove the advice; tell people to speak to their GP, pharmacist or prescriber."}},
}

func (g *Gate) clinical(d *doc) []Finding {
	out := scan(d, RuleClinical, sectionTherapy, clinicalPatterns)
	if !d.has(channelNeed) {
		return out
	}
	for _, s := range d.all(channelRe) {
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
	if d.negated(s) || d.in(negation, sen) || weReply.MatchString(d.lower[max(0, s.start-12):s.start]) {
		return false
	}
	if d.in(officialRe, sen) && !strongChannel.MatchString(text) {
		return false
	}
	from := sen.start
	if from > 0 {
		from = d.sentence(from - 1).start
	}
	return d.in(clinicalTopic, span{from, sen.end}) && !d.in(ordinary, sen)
}

// weReply spots the practice describing its own replies ("we reply to
// emails within a day"), which invites nothing.
var weReply = re(`\b(?:we|we['’]ll|we will|we aim to|we try to|we can['’]t|we do not|we don['’]t|we hide|we remove|we delete|we moderate|we read)\s*$`)

// ordinary spots invitations to talk about everyday things.
var ordinary = lex("fees|sliding-scale|newsletter sign-up|favourite|favorite|team name|quiz|playlist|song|film|book club|biscuit|recipe|pet|photo of your|caption|guess|vote|poll|sign-up|sign up|ticket|tickets|raffle|bake sale|volunteer")
