package gate

import (
	"regexp"
	"strings"
)

// Testimonials: the policy forbids both sharing and soliciting them
// (ACA C.3.b, APA 5.05, CRPO 6.2: star ratings count too). A testimonial is
// praise of the practice or of a client's result in a client's voice, or
// attributed to clients; soliciting is asking for reviews, ratings,
// recommendations or stories of how therapy helped.

// helper is the practice or its work as the one that helped someone.
var helper = `(?:counsell?ing|counseling|therapy|our sessions|working with us|coming here|we|our team|connections|(?:one of )?our (?:counsell?ors?|counselors?|therapists?|team))(?: here| with us| at connections)?`

// didNeeds are strings that didForThem, or a reaction to a message, cannot
// match without.
var didNeeds = needs("back|saved|changed|reason|without|best|kindest|smile|smiling|grinning|beaming|welling|tears|crying|glowing")

// didForThem is what a client says the practice did for them.
var didForThem = `(?:\b(?:gave|given|handed|brought|got|give|giving) (?:\w+ ){0,2}(?:back|their (?:\w+ )?back)\b|\bbrought back\b|\b(?:their|my|her|his) (?:life|spark|voice|confidence|sundays|smile|sleep|marriage) back\b|\bsaved (?:my|their|her|his) (?:life|marriage)\b|\bchanged (?:my|their|her|his) li(?:fe|ves)\b|\breason (?:i|they|she|he)['’]?(?:m| am| is| are)? still here\b|\bcouldn['’]t have (?:done it|got through|managed) without\b|\bbest (?:therapists?|counsell?ors?|decision)\b|\bkindest\b)`

var praise = `(?:feel(?:ing)? (?:\w+ )?(?:lighter|calmer|better|happier)|lighter|halved|cured|fixed|welcoming|cosy|calming|like (?:home|coming home|being wrapped|a hug)|best|finest|greatest|kindest|loveliest|amazing|brilliant|wonderful|fantastic|incredible|changed (?:my|their|her|his|our) li(?:fe|ves)|(?:you|we|counsell?ing|therapy|sessions?) (?:helped|saved|changed|gave)|recommend\w*|grateful|thank\w*|love (?:us|you|coming|the|our)|lifesaver|made a difference|listened|understood|safe space|so glad)`

var (
	tellRating  = tell{"Star ratings, review counts and scores are client testimonials: the policy forbids sharing them.", "Remove the rating or count and describe what the practice offers instead."}
	tellSolicit = tell{"Asking clients for reviews, ratings, recommendations or stories of how therapy helped is soliciting testimonials, which the policy forbids.", "Remove the request."}
	tellShare   = tell{"This shares a client testimonial (praise or a success story attributed to a client), which the policy forbids even with permission.", "Remove it and describe the service factually, or share an anonymised theme in general terms."}
)

var testimonialPatterns = []pattern{
	// A share of the practice's clients saying or rating something is a
	// survey of testimonials ("96 per cent said they'd send a friend to us").
	{need: needs("%|per cent|percent"),
		re: re(`\b(?:\d{1,3}(?:\.\d)?\s?(?:%|per ?cent)|(?:(?:ninety|eighty|seventy|sixty)[- ](?:one|two|three|four|five|six|seven|eight|nine)|ninety|eighty|seventy|sixty|a hundred|one hundred) per ?cent)` + win("40") + `\b(?:said|say|says|told us|tell us|rated us|rate us|would (?:recommend|send|refer|come back|return|choose)|recommend(?:ed)? us|agreed|report(?:ed|s)?|were (?:happy|satisfied|pleased))\b`),
		keep: func(d *doc, s span) bool {
			sen := d.sentence(s.start)
			return !d.negated(s) && aboutPractice.MatchString(d.lower[sen.start:sen.end])
		}, tell: tellRating},
	// Praise reported from one person ("a mum stopped me to say her son is
	// laughing again", "someone once said our waiting room felt like coming
	// home"). Themes in aggregate ("many clients tell us...") are not this.
	{need: needs("said|say|told|tell|wrote|writes|emailed|texted|messaged|mentioned|confided|admitted|reckons|thinks|insists"), gates: []*lexicon{reportLex},
		re:   re(`\b(?:someone|somebody|an? (?:(?:former|past|recent|young|new|elderly|older|lovely|long-standing|local|\d+-year-old) )?(?:lady|gentleman|man|woman|mum|mom|dad|grandad|grandma|gran|nan|teenager|teen|student|couple|family|client|regular|person|parent|widow|widower|` + person + `)|one of (?:ours|our (?:clients|regulars|families|couples|parents)))\b` + win("40") + `\b(?:said|says|say|told|tells|wrote|writes|emailed|texted|messaged|mentioned|confided|admitted|reckons|thinks|insists|to say|to tell)\b` + win("80") + `\b(?:gave (?:her|him|them|me|us)|saved|helped|changed|turned (?:\w+ )?around|transformed|(?:life|confidence|spark|smile) back|never felt|(?:felt|feel) (?:so |really |truly |properly |finally |actually )?(?:heard|safe|understood|listened to|welcome)|first (?:person|adult|one|place|counsell?or|therapist) (?:who|that|to|where|he|she|they|i)|(?:actually |really )?(?:got|gets) (?:it|me)\b|kindest|legend|goat|grateful|like coming home|(?:laughing|smiling|sleeping) again|best (?:place|thing|decision|hour)|made (?:all )?the difference|couldn['’]t have|(?:never|wouldn['’]t) have (?:\w+ ){0,3}without|without (?:our|us|you|the group|this place)|the most (?:patient|kind|caring|lovely|amazing|understanding|brilliant|calming|gentle|supportive) (?:\w+ )?(?:human|person|counsell?or|therapist|woman|man|team|people))\b`),
		keep: notNegated, tell: tellShare},
	// Clients choosing the practice ("our own clients picked us as
	// Riverside's favourite").
	{need: needs("picked us|chose us|voted for us|named us|crowned us|nominated us"),
		re:   re(`\b(?:clients|families|couples|patients|parents|readers|locals|the community|people we see)\b` + win("20") + `\b(?:picked|chose|voted for|named|crowned|nominated) us\b`),
		keep: notNegated, tell: tellShare},
	// A success story: a client who came to the practice, and how they are
	// now ("came to us after the warehouse blaze. Today he's thriving").
	{need: needs("came to us|joined our|started with us|first came|started counselling|started therapy|began counselling|began therapy"),
		re:   re(`\b(?:came to us|joined our|started with us|first came|started (?:counselling|counseling|therapy) with us|began (?:counselling|counseling|therapy) with us)\b[^\n]{0,160}?\b(?:now|today|these days|(?:six|three|nine|twelve|\d+) months (?:on|later)|a year (?:on|later))\b(?: (?:he|she|they)['’]?(?:s|re| is| are)?)? (?:thriving|back|coaches|running|leads|working|studying|happier|calmer|confident|sober|smiling|laughing|flying|doing|able|off)\b`),
		keep: func(d *doc, s span) bool { return notNegated(d, s) && !staffSubject(d, s) }, tell: tellShare},
	// Asking clients to score the practice, or announcing their vote.
	{need: needs("how did we do|how are we doing|how would you rate|favourite answers|favorite answers|vote is in|client vote|satisf|picked as|chosen as|named as|voted as"),
		re:   re(`\bhow (?:did we do|are we doing|would you rate (?:us|your (?:time|sessions?|counsell?or|therapist)))\b|\bour favou?rite answers\b|\b(?:the )?(?:client|clients['’]?|readers['’]?|people['’]s|community|public) vote\b|\b\d+\s?% satisf(?:action|ied)\b|\b(?:picked|chosen|named|voted) as (?:their|the|riverside['’]s|the town['’]s|the area['’]s) (?:favou?rite|best|top)\b`),
		keep: notNegated, tell: tellSolicit},
	// Asking for stories, ratings and recommendations in other words ("tell
	// your story of recovery with us", "we'll feature you", "what did
	// counselling change for you?", "write us a recommendation").
	{need: needs("we hear|people tell|people say|tell your|feature|what did|describe your|sum up your|us a|see what|rate us|done for you|wrote to us|said to us|told us|tag us|your before|your success|your recovery|your therapy|your counsel|your favourite|your favorite|our way|our direction|to us"),
		re:   re(`\btell your (?:\w+ )?(?:story|stories|journey)\b` + win("40") + `\b(?:with us|us|our|video|page|blog|anniversary|feature)\b|\b(?:we['’]ll|we will|we['’]d love to|we can|we might|we may) feature (?:you|it|them|yours|your (?:story|journey|words|answer|comment))\b|\b(?:email|send|share|post|dm)\b` + win("20") + `\byour (?:before[- ](?:and|&)[- ]after|success|recovery|therapy|counsell?ing) (?:story|stories|photos?|journey)\b|\btag us (?:when|if|in) (?:you post|your post|a post)\b|\bwhat did (?:counsell?ing|therapy|our sessions|your sessions|we|working with us|coming here|connections) (?:change|do|mean) for you\b|\b(?:describe|sum up) your (?:experience|time|sessions?|journey) (?:with us|at connections|here|of (?:counsell?ing|therapy) (?:at|with|here))\b|\b(?:write|writing|leave|leaving|give|giving|drop|dropping) us a (?:quick |short |linkedin |google |little )?(?:recommendation|reference|rating|review|star rating|shout-?out)\b|\bsee what (?:they|people|clients|families|couples|our clients) (?:say|are saying|think|have said)\b|\b(?:clients|people|families|couples) rate us\b|\bwhat was your favou?rite (?:moment|part|thing|bit) (?:of|about) (?:therapy|counsell?ing|your sessions|working with us|coming here)\b|\b(?:send|point|steer) (?:a|your) (?:mate|friend|pal|colleague|loved one|someone) (?:our way|in our direction|to us)\b|\bwhat (?:therapy|counsell?ing|we|our (?:team|sessions|counsell?ors)) (?:has|have) done for you\b|\b(?:is )?what (?:one of you|a client|someone|a former client|one client) (?:wrote to us|said to us|told us)\b|["”'’]\s*(?:we hear (?:it|this|that) (?:a lot|often|all the time|every week)|people (?:tell|say) (?:it|this|that) (?:a lot|often|all the time))`),
		keep: notNegated, tell: tellSolicit},
	// A message from a client told of at some length ("the sweetest message
	// landed on Priya's phone this morning from a client"), a quotation
	// attributed to one ("'My daughter smiles again.' A mum from our group
	// said this to Aisha"), or quoted superlative praise.
	{need: needs("from a|from one|from our|said|told|wrote|sent|best|greatest|finest|kindest|loveliest"),
		re:   re(`\b(?:message|note|card|postcard|letter|email|text|voicemail|gift|flowers)\b[^.!?\n]{0,60}?\bfrom (?:a|one of our|our) (?:former |past |recent )?client\b|["”’']\s*(?:[-–—~]\s*)?(?:an?|one|our) (?:[\w-]+ ){0,2}(?:mum|mom|dad|parent|client|couple|man|woman|teen|teenager|student|member|attendee)\b[^.!?\n]{0,50}\b(?:said|told|wrote|sent)\b|(?:^|[\s(])["“'‘](?:\w+ ){0,2}(?:the )?(?:best|greatest|finest|kindest|loveliest) (?:therapist|counsell?or|practice|team|decision|thing|place)\b`),
		keep: notNegated, tell: tellShare},
	// A client's own post about their sessions, amplified; asking for stories
	// to use on the website.
	{need: needs("posted about|wrote about|shared about|blogged about|tweeted about|love to use|like to use|use a few|use some|use them|use yours"),
		re:   re(`\b(?:posted|wrote|shared|blogged|tweeted) about (?:her|his|their) (?:sessions?|time|counsell?ing|therapy|journey|experience) (?:with us|here|at connections|with [a-z]+)\b|\b(?:we['’]d love to|we['’]d like to|we['’]ll|we will|we may|we might) (?:use|share|post|publish|feature) (?:a few|some|them|it|yours|the best)\b` + win("30") + `\b(?:website|blog|page|feed|socials|newsletter|instagram|facebook|leaflet|brochure)\b`),
		keep: notNegated, tell: tellSolicit},
	// "We'll take it" after a client's words ("'Life-changing' is the one a
	// former client used this week. We'll take it"), not after a quiz result.
	{need: needs("take it"), re: re(`\bwe['’]ll take it\b`),
		keep: func(d *doc, s span) bool { return d.in(clientWords, span{0, len(d.lower)}) }, tell: tellShare},
	// Asking those it helped to say so: "if counselling here changed things
	// for you, the comments are open for your story", "leave a 💜 if one of
	// our counsellors helped you", "tell me what therapy here helped you with".
	{need: needs("if |tell me|tell us"), also: needs("changed|helped|made a difference"),
		re:   re(`\bif ` + helper + ` (?:has |have )?(?:changed|helped|made a difference)\b` + win("80") + `\b(?:comments?|share|tell us|story|stories|let us know|reviews?|drop|post|tag us|write to us|send us|email us|write-up|write up)\b|\b(?:leave|drop|send|post|comment|tap|hit|give|add) (?:us )?(?:a |an |the )?\S{1,12} if ` + helper + ` (?:has |have )?(?:changed|helped|made a difference)\b|\btell (?:me|us) (?:what|how) ` + helper + ` (?:has |have )?(?:changed|helped|made a difference)\b`),
		keep: notNegated, tell: tellSolicit},
	// Praise received and passed on: "Aisha got a message saying she'd
	// handed someone their life back", "a card turned up at reception: ...
	// 'brought back their spark'", "this message came into our inbox and the
	// whole team's been smiling since".
	{need: needs("message|card|note|letter|email|text|voicemail|thank-you|thank you"), also: needs("got|received|had|opened|found|turned up|came in|arrived|landed|popped up|dropped"),
		when: func(d *doc) bool { return d.has(didNeeds) }, cross: true,
		re:   re(`\b(?:got|received|had|opened|found)\b` + win("30") + `\b(?:message|card|note|letter|email|text|voicemail|thank[- ]you)s?\b[^\n]{0,120}?` + didForThem + `|\b(?:message|card|note|letter|email|text|voicemail)s? (?:turned up|came in|came into|arrived|landed|popped up|dropped)\b[^\n]{0,120}?(?:` + didForThem + `|\b(?:smiling|smile|grinning|beaming|welling up|in tears|crying|glowing)\b)`),
		keep: notNegated, tell: tellShare},
	// Asking for accounts of how counselling helped, and star ratings in
	// words ("four point nine stars, two hundred and twelve reviews").
	{need: needs("of how|point"),
		re:   re(`\b(?:accounts?|stories|story|words|experiences?) of how (?:counsell?ing|therapy|we|our \w+|sessions?|coming here)(?: here| with us)? (?:helped|changed|supported|made a difference)\b|\b(?:four|three|five) point (?:one|two|three|four|five|six|seven|eight|nine) (?:stars?|out of (?:five|5))\b`),
		keep: notNegated, tell: tellSolicit},
	// Asking people to talk about how therapy helped them, or to mark that it
	// did; "recommended by clients".
	{need: needs("about how|helped you|recommended by"),
		re:   re(`\b(?:talk|speak|share|tell us|chat)\b` + win("40") + `\babout how (?:therapy|counsell?ing|we|our \w+|sessions?|coming here)(?: here| with us)? (?:helped|changed|supported)\b|\bif (?:our|we|counsell?ing|therapy)\b[\w ]{0,30}\b(?:have|has) helped you\b|\brecommended by (?:our |local |happy |past )?(?:clients|families|patients|parents)\b`),
		keep: notNegated, tell: tellSolicit},
	// Counted recommendations, and asking people to vouch or to tick stars.
	{need: needs("recommended|vouch|endorsed|stars|favourites|favorites"),
		re:   re(`\brecommended (?:[\w'’-]+ ){0,5}by (?:\d+|dozens of|hundreds of|scores of) (?:\w+ )?(?:neighbours|neighbors|people|families|locals|clients|parents|members|couples)\b|\b(?:\d+|dozens of|hundreds of) (?:\w+ )?(?:neighbours|neighbors|locals|families|clients|parents|couples) (?:have )?(?:recommended|vouched for|endorsed) us\b|\bvouch(?:es|ed)? for us\b|\b(?:tick|circle|colour in|color in|give us) (?:the |some |your |a |five |5 )?stars?\b|\bpost (?:our|the|some) favou?rites\b|\b(?:missing|needs?|wants?|could use|could do with|would love|collecting) (?:your|a few of your|some of your) (?:gold |shiny |five |5 )?stars\b`),
		keep: notNegated, tell: tellSolicit},
	// Praise quoted from a described person ("From a dad of two: 'Family
	// sessions here turned our house around.'") or "called us '...'".
	{need: needs("from a|from an|from one|called |calls |call |described "),
		re:   re(`\bfrom (?:a|an|one) (?:[\w'’-]+ ){0,4}(?:mum|mom|dad|parent|client|couple|mother|father|man|woman|teen|teenager|student|family|grandparent|grandmother|grandfather|carer|husband|wife|partner|widow|widower)\b[^:.!?\n]{0,60}:\s*["“'‘]|\b(?:called|calls|call|described) (?:us|her|him|them)\s+["“'‘]|\b(?:client|someone|somebody|couple|parent|patient)\b[^.!?\n]{0,40}\b(?:called|calls|described) [a-z]+\s+["“'‘]`),
		keep: notNegated, tell: tellShare},
	{need: needs("made of us|thought of us|think of us|thank-you|thank you|glowing|lovely|kind|blushed|keep us going|keeps us going|humbled|the dream|too kind|grinning|overwhelmed|few words|line or two|recommendation|about us|real words|people say|clients say|couples say|parents say|collecting stories|sums up|favourite thing|top marks|questionnaire|would come back|former client|still here|lines about|words about|sentences about|with us"),
		re: re(`\b(?:thank[- ]you|glowing|lovely|kind) (?:notes?|cards?|messages?|letters?|emails?)\b|\b(?:we blushed|keeps? us going|humbled|that['’]s the dream|too kind|grinning all week|overwhelmed by the thank)\b|\b(?:a few|some|kind) words (?:on|about) (?:our|us)\b|\ba line or two about\b|\bleav(?:e|ing) (?:her|him|them|us|\w+) a recommendation\b|\brecommendation to someone\b|\btell (?:them|your friends|your mates?|everyone|others|people|a friend) (?:about us|what you (?:made|thought|think) of us)\b|\breal words from real clients\b|\bwhat (?:people|clients|couples|parents|families) say (?:after|about)\b|\b(?:our )?clients say it\b|\bcollecting stories\b|\bsums up your time\b|\bfavourite thing about (?:coming to|working with|our|us|connections)\b|\btop marks\b|\b(?:end-of-course |feedback )?questionnaires?\b|\bwould come back\b|\bour former client\b|\bthe reason i['’]m still here\b|\b(?:a few|some|a couple of) (?:lines|words|sentences) about\b|\b(?:about|on) your (?:time|experience|sessions?|journey)(?: [\w-]+){0,2} with us\b`),
		keep: func(d *doc, s span) bool {
			return !d.negated(s) && !everydayNear(d, s) && !sendOne.MatchString(d.lower[max(0, s.start-20):s.start]) && !admiration.MatchString(d.lower[s.end:])
		}, tell: tellShare},
	{need: needs("star|★|⭐|rated|/5|/ 5|/10|out of|average|rating"),
		re: re(`\b[1-5](?:\.\d)?\s*(?:/\s*5\s*|out of (?:5|five)\s*)?-?\s*stars?\b|★{2,}|⭐{2,}|[★⭐]\s*\d|\d\s*[★⭐]|\b(?:five|four|5|4)[- ]stars?\b|\b\d\.\d (?:average|rating|stars?|out of)\b|\b(?:top[- ])?rated (?:\d|excellent|outstanding|top|highly|\w+ on (?:google|trustpilot|facebook))|\b\d(?:\.\d)?\s*(?:/|out of)\s*(?:5|10)\b`), keep: func(d *doc, s span) bool { return !d.negated(s) && !everydayRating(d, s) && !deniedAfter(d, s) }, tell: tellRating},
	{need: needs("rating|rated|score|out of ten|out of 10|satisf|respondents|feedback survey|survey"),
		re: re(`\b(?:\w+ )?ratings?\b|\btop[- ]rated\b|\bscored?\b` + win("40") + `\b(?:by|from|out of)\b|\bscore us\b|\bout of (?:ten|10)\b|\b(?:client|customer|patient) satisfaction\b|\bsatisfaction (?:score|rate|rating|survey)\b|\b\d+\s?(?:%|per ?cent)` + win("30") + `\b(?:of )?(?:clients|respondents|parents|families|couples|people we)\b|\b(?:survey|feedback) results\b`), keep: func(d *doc, s span) bool {
			return !d.negated(s) && !everydayNear(d, s) && !everydayRating(d, s) && !d.quoted(s) && !deniedAfter(d, s)
		}, tell: tellRating},
	{need: needs("review"),
		re: re(`\b(?:a|an|the|our|your|this|that|another|these|those|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|dozens of|hundreds of|(?:a|an|the|our|your) (?:short|little|kind|lovely|honest|positive|glowing|google|online|quick google|5-star|five-star)|new|lovely|kind|great|glowing|five-star|5-star|5 star|five star|google|facebook|trustpilot|yelp|online|client|customer|honest|first|latest|recent|positive|amazing|wonderful|brilliant|fantastic|beautiful|more|many|excellent|sweet|touching|heartfelt)\s+reviews?\b|(?:^|[.!?\n]\s*)reviews?\s+(?:from|on|like|keep|mean|make|are|matter|help|really)\b|\breviewers\b`),
		keep: func(d *doc, s span) bool {
			sen := d.sentence(s.start)
			return !d.negated(s) && !documentReview.MatchString(d.lower[sen.start:sen.end]) && !reviewOf.MatchString(d.lower[s.start:sen.end])
		},
		tell: tellRating},
	{need: needs("review|rate us|recommend|nominat|vote|would you send|would you refer|would you point|how was|how is|how were|how has"),
		re: re(`\b(?:leave|write|post|give|drop|add|love|appreciate|share)\b` + win("25") + `\breviews?\b|\b(?:review|rate|recommend|recommending|nominate|nominating|vote for|voting for) us\b|\bwould you recommend\b|\bif you (?:nominated|recommended|reviewed|rated) us\b|\ba (?:quick |short |little )?review (?:would|will|really) (?:be|mean|help|make)\b|\bwould you (?:send|refer|point)\b` + win("40") + `\b(?:us|connections|our|the practice|here)\b|\bhow (?:was|is|were|has been) (?:counsell?ing|therapy|your (?:time|sessions?|experience)) (?:with us|here|at connections)\b|\brecommend (?:connections|our (?:practice|counsell?ors?|therapists?|services?))\b`),
		keep: func(d *doc, s span) bool {
			return notNegated(d, s) && !askingForThing.MatchString(d.lower[s.end:]) && !answeredNo(d, s)
		}, tell: tellSolicit},
	{need: needs("means the world|made our day|makes our day|made our week|makes our week|made our whole|makes our whole|warms our|shout-out|shout out|shoutout|award|choice|voted|nominat|shortlisted|verdict|overheard|word about us|voice note|your words|share your words|before and after|beforeafter|recovery photos|made a difference|rate your|rate ur|your experience with us|experience with us|had to say|speak for themselves"),
		re:   re(`\b(?:means the world to us|made our (?:whole )?(?:day|week)|makes our (?:whole )?(?:day|week)|warms our hearts?|shout[- ]?out (?:from|(?:on|in) (?:your|her|his|their) (?:[\w-]+ ){0,2}(?:story|page|post|instagram|video|reel|blog))|(?:client|people['’]?s|readers['’]?|customer)s?['’]? choice|(?:we['’]ve been|we were|we['’]re|connections (?:has|have) been|connections was|connections is) (?:\w+ )?(?:voted|nominated|shortlisted)|the verdict|overheard|(?:a |quick )?word about us|voice note|(?:share|use) your words|before ?(?:and|&)? ?after|recovery photos|(?:has|have|it|they|we|counsell?ing|therapy) made a difference\b|rate (?:your|ur) experience|(?:your )?experience with us|(?:clients?|families|couples|parents) had to say|had to say after|speak for themselves)\b`),
		keep: func(d *doc, s span) bool { return !d.negated(s) && !everydayNear(d, s) }, tell: tellShare},
	{need: needs("testimonial|success|kind |feedback|happy client|satisfied|delighted|spotlight|voted|words|lovely|wonderful|amazing|great|positive|glowing|fantastic|incredible|permission|posted by|shared by|by our clients|by our families|by local"),
		re: re(`\bthe feedback from\b(?: (?:our|the) (?:partner|partners|volunteers|staff|team|colleagues|funders|commissioners|council))?|\bfeedback from (?:this|last|our|the)\b(?: (?:partner|partners|volunteers|staff|team|colleagues|funders|commissioners|council))?|\b(?:with|has) (?:a |the |their |her |his )?client['’]s permission\b|\b(?:posted|shared|written|sent|left) by (?:a |one of our )?(?:grateful |happy |former )?(?:client|patient|family)\b|\b(?:named|voted|chosen|rated|crowned|nominated|shortlisted|put forward)\b` + win("60") + `\bby (?:our |local |the |a |one of our |several |many |different |two |three |four |five |\d+ )*(?:\w+ ){0,2}(?:clients?|families|patients|community)\b|\b(?:a|one of our|our|two|three|several) (?:former |past )?(?:clients?|families|couples|patients) (?:nominated|voted for|put forward|shortlisted)\b|\btestimonials?\b|\bsuccess[- ]stor(?:y|ies)\b|\b(?:kind|kindest|lovely) (?:words|messages|comments|notes?|cards?|feedback) (?:from|we|you|left|received|about (?:us|our|the team|connections))\b|\b(?:wonderful|lovely|amazing|great|positive|glowing|fantastic|incredible) (?:feedback|comments|messages)\b|\b(?:happy|satisfied|delighted) (?:clients|customers|families)\b|\b(?:client|patient|family|customer) (?:spotlight|of the (?:month|week|year)|success|wins?|journeys?)\b|\bvoted\b` + win("40") + `\b(?:by (?:our |local )?(?:clients|patients|families|customers|readers|the community)|best|favourite|friendliest|top)\b|\bin their own words\b|\bfeedback (?:form|card|survey)s?\b` + win("60") + praise + `\b`),
		keep: func(d *doc, s span) bool {
			// "We don't ask clients for reviews, ratings or testimonials":
			// the word ends a list the sentence negates.
			listed := strings.HasPrefix(d.lower[s.start:], "testimonial") && d.in(negation, span{d.sentence(s.start).start, s.start})
			return !d.negated(s) && !listed && !everydayNear(d, s) && !everydayBefore(d, s) && !partnerFeedback.MatchString(d.lower[s.start:s.end]) && !mention(d, s)
		}, tell: tellShare},
	{need: needs("client|patient|customer|families|couples|people|parents|family"), gates: []*lexicon{sayLex},
		re:   re(`\b(?:clients?|patients?|customers?|people|families|family|couples?|parents?)\b` + win("25") + `\b(?:say|says|said|saying|tell us|told us|telling us|keep telling|wrote|writes|rave|describe us|call us|love us|thanked us|thank us)\b` + win("70") + `\b` + praise + `\b`),
		keep: func(d *doc, s span) bool { return !aggregate.MatchString(d.lower[s.start:s.end]) }, tell: tellShare},
	{need: needs("thank us|praise us|from a|from one|from our|from someone|from former|from past|feedback|review|friends|word of mouth|refer|spread the word|described|liked|loved|valued|asked our|asked clients|describe|love us|adore us|rave about us|talking about us"),
		re: re(`\b(?:message|note|card|postcard|letter|email|text|voicemail|drawing|poem|words|feedback|comment|review|thank[- ]you|gift|flowers)s? from (?:a |one of our |our |former |past |someone who |a former |a past |a recent )?(?:clients?|famil(?:y|ies)|couples?|parents?|patients?|attendees|participants|someone who (?:finished|completed|came|worked|saw|had)|someone (?:we|i|\w+) (?:saw|see|supported|worked with|helped|counselled))\b|\b(?:client|customer|patient|attendee|participant|family|couple)s?['’]? (?:feedback|reviews?|comments|quotes?|words|voices|stories|praise|thanks)\b|\b(?:lovely|kind|great|amazing|wonderful|glowing|5-star|five-star|fantastic|brilliant|beautiful|honest) reviews?\b|\btell (?:your |a )?(?:friends?|family|others|people|colleagues) about us\b|\bword of mouth\b|\brefer a friend\b|\bspread the word about us\b|\b(?:described|describe|call|called|rated|praised) (?:us|our (?:\w+ )?(?:counsell?ors?|therapists?|team|practice|service|sessions?)) as\b|\b(?:our |my )?(?:clients|families|couples|patients) (?:love|adore|rave about|can['’]t stop talking about) us\b|\basked (?:our |some of our )?(?:clients|families|couples|patients) (?:what|how|to)\b|\b(?:clients|families|couples|patients) (?:liked|loved|valued|appreciated|enjoyed|praised) (?:most|our|the way)\b|\b(?:gave|giving|given|give) (?:me|us|her|him|them) (?:my|our|her|his|their) (?:\w+ )?back\b|\b(?:clients|families|couples|parents|people)\b[\w ’']{0,16}\b(?:written|wrote|messaged|emailed|rung|called|come back|came back|popped in|stopped by) (?:in )?to (?:thank|praise) us\b`),
		keep: func(d *doc, s span) bool {
			return notNegated(d, s) && !reviewOf.MatchString(d.lower[s.start:d.sentence(s.start).end])
		}, tell: tellShare},
	{need: needs("what our|what my|hear from|see why|former clients|clients describe|clients share"),
		re:   re(`\bwhat (?:our|my|former) (?:clients|patients) (?:say|are saying|think|have to say)\b|\bhear from (?:(?:our|a|one of our|real|former|past|some of our) )+clients?\b|\bhear from (?:people|those|others|folks|someone) who['’]?(?:ve| have)? (?:actually |really )?(?:sat|been|worked|come|had)\b|\bsee why (?:people|clients|families|couples) (?:choose|love|trust) us\b|\b(?:former |past )?clients (?:describe|share|explain|talk about)\b`),
		tell: tellShare},
	{need: needs("changed|saved|transformed|turned around|best thing|best decision|without you|without them|gave |given |gave us|hope again"),
		re:   re(`\b(?:changed|saved|transformed|turned around|rescued) (?:my|our|their|his|her) (?:li(?:fe|ves)|marriages?|relationships?|family|families|sanity|year)\b|\bbest (?:thing|decision) (?:i|we)(?:['’]ve| have)? (?:ever )?(?:done|made)\b|\bcouldn['’]?t have done it without\b|\b(?:gave|given) (?:me|us|her|him|them) (?:my|our|her|his|their)? ?(?:life|hope|confidence|son|daughter|family|marriage|smile)\b`),
		tell: tellShare},
	{need: needs("\"|“|”|'|‘"),
		re:   re(`(?:["”'’]\s*[-–—~]\s*|["”'’],?\s+(?:says?|said|writes|wrote)\s+)(?:an? |one |our |former |happy |satisfied |grateful )*(?:client|patient|customer|couple|parent|mum|dad|member|attendee)\b|["”]\s*[-–—~]\s*[^\s\d]\.(?:\s?[^\s\d]\.)?|["”]\s*[-–—~]\s*\pL+,? \d{1,2}\b|\bshared with (?:their |her |his )?permission\b`),
		tell: tellShare},
	{need: needs("tell|show|share|send|email|let us know|#|tag|what did you"),
		re:   re(`\b(?:tell|show|share with|send|email|let) (?:us|the judges|others|the world)\b` + win("50") + `\bhow\b` + win("40") + `\b(?:helped|changed|made a difference|worked for you|supported|turned (?:things|it|your life|my life) (?:a)?round|got you through)|#[\pL\d_]*(?:helped|success|testimonial|review|changedmy|thankyou|(?:my|your|our|success|recovery|therapy|client)story|kindwords|journey|recovery)[\pL\d_]*|\b(?:share|tell us|send us|email us|post)\b` + win("20") + `\byour (?:therapy |counsell?ing |recovery )?(?:story|stories|experience|journey|progress)\b` + win("40") + `\b(?:with us|us|our|therapy|counsell?ing|sessions?|connections|working with)\b|\bwhat did you (?:gain|get|learn|take away) from\b`),
		keep: func(d *doc, s span) bool { return notNegated(d, s) && !commute.MatchString(d.lower[s.start:s.end]) }, tell: tellSolicit},
	{need: needs("how we helped|how we've helped|how counselling|how therapy|how our|difference to you"),
		re:   re(`\bhow (?:we|our (?:team|counsell?ors?|therapists?|practice|sessions?|work together|time together)|counsell?ing|therapy|connections)(?: has| have|['’]ve)? (?:helped|changed|supported|made a difference)(?: you)?\b|\bmade a difference to you\b`),
		tell: tellSolicit},
	{need: needs("our name|trustpilot|trustscore|yelp|feefo|google rating|google review|referral|refer|friend you|spread|pop our name|mention us|compliment|personal recommendation"),
		re: re(`\b(?:trustpilot|trustscore|yelp|feefo|google (?:rating|reviews?|stars?))\b(?: of)?|\breferral (?:rewards?|scheme|bonus|code|discount|offer)s?\b|\b(?:every|any|each) friend you (?:send|refer|bring)\b|\brefer (?:a|your) (?:friend|colleague|partner)\b|\b(?:keep )?spreading the word\b|\b(?:pop|pass|share) (?:on )?our name\b|\bmention us to\b|\b(?:take the|nicest|biggest|best|greatest|lovely|kind) compliments?\b|\bpersonal recommendations?\b`),
		keep: func(d *doc, s span) bool {
			return notNegated(d, s) && !strings.HasSuffix(d.lower[s.start:s.end], " of") && !deniedAfter(d, s)
		}, tell: tellSolicit},
	{need: needs("said|say|line or two|feedback|comments|words|working with us|together|vote|endorsement|thing about|former clients|past clients|current clients|our socials|net promoter|nps|sessions later|own words|not ours|quote from"),
		re:   re(`\bwhat (?:our |my |former |past )?(?:clients|patients|couples|families) (?:have )?(?:said|told us|wrote|write|say|to say)\b|\b(?:posting|posted|shared|sharing|reposting|reposted) (?:this |it )?with (?:their |her |his |the client['’]s |kind )?permission\b|\b(?:a line or two|a few words|a sentence or two|a short paragraph) (?:for|about) us\b|\bwords from you\b|\babout working with us\b|\bhow our (?:work|time|sessions) together (?:has )?(?:changed|helped|made)\b|\b(?:clients|families|patients)['’]? (?:annual )?(?:vote|poll|awards?)\b|\b(?:client|patient) endorsements?\b|\bfav(?:ou?rite)? thing about (?:ur|your) (?:counsell?or|therapist|sessions?|therapy)\b|\b(?:former|past|current) clients to (?:tell|share|write|send|describe)\b|\b(?:shared|posted|displayed|featured) on our (?:socials|page|instagram|facebook|noticeboard)\b|\bnet promoter\b|\bnps\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few) sessions later\b|\b(?:her|his|their) (?:own )?words,? not ours\b|\bin (?:her|his) own words\b|\b(?:quote|words|line) from (?:someone['’]s|a client['’]s|a|one) (?:feedback|card|review|note|message|form)\b|\b(?:best|loveliest|nicest|kindest) feedback\b|\bfeedback we (?:ever )?(?:got|had|received)\b`),
		keep: notNegated, tell: tellShare},
	{need: needs("sentences|sentence or two|lines|client voices|feedback quotes|rate your|rate ur|recommendation on|called|credit|owe|sessions with|time with"),
		re: re(`\b(?:a few|some|a couple of|two|three) (?:sentences|words|lines)\b` + win("60") + `\b(?:website|socials|brochure|leaflet|page|newsletter|put|publish|feature)\b|\ba sentence or two\b|\bclient voices\b|\bfeedback quotes?\b|\brate (?:your|ur) (?:counsell?or|therapist|last session|sessions?|time with us)\b|\b(?:quick |short )?recommendations? (?:on|in) (?:our|the|your) (?:[\w'’-]+ ){0,3}(?:facebook|google|page|website|group|nextdoor|mumsnet|forum)\b|\bcalled (?:\w+ ){0,2}['‘"“](?:the )?(?:kindest|best|nicest|most|loveliest)\b|\bcredits? (?:\w+ ){0,2}with (?:saving|changing|turning|rescuing)\b|\bowes? (?:it all|everything|(?:his|her|their|my) (?:life|recovery|marriage)) to\b|\bon (?:her|his|their) (?:sessions|time|work) with\b`),
		keep: func(d *doc, s span) bool {
			return notNegated(d, s) && !publicSpeaker.MatchString(d.lower[d.sentence(s.start).start:s.start])
		}, tell: tellShare},
	{need: needs("recommend a|few words|short video|a video|a clip|quotes from|say we|said we|things clients|things people|things you|moment you knew|rt if|retweet if|share if|like if|verdict|many of you|thing about us|put us forward|did for you|come to us sooner|come sooner|nominate|real messages|real stories|real reviews|message of the day|screenshot"),
		re:   re(`\brecommend (?:a friend|your friends|a colleague)\b|\b(?:a few words|a short video|a video|a clip|a short clip)\b` + win("60") + `\b(?:experience|time with us|on camera|counsell?ing|therapy)\b|\bquotes? from (?:people|clients|those|families|couples) (?:we['’]ve |we have )?(?:helped|worked with|supported|seen)\b|\b(?:say|says|said|saying) we['’]re (?:\w+ )?(?:lovely|kind|amazing|brilliant|the best|wonderful|great)\b|\b(?:nicest|kindest|loveliest|best) things? (?:clients|people|you|families)(?: have)? (?:said|say|wrote)\b|\bthe moment you knew\b|\b(?:rt|retweet|like|share) (?:this )?if (?:connections|we|our \w+|counsell?ing|therapy|\w+) helped\b|\b(?:clients|patients|families)['’] verdict\b|\b(?:so )?many of you (?:have )?(?:told us|said)\b|\bfavou?rite thing about us\b|\bput us forward\b|\bwhat (?:connections|we|counsell?ing|therapy|our \w+) did for you\b|\bwish(?:es|ed)? (?:they|i|you)['’]d come (?:to us )?sooner\b|\bnominate (?:him|her|them|our)\b|\breal (?:messages|stories|reviews|words) from real (?:clients|people|families)\b|\bmessage of the day\b|\bscreenshot\b` + win("40") + `\b(?:messages?|praise|kind|clients?)\b`),
		keep: notNegated, tell: tellShare},
	{need: needs("thank-you|thankyou|thank you|written in|many of you said|pass our number|tell the world|reshare|visitors' book|visitors’ book|clients say we|left us a|let us post|you've sent us|you’ve sent us|card wall|thank-yous"),
		re:   re(`\bthank[- ]?yous?(?: notes?| cards?| messages?)? from (?:clients|our clients|families|someone we['’]ve worked with|people we['’]ve (?:worked with|seen|helped))\b|\b(?:clients|families|couples) (?:have )?written in\b|\bmany of you said we\b|\bpass our (?:number|name|details) on\b|\btell the world\b|\breshare\b|\bvisitors['’] book\b|\bclients say we['’]re\b|\bleft us a re(?:view|veiw)\b|\blet us post this\b|\byou['’]ve sent us\b|\bcard wall\b`),
		keep: func(d *doc, s span) bool { return notNegated(d, s) && !d.in(ordinary, d.sentence(s.start)) }, tell: tellShare},
	{need: needs("after|since|thanks to|later"), gates: []*lexicon{pronounLex},
		re:   re(`\b(?:after|since|thanks to)\b` + win("40") + `\b(?:us|our team|our (?:counsell?ors?|therapists?|practice|programme|program|course)|connections|counsell?ing with us|therapy with us)\b,?\s*(?:she|he|they)(?:['’]s|['’]re| is| are| now| has| have| feels| can| no longer)\b|\b(?:sessions?|weeks?|months?) later,? (?:she|he|they)\b`),
		tell: tellShare},
	// Rewards and invitations for praise: "every Facebook recommendation
	// earns a ticket in our prize draw", "tell us your therapy journey
	// below", "your words could appear on our page".
	{need: needs("earns|earn|enters|wins|gets you|prize|draw|journey|your words|story"),
		re:   re(`\b(?:every|each|any|your) (?:google |facebook |trustpilot |\w+ )?(?:review|recommendation|rating|testimonial)s? (?:this \w+ )?(?:earns?|gets? you|wins?|enters? you|goes into|is entered)\b|\btell us (?:about )?your (?:therapy |counsell?ing |recovery |healing )(?:journey|story|stories)\b|\byour (?:words|story|experience) (?:could|might|may|will) (?:appear|feature|be (?:shared|used|featured|posted))\b`),
		keep: notNegated, tell: tellSolicit},
	// Praise gathered, voted or chosen by clients: "collecting short
	// reflections", "our clients voted us", "chosen by the people we see",
	// "votes from clients carry the most weight", "a recommendation on my
	// profile", "the word on the street about Connections", "rate your first
	// appointment with us", "how others found their first sessions".
	{need: needs("collect|voted|chose|chosen|named us|picked|votes|vote from|recommendation on|word on the street|rate your|rate ur|found their|gathered|feedback box|suggestion box|comments box"),
		re:   re(`\bcollect(?:ing|ed)? (?:your |our clients['’] |client |some |short |little )*(?:[\w-]+ )?(?:reflections|write-ups|paragraphs|memories|stories|testimonies|recommendations|reviews|quotes|testimonials)\b|\b(?:our )?(?:clients|families|couples|the people we (?:see|work with)|people we (?:see|work with))\b(?: have)? (?:voted|chose|chosen|named|picked) us\b|\b(?:chosen|picked|voted for|named) by (?:the people we (?:see|work with)|(?:our )?(?:own )?clients|people we (?:see|work with))\b|\b(?:client|clients['’]?) votes?\b|\bvotes? from (?:our )?clients\b|\ba recommendation on (?:my|our|her|his) (?:profile|page|linkedin)\b|\bthe word on the street about (?:us|connections|our)\b|\brate (?:your|ur) (?:first )?(?:appointment|session|sessions|experience|time|counsell?ing|therapy)\b|\bhow (?:others|other people|other clients|clients) found (?:their|our|us)\b|\bgathered (?:their|our clients['’]|clients['’]) (?:words|stories|reviews)\b|\bfrom (?:the|our) (?:feedback|suggestion|comments) box\b`),
		keep: notNegated, tell: tellShare},
	// Feedback reported as a verdict, and lines asked for: "the buzz about
	// our new Saturday slots: calm, kind", "couldn't ask for nicer feedback",
	// "add a line to our guestbook about what your sessions have meant".
	{need: needs("buzz|feedback|guestbook|guest book|a line about|a note about|a few words about"),
		re:   re(`\bthe (?:buzz|word|verdict) (?:about|on) (?:us|our|connections)\b|\b(?:nicer|lovelier|better|kinder|warmer|sweeter) feedback\b|\b(?:guest ?book|visitors['’]? book)\b|\b(?:add|write|leave) (?:a|us a) (?:line|note|few words|message) about (?:what|how) (?:your|our) (?:sessions?|time|therapy|counsell?ing)\b`),
		keep: notNegated, tell: tellShare},
	// Anyone who has been a client called as a witness: "anyone who has sat
	// in our counselling rooms will back us up".
	{need: needs("back us up|tell you|vouch|agree"),
		re:   re(`\b(?:anyone|everyone|everybody|ask anyone) who['’]?s? (?:has |have )?(?:ever )?(?:sat|been|worked|come|walked) (?:in|with|to|through|into) (?:our|us)\b[^.!?]{0,40}\b(?:will|would|can|could) (?:back us up|tell you|vouch|agree)\b`),
		keep: notNegated, tell: tellShare},
	// Share of clients saying they did well: "nine in ten of the people we
	// see say they feel better".
	{need: needs(" in 10| in ten|out of 10|out of ten|%|per cent|percent|most of|all of"),
		re:   re(`\b(?:\d+|nine|eight|seven|six|ninety|eighty|seventy|sixty|most|all|almost all|nearly all)(?: (?:in|out of) (?:10|ten))?(?:\s?%| per ?cent)?(?: of)? (?:the )?(?:people|clients|couples|families|parents) (?:we (?:see|work with|support)|who (?:come|came) to us)\b` + win("20") + `\b(?:say|said|tell us|told us|report|reported|rate|rated)\b`),
		keep: notNegated, tell: tellShare},
	// The words people use about the practice, listed: "what people are
	// saying about us: 'warm', 'life-changing'", "words our clients have used
	// about us this month", "top answers: safe, kind".
	{need: needs("saying|saying about|say about|said about|used about|use about|using about|use to describe|used to describe|top answers|one word|words to|word to|sweetest|loveliest|kindest|nicest|most beautiful"),
		re:   re(`\bwhat (?:people|clients|our clients|folks|you|families|couples|parents)(?: are| have been| keep)? (?:\w+ )?(?:saying|say|said) about (?:us|connections|our)\b|\bwhat (?:people|clients|our clients|folks|families|couples|parents) (?:are|have been) (?:\w+ )?saying(?:\s*[:"“'‘]|\s*$|\s+[^\sa-z])|\b(?:one|a|three) words? to (?:describe|sum up) (?:how )?(?:counsell?ing|therapy|us|your (?:time|sessions?|experience)|connections|coming here)\b|\b(?:sweetest|loveliest|kindest|nicest|most beautiful) (?:message|note|card|email|text|words)\b|\b(?:words?|things?) (?:people|clients|our clients|folks|you|families|couples)(?: \w+){0,2} (?:use|used|using|keep using|have used|say|said|keep saying) (?:about|to describe|for) (?:us|connections|our|the practice)\b|\btop answers?\b|\bone word (?:that )?(?:describes?|sums up) (?:your|our|us|connections)\b`),
		keep: notNegated, tell: tellShare},
	// Praise reported as a superlative about someone on the team: "told Aisha
	// she was the best therapist they'd ever had", "keep telling us Marcus is
	// the reason they stuck with therapy".
	{need: needs("ever had|ever met|ever seen|ever been to|ever worked with|the reason"),
		re:   re(`\b(?:best|warmest|kindest|loveliest|nicest|greatest|wisest|calmest|most \w+) (?:\w+ )?(?:therapist|counsell?or|counselor|practice|service|person|listener)s? (?:they|i|we|she|he)['’]?(?:ve|d| have| had)? ever (?:had|seen|met|been to|worked with|spoken to)\b|\b(?:keep|kept|keeps) (?:telling|saying to) (?:us|me|her|him) (?:that )?[\w ]{1,30}? (?:is|was|are|were) the (?:reason|best|warmest|kindest|one)\b`),
		keep: notNegated, tell: tellShare},
	// Asking for a few lines where the public will read them: "a couple of
	// lines on our Google listing", "a short paragraph on what coming here has
	// been like", "has Connections helped you? Post a recommendation".
	{need: needs("line|lines|paragraph|sentence|helped you|help you"),
		re:   re(`\b(?:a (?:few|couple of) (?:lines|words|sentences)|a line or two|a (?:short )?paragraph|a sentence or two)\b` + win("40") + `\b(?:google|facebook|trustpilot|listing|linkedin|website|newsletter|booklet|review|your (?:time|experience|sessions?|therapy|counsell?ing)|what (?:coming here|counsell?ing|therapy|working with us)|how (?:coming here|counsell?ing|therapy|we))\b|\b(?:has|have|did) (?:connections|counsell?ing|therapy|our (?:team|counsell?ors?|therapists?|sessions)|\w+) (?:with us |here )?help(?:ed)? you\b[^\n]{0,80}?\b(?:recommendation|review|google|facebook|linkedin|a (?:few|couple of) (?:lines|words)|a line or two|tell (?:us|others|people|a friend)|share|post|comment below)\b`),
		keep: notNegated, tell: tellSolicit},
	// Asking what changed: "we'd love to hear what's different now", "tell us
	// what shifted for you", "what therapy has changed for you".
	{need: needs("different now|shifted for you|changed for you|changed in your|changed things|has changed for|what therapy|what counselling"),
		re:   re(`\b(?:hear|tell us|let us know|share|write|email us|drop us)\b` + win("40") + `\bwhat(?:['’]s| is| has)? (?:\w+ ){0,3}(?:different now|shifted for you|changed for you|changed in your life|changed things)\b|\bwhat (?:therapy|counsell?ing|coming here|working with us)(?: with us| here)? (?:has )?changed (?:for you|in your life)\b`),
		keep: notNegated, tell: tellSolicit},
	// Kind words collected and shown: "our wall of kind words", "a lovely
	// comment", "we're collecting your before-and-after stories", "words from
	// someone we've worked with, shared with their blessing".
	{need: needs("kind words|lovely|collecting|blessing|permission|words from|smartest|money well spent|best money"),
		re:   re(`\b(?:wall|board|book|jar|collection|box) of (?:kind|lovely|thank[- ]you|happy|warm) (?:words|notes|messages|cards)\b|\b(?:lovely|kind|wonderful|beautiful|sweet|amazing) (?:comment|message|note|review) (?:from|on|under|left|we|that)\b|\bcollecting (?:your |our clients['’] |client )?(?:[\w-]+ ){0,2}(?:stories|recommendations|reviews|quotes|testimonials)\b|\bwords from (?:someone|a person|somebody|one of you) (?:we['’]ve|who['’]s|who has|who)\b|\bshared with (?:their|her|his) (?:blessing|permission)\b|\b(?:smartest (?:move|decision)|money well spent|best money (?:they|i|we|she|he) (?:ever|have ever|['’]ve ever) spent)\b`),
		keep: notNegated, tell: tellShare},
}

// deniedAfter reports whether the practice says, just after s, that it does
// not do this ("Testimonials: we don't publish them").
func deniedAfter(d *doc, s span) bool {
	return denial.MatchString(d.lower[s.end:min(len(d.lower), s.end+80)])
}

var denial = re(`\bwe (?:don['’]t|do not|never|won['’]t|will never|can['’]t|cannot) (?:publish|post|share|run|use|ask|collect|promote|display)\b`)

// commute spots a journey that is a commute ("share your journey to work
// with us this Bike Week"), not a story of therapy.
var commute = re(`\bjourney (?:to|into) (?:work|school|the office|uni|college)\b`)

// sendOne spots advice to send a kind message to someone, not one received.
var sendOne = re(`\b(?:send|write|post|leave)(?: (?:a|someone|them|him|her|a friend) ?(?:a )?)?\s*$`)

// admiration spots being humbled by what people bring to counselling ("humbled
// by the bravery it takes to knock on a counsellor's door"), not by praise.
var admiration = re(`^ by (?:the|their|people['’]s|clients['’]?|your|how much) (?:\w+ )?(?:bravery|courage|strength|honesty|resilience|openness|trust)\b`)

// partnerFeedback spots feedback from partners or staff, not clients.
var partnerFeedback = re(`\b(?:partner|partners|volunteers|staff|team|colleagues|funders|commissioners|council)$`)

// mention reports whether s is a word quoted to talk about it ("the phrase
// “success story”"), not used.
func mention(d *doc, s span) bool {
	for _, q := range d.quotes {
		if q.contains(s) && q.end-q.start <= s.end-s.start+2 {
			return true
		}
	}
	return false
}

// askingForThing spots "recommend us a good biscuit": asking for a
// recommendation of a thing, not of the practice.
var askingForThing = re(`^\s+(?:a|an|some|your|any|the best|good)\b`)

// pronounLex gates the success-story pattern to sentences about someone.
var pronounLex = lex("she|he|they|she's|he's|they're")

// aggregate spots general statements about what many people say, which the
// policy allows ("many couples tell counsellors that ...").
// documentReview spots reviews that are not clients' opinions: of a policy,
// a book, opening hours, a case or someone's work.
var documentReview = re(`\b(?:starting point|worth reading|worth a read|helpful read|systematic|meta-analysis|package|mid-point|midpoint|progress|decide|together|annual|policy|policies|notice|book|books|film|hours|fees|prices|date|under|case|performance|safeguarding|procedure|website|literature|peer|review week|reviewing|reviewed|supervision|contract|risk|service review|evidence|newsletter|season|commissioning|cafés|cafes|restaurants|of the year)\b`)

// everydayRating reports whether the rating at s is of an ordinary thing
// (a café, a film, the team's quiz pick) or by the team, in a post that
// never mentions the practice's service or clients.
func everydayRating(d *doc, s span) bool {
	sen := d.sentence(s.start)
	text := d.lower[sen.start:sen.end]
	if ratesUs.MatchString(text) || ratesPractice.MatchString(d.lower) {
		return false
	}
	all := span{0, len(d.lower)}
	return d.in(ordinary, sen) || teamRater.MatchString(text) || foodRating.MatchString(d.lower) || d.in(mediaCue, all)
}

// ratesUs spots a rating of the practice in the rating's sentence;
// ratesPractice spots the practice's service or clients anywhere in the post.
var (
	ratesUs       = re(`\b(?:rate|rated|rating|ratings|give|gave|giving|leave|leaving|for|about|recommend|review) us\b|\bus (?:\d|five|four) stars?\b`)
	ratesPractice = re(`\b(?:connections|clients?|our (?:practice|service|services|counsell\w*|counsel\w*|therap\w*|sessions?|support|care))\b`)
)

// teamRater spots the team as the one giving a rating.
var teamRater = re(`\bby (?:the|our) team\b|\bstars? from (?:her|him|them|me|us|the team|our team)\b|\b(?:book club|staff|team|office) (?:gave|gives|rated|rates|verdict)\b|\b(?:the team|our team)(?:['’]s)?(?: gives?| gave| rates?| rated| verdict)\b|\bstars? of the (?:week|month|year|show|day)\b|\bto (?:our|the) (?:weekend |amazing |brilliant |wonderful )?(?:volunteers|team|staff|receptionists?|trustees|fundraisers|runners|bakers)\b|\bstars? to (?:the (?:mystery|kind|lovely|anonymous|generous) (?:person|soul|neighbou?r|baker|donor)|whoever|everyone who|anyone who)\b`)

// staffIn reports whether a staff name appears in the sentence s.
func staffIn(d *doc, s span) bool {
	for _, w := range d.ws {
		if w.start >= s.start && w.end <= s.end && d.gate.staffWord[bare(w.s)] {
			return true
		}
	}
	return false
}

// foodRating spots star ratings of food and ordinary things.
var foodRating = re(`\b(?:sunshine|walk|mud|food|hygiene|coffee|tea|cake|buns?|bakery|bakeries|shop|pub|bar|pick|picks|hot chocolate|taste test|biscuits?|machine|pizza|lunch|café|cafe|cafés|cafes|restaurants?|plants?|pots?|makeover|chairs?|sofa|furniture|decor|film|book|bestseller|chapter|playlist|weather|printer|logos?|design|jumpers?|mugs?|photos?|songs?|quiz|judges|bake|bake-off|drizzle|scones?)\b`)

// reviewOf spots "a review of the evidence", "reviews of local cafés": a
// review of something other than the practice.
var reviewOf = re(`^(?:\w+ )?reviews? (?:of|the)\b`)

var aggregate = lex("many|most|some|lots of|often|sometimes")

func (g *Gate) testimonial(d *doc) []Finding {
	fs := scan(d, RuleTestimonial, sectionTestimony, testimonialPatterns)
	return append(fs, clientQuotes(d)...)
}

// successStory turns a story about a particular client that ends well
// ("today she got her first merit") into a testimonial: a success story.
func successStory(d *doc, story span) (Finding, bool) {
	loc := d.match(goodNews)
	if loc == nil {
		return Finding{}, false
	}
	return find(RuleTestimonial, sectionTestimony, Block, d, span{loc[0], loc[1]}, tell{
		"A story of how a particular client is doing better is a success story, which is a testimonial the policy forbids.",
		"Remove the story; talk about common themes in general terms instead."}), true
}

var goodNews = lex("hasn't had a|not had a single|since starting|finally|doing better|doing much better|doing brilliantly|doing well|proud|so proud|over the moon|thank-you|thank you|thanks|passed|got her|got his|got their|got into|back to work|back at work|behind the wheel|for the first time|no longer|renewing|recovered|happier|smiling|laughed|celebrat*|congratulat*|well done|milestone|merit|made it|sober|clean|gave me|given me|got me through|helped me|better now|come such a long way|long way|legend|go on")

// clientQuotes finds quotations in a client's voice: four or more words with
// "I", "me" or "my" and a word of praise or change. A practice has no reason
// to post such a quotation but a testimonial.
func clientQuotes(d *doc) []Finding {
	var out []Finding
	for _, q := range d.quotes {
		if !clientQuote(d, q) {
			continue
		}
		out = append(out, find(RuleTestimonial, sectionTestimony, Block, d, q, tellShare))
	}
	return out
}

// thoughtQuote spots quoted thoughts in a tip ("notice the thought 'I'm not
// good enough'"), which are not testimonials.
var thoughtQuote = re(`\b(?:ok to say|okay to say|fine to say|alright to say|all right to say|scripts?|saying|naming|out loud|name the feeling|think|thinking|thought|thoughts|tell yourself|telling yourself|inner|critic|self-talk|try saying|swap|replace|instead of|notice|catch yourself|ask yourself|you might (?:say|hear)|we often hear|phrases? like|words like|labels like)\b`)

// attributed spots a quotation credited to a client or to feedback, or
// received as one ("three words that had the whole office grinning").
var attributed = re(`\b(?:client|clients|feedback|card|review|survey|anonymous|permission|former|said|says|sent|shared by|wrote|told|tells|message from|note from|from a)\b|["”'’]\s*[-–—~]|\b(?:made (?:my|our|the) (?:\w+ )?(?:day|week|morning|month)|had (?:the whole|us all|everyone)|grinning|can['’]t disagree|not going to argue|won['’]t argue|we agree|pinned|framed|on the fridge|noticeboard|keeping this|screenshot|pinged|we hear (?:that|this|it)|words (?:straight |direct(?:ly)? )?from|from someone|one of our|with (?:her|his|their) (?:blessing|permission)|framing|frame it|found in|put it best|put it)\b`)

// praiseQuote spots quoted praise of the practice in anyone's voice.
var praiseQuote = re(`\b(?:best|amazing|legend|brilliant|wonderful|lifesaver|life-saver|changed my|saved my|recommend|thank you|thanks for|grateful|couldn['’]?t have|you (?:were|are) the first|made me feel|most (?:genuinely )?human)\b`)

// clientQuote reports whether the quotation q is in a client's voice: the
// speaker's own experience or praise, credited to a client or to feedback.
func clientQuote(d *doc, q span) bool {
	text := d.lower[q.start:q.end]
	if len(wordsIn(text)) < 3 || publicQuote.MatchString(d.text[q.end:min(len(d.text), q.end+60)]) ||
		publicBefore.MatchString(d.text[max(0, q.start-50):q.start]) || mediaPost(d) || d.in(verseCue, span{0, len(d.lower)}) {
		return false
	}
	sen := d.sentence(q.start)
	if publicSpeaker.MatchString(d.lower[sen.start:q.start]) || strings.HasSuffix(strings.TrimRight(text, "\"”'’ "), "?") {
		return false // a public figure's words, or a question to ask
	}
	around := d.lower[sen.start:min(len(d.lower), q.end+60)]
	// A tip around the quotation ("notice the thought '...'") makes it a
	// thought, not praise; "I never thought" inside it does not.
	tip := thoughtQuote.MatchString(d.lower[sen.start:q.start]) // "try saying 'I'm doing my best'"
	tipAround := tip || thoughtQuote.MatchString(d.lower[q.end:min(len(d.lower), q.end+60)])
	self := firstPerson.MatchString(text) && !tipAround
	praised := quotePraise.MatchString(text) && !tipAround
	credited := attributed.MatchString(around)
	if d.staff && staffNear(d, sen, q) {
		return false // a member of staff speaking
	}
	return self && (praised || credited) || praised && credited || praiseQuote.MatchString(text) && !tip
}

// staffNear reports whether a staff name appears outside the quotation q in
// the sentence s or the one after it: the speaker is a member of staff.
func staffNear(d *doc, s span, q span) bool {
	end := s.end
	if end < len(d.lower) {
		end = d.sentence(end + 1).end
	}
	for _, w := range d.ws {
		inQuote := w.start >= q.start && w.end <= q.end
		if !inQuote && w.start >= s.start && w.end <= end && d.gate.staffWord[bare(w.s)] && !staffHelped.MatchString(d.lower[max(0, w.start-14):w.start]) {
			return true
		}
	}
	return false
}

// staffHelped spots a member of staff named as the one who helped ("after
// six sessions with Aisha"), not as the one speaking.
var staffHelped = re(`\b(?:with|to|about|for|thanks to|after)\s+$`)

// verseCue marks a post quoting a poem or song, not a client.
var verseCue = lex("poem|poems|poetry|poet|poets|lyric|lyrics|verse|hymn")

// publicBefore spots a quotation introduced by a full name ("Audre Lorde
// wrote:", "Alice Walker:"), as public figures' quotations are.
var publicBefore = regexp.MustCompile(`\p{Lu}[\pL'’.-]+(?: \p{Lu}[\pL'’-]+){1,3}(?: (?:wrote|said|says|writes|put it|puts it))?[:,]?\s*["“'‘]?$`)

// publicQuote spots a quotation signed with a full name and nothing more
// ("— Brené Brown", "Thich Nhat Hanh 🍃"), as public figures' quotations
// are; clients' quotations are signed with initials, a first name, an age
// or a town.
var publicQuote = re(`^[.,]?\s*[-–—~]?\s*\p{Lu}[\pL'’.-]+(?: \p{Lu}[\pL'’-]+){1,3}\s*(?:$|[^\pL\d\s,]|,\s*(?:the |a )?\p{Lu}\pL* \pL+ \pL)`)

var quotePraise = lex("steadiest|calmest|wisest|kindest|nicest|loveliest|warmest|bravest|spotted|different person|new person|gets it|got it|gets me|got me|worked|works|kindest|calmest|feel|felt|better|myself|again|gave me|gave us|given me|thank*|help*|changed|whole|best|hope|listened|understood|saved|safe|heard|recommend*|amazing|wonderful|grateful|brilliant|walked in|walked out|back|sooner|years ago|plan|legend|gone|sober|through|wish")

func wordsIn(s string) []string {
	return strings.Fields(s)
}

// aboutPractice spots a sentence about the practice or its clients, as a
// survey of them is, rather than a statistic about people in general.
var aboutPractice = re(`\b(?:us|our|connections|clients?)\b`)

// staffSubject reports whether a member of staff is named just before s, so
// the story is a staff member's own ("When Priya first came to us...").
func staffSubject(d *doc, s span) bool {
	for _, w := range strings.Fields(d.text[max(0, s.start-25):s.start]) {
		if d.gate.staffWord[bare(w)] {
			return true
		}
	}
	return false
}

// publicSpeaker spots a public figure speaking before a quotation ("a former
// footballer turned campaigner called therapy 'the best training I ever
// did'"): their words are not a client's testimonial.
var publicSpeaker = re(`\b(?:footballer|campaigner|author|writer|actor|actress|singer|presenter|broadcaster|athlete|olympian|speaker|mp|councill?or|comedian|celebrity|podcaster|ambassador|professor|journalist)\b`)

// reportLex and sayLex are the verbs of reported praise, so that its
// patterns only read the sentences that have one (every match lies within
// a sentence).
var (
	reportLex = lex("said|says|say|told|tells|wrote|writes|emailed|texted|messaged|mentioned|confided|admitted|reckons|thinks|insists|to say|to tell")
	sayLex    = lex("say|says|said|saying|tell us|told us|telling us|keep telling|wrote|writes|rave|describe us|call us|love us|thanked us|thank us")
)
