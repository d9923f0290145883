package gate

import (
	"slices"
	"strings"
)

// Guaranteed outcomes: marketing must not promise results, cures,
// permanence or certainty, and must avoid superlatives about the practice.
// These are rejected even with evidence. Idioms pass: "we can guarantee the
// kettle is on", "best of luck", "a permanent marker".

var outcomeWord = `(?:results?|better|recover\w*|cure\w*|fix\w*|feel\w*|happ\w*|success\w*|works?|change\w*|anxi\w*|stress\w*|depress\w*|relationships?|marriage|heal\w*|improve\w*|outcomes?|free|relief|transform\w*|calm\w*|confiden\w*|sleep|panic|worr\w*|fears?|trauma|pain|life|lives|problems?|progress|solve\w*|gone|rid|breakthrough|difference|back on track|wellbeing|mood|symptoms?|lighter|new person|whole|sorted|over)`

var (
	tellPromise = tell{"This promises a result; the policy requires claims to be factual and forbids promising guaranteed outcomes in therapy.",
		"Describe what the service offers without promising results (\"counselling can help many people with ...\")."}
	tellSuperlative = tell{"Superlatives and claims of proven, unique or better results are misleading marketing.",
		"Replace the superlative with a factual description of the service (qualifications, approach, what a session involves)."}
)

var outcomePatterns = []pattern{
	{need: needs("guarantee"),
		re: re(`\bguarantee(?:s|d|ing)?\b`),
		keep: func(d *doc, s span) bool {
			// "We guarantee biscuits. That's the only guarantee we make."
			if sen := d.sentence(s.start); sen.start > 0 {
				if prev := d.sentence(sen.start - 1); d.in(everyday, prev) && strings.Contains(d.lower[prev.start:prev.end], "guarantee") {
					return false
				}
			}
			return !d.negated(s) && !everydayNear(d, s) && !d.in(everyday, span{s.end, min(len(d.lower), s.end+12)})
		}, tell: tellPromise},
	{need: needs("promise"),
		re: re(`\bpromis(?:e|es|ed|ing)\b` + win("60") + `\b(?:you|your|results?|` + outcomeWord + `)\b|\b(?:our|my|that['’]s (?:our|my)|this is (?:our|my)) promise\b`),
		keep: func(d *doc, s span) bool {
			return !d.negated(s) && !everydayNear(d, s)
		}, tell: tellPromise},
	{need: needs("or your|money|no result|refund|or the next|or next|or extra|or the extra|costs you nothing|is free|is on us"),
		re:   re(`\bor your (?:money|fee|payment|next session|next month)\b|\bmoney[- ]back\b|\bno results?,? no (?:fee|charge|pay)\b|\b(?:full |a )?refund\b|\bor (?:the )?(?:next|extra) (?:session|month|one)(?:['’]s| is)? (?:free|on us)\b|\b(?:otherwise|or else|if not),? (?:the|your) (?:next|fourth|fifth|sixth|third|\d+(?:st|nd|rd|th)) (?:session |one )?(?:costs you nothing|is free|is on us)\b`),
		keep: func(d *doc, s span) bool { return !d.negated(s) && !answeredNo(d, s) }, tell: tellPromise},
	{need: needs("everyone|everybody|anyone|for all|with all|every |nobody|no one|no-one|100|success|% of|per cent"),
		re: re(`\bworks? (?:for|with) (?:everyone|everybody|anyone|all|every (?:client|person|one|couple|body))\b|\b(?:everyone|everybody|anyone|nobody|no one|no-one)\b` + win("40") + `\b(?:recovers?|gets? better|feels? better|improves?|succeeds?|leaves?\b` + win("20") + `\b(?:better|happier|lighter|calmer|without|the same|the way (?:they|you|he|she) (?:came|arrived|walked))|can (?:overcome|beat|recover))\b|\b100\s?%|\bsuccess rates?\b|(?:\b\d+\s?%|\bper ?cent\b)` + win("40") + `\b(?:clients|people|couples) (?:recover|get better|improve|feel|see|report|are|would|leave)\b`),
		keep: func(d *doc, s span) bool {
			sen := d.sentence(s.start)
			return outcomeContext(d, s) && (strings.HasPrefix(d.lower[s.start:], "100") || !testimonialStat.MatchString(d.lower[sen.start:sen.end]))
		},
		tell: tell{"Claims that a method works for everyone, success rates and certainty are misleading promises of outcome.",
			"Remove the claim; say who the service is for and what it involves."}},
	{need: needs("never|good|forever|once and for all|permanent|thing of the past|no more|for life|go back|history|distant memory"),
		re: re(`\bnever (?:feel|be|worry|suffer|struggle|experience|have|panic|lose|go back|look back|return|relapse|again|argue|fight|cry|doubt|fear)\b` + win("40") + `|\b(?:for good|forever|once and for all|permanently|permanent(?:ly)? (?:relief|results?|cure|change|fix|solution)|thing of the past|(?:become|becomes|will be) (?:history|a distant memory)|no more (?:anxiety|stress|panic|depression|worry|worries|sleepless|arguments|fights|pain|fear)|for life)\b`),
		keep: func(d *doc, s span) bool {
			return outcomeContext(d, s) && !correctedMyth(d, s.start)
		},
		tell: tell{"This promises a permanent result; therapy outcomes cannot be promised.",
			"Remove the promise of permanence (e.g. say \"learn ways to manage anxiety\")."}},
	{need: needs(" in | within | after "), also: needs(" day| week| session| step| month"),
		re: re(`\b(?:in|within|after) (?:just |only )?(?:\d+|one|two|three|four|five|six|a few|a single) (?:days|weeks|sessions|session|steps|months)\b`),
		keep: func(d *doc, s span) bool {
			sen := d.sentence(s.start)
			return d.in(outcomeRe, sen) && !d.negated(s) && !hedged(d, s) && !answeredNo(d, s)
		},
		tell: tellPromise},
	{need: needs("goodbye|get rid|be free|eliminate|banish|beat|conquer|leave|end |fix|cure|stop|erase|quit |heal|quick fix|all it takes"),
		re: re(`\b(?:say goodbye to|get rid of|be free (?:of|from)|eliminate|banish|beat|conquer|leave|end|fix|cure|stop|erase|quit|heal) (?:your |all |the |those |a |broken )?(?:mind|life|brain|mood|anxiety|stress|depression|panic(?: attacks)?|worries|insomnia|fears?|trauma|phobias?|addiction|pain|negative thoughts|relationship problems|marriage problems|problems|issues|relationship|marriage|marriages|overthinking|burnout|past|procrastination|heartbreak)\b|\bquick fix(?:es)?\b|\ball it takes\b`),
		keep: func(d *doc, s span) bool {
			return !d.negated(s) && !hedged(d, s) && !answeredNo(d, s) && (!imperativeTip(d, s) || deadline.MatchString(d.lower[s.start:d.sentence(s.start).end]))
		},
		tell: tellPromise},
	{need: needs("best|finest|greatest|fastest|quickest|top|leading|number one|no. 1|no.1|#1|most |unrivalled|unmatched|world-class|only|unlike|actually works|really works|truly works|that works|real results|proven|lasting|instant|miracle|award"),
		re:   re(`\b(?:the |our |riverside['’]s |town['’]s |area['’]s )?(?:best|finest|greatest|top|leading|number one|no\.? ?1|#1|most (?:effective|successful|experienced|trusted|qualified|recommended|caring|skilled)|unrivalled|unmatched|world-class|award-winning)\b(?: [\w+'’-]+){0,3} (?:practice|counsell?ors?|therapists?|psychotherapists?|clinic|service|provider|team|care|support|therapy|counsell?ing|results?)\b|\bbest in (?:town|the (?:city|area|county|country|region|uk|business|north|south))\b|\b(?:the )?only (?:\w+ ){0,5}(?:practice|counsell?ors?|therapists?|clinic|service|one|team|programme|course|method|treatment|therapy|approach|cure|solution|technique)\b` + win("40") + `\b(?:that|who|which|where|with|offering|to (?:offer|get|deliver|guarantee))\b|\bthe (?:fastest|quickest|surest|easiest|best) (?:way|route|path|road) to (?:recover\w*|beat|overcom\w*|heal\w*|feel|happier|a happier|calm\w*|end|fix|cure|get over|stop|sleep better|beating|ending|fixing|curing)\b|\bunlike (?:the rest|other (?:practices|counsell?ors|therapists|services)|the others)\b|\b(?:therapy|counsell?ing|a method|an approach|support) that (?:actually|really|truly)? ?works\b|\b(?:actually|really|truly) works\b|\b(?:real|proven|guaranteed|lasting|amazing|instant|immediate|fast|quick|rapid|dramatic) (?:results?|relief|cures?|fix)\b|\bmiracle\b` + win("30") + `\b(?:cure|results?|therapy|treatment|method|recovery)\b`),
		keep: func(d *doc, s span) bool { return !d.negated(s) && !everydayNear(d, s) && !answeredNo(d, s) }, tell: tellSuperlative},
	promise("instant|guaranteed|total|complete|every time|every single|never once|symptom-free|sorted|it will|it always|all clients|all our|every client|100%", `\b(?:instant|guaranteed|total|complete) (?:calm|relief|results?|cure|recovery|transformation)\b|\bevery\W{1,3}(?:single\W{1,3})?time\b|\bnever (?:once )?(?:seen it|known it|had it) fail\b|\bsymptom-free\b|\bsorted\W+for good\b|\bit (?:will|always) (?:be|is|does|works?)\b|\b(?:all|every|100% of) (?:of )?(?:our )?clients? (?:complete|completes|finish|finishes|leave|leaves|recover|recovers|get better|gets better|are|is|feel|feels)\b`),
	promise("life back|recognise yourself|recognize yourself|different person|relapse|curable|save your|feel from day|instantly|couldn't crack|could not crack|actually fixes|really fixes|every night|first session|last one ever", `\b(?:give you|get) your life back\b|\bwon['’]?t (?:even )?recogni[sz]e yourself\b|\b(?:walk|come) out (?:of your \w+ session )?(?:as )?a different person\b|\b(?:zero|no) relapses\b|\b(?:is|are|it['’]s)? ?curable\b|\bwe['’]ll save your (?:marriage|relationship|family|sanity)\b|\bresults you (?:can|will) (?:feel|see)\b|\binstantly\b|\bcouldn['’]?t crack\b|\b(?:actually|really) fix(?:es)? (?:the|your) (?:problem|pain|issue|anxiety|grief|trauma)\b|\bevery night\b|\byour last (?:one|panic attack|bad night) ever\b`),
	promise("results in|results within|results after|a fact|is on us|cracked the code|isn't on the cards|isn’t on the cards|failures|will be back|that sure|that confident|only place|only practice|only service|only counsellor", `\b(?:see|get|notice|feel) (?:real )?results (?:in|within|after|from)\b|\bthat['’]s (?:a|just a|simply a) fact\b|\b(?:session|appointment|the next one) (?:\w+ )?is on us\b|\bcracked the code\b|\b(?:relapse|failure|going back) (?:simply )?isn['’]?t (?:on the cards|an option|going to happen)\b|\b(?:zero|no) failures\b|\bthe old you will be back\b|\bwe['’]re that (?:sure|confident)\b|\b(?:the )?only (?:place|practice|service|counsell?ors?|therapists?|one|clinic|team) (?:[\w'’]+ ){0,3}(?:that|who|where) (?:can |will )?(?:genuinely |actually |really |truly )?(?:fix|fixes|works?|cures?|helps?|get you|gets you|sort)\b`),
	promise("sort it|fix it|fix any|all you need|all most people|all anyone|all people|all clients|all it takes|lifetime|every family|every single|every client|failed yet|never failed|track record|worries away|each and every|leave calm|leave whole|double your|life-changing|life changing|stay together|not one client|solved in|through it by|it will.|it will!|you'll have|most experienced|want the best", `\bwill sort it\b|\bwe (?:can|will|['’]ll) fix (?:it|any|anything|every)\b|\b(?:is|that['’]s|are) (?:genuinely |really |honestly )?all (?:you|most people|anyone|people|clients|it takes) (?:need|needs)?\b|\blasts? a lifetime\b|\bevery (?:single )?(?:family|client|couple|person|one) (?:we['’]ve|we have|who)\b|\bevery\W+single\W+one\b|\b(?:hasn['’]?t|has never|have never|haven['’]?t) failed(?: yet)?\b|\b(?:perfect|flawless|100%) track record\b|\btake your (?:worries|anxiety|pain|stress) away\b|\beach and every (?:visit|session|time|client|graduate|person|participant|one)\b|\bleave (?:calm|whole|healed|fixed|cured)\b|\bdouble your (?:productivity|confidence|happiness)\b|\blife[- ]changing (?:therapy|counsell?ing|sessions?|results?)\b|\b\d+% of (?:couples|clients|families|people) (?:who see us )?(?:stay together|recover|get better|improve)\b|\bnot (?:one|a single) client\b|\bsolved in (?:one|a|\d+)\b|\b(?:have|get) you through it by\b|\bit will[.!]|\bthat['’]s what you['’]ll have\b|\bthe most experienced\b|\bif you want the best\b`),
	// A question about whether therapy works, answered yes ("Will
	// counselling fix things? With Aisha, absolutely.").
	promise("will counselling|will counseling|will therapy|will it|will this|will you|will we|will they|will session|will the course|will cbt|will emdr|can counselling|can counseling|can therapy|can it|can this|can you|can we|can they|can session|can the course|can cbt|can emdr|does counselling|does counseling|does therapy|does it|does this|does you|does we|does they|does session|does the course|does cbt|does emdr|do counselling|do counseling|do therapy|do it|do this|do you|do we|do they|do session|do the course|do cbt|do emdr|would counselling|would counseling|would therapy|would it|would this|would you|would we|would they|would session|would the course|would cbt|would emdr", `\b(?:will|can|does|do|would) (?:counsell?ing|therapy|it|this|you|we|they|sessions?|the course|cbt|emdr) (?:\w+ ){0,3}?(?:work|works|help|fix|cure|solve|heal|change|sort|get (?:me|you|us|them) better|make (?:me|you|it) better)\b[^?\n]{0,60}\?[^.!?\n]{0,25}?\b(?:absolutely|definitely|yes|of course|100\s?%)`),
	promise("without|never get|nowhere|is on us|helped every|works|of it|know it|best|pass rate", `\b(?:zero|not one|not a single|no) (?:clients?|couples?|families|people|person|one)\b(?: \w+){0,4} (?:left|leave|leaves|failed|walked out|finished)\b(?: \w+){0,3} (?:without (?:improving|getting better|feeling better|results?|a result)|and not (?:felt|feel|feeling|got|been) (?:better|calmer|happier))\b|\bnever get it wrong\b|\bnowhere (?:in|else)\b`+win("30")+`\b(?:safer|better|does it better|compares)\b|\bthe \d+(?:st|nd|rd|th) (?:session |one )?is on us\b|\bhelped every (?:single )?(?:client|person|couple|family|one)\b|\bworks (?:first time|every time|straight away|instantly|immediately|for everyone)\b|\bi['’]m (?:certain|sure|positive|convinced) of it\b|\bi just know it\b|\bbest\W{1,3}(?:counsell?ors?|therapists?|practice|team)\W{1,3}(?:anywhere|around|in (?:town|the uk|britain|the country))\b|\bpass rates?\b`),
	// Certainty about the practice's own success needs no problem word
	// nearby ("Our counsellors don't fail.", "we're certain we can help").
	{need: needs("fail|certain we|sure we|confident we|positive we"),
		re:   re(`\b(?:we|our (?:[\w-]+ )?(?:counsell?ors?|therapists?|team|method|approach|programme|course|sessions|counsell?ing|therapy|service))\b[^.!?\n]{0,20}\b(?:never|don['’]t|do not|won['’]t|can['’]t|cannot) fail\b|\bwe['’]re (?:certain|sure|confident|positive) (?:that )?(?:we can|we['’]ll|we will|you['’]ll|you will)\b`),
		keep: func(d *doc, s span) bool { return !d.negated(s) && !answeredNo(d, s) && !everydayNear(d, s) }, tell: tellPromise},
	promise("sessions to|session to|lasting", `\b(?:need|needs|takes?) (?:just |only )?(?:\d+|one|two|three|four|five|six|a few) sessions? to\b|\blasting (?:difference|change|results?|relief|recovery)\b`),
	// "It works. Full stop.": the certainty follows the claim, often as a
	// sentence of its own.
	{need: needs("full stop|period|end of story"), re: re(`\b(?:full stop|period|end of story)\b`),
		keep: func(d *doc, s span) bool {
			return worksBefore.MatchString(d.lower[max(0, s.start-12):s.start]) && keepPromise(d, s)
		},
		tell: tellPromise},
	promise("no other", `\bno other (?:practice|counsell?or|therapist|service|clinic|team)s?\b`+win("50")+`\b(?:like we do|the way we do|as well as we do|like us|as we do|compares|comes close)\b`),
	promise("every one of|every last one|walk in|walk out|come in|arrive", `\bevery (?:single |last )?one of (?:our|my) (?:clients|couples|families)\b|\b(?:walk|come|arrive)s? in (?:[\w-]+[ ,;]+){1,3}(?:and |… ?|\.\.\. ?)?(?:walk|leave|go|head)s? (?:out |home |away )?(?:[\w-]+ )?(?:free|calm|calmer|lighter|happy|happier|healed|new|whole|fixed|confident|different|transformed|cured)\b`),
	promise("#", `#(?:anxiety|stress|panic|depression|worry|worries|pain|trauma|insomnia|grief|burnout)(?:gone|free|cured|fixed|over|nomore)\b|#(?:results|cure|success)?guaranteed\b|#guaranteed(?:results|cure|success)\b|#[\pL\d_]*100percent\b`),
	promise("-free|free by|free in", `\b(?:depression|anxiety|stress|pain|worry|panic|trauma|fear|grief|burnout)[- ]free\b`),
	promise("completely|totally|entirely|fully|permanently", `\b(?:completely|totally|entirely|fully|permanently) (?:\w+ )?(?:erased?|cured?|heal\w*|gone|free|recover\w*|fix\w*|disappear\w*|eliminat\w*|resolv\w*|transform\w*|better|well|over it)\b|\b(?:heal\w*|cure\w*|fix\w*|erase\w*|ends?|resolv\w*|clears?|transform\w*|changes?) (?:\w+ ){0,2}(?:completely|totally|entirely|permanently)\b`),
	promise("for good|forever|ever.|ever!", `\b(?:for good|forever)\b|\bever[.!]`),
	promise("x calmer|x happier|x better|x more|x less|times calmer|times happier|times better|times more|times less", `\b\d+ ?(?:x|times) (?:calmer|happier|better|more confident|less anxious)\b`),
	promise("disappear|vanish|melt away", `\b(?:disappear|vanish|melt away)\b`),
	promise("where", `\bwhere (?:anxiety|stress|panic|worry|worries|depression|trauma|grief|burnout|pain|fear|heartbreak|loneliness) (?:ends|stops|disappears|goes to die)\b`),
	promise("the way|like|as well as|better than", `\b(?:nobody|no one|no-one|no other \w+)\b(?: [\w-]+){0,4} (?:understands?|gets?|knows?|cares?|listens?|treats?|helps?|does (?:it|this)|do (?:it|this)) (?:[\w-]+ ){0,2}(?:the way|like|as well as|better than) (?:we|our team|our counsell?ors|us|connections)\b`),
	{need: needs("sorted"), cross: true, re: re(`\b(?:anxiety|stress|worry|worries|panic|depression|sleep|insomnia|problems?|relationship|marriage|burnout|grief|confidence)\W{1,3}sorted\b`), keep: keepPromise, tell: tellPromise},
	promise("we fix|we make|we cure|we heal|we end|we solve|we erase|we banish|we eliminate|we stop|we promise|we actually|we really|we genuinely", `\bwe (?:actually |really |genuinely )?(?:fix|make|cure|heal|end|solve|erase|banish|eliminate|stop|promise)\b`),
	promise("never had a|every client|no client|not one|not a single|out of 10|out of ten| in 10| in ten", `\bnever had a client\b|\bevery (?:single )?client(?: (?:we|i) (?:see|work with|support|treat))? (?:gets|feels|leaves|recovers|improves|sees|goes)\b|\bno client (?:has|ever)\b|\bevery client,? every time\b|\b(?:\d+|nine|eight) out of (?:10|ten) clients\b|\b(?:\d+|nine|eight|seven) out of (?:10|ten) (?:relationships|marriages|couples|families) (?:saved|fixed|recover|improve|stay)|\b(?:[6-9]|six|seven|eight|nine) (?:in|out of) (?:10|ten) (?:of )?(?:our|my|her|his|the) (?:clients|couples|families)\b|\bnever had an? (?:couple|family|client|person|parent|teenager) (?:leave|walk out|finish|split|separate|divorce|relapse|drop out|give up)\b|\b(?:not one|not a single|no) (?:client|couple|family|person|teen|teenager|parent)s? (?:has |have )?(?:ever )?(?:walked out|left|gone home|finished|walked away)\b[^.!?]{0,50}\bwithout\b`),
	promise("remission|recovery|success rate", `\b(?:\d+\s?% )?(?:remission|recovery|success) rates?\b|\b(?:full|complete|total) recovery\b`),
	promise("life-changing|life changing|award-winning|award winning", `\blife[- ]changing\b|\baward[- ]winning\b`),
	promise("happier you|calmer you|better you|new you|new person|better person|confident you", `\ba (?:happier|calmer|better|new|whole new|brand[- ]new|more confident) (?:you|person)\b`),
	promise("% of|per cent of|track record|near-perfect|perfect record|certainty|isn't a maybe|leading experts|top experts|best experts|can't solve|can't fix|cannot solve|can't heal|can't cure|can't sort|can't resolve|can't untangle|cannot fix|cannot heal|cannot cure|simply the best|we're the best|we are the best|gets results|get results|deliver results|guarantee results", `\b(?:\d+\s?%|per ?cent) of (?:couples|clients|people|families|parents|teens|teenagers) (?:who|that) (?:see|work with|come to|complete|finish|choose) (?:us|our (?:[\w-]+ )?(?:programme|program|course|sessions|workshop))\b|\b(?:\d+\s?%|per ?cent) of (?:the |our )?(?:people|clients|couples|families) (?:we|who) (?:see|work with|treat|support)\b`+win("20")+`\b(?:reach|recover|improve|get better|achieve|feel)|\btrack record\b|\bnear[- ]perfect\b|\bperfect record\b|\bit['’]s a certainty\b|\bwith (?:total|complete|absolute|100%|one hundred per ?cent) certainty\b|\bisn['’]t a maybe\b|\b(?:leading|top|best) experts\b|\b(?:no|nothing) (?:[\w-]+ ){0,2}(?:that )?(?:we|our team|our \w+|i) (?:can['’]?t|cannot) (?:solve|fix|heal|cure|sort|resolve|untangle)\b|\bsimply the best\b|\bwe['’]?re the best\b|\bwe are the best\b|\b(?:actually|really|always) gets? results\b|\bwe (?:get|deliver|guarantee) results\b`),
	promise("always works|back to normal", `\b(?:therapy|counsell?ing|it|this|our (?:approach|method|programme|program|course|therapy))(?: with us| here| at connections)? always works\b|\b(?:gets?|get|getting|have|has) you back to normal\b`),
	promise("worth your time|worth it|league|table|rankings|accept no|seen the last|see the last", `\b(?:only|one) (?:counsell?ing |therapy )?(?:practice|service|place|team) (?:worth|that matters)\b|\b(?:top|head) of (?:the |\w+['’]s )(?:counsell?ing |therapy )?(?:league|table|rankings?|charts?)\b|\baccept no substitutes?\b|\b(?:seen|see) the last of\b`),
	promise("join the", `\bjoin the \d+\s?%`),
	promise("come back", `\b(?:it|they|the (?:anxiety|panic|depression|fear|worry|trauma))(?:['’]ll| will)? (?:won['’]?t|will not|will never|never) come back\b`),
	promise("stand a chance", `\b(?:won['’]?t|doesn['’]t|does not|will not) stand a chance\b`),
	{need: needs("never will"), re: re(`\b(?:and|but) we never will\b`), keep: promiseContext, tell: tellPromise},
	promise("for free|trust us|results|result|outcome|return|improvement|never will|unbeatable|half the time", `\bor we (?:keep working|work) for free\b|\btrust us\b|\b(?:certain|guaranteed|assured) (?:results?|outcomes?|returns?|improvements?)\b|\bunbeatable\b|\bin half the time\b`),
	// A promise made in so many words: "that's a promise", "we can promise
	// that much", "every penny back", "or your fourth session is free".
	{need: needs("promise"), re: re(`\b(?:that['’]s|it['’]s|this is) (?:a|my|our) promise\b|\bwe can promise\b`), tell: tellPromise,
		keep: func(d *doc, s span) bool { return keepPromise(d, s) && resultNear(d, s) }},
	promise("penny|money back|free|on the house|on us", `\b(?:every penny|your money|money) back\b|\bor (?:your|the) (?:next|\w+th|third|second) (?:session|one|appointment)(?: is| will be)? (?:free|on us|on the house)\b|\bif (?:it|they|we|this|that) (?:doesn['’]t|does not|don['’]t|do not)\b[^.!?]{0,50}\b(?:free|refund\w*|money back|on us|on the house)\b`),
	// Certainty without fail: "every single time", "without fail", "no
	// exceptions", "every attendee does", "it's certain", "it has never once
	// failed".
	promise("every single time|every time|without fail|no exceptions|certain|never once failed|never failed|every attendee|every client|every participant|every couple|every person|can be saved|can be fixed", `\bevery\W+single\W+time\b|\bwithout fail\b|\bno exceptions\b|\bit['’]s certain\b|\bhas never (?:once )?failed\b|\bnever (?:once )?failed\b|\bevery (?:single )?(?:attendee|client|participant|couple|person|family) (?:does|do|walks out|leaves|gets|goes home)\b|\bwhat every (?:client|attendee|couple|person) (?:walks out|leaves|goes home)\b|\bevery (?:relationship|marriage|couple|family|client|problem) can be (?:saved|fixed|healed|mended|solved)\b`),
	// Rankings and "you won't find better".
	promise("top-ranked|top ranked|find better|find a better|find another|better than us|better than we", `\btop[- ]ranked (?:\w+ )?(?:practice|counsell?ing|counsell?ors?|therapists?|service|team|clinic)\b|\byou won['’]?t find (?:a )?(?:better|another practice|another counsell?or|anyone better|anywhere better)\b|\b(?:no one|nobody|no-one|no other \w+)\b(?: [\w-]+){0,4} (?:does|do) (?:\w+ )?better than (?:us|we do|our team)\b`),
	// Goodbye to the problem, or the problem behind you: "Goodbye sleepless
	// nights. Hello calm.", "sleepless nights will be behind you".
	promise("goodbye|behind you|emerge|far side", `\bgoodbye,? (?:[\w-]+ ){0,2}(?:anxiety|stress|sleepless|panic|worry|worries|spiral\w*|insomnia|overthinking|nightmares|dread|burnout|grief)\b|\bwill be (?:behind you|a thing of the past|gone)\b|\byou(?:['’]ll| will) (?:emerge|come out|walk out|leave) (?:\w+ )?(?:stronger|healed|whole|fixed|a new person)\b|\b(?:reach|get to) the far side\b`),
	promise("won't|won’t|no more|will stop|will end|will no longer|never|just results", `\byou won['’]?t (?:be|feel|need|have)\b|\bno more (?:[\w-]+ )?(?:anxiety|stress|panic|depression|worry|worries|sleepless|arguments|fights|pain|fear|nightmares|overthinking|burnout|wake-ups|spiralling|spiraling|dread|tears|meltdowns|tantrums|bad nights)\b|\bjust results\b|\b(?:will (?:stop|end|no longer)|(?:you|you['’]ll|you will|they['’]ll|they will) never|will never (?:feel|be|have|struggle|suffer|worry|panic|bother|return|come back))\b`),
	promise("can change|will improve|will boost|will transform|will rewire|will change|will fix|will heal", `\b(?:it|we|therapy|counsell?ing|this) can change (?:yours|your life)\b|\bwill (?:improve|boost|transform|rewire|change|fix|heal) (?:your|you)\b`),
	{need: needs("reduces|cuts|improves|boosts|increases|lowers|halves|doubles"), also: needs("programme|program|course|therapy|counselling|counseling|service|method|approach|workshop|coaching"),
		re:   re(`\b(?:our|the) (?:[\w-]+ ){0,3}(?:programme|program|course|therapy|counsell?ing|service|method|approach|workshop|coaching) (?:\w+ ){0,2}(?:reduces|cuts|improves|boosts|increases|lowers|halves|doubles)\b`),
		keep: keepPromise, tell: tellPromise},
	{need: needs("will|'ll|’ll|always|definitely|certainly|cure|make sure"),
		re:   re(`\byou(?:['’]ll| will)\b` + win("40") + `\b(?:feel (?:better|calmer|happier|lighter|like a new person|yourself again|confident)|be (?:free|cured|fixed|happier|calmer|anxiety-free|stress-free)|see (?:results|a difference|real change)|leave\b` + win("30") + `\b(?:lighter|better|calmer|happier|transformed)|never|sleep (?:better|soundly)|transform|notice (?:a|the) difference)\b|\b(?:your|the) (?:anxiety|stress|depression|panic|worries|problems|fears?|pain|insomnia) will (?:be|disappear|vanish|go|melt|end|lift|fade)\b|\b(?:will|always|definitely|certainly|guaranteed to) (?:work|succeed|fix|cure|solve|heal|transform|change your life|make you (?:feel )?(?:better|happy|happier))\b|\b(?:we|she|he|they|our (?:team|counsell?ors?|therapists?))(?: will|['’]ll| can) (?:fix|cure|solve|heal|get rid of|end|make sure)\b|\bcures?\b` + win("40") + `\b` + healthTerm + `\b`),
		keep: func(d *doc, s span) bool { return !d.negated(s) && !d.quoted(s) }, tell: tellPromise},
}

// promise is a pattern for a promise of outcome, run when the lowered text
// contains one of need.
func promise(need, expr string) pattern {
	return pattern{need: needs(need), re: re(expr), keep: keepPromise, tell: tellPromise}
}

// correctedMyth reports whether the text at i follows "Myth:" in its
// sentence ("Relationship myth: happy couples never fight", "Myth: you have
// to hit rock bottom first"): what follows is what the post denies.
func correctedMyth(d *doc, i int) bool {
	return mythBefore.MatchString(d.lower[d.sentence(i).start:i])
}

var mythBefore = re(`\bmyths?\s*(?:#?\d+\s*)?[:–—-]`)

// resultNear reports whether the sentence of s, or one of the two before
// it, speaks of a result of therapy, so that "that's a promise" after "we'll
// never share your details" is not a promise of outcome.
func resultNear(d *doc, s span) bool {
	area := promiseArea(d, s)
	return d.in(problemRe, area) || d.in(outcomeRe, area)
}

// keepPromise drops softened, negated or everyday uses of promise words.
func keepPromise(d *doc, s span) bool {
	m := d.lower[s.start:]
	free := strings.HasPrefix(m, "completely") || strings.Contains(d.lower[s.start:s.end], "can change")
	myth := correctedMyth(d, s.start)
	return (free || !hedged(d, s)) && !d.negated(s) && !myth && promiseContext(d, s) && !everydayNear(d, s)
}

// worksBefore spots "works" just before a full stop of certainty.
var worksBefore = re(`\bworks?\W{1,4}$`)

// cannotPromise spots a promise the post says nobody can make ("nobody can
// honestly promise one session will make you feel better").
var cannotPromise = re(`\b(?:nobody|no one|no-one|no practice|no therapist|no counsell?or) (?:can|could|will|should)(?: \w+)? (?:promise|guarantee)|\b(?:i|we) (?:don['’]t|do not|won['’]t|will not|never|can['’]t|cannot) (?:\w+ )?(?:promise|guarantee|tell you|pretend)|\b(?:wary|careful|suspicious) of (?:anyone|any practice|anybody|people) (?:who|that) (?:guarantees?|promises?)`)

// answeredNo reports whether the phrase at s, or the question it ends or
// sits in, is answered "No" ("A quick fix? No.", "Can we promise you'll feel
// better after one session? No.").
func answeredNo(d *doc, s span) bool {
	at := []int{s.end}
	if e := d.sentence(s.start).end; e > s.end && e < len(d.lower) && d.lower[e] == '?' {
		at = append(at, e)
	}
	for _, i := range at {
		rest := strings.TrimLeft(d.lower[i:min(len(d.lower), i+16)], "?! \"”’'")
		for _, no := range []string{"no", "sadly not", "nope", "please don't", "please do not", "don't", "not here", "please phone", "please call", "please ring", "please email", "please use"} {
			if strings.HasPrefix(rest, no) && (i == s.end || !isLetterAt(rest, len(no))) {
				return true
			}
		}
	}
	return false
}

// promiseContext reports whether the post around s (its sentence and the
// two before, as in "Will it help? Yes. It always does.") is about the
// reader's problems or the practice's service, so "ever." or "completely"
// in an ordinary sentence is not a promise.
func promiseContext(d *doc, s span) bool {
	area := promiseArea(d, s)
	return d.in(problemRe, area) || d.in(outcomeRe, area) || d.in(offerRe, area)
}

// promiseArea is the sentence of s and the two before it.
func promiseArea(d *doc, s span) span {
	sen := d.sentence(s.start)
	from := sen.start
	for range 2 {
		if from > 0 {
			from = d.sentence(from - 1).start
		}
	}
	return span{from, sen.end}
}

// offerRe is the practice offering its own work ("we'll have you through
// it", "come and see me", "every family we've worked with").
var offerRe = lex("after working|working with him|working with her|working with them|working with us|after us|we'll|we will|we've worked|we have worked|worked with|work with us|come and see|see me|see us|give us|with us|our team|our counsellors|our therapists|our counselors|life back|yourself again|stronger")

// everyday spots guarantees and promises about ordinary things, which are
// idioms rather than promises of outcome.
var everyday = lex("pancake|pancakes|topping|toppings|doughnut|doughnuts|donut|donuts|buns|chilli|potluck|sausage rolls|crowd-pleaser|crowd pleaser|good morning|blues|mince pies|cupcake|cupcakes|flapjack|flapjacks|bake-off|bake off|sourdough|raffle|jumper|slump|roadworks|car park|one thing|sunshine|party|rain|brolly|printer|wifi|kettle|tea|coffee|biscuit|biscuits|cake|welcome|smile|seat|chair|parking|cushion|cushions|sofa|plant|plants|dog|cat|weather|monday|mondays|friday|fridays|snack|snacks|cookie|cookies|warm drink|cuppa|fun|friendly face|listening ear|judgement|confidential*|privacy|reply|respond|response|email|call back|call you back|get back to you|answer|luck|wishes|advice|way to|time to|of luck|quiz|bake|playlist|pizza|chocolate|chocolates|joke|jokes|pun|puns|weekend|holiday|marker|pen|hotel|restaurant|secret")

// everydayNear reports whether the sentence around s is about ordinary
// things rather than therapy.
func everydayNear(d *doc, s span) bool {
	sen := d.sentence(s.start)
	return d.in(everyday, sen) && !d.in(therapyWords, sen)
}

// everydayBefore reports whether s sits in a short sentence that comments
// on the ordinary thing in the sentence before it ("The office printer
// worked first go today. Success story of the week 🙌").
func everydayBefore(d *doc, s span) bool {
	sen := d.sentence(s.start)
	if sen.start == 0 || len(strings.Fields(d.lower[sen.start:sen.end])) > 8 {
		return false
	}
	both := span{d.sentence(sen.start - 1).start, sen.end}
	return d.in(everyday, both) && !d.in(therapyWords, both)
}

var therapyWords = lex("therapy|counselling|counseling|session|sessions|anxiety|depression|stress|result|results|recover*|feel better|heal*|outcome|outcomes|relationship|marriage|panic|trauma")

// outcomeContext reports whether the sentence around s is about therapy
// results, so that "forever" in "friends forever" is not a promise.
func outcomeContext(d *doc, s span) bool {
	sen := d.sentence(s.start)
	if len(strings.Fields(d.lower[sen.start:sen.end])) <= 3 {
		// An elliptical answer ("Will it work for me? YES. 100%.") takes
		// its subject from the two sentences before it.
		for n := 0; n < 2 && sen.start > 0; n++ {
			sen.start = d.sentence(sen.start - 1).start
		}
	}
	return !d.negated(s) && !hedged(d, s) && d.in(outcomeRe, sen)
}

var outcomeRe = lex("sick days|absence|absences|roi|productivity|staff turnover|retention|grief|coping|clears|clear|treatment*|confident|confidence|calmer|happier|cravings|anxi*|stress*|depress*|worr*|panic*|fear|fears|trauma*|phobia|phobias|addiction|problem|problems|pain|insomnia|cure|cured|fixed|gone|behind|free|better|heal*|recover*|symptom|symptoms|feel*|struggl*|negative thoughts|argument|arguments|fight|fights|work|works|result|results|success*|therapy|counselling|counseling|method|programme|course|clients|session|sessions|improve*|effective")

// imperativeTip spots a practical tip that starts with a verb ("Stop
// checking emails after 8pm to sleep better"): advice, not a promise.
func imperativeTip(d *doc, s span) bool {
	return imperative(d, s) && !strings.HasPrefix(d.lower[s.start:], "say goodbye") && !strings.HasPrefix(d.lower[s.start:], "get rid") &&
		!strings.HasPrefix(d.lower[s.start:], "end your") && !strings.HasPrefix(d.lower[s.start:], "beat ") && !strings.HasPrefix(d.lower[s.start:], "banish")
}

func (g *Gate) outcome(d *doc) []Finding {
	// A promise the sentence says nobody can make is a disclaimer.
	denied := func(f Finding) bool { return cannotPromise.MatchString(d.lower[d.sentence(f.Start).start:f.End]) }
	fs := slices.DeleteFunc(scan(d, RuleOutcome, sectionMarketing, outcomePatterns), denied)
	if len(fs) == 0 {
		fs = slices.DeleteFunc(promises(d), denied)
	}
	return fs
}

// A promise, read sentence by sentence: a word of certainty, a superlative,
// a deadline or a transformation, said about the practice's service or the
// reader's problem, with no hedge or negation.
var (
	certainty      = lex("full stop|end of story|no ifs|we'll have you|we will have you|we promise|promise|certain results|guaranteed results|certain|certainly|sure to|definitely|always works|always succeeds|every couple|every client|every person|every family|every single|every time|every one of|all our clients|all of our clients|nobody|no one|no-one|it's that simple|simple as that|without fail|no matter what|we do results")
	superlativeLex = lex("best|fastest|quickest|greatest|finest|strongest|safest|easiest|simplest|surest|friendliest|top|number one|no 1|most trusted|most effective|most successful|most experienced|most qualified|most recommended|most caring|most skilled|most popular|leading|unbeatable|unrivalled|unmatched|second to none|gets it right|get it right|the answer to|the solution to|the secret to|the key to")
	deadlineLex    = lex("fortnight|day|days|week|weeks|weekend|weekends|session|sessions|hour|hours|month|months|workshop|workshops|retreat|retreats|overnight|no time|christmas|summer|spring|new year|end of")
	deadline       = re(`\b(?:in|within|after|over|by the end of) (?:just |only )?(?:\d+|one|two|three|four|five|six|eight|ten|twelve|a|a single|one single)(?: \w+)? (?:days?|weeks?|weekends?|sessions?|hours?|months?|workshops?|retreats?|fortnight)\b|\bovernight\b|\bin no time\b|\bby (?:christmas|summer|spring|new year|the end of)\b`)
	transformation = lex("solved|fixed|cured|gone|sorted|handle anything|a different person|a new person|a whole new person|a better person|a new you|new you|a new life|a better life|life-changing|transform your|transforms your|transformed your|change your life|stay well|stay better|closer than|happier than|calmer than|stronger than|for good|see results|get results|real results|lasting results|proven results")
	serviceRe      = lex("we|our|us|you'll|you will|your|client|clients|couple|couples|session|sessions|therapy|counselling|counseling|counsellor|counselor|counsellors|counselors|therapist|therapists|programme|program|course|workshop|approach|method|practice|service")
)

func promises(d *doc) []Finding {
	var out []Finding
	for _, sen := range d.sentences() {
		toks := d.tokensIn(sen)
		if len(toks) < 2 || negation.find(toks) != nil || hedgeAny.find(toks) != nil {
			continue
		}
		kinds := 0
		var first []int
		note := func(loc []int) {
			if loc != nil {
				kinds++
				if first == nil {
					first = loc
				}
			}
		}
		note(certainty.find(toks))
		note(superlativeLex.find(toks))
		if deadlineLex.find(toks) != nil {
			if loc := deadline.FindStringIndex(d.lower[sen.start:sen.end]); loc != nil {
				note([]int{loc[0] + sen.start, loc[1] + sen.start})
			}
		}
		note(transformation.find(toks))
		if kinds == 0 || serviceRe.find(toks) == nil && outcomeRe.find(toks) == nil && problemRe.find(toks) == nil {
			continue
		}
		text := d.lower[sen.start:sen.end]
		if kinds >= 2 || problemRe.find(toks) != nil && strongPromise(toks, text) {
			s := span{first[0], first[1]}
			if !everydayNear(d, s) {
				out = append(out, find(RuleOutcome, sectionMarketing, Block, d, s, tellPromise))
			}
		}
	}
	return out
}

// problemRe names what people bring to therapy.
var problemRe = lex("tantrums|meltdowns|squabbles|wake-ups|spiralling|spiraling|ocd|ptsd|phobia*|grief|burnout|marriages|relationships|sleepless|nightmares|overthinking|procrastination|heartbreak|outbursts|nerves|argue|past|anxi*|stress*|depress*|worr*|panic*|fear|fears|trauma*|phobia|phobias|addiction|problem|problems|pain|insomnia|sleep*|relationship|relationships|marriage|burnout|grief|confiden*|self-esteem|argument|arguments|mood|well|better|recover*|calm*|happ*")

// promiseLex holds the words every promise feature starts with, to skip
// sentences that cannot hold a promise.
var promiseLex = lex("certain|certainly|sure|definitely|always|every|all|nobody|no|no-one|it's|simple|without|we|results|finally|best|fastest|quickest|greatest|finest|strongest|safest|easiest|simplest|surest|friendliest|top|number|#1|most|leading|unbeatable|unrivalled|unmatched|second|gets|get|the|in|within|after|over|overnight|solved|fixed|cured|gone|sorted|handle|a|new|life-changing|transform|transforms|transformed|change|stay|closer|happier|calmer|stronger|for")

// hedgeAny spots a softened sentence ("can help", "many people find").
var hedgeAny = lex("can|may|might|could|often|sometimes|some people|many people|most people|for some|perhaps|hope|aim|try to|tend to|tends to")

// strongPromise reports whether one promise feature is enough: a
// transformation or certainty said of the reader or the practice's clients.
func strongPromise(toks []token, text string) bool {
	return transformation.find(toks) != nil || certainty.find(toks) != nil || superlativeService.MatchString(text)
}

var superlativeService = re(`\b(?:best|fastest|quickest|greatest|finest|strongest|safest|easiest|simplest|surest|friendliest|top|number one|most \w+|leading|unbeatable|unrivalled|unmatched|second to none)\b(?: \w+){0,3} (?:way|practice|counsell?ors?|therapists?|team|service|clinic|care|support|therapy|counsell?ing|approach|method|programme|course)\b|\bgets? it right\b`)
