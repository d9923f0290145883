package gate

import (
	"regexp"
	"slices"
	"strings"
)

// Client privacy: nothing that could identify a client, and no story about a
// particular client or session. The practice's own staff and contacts (from
// the config) are not client data.

var (
	tellContact = tell{"Contact details of a person identify them; only the practice's official contacts may appear.",
		"Remove the personal contact details, or use the practice's official email or phone number."}
	tellNumber = tell{"A card, account, record or ID number identifies a person and must never be posted.",
		"Remove the number."}
	tellAge = tell{"A person's age, together with other details, can identify a client.",
		"Remove the age, or talk about the theme in general terms (\"many adults find ...\")."}
	tellPlace = tell{"A street address or postcode that is not the practice's own can identify a person.",
		"Remove the address; only the practice's official address may appear."}
	tellStory = tell{"This tells of a particular client or session, which breaks client confidentiality even without a name.",
		"Do not describe individual clients or sessions; share an anonymised theme in general terms instead (\"many people find ...\")."}
	tellWork = tell{"Naming where someone works or studies can identify them.",
		"Remove the workplace and any other detail that singles the person out."}
)

// identifierPatterns find contact details and ID numbers; they run on the
// original text, as case matters for some.
var identifierPatterns = []pattern{
	{need: needs("@"), orig: true, re: regexp.MustCompile(`[\pL\d._%+-]+@[\pL\d-]+(?:\.[\pL\d-]+)+`), tell: tellContact},
	{need: needs("@"), orig: true, re: regexp.MustCompile(`(?:^|[^\pL\d_@.])(@[A-Za-z0-9_.]{2,30}[A-Za-z0-9_])`), tell: tellContact},
	{digits: true, need: needs("-"), orig: true, re: regexp.MustCompile(`\b\d{3}-\d{2}-\d{4}\b`), tell: tellNumber},
	{digits: true, orig: true, when: capDigit, re: regexp.MustCompile(`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b`), tell: tellNumber},
	{digits: true, orig: true, when: dottedNumber, re: regexp.MustCompile(`\b(?:\d{1,3}\.){3}\d{1,3}\b|\b[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){7}\b`), tell: tellNumber},
	{digits: true, orig: true, when: capDigit, re: regexp.MustCompile(`\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b`), tell: tellPlace},
	{digits: true, need: needs("zip|post"), orig: true, re: regexp.MustCompile(`(?i)\b(?:zip|postcode|post code|postal code)(?: code)?(?: is| was)?\b:? ?[A-Z]{0,2}\d[A-Z\d]{1,4}(?: ?[A-Z\d]{2,4})?\b`), tell: tellPlace},
	{digits: true, need: needs("case|client|patient|file|record"), re: re(`\b(?:case|client|patient|file|record)\s*(?:ref|reference|no\.?|number|id|#)\s*:?\s*[a-z]{0,4}-?\d{2,}`), tell: tellNumber},
	{need: needs("ward|hospital"), re: re(`\bon [a-z]+ ward\b|\bward \d+\b|\b(?:in|at) (?:hospital|st [a-z]+['’]s)\b`), tell: tellPlace},
	{digits: true, need: needs("account|acct|card|cc|record|patient|case|nhs|ssn|social security|licen|passport|policy|member|id|ref"), re: re(`\b(?:account|acct|card|cc|record|patient|case|nhs|ssn|social security|licen[cs]e|passport|policy|member(?:ship)?|id|reference|ref|invoice)\b(?: (?:number|no\.?|id|#))?:? ?#? ?\d[\d -]{2,}\d\b`), tell: tellNumber},
}

// capDigit reports whether a capital letter is followed by a digit, as in
// postcodes, IBANs and number plates.
func capDigit(d *doc) bool {
	for i := 0; i+1 < len(d.text); i++ {
		if 'A' <= d.text[i] && d.text[i] <= 'Z' && '0' <= d.text[i+1] && d.text[i+1] <= '9' {
			return true
		}
	}
	return false
}

// dottedNumber reports whether digits are joined by "." or ":" three times,
// as in IP addresses.
func dottedNumber(d *doc) bool {
	n := 0
	for i := 1; i+1 < len(d.text); i++ {
		if c := d.text[i]; (c == '.' || c == ':') && digitAt(d.text, i-1) && (digitAt(d.text, i+1) || c == ':') {
			n++
		}
	}
	return n >= 3
}

// phoneLike finds runs of digits with separators; phone reports whether one
// is a personal number.
var phoneLike = regexp.MustCompile(`(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d+(?:[ .-]\d+){0,5}`)

// Numbers that belong to organisations, not individuals: UK freephone and
// non-geographic, NHS 111, Samaritans-style 116 xxx, US toll-free and 988.
var orgNumber = regexp.MustCompile(`^(?:0800|0808|0300|0330|0333|0345|0370|111|116|1800|800|888|877|866|855|844|833|988|999|911|112)`)

var agePatterns = []pattern{
	{digits: true, need: needs("year|yr|y/o|yo"), re: re(`\b\d{1,3}[- ]?(?:years?|yrs?|y/o|yo)[- ]?old\b|\b\d{1,3}(?:-year-old|yo)\b`)},
	{digits: true, need: needs("age"), re: re(`\baged? \d{1,3}\b(?:[ -]*(?:to|-|–|\+|and (?:over|under|above|up|older)|or (?:over|under|older|above)|upwards|plus))?`)},
	{digits: true, need: needs("turn"), re: re(`\b(?:he|she|i|my \w+|his \w+|her \w+|their \w+|[a-z]+ who)(?: just| has just| recently)? turn(?:ed|s|ing)? \d{1,3}\b`)},
	{digits: true, need: needs("man of|lad of|lass of|girl of|boy of|person of|lady of|mum of|dad of|grandad of|grandma of"), re: re(`\b(?:man|woman|lad|lass|girl|boy|person|gentleman|lady|mum|dad|grandad|grandma) of \d{1,3}\b`)},
	{need: needs("in my |in his |in her "), re: re(`\bin (?:my|his|her) (?:early |mid |mid-|late )?(?:teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|\d0s)\b`)},
	{digits: true, need: needs("i'm|i’m|i am|he's|he’s|she's|she’s|he is|she is|they're|they’re"), re: re(`\b(?:i['’]m|i am|he['’]s|she['’]s|he is|she is|they['’]re) (?:a |an )?\d{1,3}\b(?: (?:and|now|this|today|years?)\b|[.,!])`)},
	{digits: true, need: needs(", "), when: digitComma, re: re(`\b(?:a|an|the|our) [a-z]+, \d{1,2},|\b(?:client|patient|man|woman|mum|dad|mother|father|teen|teenager|boy|girl|lad|student|parent),? (?:aged? )?\d{1,2},`)},
	{need: needs("-year-old|year old|-yr-old"), re: re(`\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:year|yr)[- ]old\b`)},
	{digits: true, need: needs("birthday"), re: re(`\b(?:his|her|my|their) \d{1,3}(?:st|nd|rd|th) birthday\b|\bhappy \d{1,3}(?:st|nd|rd|th) birthday\b(?:,? (?:to )?(?:connections|us|our|the practice|the team))?`)},
}

// person is a singular noun for someone a practice might see.
var person = `(?:owner|shop owner|landlord|landlady|barber|florist|farmer|postwoman|postman|cleaner|mechanic|plumber|electrician|hairdresser|shopkeeper|accountant|solicitor|vet|dentist|pharmacist|midwife|carpenter|baker|butcher|waiter|waitress|barista|bartender|cashier|care worker|social worker|youth worker|single mum|single dad|grandad|grandma|nan|young person|young man|young woman|young mum|young dad|lady|bloke|guy|footballer|runner|musician|artist|writer|mum of|dad of|mother of|father of|husband|wife|widow|retiree|pensioner|apprentice|graduate|undergraduate|schoolboy|schoolgirl|toddler|baby|newlywed|newlyweds|client|patient|service user|counsellee|man|woman|lad|lady|gentleman|boy|girl|teen|teenager|student|pupil|nurse|teacher|doctor|firefighter|police officer|officer|soldier|veteran|builder|driver|paramedic|carer|chef|engineer|lawyer|manager|pensioner|widow|widower|mum|mother|dad|father|parent|grandmother|grandfather|grandparent|couple|family|someone|child|son|daughter)`

// personLex and narrativeLex are the word-level forms of person and narrative.
var (
	personLex    = lex("farmer|postwoman|postman|cleaner|mechanic|plumber|electrician|hairdresser|shopkeeper|accountant|solicitor|vet|dentist|pharmacist|midwife|carpenter|baker|butcher|waiter|waitress|barista|bartender|cashier|care worker|social worker|youth worker|single mum|single dad|grandad|grandma|nan|young person|young man|young woman|young mum|young dad|lady|bloke|guy|footballer|runner|musician|artist|writer|mum of|dad of|mother of|father of|husband|wife|widow|retiree|pensioner|apprentice|graduate|undergraduate|schoolboy|schoolgirl|toddler|baby|newlywed|newlyweds|client|patient|service user|counsellee|man|woman|lad|lady|gentleman|boy|girl|teen|teenager|student|pupil|nurse|teacher|doctor|firefighter|police officer|officer|soldier|veteran|builder|driver|paramedic|carer|chef|engineer|lawyer|manager|pensioner|widow|widower|mum|mother|dad|father|parent|grandmother|grandfather|grandparent|couple|family|someone|child|son|daughter")
	narrativeLex = lex("told|said|says|asked|described|shared|came|started|finished|completed|was|had|wrote|sent|mentioned|explained|cried|realised|realized|reached|left|opened up|confided|brought|admitted|talked|spoke|called|messaged|emailed|felt|got|made|took|sat|walked|arrived|laughed|smiled|returned|booked|turned up|showed|handed|gave|whispered|broke down|used to|went back|got engaged|got married|passed|graduated|moved|drove|ran|celebrated|texted|phoned|rang|posted|reported|stopped|relapsed|tried|won|lost|cancelled|missed|hugged|drew|painted|hid|hasn't|hadn't|has been|had been")
)

// narrative is a past-tense verb of a story about what someone did or said.
var narrative = `(?:told|said|says|asked|described|shared|came|started|finished|completed|was|had|wrote|sent|mentioned|explained|cried|realised|realized|reached|left|opened up|confided|brought|admitted|talked|spoke|called|messaged|emailed|felt|got|made|took|sat|walked|arrived|laughed|smiled|returned|booked|turned up|showed|handed|gave|whispered|broke down|used to|went back|got engaged|got married|passed|graduated|moved|drove|ran|celebrated|messaged|texted|phoned|rang|emailed|posted|reported|stopped|relapsed|tried|won|lost|cancelled|missed|hugged|drew|painted|hid|hasn['’]t|hadn['’]t|has been|had been)`

var storyPatterns = []pattern{
	{gates: []*lexicon{personLex}, need: needs("sat with|sitting with|spent an hour with|spent the morning with|spent the afternoon with|worked with"),
		re:      re(`\b(?:sat|was sitting|spent (?:an hour|the morning|the afternoon|the evening)|worked) with (?:a|an) (?:[\w'’-]+ ){0,2}` + person + `\b,? (?:this (?:morning|afternoon|evening|week)|last (?:night|week)|today|yesterday|earlier|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b`),
		section: sectionAnonymous, tell: tellStory},
	{need: needs("family's|family’s|client's|client’s|couple's|couple’s|room|certain someone|met in our|in group|in session|today's|today’s"),
		re:      re(`\b(?:in|from) (?:the|my|our) (?:counsell?ing|therapy) room (?:today|this (?:morning|afternoon|evening|week)|yesterday|last (?:night|week))\b|\ba certain someone\b|\bmet in our (?:waiting room|group|reception)\b|\bin (?:group|session|today['’]s (?:session|group)) (?:today|this (?:morning|afternoon|evening|week)|tonight|yesterday|last night)\b|\bone (?:family|client|couple|person|teenager)['’]s (?:story|situation|case|journey|struggles?)\b`),
		section: sectionAnonymous, tell: tellStory},
	{need: needs("client|patient|service user|counsellee"),
		re:      re(`\b(?:a|one|our|my|this|that|another|the) (?:former |recent |new |young |older |teenage |long-term |lovely |brave |youngest |oldest |first |newest |latest )?(?:client|patient|service user|counsellee)\b(?:,| who| of ours| named| called| this (?:year|week|month)| (?:we|i|he|she)(?:['’]ve| have| had)? (?:seen|worked with|supported)| ` + narrative + `\b)`),
		section: sectionAnonymous, tell: tellStory},
	{need: needs("one of "), re: re(`\bone of (?:our|my|\w+['’]s) (?:[\w-]+ ){0,2}(?:clients|patients|couples|families|young people|group members|parents|regulars)\b`), keep: func(d *doc, s span) bool { return !ifYouAre.MatchString(d.lower[max(0, s.start-20):s.start]) },
		section: sectionAnonymous, tell: tellStory},
	// A client of one's own: "a client of mine", "my client's flight", "our
	// longest-standing client", "my Friday client", "my Thursday regular",
	// "our Tuesday 10am regular", and "you know who you are".
	{need: needs("client|regular|know who you are"),
		re: re(`\b(?:a|one|another) (?:[\w-]+ ){0,2}client of (?:mine|ours)\b|\b(?:my|our) clients?['’]s?\b|\b(?:my|our) (?:longest[- ]standing|long[- ]time|long[- ]standing|oldest|youngest|newest|first|last|favou?rite) (?:client|regular|couple)\b|\b(?:my|our|his|her) (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|evening|afternoon)(?: \d{1,2}(?:[:.]\d\d)? ?(?:am|pm)?)? (?:client|regular|couple|family)\b|\b(?:my|our) \d{1,2}(?:[:.]\d\d)? ?(?:am|pm) (?:client|regular|couple|family)\b|\byou know who you are\b`),
		keep: func(d *doc, s span) bool {
			all := span{0, len(d.lower)}
			if strings.HasPrefix(d.lower[s.start:], "you know") && !d.in(clientWords, all) && !d.in(theirOwn, all) {
				return false // "you know who you are" about biscuits in the staff kitchen
			}
			return !d.in(teamCue, all) && !clientsGeneral.MatchString(d.lower[s.start:min(len(d.lower), s.end+20)])
		},
		section: sectionAnonymous, tell: tellStory},
	// A counsellor's own current client: "I'm working with a retired
	// firefighter", "just finished with a lovely young lad", "we supported a
	// family from the Meadowbank estate", "the young person I've seen since
	// Year 9".
	{gates: []*lexicon{personLex}, need: needs("working with|working at the moment with|finished with|finished up with|supported a|helped a|seen since|been seeing since|worked with since"),
		re:      re(`\b(?:i['’]m|i am|i['’]ve been|been) working (?:at the moment |currently |right now |this year |closely )?with (?:a|an) (?:[\w'’-]+ ){0,3}` + person + `\b|(?:^|[.!?]\s+)working (?:at the moment |currently |right now |this year )?with (?:a|an) (?:[\w'’-]+ ){0,3}` + person + `\b|\b(?:just )?finished (?:up )?with (?:a|an) (?:[\w'’-]+ ){0,2}` + person + `\b|\bwe (?:supported|helped) (?:a|an) (?:[\w'’-]+ ){0,2}` + person + ` (?:from|who|whose|in|through)\b|\b(?:i|we|he|she)['’]?(?:ve| have| has)? (?:seen|been seeing|worked with) since\b`),
		section: sectionAnonymous, tell: tellStory},
	// Someone a counsellor sees, told of by when or how often: "the widow I
	// saw on Friday", "a firefighter he sees", "the teacher who's been coming
	// every Tuesday since March", "a teenager in my 4pm slot", "our client
	// running the marathon".
	{gates: []*lexicon{personLex}, need: needs("saw|see|seeing|seen|work with|worked with|working with|been coming|slot|o'clock|o’clock|am |pm |our client|mentioned|talked about|wrote about|posted about|in my"),
		re:      re(`\b(?:a|an|the|that|this) (?:[\w'’-]+ ){0,2}` + person + `\b(?: [\w'’-]+){0,4}? (?:who |that |whom )?(?:i|he|she|we|they|\w+)(?:['’]d| had| have| ['’]ve)? (?:saw|see|sees|seeing|started seeing|seen|been seeing|work with|worked with|am working with|['’]m working with|have been working with|mentioned|talked about|wrote about|posted about)\b|\b(?:someone|somebody|a (?:client|person|man|woman|couple|teenager|teen|lad|girl|mum|dad)) in my (?:chair|room|office|counselling room|therapy room)\b|\b(?:who|that)(?:['’]s| has) been coming (?:to (?:us|see \w+) )?(?:every|each|since|for|weekly|fortnightly)\b|\bin (?:my|his|her|\w+['’]s) \d{1,2}(?:[:.]\d\d)? ?(?:am|pm|o['’]clock)(?: slot| session| appointment)?\b|\bour client (?:running|doing|taking on|tackling|completing|celebrating|walking|cycling|swimming|climbing|getting married|starting)\b`),
		keep:    func(d *doc, s span) bool { return seerKnown(d, s) },
		section: sectionAnonymous, tell: tellStory},
	{need: needs("group|circle|class|session with|couple|client|family|who sees|who saw|seeing|born|birth|dob|registration|last spring|last summer|last autumn|last winter|last year"),
		re:      re(`\bfrom (?:(?:our|the|this|last) )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day['’]?s?)(?: (?:morning|afternoon|evening|night))?(?: \w+['’]?s?)? (?:group|circle|class)\b|\b(?:a |another |this morning['’]s |today['’]s )?session with (?:a|an|the|our|this|that) (?:[\w'’]+ ){0,3}(?:couple|client|family|group|man|woman|mum|dad|teenager|boy|girl|lady|gentleman)\b|\b(?:our|the|this|that) (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?: \d{1,2}(?:[:.]\d\d)? ?(?:am|pm))? (?:couple|client|family|group|dad|mum|lady|gentleman|man|woman)\b|\bclient (?:` + narrative + `)\b|\bsession notes\b|\bwho (?:sees|saw|is seeing|has been seeing) \w+|\b(?:the|our|a|that) (?:\w+ )?(?:couple|client|family|man|woman|mum|dad|lady|gentleman|teenager) (?:from|we (?:saw|met|worked with)) last (?:spring|summer|autumn|winter|year|month|week)\b|\bour (?:emdr|cbt|couples|play therapy|grief|trauma|anxiety|youth|teen) clients?\b|\bborn (?:on )?\d|\bdate of birth\b|\bdob\b|\bregistration (?:number |plate )?[a-z]{2}\d{2} ?[a-z]{3}\b|\bclient ['‘"]?[a-z]\b['’"]?`),
		section: sectionAnonymous, tell: tellStory},
	{need: needs("helped|supported|saw|treated|counselled|worked with"), re: re(`\bafter we (?:helped|supported|saw|treated|counselled|worked with) (?:him|her|his|her|their|them)\b|\bwe (?:helped|supported) (?:his|her) (?:family|son|daughter|children|kids|marriage)\b`), section: sectionAnonymous, tell: tellStory},
	{gates: []*lexicon{personLex, narrativeLex},
		re:      re(`\b(?:a|an|one|the) (?:\w+ ){0,2}` + person + `\b(?: (?:who|from|at|in|of|on|with|we)\b` + win("40") + `)?,? ` + narrative + `\b`),
		keep:    func(d *doc, s span) bool { return !generalStory.MatchString(d.lower[s.start:s.end]) },
		section: sectionAnonymous, tell: tellStory},
	{need: needs("session|appointment|group|couple|client|family|o'clock|o’clock|teenager|mum|dad"), also: needs("today|yesterday|tonight|morning|afternoon|evening|last night|last week|day's|day’s|earlier|this week"),
		re: re(`\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening|week)|last (?:night|week)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)['’]s (?:couple|client|family|patient|mum|dad|teenager|\d{1,2} ?o['’]clock)\b|\b(?:in|during|after|from) (?:a |my |our |one |this |today['’]s |yesterday['’]s |this (?:morning|afternoon|evening)['’]s |last (?:night|week)['’]s |a recent |last |the )?(?:session|appointment|group session|group)s?(?: (?:today|yesterday|this (?:morning|afternoon|evening|week)|last (?:night|week|month)|earlier))?,? (?:\w+ ){0,3}` + narrative + `\b|\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening)|last (?:night|week))['’]s (?:session|appointment|group|support group)\b` + win("40") + `\b` + narrative + `\b|\b(?:today|yesterday|this (?:morning|afternoon|evening|week)|last (?:night|week)) in (?:group|session|the group|our group)\b`),
		keep: func(d *doc, s span) bool {
			return !genericSession.MatchString(d.lower[s.start:d.sentence(s.start).end])
		},
		section: sectionAnonymous, tell: tellStory},
	{need: needs("came to|came in|come to"), re: re(`\bcame (?:to (?:us|me|see (?:us|me)|our practice|connections)|in (?:on|for|last|this|after|with))\b`),
		keep: func(d *doc, s span) bool {
			return !manyCame.MatchString(d.lower[max(0, s.start-25):s.start]) && !d.in(teamCue, d.sentence(s.start))
		}, section: sectionAnonymous, tell: tellStory},
	{need: needs("finished|completed|ended|started|began|final|last"), re: re(`\b(?:finished|completed|ended|started|began|had) (?:her|his|their) (?:last |final |first )?(?:\w+ )?(?:counsell?ing|therapy|session|course|treatment)\b`), section: sectionAnonymous, tell: tellStory},
	// A client pointed at by their visits or their role ("the bus driver
	// who comes in every Thursday evening", "our long-standing client at the
	// post office", "a really moving session with a veteran").
	{need: needs("final session|last session|first session|been seeing|been coming|been working with|been supporting|comes in|comes to|turns up|spends|spent|client at|client from|client who|client sitting|session with a|session with an|session with one|screenshot|'s session|’s session|'s couples|’s couples|'s family|’s family|'s group|’s group|'s first|’s first|'s last|’s last"),
		re: re(`\bwho(?:['’]s| has| had)? been (?:seeing|coming to|working with) (?:us|one of us|our|[a-z]+ (?:every|for|since|weekly|on))\b|\b(?:we['’]ve|we have|i['’]ve|i have) been (?:seeing|working with|supporting) (?:since|for|every)\b|\b(?:a|an|the|one) (?:[\w-]+ ){1,2}(?:i|we)(?:['’]ve| have) been (?:working with|seeing|supporting)\b|\b(?:our|my|their|her|his) (?:final|last|first) session (?:last|this|on|yesterday|today)\b|\bwho (?:spends|spent) (?:his|her|their) [\w ]{1,20}in our (?:counsell?ing |therapy )?rooms?\b|\bscreenshot of (?:a|the|this|one|her|his|their) (?:[\w-]+ ){0,3}(?:message|text|dm|email|note|card|review)\b|\b(?:last night|yesterday|today|this morning|this afternoon)['’]s (?:couples |family |group |first |last )?session\b|\bwho (?:comes|turns up|pops) (?:in|to (?:see us|our|group))\b|\bour (?:[\w-]+ ){0,3}client (?:at|from|who|sitting|in)\b|\b(?:finished|had|ran|did|wrapped up|ended|after) (?:a|an|my|our|this) (?:[\w-]+ ){0,3}session (?:with|for) (?:a|an|one)\b`),
		keep: func(d *doc, s span) bool {
			return !d.negated(s) && !hypothetical.MatchString(d.lower[max(0, s.start-8):s.start])
		},
		section: sectionAnonymous, tell: tellStory},
	// A client's life event ("got to meet a client's brand-new baby"), or a
	// session told of by when it happened ("this morning a person sat
	// opposite me and said...").
	{need: needs("client and|client's|client’s|this morning|today|yesterday|this afternoon|last night|last mon|last tue|last wed|last thu|last fri|last sat|last sun|last week"),
		re:      re(`\b(?:a|one of my|one of our|my) (?:former |past )?client['’]s (?:[\w-]+ ){0,2}(?:baby|wedding|husband|wife|partner|mum|mother|dad|father|son|daughter|funeral|birthday|graduation|new job|dog|house)\b|\b(?:this morning|today|yesterday|this afternoon|last night|last week|(?:on|last) (?:mon|tues|wednes|thurs|fri|satur|sun)day),? (?:a|one) (?:person|client|man|woman|young \w+|teen\w*|lad|girl|boy|couple|mum|dad|lady|gentleman)\b` + win("30") + `\b(?:sat|said|told|cried|laughed|asked|admitted|shared|whispered|looked|showed|rolled|opened|wept|sobbed|broke down|spoke|talked)\b|\ba client and (?:i|me)\b`),
		section: sectionAnonymous, tell: tellStory},
	{need: needs("someone"), re: re(`\bsomeone (?:in (?:group|session|our group)|` + narrative + `)\b`),
		keep: func(d *doc, s span) bool {
			return !d.in(lostProperty, d.sentence(s.start)) && !hypothetical.MatchString(d.lower[max(0, s.start-8):s.start]) &&
				!askedUs.MatchString(d.lower[s.start:min(len(d.lower), s.start+60)])
		},
		section: sectionAnonymous, tell: tellStory},
	{gates: []*lexicon{personLex}, need: needs("in our"),
		re:      re(`\b(?:a|one|the) (?:\w+ )?(?:man|woman|boy|girl|mum|dad|teenager|lady|client|member|person) in our (?:\w+ ){0,2}(?:group|room|service|session)\b`),
		section: sectionAnonymous, tell: tellStory},
	{need: needs("i saw|i see|i support|i supported|i work with|i worked with|we supported|we support|we see|we work with|we saw|which of our|one of our|waiting list|spent|spending|bumped into|ran into|remember the|from today|from yesterday|from this morning|who booked|our 1|our 2|our 3|our 4|our 5|our 6|our 7|our 8|our 9|day 1|day 2|day 3|day 4|day 5|day 6|day 7|day 8|day 9"),
		re:      re(`\b(?:family|client|couple|man|woman|mum|dad|lady|teenager|boy|girl|someone|somebody) (?:we|i) (?:support|see|work with|saw|worked with|supported)\b|\bwhich of our (?:clients|families|couples)\b|\b(?:someone|a client|a man|a woman|a mum|a dad|a teenager|a student) on our waiting list\b|\b(?:spent|spending) (?:this morning|this afternoon|today|yesterday|the morning|the afternoon|the day|an hour) with (?:a|an|the) (?:\w+ )?(?:couple|client|family|man|woman|mum|dad|teenager|boy|girl)\b|\b(?:bumped into|ran into|saw|spotted|met) (?:a|one of our) (?:former )?clients?\b|\bremember the (?:\w+ ){0,2}(?:teenager|client|couple|man|woman|boy|girl|mum|dad|lady|family|student) who\b|\b(?:from|in) (?:today|yesterday|this morning|this afternoon|last night)['’]s (?:session|group)\b|\bwho booked\b|\bour (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day )?\d{1,2}(?:[:.]\d\d)? ?(?:am|pm|o['’]clock)(?: with| was| is| who| has| had| just| today|,|!|$)`),
		section: sectionAnonymous, tell: tellStory},
	{need: needs("am client|pm client|o'clock client|o’clock client|client in|had a|had an"),
		re:      re(`\b\d{1,2}(?:[:.]\d\d)? ?(?:am|pm|o['’]clock) (?:client|couple|family|appointment)\b|\bthe (?:client|couple|family|man|woman|lady|gentleman) in (?:bay|room|car|seat) \w+|\bhad an? (?:\w+ )?(?:teenager|client|couple|man|woman|mum|dad|student|boy|girl) in (?:this week|today|yesterday|this morning|last week)\b`),
		section: sectionAnonymous, tell: tellStory},
	{need: needs(" family"), orig: true, re: regexp.MustCompile(`\b(?:to|with|for|of) the \p{Lu}\pL+ family\b`), section: sectionAnonymous, tell: tellStory},
	{need: needs("youngest|oldest|newest|latest|first client"), re: re(`\b(?:our|my) (?:youngest|oldest|newest|latest|first) (?:client|patient)\b`), section: sectionAnonymous, tell: tellStory},
	{need: needs(" who "), re: re(`\bthe (?:\w+ )?` + person + ` who ` + narrative + `\b`), section: sectionAnonymous, tell: tellStory},
}

// manyCame spots thanks to many people ("everyone who came to see us").
var manyCame = re(`\b(?:everyone|all|those|people|you|many|anyone|visitors|guests)\b[^.!?]*$`)

// generalStory spots sentences about people in general ("a client may feel").
var generalStory = re(`\b(?:can|may|might|could|will|would|should|often|usually|sometimes)\b|^(?:the|a) (?:\w+ )?(?:client|person|couple|family) (?:was|had)\b`)

// aboutThem spots details of one person's life: their child, partner,
// therapist or therapy ("her son's school", "his counsellor").
var aboutThem = pattern{need: needs("her |his "), re: re(`\b(?:her|his)\s+(?:son|daughter|kids|children|child|twins|husband|wife|partner|boyfriend|girlfriend|fianc\w+|mum|dad|mother|father|boss|school|employer|gp|counsell?or|therapist|sessions?|therapy|diagnosis|recovery|panic|anxiety|depression|drinking|addiction)\b`)}

// pastNarrative is a he/she sentence telling what someone did.
// pastNarrativeLex is what follows "he" or "she" in a story about someone.
var pastNarrativeLex = lex("first came|first walked|first rang|first arrived|first sat|told|said|says|asked|described|shared|came|started|finished|completed|was|had|wrote|sent|mentioned|explained|cried|realised|realized|reached|left|opened up|confided|brought|admitted|talked|spoke|called|messaged|emailed|felt|got|made|took|sat|walked|arrived|laughed|smiled|returned|booked|turned up|showed|handed|gave|whispered|broke down|used to|went back|got engaged|got married|passed|graduated|moved|drove|ran|celebrated|texted|phoned|rang|posted|reported|stopped|relapsed|tried|won|lost|cancelled|missed|hugged|has been back|kept|couldn't|didn't|wasn't|never")

// pastNarrative finds "he" or "she" followed by a verb of a story ("she
// told us", "he came in"), reading words rather than running a regexp.
func pastNarrative(d *doc) (span, bool) {
	for i, t := range d.toks {
		if t.s != "he" && t.s != "she" {
			continue
		}
		if end, ok := pastNarrativeLex.at(d.toks[i+1:]); ok {
			return span{t.start, end}, true
		}
	}
	return span{}, false
}

// genericSession spots sentences that describe sessions in general ("in
// session, you can ...") rather than one that happened.
var genericSession = re(`^\w*\s*(?:,\s*)?(?:you|we|clients|people|couples|many|most|it)\b(?: can| may| might| will| often| usually| are| is)`)

// staffSlot is a counsellor's client named by time or kind ("Priya's 3 o'clock").
var staffSlot = pattern{need: needs("'s|’s"), orig: true, re: regexp.MustCompile(`\b\p{Lu}\pL+['’]s (?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day (?:\d{1,2}(?:[:.]\d\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) ?o['’]clock|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2}(?:[:.]\d\d)? ?(?:am|pm)|(?:\d{1,2}(?:[:.]\d\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) ?o['’]clock|\d{1,2}(?:[:.]\d\d)? ?(?:am|pm)? (?:today|yesterday|this (?:morning|afternoon|evening)|asked|said|told|brought|cried|cancelled|client|couple)|(?:new |latest |first |last |next |youngest |oldest )?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day |morning |evening |afternoon )?(?:client|couple|family|patient))\b`)}

// sessionPatterns name a client by their appointment with a counsellor
// ("after their 10am with Marcus on Tuesday", "Thursday's 4pm couples
// appointment with Aisha"), or one session told of ("a tough session this
// afternoon with someone who...", "my 9am today let out a belly laugh").
var sessionPatterns = []pattern{
	{need: needs(" with "), also: needs("their |his |her |day's|day’s"), orig: true, re: regexp.MustCompile(`\b(?:[Tt]heir|[Hh]is|[Hh]er|(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day['’]s|[Yy]esterday['’]s|[Tt]oday['’]s) (?:\d{1,2}(?:[:.]\d\d)? ?(?:am|pm|o['’]clock)|(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day|morning|afternoon|evening|weekly|first|last) (?:couples |family |joint )?(?:appointment |session |slot )?with \p{Lu}\pL+`)},
	{need: needs("o'clock|o’clock|0am|1am|2am|3am|4am|5am|6am|7am|8am|9am|0pm|1pm|2pm|3pm|4pm|5pm|6pm|7pm|8pm|9pm|0 am|1 am|2 am|3 am|4 am|5 am|6 am|7 am|8 am|9 am|0 pm|1 pm|2 pm|3 pm|4 pm|5 pm|6 pm|7 pm|8 pm|9 pm"), orig: true, re: regexp.MustCompile(`\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y) \d{1,2}(?:[:.]\d\d)? ?(?:am|pm) (?:couple|client|family|lad|girl|boy|teen|regular)\b|\b[Mm]y (?:(?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day )?\d{1,2}(?:[:.]\d\d)? ?(?:am|pm|o['’]clock)(?: client| couple)?(?: today| yesterday| this (?:morning|afternoon|evening))?(?:[!?,]| (?:and|said|told|asked|cried|laughed|let|brought|finally|cancelled|arrived|shared|was|is|just)\b)`)},
	{need: needs("ession"), orig: true, re: regexp.MustCompile(`\b[Ss]ession (?:this (?:morning|afternoon|evening)|today|yesterday|last night|on (?:[Mm]on|[Tt]ues|[Ww]ednes|[Tt]hurs|[Ff]ri|[Ss]atur|[Ss]un)day) with (?:someone|somebody|a (?:client|couple|young|man|woman|mum|dad|teen|teenager|student|lad|girl|boy|family))\b`)},
}

var workplace = pattern{need: needs("nursing at|nursing again at|teaching at|teaching again at|back at work at|a job at|shifts at|works at|works for|worked at|worked for|working at|working for|teaches at|taught at|studies at|studied at|employed at|employed by|employed as|works as|worked as|working as|teaches|studies"), orig: true, re: regexp.MustCompile(`\b(?:works?|worked|working|teaches|taught|studies|studied|employed) (?:as (?:a|an) [a-z]+ )?(?:at|for) (?:the )?(?:local )?\p{Lu}[\pL'’]+|\b(?:nursing|teaching|back at work|a job|shifts) (?:again )?at (?:the )?\p{Lu}[\pL'’]+`)}

func (g *Gate) privacy(d *doc) []Finding {
	var out []Finding
	add := func(s span, section string, t tell) {
		if t == tellStory && (wishedFor.MatchString(d.lower[max(0, s.start-12):s.start]) || g.staffBefore(d, s)) {
			return // "they wish someone had told them", "Aisha Rahman came to Connections"
		}
		if !d.protected(s) && !g.ownDetail(d, s, t) && !staffFamily(d, s) && !notClientHandle(d, s, t) {
			out = append(out, find(RulePrivacy, section, Block, d, s, t))
		}
	}
	for _, n := range g.names(d) {
		add(n, sectionPrivacy, tellName)
	}
	for _, p := range identifierPatterns {
		for _, s := range d.run(p) {
			if p.tell != tellPlace || !venue(d, s.start) {
				add(s, sectionPrivacy, p.tell)
			}
		}
	}
	for _, s := range attributions(d) {
		add(s, sectionPrivacy, tellName)
	}
	for _, s := range initialsOf(d) {
		add(s, sectionPrivacy, tellName)
	}
	for _, s := range g.phones(d) {
		add(s, sectionPrivacy, tellContact)
	}
	for _, p := range agePatterns {
		for _, s := range d.run(p) {
			if !ageRange(d.lower[s.start:s.end]) && !agedThingNear(d, s) && !ageThreshold.MatchString(d.lower[max(0, s.start-10):s.start]) {
				add(s, sectionPrivacy, tellAge)
			}
		}
	}
	for _, s := range addresses(d) {
		add(s, sectionPrivacy, tellPlace)
	}
	for _, s := range d.run(staffSlot) {
		add(s, sectionAnonymous, tellStory)
	}
	for _, p := range sessionPatterns {
		for _, s := range d.run(p) {
			add(s, sectionAnonymous, tellStory)
		}
	}
	for _, s := range d.run(workplace) {
		if !d.staff && !d.public {
			add(s, sectionPrivacy, tellWork)
		}
	}
	for _, f := range scan(d, RulePrivacy, sectionPrivacy, storyPatterns) {
		add(span{f.Start, f.End}, f.Section, tell{f.Message, f.Suggestion})
	}
	if s, ok := g.personalAccount(d); ok && !d.staff {
		add(s, sectionAnonymous, tellAccount)
	}
	if !d.staff && !d.public {
		if ss := d.run(aboutThem); len(ss) > 0 {
			add(ss[0], sectionAnonymous, tellStory)
		}
		if s, ok := pastNarrative(d); ok {
			add(s, sectionAnonymous, tellStory)
		}
	}
	return out
}

// seerKnown reports whether the one who "saw" or "mentioned" someone in s
// is a pronoun or a member of staff ("the widow I saw on Friday", "the
// firefighter Priya mentioned"), not part of a relative clause ("a teacher
// who saw our poster"). Other alternatives of the pattern have no seer.
func seerKnown(d *doc, s span) bool {
	m := seer.FindStringSubmatch(d.lower[s.start:s.end])
	if m == nil {
		return true
	}
	switch w := m[1]; w {
	case "i", "he", "she", "we", "they":
		return true
	default:
		return d.gate.staffFirst(w)
	}
}

var seer = re(`\b(\w+)(?:['’]d| had| have| ['’]ve)? (?:saw|see|sees|seeing|started seeing|seen|been seeing|work with|worked with|am working with|['’]m working with|have been working with|mentioned|talked about|wrote about|posted about)$`)

// staffFirst reports whether the lowered word w is a word of a staff name.
func (g *Gate) staffFirst(w string) bool {
	for sw := range g.staffWord {
		if strings.EqualFold(sw, w) {
			return true
		}
	}
	return false
}

// clientsGeneral spots "our client's" or "my clients" used of clients in
// general ("our clients' privacy", "my clients often say").
var clientsGeneral = re(`^(?:my|our) clients?['’]?s? (?:often|usually|always|sometimes|tell|say|privacy|confidentiality|safety|wellbeing|records|data|notes|rights|consent|needs|trust|own|first|come|are|were|have|know|feel|can|may|might|will|would)\b|^(?:my|our) clients\b`)

// wishedFor spots a story that is wished or supposed, not told.
var wishedFor = re(`\b(?:wish|wished|wishes|if|whether|hope|hoped|unless)\s*$`)

// staffBefore reports whether a member of staff is named just before s,
// as the one who arrived ("Aisha Rahman came to Connections three years
// ago"): the story is theirs, not a client's. In "Marcus spent the morning
// with a couple" the story is the couple's.
func (g *Gate) staffBefore(d *doc, s span) bool {
	if !arrived.MatchString(d.lower[s.start:s.end]) {
		return false
	}
	for i := len(d.ws) - 1; i >= 0; i-- {
		w := d.ws[i]
		if w.end > s.start {
			continue
		}
		return s.start-w.end <= 2 && g.staffWord[bare(w.s)]
	}
	return false
}

var arrived = re(`^(?:came to|joined|started (?:with|at)|first came|arrived)\b`)

// ifYouAre spots a reader addressed as one of many ("if you're one of our
// regulars, ..."), not a client singled out.
var ifYouAre = re(`\b(?:if|whether) you(?:['’]re| are)\s*$|\bare you\s*$`)

// staffFamily reports whether s speaks of a staff member's family or pet
// ("adopted by Priya's family"), not a client's.
func staffFamily(d *doc, s span) bool {
	w := d.text[s.start:s.end]
	for i := 0; i < len(w); i++ {
		if w[i] == '\'' || strings.HasPrefix(w[i:], "’") {
			return d.gate.staffWord[w[:i]] && staffKin.MatchString(d.lower[s.start+i:s.end])
		}
	}
	return false
}

// staffKin spots a staff member's family or pet after the possessive.
var staffKin = re(`^['’]s (?:family|dog|cat|pet|partner|kids|children|husband|wife|mum|dad|son|daughter|tortoise|baby)\b`)

// orgHandle reports whether s is the social media handle of an
// organisation ("@RiversideLibrary"), not a person's.
func orgHandle(d *doc, s span) bool { return orgWords.MatchString(d.lower[s.start:s.end]) }

// atHandle reports whether s, found as a contact detail, is a social media
// handle ("@name").
func atHandle(d *doc, s span, t tell) bool {
	return t == tellContact && strings.HasPrefix(d.text[s.start:s.end], "@")
}

// notClientHandle reports whether s is a handle that is not a client's: an
// organisation's, the practice's own, or that of someone the post speaks to
// about nothing personal.
func notClientHandle(d *doc, s span, t tell) bool {
	return atHandle(d, s, t) && (orgHandle(d, s) || ourHandle(d, s) || publicHandle(d))
}

// publicHandle reports whether s is the handle of someone the post speaks
// to about nothing personal ("@lucyinthesky glad you enjoyed the open
// evening!"). With no word of therapy, health, crisis or clients anywhere in
// the post, a reply to a member of the public does not mark them as a client.
func publicHandle(d *doc) bool {
	return d.match(clinicalTopic) == nil && d.match(crisisWords) == nil && d.match(crisisTopic) == nil && d.match(clientWords) == nil &&
		d.match(ownCounselling) == nil && d.match(channelRe) == nil
}

// dropPublicHandles removes the handle of someone the practice replies to
// when nothing else in the post marks them as a client: no other privacy
// finding, no testimonial, clinical or crisis finding, and no word about
// their own sessions ("@ellajones we can't advise on here; please ring
// reception"). Answering a public question does not make the asker a client;
// moving their appointment or diagnosing them does.
func dropPublicHandles(d *doc, fs []Finding) []Finding {
	handle := func(f Finding) bool { return isHandle(d, f) } // for slices' funcs
	if !slices.ContainsFunc(fs, handle) {
		return fs
	}
	for _, f := range fs {
		switch {
		case f.Rule == RuleTestimonial || f.Rule == RuleClinical || f.Rule == RuleCrisis:
			return fs
		case f.Rule == RulePrivacy && !handle(f):
			return fs
		}
	}
	// Sessions and therapy spoken of in general may mean theirs, unless the
	// reply says it cannot deal with them here.
	if clientShown(d) || d.match(therapyTalk) != nil && !cannotHere.MatchString(d.lower) {
		return fs
	}
	return slices.DeleteFunc(fs, handle)
}

// clientShown reports whether the post speaks of someone's own counselling.
func clientShown(d *doc) bool {
	return d.match(theirOwn) != nil || d.match(ownCounselling) != nil || d.match(clientWords) != nil
}

// isHandle reports whether f is a privacy finding on a social media handle.
func isHandle(d *doc, f Finding) bool {
	return f.Rule == RulePrivacy && atHandle(d, span{f.Start, f.End}, tell{f.Message, f.Suggestion})
}

var (
	// theirOwn marks a post about the person's own counselling.
	theirOwn = lex("we've seen|we have seen|we've been seeing|your session|your sessions|your appointment|your appointments|your slot|your therapy|your counsellor|your counselor|your therapist|your meds|your medication|your symptoms|your diagnosis|your story|your message|your comment|your panic*|your anxiety|your low mood|saw your|fit you in|get you in|moved you|booked you|see you then|see you on|see you next|proud of you|worked through|talked through|your progress|your journey|come so far|our door|our sessions|regular|regulars|seeing us|top-up|couples work|art therapy|breathing exercises|in session|our client")
	// therapyTalk is counselling spoken of in general.
	therapyTalk = lex("session|sessions|therapy|counselling|counseling|appointment|appointments|book*|advice|advise")
)

// ourHandle reports whether the handle at s is the practice's own, named as
// the place to write to or tag ("tweet us @ConnectionsRiv", "tag
// @connectionsriverside in your story").
func ourHandle(d *doc, s span) bool {
	before := d.lower[max(0, s.start-24):s.start]
	return handleOfUs.MatchString(before) || tagUs.MatchString(before) && tagIn.MatchString(d.lower[s.end:])
}

var (
	handleOfUs = re(`\b(?:us|find us|follow us|we['’]re|we are|our (?:account|handle|page|profile)(?: is)?)(?: at| on)?:?\s*$`)
	tagUs      = re(`\btag\s*$`)
	tagIn      = re(`^ in (?:your|a|the) (?:story|stories|post|posts|reel|reels|caption)\b`)
)

// ownCounselling marks a post as being about someone's own counselling.
var ownCounselling = lex("client|clients|regular|regulars|proud|journey|progress|milestone|sober|recovery|brave|heal|healing|healed|congrat*|well done|graduat*|passed|finished|last one|first one|breakthrough|doing so well|doing well|so far|since|journal*|homework|exercise|exercises|thanks to us|with us|moved you|got you down|booked you|see you then|see you on|see you next|missed today|missed your|screenshot|posted|post about|thank you for your post|thanking|changed her|changed his|changed my|changed their|changed your|life|decision|walking through|coming to us|our door|your door|wrapping up|couples|work with|worked with|working with|talked through|worked through|got through|get through|been through|got her through|got him through|got me through|room|helped|tagged us|repost*|quote|medal|love u|love you|cry|cried|tears|walked in|walked into|first came|first walked")

var orgWords = re(`(?:hr|ltd|plc|fm)$|surgery|pharmacy|gym|studio|gazette|press|runners|cyclists|walkers|swimmers|parkrun|rugby|football|choir|rotary|library|council|nhs|trust|hub|centre|center|club|radio|news|charity|foundation|mind|samaritans|uni|college|school|church|practice|counselling|official|team|cafe|bakery|books|gallery|museum|theatre|festival|group|society|network`)

// askedUs spots a question about the practice's own service ("someone asked
// on our Facebook page whether we offer evening sessions"): an FAQ, not a
// story about a client.
var askedUs = re(`^someone asked (?:(?:on|via|in|under) (?:our|the|this) [\w ]{1,20}?)?(?:whether|if|how|what|why) (?:we|you|the practice|connections|our)\b`)

// hypothetical spots "when someone ..." and "if someone ...": advice, not a story.
var hypothetical = re(`\b(?:when|if|whenever)\s*$`)

// lostProperty spots notices about things left behind, not stories.
var lostProperty = lex("whiteboard|permanent marker|kitchen|fridge|oat milk|biscuits|stapler|printer|confess|lost property|umbrella|umbrellas|left a|left their|left behind|forgot|forgotten|mitten|scarf|keys|glasses")

// digitComma reports whether a digit comes just before a comma somewhere in
// the text ("a nurse, 42, from ..."), which the age-between-commas pattern
// cannot match without.
func digitComma(d *doc) bool {
	for i := 1; i < len(d.lower); i++ {
		if d.lower[i] == ',' && '0' <= d.lower[i-1] && d.lower[i-1] <= '9' {
			return true
		}
	}
	return false
}

// agedThingNear reports whether the age at s belongs to a thing: named just
// after it ("a 120-year-old oak") or earlier in its clause ("the building
// is 120 years old"). A thing elsewhere in the sentence ("a 16-year-old who
// came after school") does not make the age a thing's.
func agedThingNear(d *doc, s span) bool {
	after := span{s.end, min(len(d.lower), s.end+20)}
	before := span{d.clause(s.start).start, s.start}
	return d.in(agedThing, after) || d.in(agedThing, before)
}

// agedThing spots the age of a thing rather than a person ("a building
// that's 120 years old").
var agedThing = lex("building|buildings|house|church|tree|oak|company|practice|charity|bridge|library|pub|castle|school|hall|car|van|kettle|printer|sofa")

// attributions finds the signature after a quotation ("— Rachel, Riverside",
// "- D.K., Westfield", or with no dash "James, 42, a firefighter"): a name or
// initials that identify the person quoted.
func attributions(d *doc) []span {
	var out []span
	for _, q := range d.quotes {
		if !clientQuote(d, q) || mediaPost(d) {
			continue
		}
		rest := d.text[q.end:]
		if m := signature.FindStringSubmatchIndex(rest); m != nil {
			s := spanOf(m)
			if m[2] < 0 { // the second form: a name and an age or place, with no dash
				s = span{m[4], m[5]}
			}
			out = append(out, span{q.end + s.start, q.end + s.end})
		}
	}
	return out
}

var signature = regexp.MustCompile(`^\s*(?:[-–—~]|,? (?:says|said|writes|wrote))\s*((?:\p{Lu}[\pL'’-]+|\p{Lu}\.(?:\s?\p{Lu}\.)*)(?:,? (?:\d{1,3}|\p{Lu}[\pL'’-]+))*)|^\s+(\p{Lu}[\pL'’-]+,? (?:\d{1,3}\b|\p{Lu}[\pL'’-]+,)(?:,? (?:\d{1,3}|\p{Lu}[\pL'’-]+))*)`)

// initialsOf finds a person referred to by initials ("R.K., we see you",
// "congratulations to J.T.", "A.B. told me"): as identifying as a name to
// the people who know them. Abbreviations such as "P.S." and "U.K." are not
// initials.
func initialsOf(d *doc) []span {
	if !maybeInitials(d.text) {
		return nil
	}
	var out []span
	for _, m := range initialsRe.FindAllStringSubmatchIndex(d.text, -1) {
		s := span{m[2], m[3]}
		if notInitials[strings.ReplaceAll(d.text[s.start:s.end], " ", "")] || surnameAfter.MatchString(d.text[s.end:]) {
			continue
		}
		before := d.lower[max(0, s.start-24):s.start]
		after := d.lower[s.end:min(len(d.lower), s.end+24)]
		if strings.TrimSpace(d.text[:s.start]) == "" && strings.HasPrefix(after, ",") || initialsBefore.MatchString(before) || initialsAfter.MatchString(after) {
			out = append(out, s)
		}
	}
	return out
}

// maybeInitials reports cheaply whether text has an ASCII capital, a full
// stop, perhaps a space, then another capital and full stop, so that most
// posts skip initialsRe. Initials in other alphabets are not looked for.
func maybeInitials(text string) bool {
	for i := 0; i+3 < len(text); i++ {
		if upper(text[i]) && text[i+1] == '.' {
			j := i + 2
			if text[j] == ' ' {
				j++
			}
			if j+1 < len(text) && upper(text[j]) && text[j+1] == '.' {
				return true
			}
		}
	}
	return false
}

func upper(c byte) bool { return 'A' <= c && c <= 'Z' }

var (
	initialsRe     = regexp.MustCompile(`(?:^|[^\pL.])(\p{Lu}\.\s?\p{Lu}\.(?:\s?\p{Lu}\.)?)`)
	initialsBefore = re(`\b(?:to|for|with|congrats|congratulations|thank you|thanks|well done|proud of|client|clients|dear|hey|hi|go|love you|you go)\W{0,3}$`)
	surnameAfter   = regexp.MustCompile(`^ \p{Lu}\pL`) // "J. M. Barrie": a full name, checked as names are
	initialsAfter  = re(`^,? (?:told|said|shared|came|has|have|is|was|just|finished|passed|got|started|wrote|sent|asked|cried|laughed|walked|rode|did)\b`)
	notInitials    = map[string]bool{"P.S.": true, "N.B.": true, "U.K.": true, "U.S.": true, "A.M.": true, "P.M.": true, "E.G.": true, "I.E.": true,
		"R.I.P.": true, "D.I.Y.": true, "A.A.": true, "N.A.": true, "Q.A.": true, "O.K.": true, "B.A.": true, "M.A.": true, "U.N.": true, "E.U.": true,
		"G.P.": true, "P.T.O.": true, "R.S.V.P.": true, "A.K.A.": true, "B.C.": true, "A.D.": true, "T.V.": true, "U.S.A.": true, "N.H.S.": true}
)

// ownDetail reports whether an address or number found in the text is part
// of one of the practice's official contacts ("12 Market Street" when the
// contact is "12 Market Street Riverside").
func (g *Gate) ownDetail(d *doc, s span, t tell) bool {
	if t != tellPlace && t != tellContact && t != tellAge {
		return false
	}
	part := d.lower[s.start:s.end]
	if t == tellAge {
		return practiceAge.MatchString(part)
	}
	for _, c := range g.contacts {
		if len(part) >= 6 && strings.Contains(c, part) {
			return true
		}
	}
	return false
}

// practiceAge spots the practice's own birthday ("happy 5th birthday to us").
var practiceAge = re(`(?:connections|us|our|the practice|the team)$`)

// ageThreshold spots an age as a threshold in a statistic or a rule ("start
// by age 14", "under age 16"), not one person's age.
var ageThreshold = re(`\b(?:by|before|after|under|over|from|until|till|since|between)\s+$`)

// ageRange reports whether an age phrase is an audience range ("aged 5 to 11",
// "aged 18+") rather than one person's age.
func ageRange(s string) bool {
	return strings.HasSuffix(s, "to") || strings.HasSuffix(s, "upwards") || strings.HasSuffix(s, "plus") || strings.HasSuffix(s, " up") || strings.HasSuffix(s, "-") || strings.HasSuffix(s, "–") ||
		strings.HasSuffix(s, "+") || strings.Contains(s, " and ") || strings.Contains(s, " or ")
}

// phones returns numbers that look like personal phone, card or account
// numbers: seven or more digits that are not the practice's own or an
// organisation's helpline, and not a date.
func (g *Gate) phones(d *doc) []span {
	if len(digitsOf(d.text)) < 7 {
		return nil
	}
	var out []span
	for _, m := range phoneLike.FindAllStringIndex(d.text, -1) {
		s := strings.TrimRight(d.text[m[0]:m[1]], " .-")
		digits := digitsOf(s)
		if len(digits) < 7 || isDate(s) || g.official(digits) || (len(digits) <= 11 && orgNumber.MatchString(digits)) {
			continue
		}
		out = append(out, span{m[0], m[0] + len(s)})
	}
	return out
}

var dateLike = regexp.MustCompile(`^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$`)

func isDate(s string) bool { return dateLike.MatchString(s) }

// official reports whether digits are (or end with) one of the practice's
// own or crisis numbers.
func (g *Gate) official(digits string) bool {
	for _, d := range g.digits {
		if digits == d || (len(d) >= 7 && strings.HasSuffix(digits, d[1:])) {
			return true
		}
	}
	return false
}
