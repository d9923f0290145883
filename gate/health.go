package gate

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// Health claims: statements of fact about health effects, causes, treatments
// or health statistics need evidence from an accepted source. Softened
// wording ("can help", "many people find") and imperative tips ("reduce
// caffeine in the evening") are not claims.

var healthTerm = `(?:depress\w*|antidepressants?|anxiety|anxious|stress|insomnia|sleep|ptsd|trauma\w*|ocd|adhd|autism|panic\w*|mood|serotonin|dopamine|endorphins|oxytocin|cortisol|hormones?|nervous system|vagus nerve|brains?|memor(?:y|ies)|immun\w*|blood pressure|blood sugar|heart|gut|pain|symptoms?|mental (?:health|illness)|illness\w*|disorders?|addiction\w*|burnout|grief|bipolar|schizophreni\w*|dementia|inflammation|well-?being|self-esteem|suicid\w*|self-harm|eating disorders?|obesity|weight|cancer|diabetes|risk of|recovery|relapse|phobias?|nerves|health|healthier|happier|happiness|resilience|loneliness|lonely|focus|concentration|energy|fatigue|healing|mind|body|smoking)`

// healthNeed holds the stems of healthTerm, to skip the claim patterns on
// posts that do not mention health at all.
var healthNeed = needs("depress|anxi|stress|insomnia|sleep|ptsd|trauma|ocd|adhd|autis|panic|mood|seroton|dopamin|endorphin|oxytocin|cortisol|hormon|nervous|vagus|brain|memor|immun|blood|heart|gut|pain|symptom|mental|ill|disorder|addict|burnout|grief|bipolar|schizo|dementia|inflam|being|esteem|suicid|harm|eating|obes|weight|cancer|diabet|risk of|recover|relapse|phobi|nerves|health|happ|resilien|lonel|focus|concentrat|energy|fatigue|heal|mind|body|smok|worse|better|effective|imbalance|cause of")

// healthLex is the word-level form of healthTerm: claim patterns run only on
// sentences that mention health.
var healthLex = lex("ill|fall ill|sick|smoking|microbiome|sickness|absence|remission|psychosis|cannabis|sunshine|blues|massage|nidra|gp|heartbreak|procrastination|overthinking|concentration|depress*|antidepressant*|anxiety|anxious|stress*|insomnia|sleep*|ptsd|trauma*|ocd|adhd|autism|panic*|mood|moods|serotonin|dopamine|endorphins|oxytocin|cortisol|adrenaline|hormone|hormones|nervous system|vagus nerve|brain|brains|memory|memories|immun*|blood pressure|blood sugar|heart|gut|pain|symptom|symptoms|mental health|mental illness|illness*|disorder|disorders|addiction*|burnout|grief|bipolar|schizophreni*|dementia|inflammation|wellbeing|well-being|self-esteem|suicid*|self-harm|eating disorder*|obesity|weight|cancer|diabetes|risk|recovery|recover*|relapse|phobia|phobias|nerves|health|healthier|happier|happiness|resilience|loneliness|lonely|focus|concentration|energy|fatigue|healing|heal*|mind|body|smoking|worse|better|effective|imbalance|cause|causes|hippocampus|cure*|treatment*|remedy|remedies|regulation|emotional|cigarettes|sick|died|die|deaths|amygdala|cortex|prefrontal|neurons|neural|neuroplasticity|telomeres|immune system|hair loss|headache*|migraine*|disease|diseases|lifespan|longevity|blood flow|heart rate|cognitive|cognition|grey matter|gray matter|melatonin|gaba|tryptophan|neurotransmitter*|medicine")

var claimVerb = `(?:reduc|lower|boost|improv|increas|caus|trigger|cur|heal|treat|prevent|protect|chang|rewir|reset|regulat|balanc|releas|reliev|eas|calm|strengthen|weaken|damag|harm|worsen|shrink|repair|restor|revers|eliminat|fight|stabilis|stabiliz|detox|flood|doubl|halv|slash|lengthen|shorten|add|rais|spik|destroy|ruin|fix|beat|transform|unlock|activat|stimulat|rebalanc)(?:e|es|ed|s|ing)?`

var tellStatistic = tell{"A health statistic needs evidence from an accepted source.",
	"Attach the source of the figure (an accepted domain or a DOI), or remove the figure."}

var tellClaim = tell{"This states a health effect, cause or treatment as fact; the policy allows only accurate, evidence-based health information.",
	"Soften it (\"many people find ... can help\") or attach evidence from an accepted source (gate.evidence_domains or a DOI)."}

var healthPatterns = []pattern{
	{need: needs("proven|shown|tested"),
		re: re(`\b(?:clinically|scientifically|medically) (?:proven|tested|shown)\b|\bproven to\b`), keep: notNegated, tell: tellResearch},
	{need: needs("stud|research|science|evidence|trial|data|expert|scientist|doctor|psychologist|gps|nhs|nice|who|world health|cdc|apa|government"),
		also: needs("show|suggest|prove|found|find|confirm|tell|say|agree|recommend|advise|describe|state|estimate|report|warn"),
		re:   re(`\b(?:studies|research|science|evidence|trials?|data|experts?|scientists|doctors|researchers|psychologists|gps|the (?:nhs|nice|who|cdc|apa|government)|nhs|nice|world health organi[sz]ation)(?: \w+){0,4} (?:shows?|suggests?|proves?|has shown|have shown|found|finds|confirms?|tells us|says?|agree|recommends?|advises?|describes?|states?|estimates?|reports?|warns?)\b`), tell: tellResearch},
	{gates: []*lexicon{healthLex}, need: needs("according to|study"), re: re(`\baccording to\b|\ba (?:new |recent |major |large |harvard |landmark )?study\b`), tell: tellResearch},
	// Ratios with words between ("one new dad in five") and death tolls
	// ("claim the most lives"), kept apart so that their loose shape runs only
	// when its distinctive words are there.
	{gates: []*lexicon{healthLex}, need: needs("in two|in three|in four|in five|in six|in seven|in eight|in nine|in ten|in every|most lives|more lives"),
		re:   re(`\bclaims? (?:the most|more) lives\b|\b(?:one|1|two|2|three|3) (?:[\w-]+ ){1,3}in (?:two|three|four|five|six|seven|eight|nine|ten|every)\b`),
		keep: func(d *doc, s span) bool { return !d.in(testimonialStat, d.sentence(s.start)) },
		tell: tellStatistic},
	{gates: []*lexicon{healthLex}, need: needs("out of 10|out of ten|%|per cent|percent|one in|1 in|two in|2 in|three in|3 in|half of|third|quarter|majority of|millions of|thousands of|times|million|thousand|people|adults|children|men|women|deaths|cases|lives"),
		re: re(`\b\d+(?:\.\d+)?\s?%|\bper ?cent\b|\b(?:one|1|two|2|three|3) in (?:\d+|two|three|four|five|six|seven|eight|ten|every)\b|\b(?:half|a third|a quarter|two[- ]thirds|three[- ]quarters|the majority|millions|thousands) of\b|\b(?:\d+|nine|eight|seven) out of (?:10|ten)\b|\bby \d+\s?%|\b\d[\d,.]* (?:million|thousand)\b|\b\d+ (?:times|x) (?:more|less|likelier|as likely)\b|\b(?:three|two|four|five|ten) times (?:more|less|as)\b|\b\d[\d,.]* (?:million |thousand )?(?:people|adults|children|men|women|teenagers|young people|deaths|cases|lives)\b`),
		keep: func(d *doc, s span) bool {
			return !d.in(testimonialStat, d.sentence(s.start))
		},
		tell: tellStatistic},
	{gates: []*lexicon{healthLex, claimLex},
		re:   re(`\b` + healthTerm + `\b (?:\w+ )?` + claimVerb + `\b (?:the|your|our|a|people|children|kids|teenagers|adults|us|gp|staff)\b`),
		keep: func(d *doc, s span) bool { return !hedged(d, s) && !d.quoted(s) },
		tell: tellClaim},
	{gates: []*lexicon{healthLex}, need: needs("caused|cured|treated|linked|associated|connected|stored|rooted|triggered|made worse|worsened|driven|fuel"),
		re:   re(`\b(?:is|are|gets?|has been|have been) (?:\w+ )?(?:caused|cured|treated|linked|associated|connected|stored|rooted|triggered|made worse|worsened|driven|fuelled|fueled) (?:by|to|with|in)\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	{gates: []*lexicon{healthLex}, need: needs("mak"), also: needs("worse|better|more|less"),
		re: re(`\bmak(?:e|es|ing) (?:\w+ ){0,3}(?:worse|better|more (?:depressed|anxious|stressed|lonely)|less (?:anxious|stressed|depressed))\b`),
		keep: func(d *doc, s span) bool {
			return notHedgedOrNegated(d, s) && !idiomBetter.MatchString(d.lower[s.start:s.end])
		},
		tell: tellClaim},
	{need: needs("treatment|remedy|cure|therapy|antidepressant|way to"), also: needs(" is | are "),
		re:   re(`\b(?:is|are) (?:an? |the )?(?:most |more |very |highly |hugely )?(?:effective|proven|evidence-based|powerful|natural|best|only|fastest|safe|safest) (?:\w+ )?(?:treatment|remedy|cure|therapy|antidepressant|way to (?:treat|beat|cure|fix|heal))\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	{gates: []*lexicon{healthLex}, need: needs("effective than|effective as|as well as|better than|faster than|natural|chemical imbalance|cause of|killer|alternative to|directly linked|hand in hand|stages|officially|fact.|fact!|= |equals|saves the nhs|tripl|doubl|quadrupl|halved|the rate of|research:|report"),
		re:   re(`\b(?:more|less|as) effective (?:than|as)\b|\bnatural alternative to\b|\bdirectly linked\b|\bgo hand in hand\b|\b(?:five|5|seven|7) stages\b|\bofficially (?:a|an)\b|\bfact[.!]|\b\d+ (?:minutes|hours) of [\w ]+ ?(?:=|equals)|\bsaves? the nhs\b|\b(?:tripl|doubl|quadrupl)(?:ed|es|ing)\b|\bhalved\b|\b(?:\d+|two|three|four) times the rate\b|\b(?:new )?research:|\b(?:a|the) (?:new |recent )?report\b|\bworks? (?:as well as|better than|faster than)\b|\bnatural (?:antidepressant|remedy|cure|treatment|painkiller|sedative)\b|\bchemical imbalance\b|\b(?:the|a) (?:leading|main|biggest|number one|root|single biggest) (?:cause of|killer)\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	// What keeps an illness away: "ten thousand steps is all it takes to keep
	// depression away".
	{gates: []*lexicon{healthLex}, need: needs("away|at bay|all it takes"),
		re:   re(`\bkeeps? (?:the )?(?:depression|anxiety|stress|low mood|dementia|illness|the blues|panic|burnout) (?:away|at bay)\b|\bis all it takes to (?:beat|keep|cure|fix|stop|prevent|end)\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	// Certainty about what a sign means or where an illness goes: "hearing
	// voices is always a sign of psychosis", "it only gets worse without
	// medication".
	{gates: []*lexicon{healthLex}, need: needs("always|invariably|only get|only gets"),
		re:   re(`\b(?:is|are) (?:always|invariably|nearly always|almost always) (?:a |an |the )?(?:(?:first|early|warning|clear|sure) )?(?:signs?|symptoms?|red flags?|caused by|the result of) (?:of|by)?\b|\bonly gets? worse (?:without|unless|if)\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	{need: needs("harmful|bad for|bad to|toxic|dangerous|good for|healing|therapeutic|essential"),
		re:   re(`\b(?:harmful|bad|toxic|dangerous|good|healing|therapeutic|essential) (?:to|for) (?:your |our |the )?(?:health|brain|heart|mental health|mood|sleep|body|nervous system|immune system)\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	{gates: []*lexicon{healthLex}, need: needs("too much|too little|lack of|low levels|caused by|result of|chemical|imbalance|disease|choice|habit|reaction|body's|body’s|stored in|rooted in"),
		re:   re(`\b(?:is|are) (?:simply |just |really |actually |basically |nothing but |all about )?(?:too much|too little|a lack of|low levels of|caused by|the result of|a chemical|an imbalance|a disease|a choice|a habit|a reaction|your body['’]s|the body['’]s|stored in|rooted in)\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	{gates: []*lexicon{healthLex}, need: needs("likely to|better|worse|fewer|lower|higher|stronger|weaker|twice|times|faster|quicker|reason|cause|trigger|driver|risk factor"),
		re:   re(`\b(?:more|less) likely to (?:develop|suffer|experience|recover|be diagnosed|get|have)\b|\b(?:develop|have|show|report|experience|enjoy|get) (?:better|worse|fewer|lower|higher|stronger|weaker)\b|\b(?:twice|three times|four times|\d+ times|\d+%) (?:as|more|less|faster|quicker|slower)\b|\b(?:recover|heal|sleep|cope)\w* (?:\w+ )?(?:twice|three times|faster|quicker|better) (?:than|as)\b|\b(?:number one|leading|biggest|most common|main|top) (?:\w+ )?(?:reason|cause|causes|trigger|driver|risk factor)s? (?:of|for)\b`),
		keep: func(d *doc, s span) bool { return notHedgedOrNegated(d, s) && !d.quoted(s) },
		tell: tellClaim},
	{gates: []*lexicon{remedyLex},
		re:   re(`\b(?:supplements?|vitamins?|magnesium|ashwagandha|cbd|omega[- ]?3|essential oils?|herbal|herbs|st john['’]s wort|probiotics?|detox|cold (?:showers?|plunges?|water)|melatonin|caffeine|sugar|alcohol)\b` + win("60") + `\b(?:` + claimVerb + `|is|are|works?|makes?|for (?:your )?(?:mood|anxiety|sleep|depression|stress|energy|focus|immunity|nerves))\b`),
		keep: func(d *doc, s span) bool { return notHedgedOrNegated(d, s) && !d.in(foodTalk, d.sentence(s.start)) },
		tell: tell{"This suggests a substance or remedy has a health effect; that needs evidence from an accepted source.",
			"Attach evidence from an accepted source, or remove the claim."}},
	{gates: []*lexicon{healthLex}, need: needs("prone|vulnerable|susceptible|risk"),
		re:   re(`\b(?:more|less) (?:prone|vulnerable|susceptible) to\b|\bat (?:a )?(?:greater|higher|lower|increased|reduced|double the) risk of\b|\b(?:lower|higher|reduced|increased|greater|cuts? the|halves the|doubles the) (?:\w+ )?risk of\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	{need: needs("harmful|bad|dangerous|damaging|deadly|toxic|effective|powerful|addictive"),
		re:   re(`\bas (?:harmful|bad|dangerous|damaging|deadly|toxic|effective|powerful|addictive) (?:for (?:you|your health) )?as\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	{gates: []*lexicon{healthLex}, need: needs("causes|triggers|leads to|results in|damages|weakens|shrinks|raises|lowers|reduces|increases|worsens|fuels|speeds up|slows"),
		re:   re(`\b` + healthTerm + `\b (?:causes|triggers|leads to|results in|damages|weakens|shrinks|raises|lowers|reduces|increases|worsens|fuels|speeds up|slows)\b \w+`),
		keep: func(d *doc, s span) bool { return notHedgedOrNegated(d, s) && !d.quoted(s) }, tell: tellClaim},
	{need: needs("helps"),
		re:   re(`\bhelps (?:with|(?:you |people |children |us )?(?:to )?(?:treat|cure|prevent|beat|overcome|recover from|fight|heal from|process)) (?:your |the |their )?(?:depression|anxiety|ptsd|trauma|dementia|insomnia|ocd|adhd|addiction|panic attacks|chronic pain|symptoms|grief|stress|burnout)\b`),
		keep: func(d *doc, s span) bool { return notHedgedOrNegated(d, s) && !softened(d, s) }, tell: tellClaim},
	{need: needs("medicine|antidepressant|painkiller|sedative"),
		re:   re(`\b(?:is|are) (?:the best |nature['’]s |a natural |natural |real |powerful |a powerful |free )?(?:medicine|antidepressants?|painkillers?|sedatives?)\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	{need: needs(" of "),
		re:   re(`\b(?:is|are) (?:a |an |often a |always a |usually a |the first |an early |a classic )?(?:sign|symptom|form|type|result|cause) of (?:adhd|autism|depression|anxiety|trauma|ocd|ptsd|bipolar|dementia|burnout|low self-esteem|an eating disorder|addiction)\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	{need: needs("links|ties|connects"),
		re:   re(`\b(?:research|studies|science|data|scientists|experts|evidence) (?:now |also |clearly |strongly )?(?:links|ties|connects)\b`),
		tell: tellResearch},
	{gates: []*lexicon{healthLex}, need: needs("most |all |majority|nearly all"),
		re:   re(`\b(?:most|all|the majority of|nearly all) (?:people|adults|children|teens|teenagers|men|women) with (?:\w+ ){1,2}(?:recover|get better|improve|respond|never|will)\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	{need: needs("genetic|inherited|hereditary|dna|saves the nhs|anxious generation|depressed generation|more likely to|less likely to|fewer than|more than half"),
		re:   re(`\b(?:is|are) (?:\w+ )?(?:genetic|inherited|hereditary)\b|\bin (?:your|our|their) (?:dna|genes)\b|\bsaves? the nhs\b|\bthe most (?:anxious|depressed|lonely|stressed) generation\b|\b\d+(?:\.\d+)?\s?% (?:more|less) likely\b|\b(?:fewer|less|more) than (?:\d+|one|two|three|half) (?:in|out of) (?:\d+|two|three|four|five|ten)\b`),
		keep: notHedgedOrNegated, tell: tellClaim},
	{need: needs("heals|cures"),
		re: re(`\b(?:heals|cures)\b`),
		keep: func(d *doc, s span) bool {
			return notHedgedOrNegated(d, s) && !softened(d, s) && !nounCure.MatchString(d.lower[max(0, s.start-12):s.start])
		},
		tell: tellClaim},
}

// softened reports whether the sentence before s tells of what some people
// find or feel ("many people find a walk helps with stress").
func softened(d *doc, s span) bool {
	return d.in(softLex, span{d.sentence(s.start).start, s.start})
}

var softLex = lex("find|finds|found|feel|feels|some people|many people|might|may|can|could|often|sometimes")

// nounCure spots "cures" used as a noun ("no quick cures").
var nounCure = re(`\b(?:no|quick|miracle|any|easy|magic|instant|the|for|of|false)\s+$`)

// effectClaims finds a verb of effect followed, in the same sentence and
// within a few words, by a health term ("journaling lowers cortisol"), unless
// the claim is softened or is an imperative tip. It works on words, not a
// regexp, to stay fast.
func effectClaims(d *doc) []Finding {
	var out []Finding
	for _, sen := range d.sentences() {
		toks := d.tokensIn(sen)
		for i, t := range toks {
			if !claimLex.word(t.s) || strings.HasPrefix(t.s, "cure") && nounCure.MatchString(d.lower[max(0, t.start-12):t.start]) {
				continue
			}
			rest := toks[i+1:]
			for len(rest) > 0 && rest[len(rest)-1].start-t.end > 60 {
				rest = rest[:len(rest)-1]
			}
			loc := healthLex.find(rest)
			if loc == nil {
				continue
			}
			s := span{t.start, loc[1]}
			if !hedged(d, s) && !imperative(d, s) && !d.in(negation, span{max(sen.start, s.start-8), s.start}) {
				out = append(out, find(RuleHealth, sectionHealth, Block, d, s, tellClaim))
				break
			}
		}
	}
	return out
}

var tellResearch = tell{"This presents research, proof or an authority's advice about health; the policy allows health information only when it is evidence-based.",
	"Attach an evidence link from an accepted source (gate.evidence_domains or a DOI), or remove the claim."}

// The word-level gates of the claim patterns.
var (
	claimLex  = lex("cut|cuts|control|controls|drive|drives|determine|determines|burns|affect|affects|affected|reduce|reduces|reduced|reducing|lower|lowers|lowered|lowering|boost|boosts|boosted|boosting|improve|improves|improved|improving|increase|increases|increased|increasing|cause|causes|caused|causing|trigger|triggers|triggered|cure|cures|cured|curing|heal|heals|healed|treat|treats|treated|prevent|prevents|prevented|protect|protects|protected|protecting|change|changes|changed|rewire|rewires|rewired|reset|resets|regulate|regulates|regulated|balance|balances|balanced|release|releases|released|relieve|relieves|relieved|ease|eases|eased|calms|calmed|strengthen|strengthens|strengthened|weaken|weakens|weakened|damage|damages|damaged|harms|harmed|worsen|worsens|worsened|shrink|shrinks|shrank|repair|repairs|repaired|restore|restores|restored|reverse|reverses|reversed|eliminate|eliminates|eliminated|fights|fought|stabilise|stabilises|stabilize|stabilizes|detox|detoxes|detoxify|floods|flooded|double|doubles|doubled|halve|halves|halved|slash|slashes|slashed|lengthen|lengthens|shorten|shortens|adds|added|raise|raises|raised|spike|spikes|spiked|destroy|destroys|destroyed|ruin|ruins|ruined|fix|fixes|fixed|beat|beats|transform|transforms|transformed|unlock|unlocks|activate|activates|stimulate|stimulates|rebalance|rebalances|promote|promotes|enhance|enhances|alleviate|alleviates|combat|combats|soothe|soothes|sharpen|sharpens|accelerate|accelerates|disrupt|disrupts|thicken|thickens|thins|mimic|mimics")
	foodTalk  = lex("pancake|pancakes|topping|toppings|recipe|recipes|flavour|flavours|flavor|flavors|icing|sprinkles|filling")
	remedyLex = lex("supplement*|vitamin*|magnesium|ashwagandha|cbd|omega*|oil|oils|herbal|herbs|wort|probiotic*|detox|cold|melatonin|caffeine|sugar|alcohol")
)

func notHedgedOrNegated(d *doc, s span) bool {
	return !hedged(d, s) && !d.negated(s) && !complexAfter.MatchString(d.lower[s.end:])
}

// complexAfter spots a link hedged after it is named ("food and mood are
// linked in complicated ways").
var complexAfter = regexp.MustCompile(`^\s*(?:in )?(?:complicated|complex|many|different|various|subtle|messy) ways\b`)

// testimonialStat spots satisfaction figures, which are testimonials, not
// health statistics.
var testimonialStat = lex("recommend*|satisf*|rated|review|reviews|would return|come back|listened to|respondents")

// idiomBetter spots "makes ... better" said of ordinary things.
var idiomBetter = lex("day|week|morning|monday|friday|tea|coffee|cake|everything|it all|things")

var hedge = regexp.MustCompile(`\b(?:can|may|might|could|often|sometimes|for some|some people|many people find|some find|help(?:s|ing)?|to|possible|several|various|different)\s+(?:\w+\s+)?$`)

// hedged reports whether a claim is softened by a modal just before it
// ("can reduce", "may help lower").
func hedged(d *doc, s span) bool {
	return hedge.MatchString(d.lower[max(0, s.start-30):s.start])
}

// imperative reports whether the match starts a sentence with a verb, as
// tips do ("Reduce caffeine after lunch to sleep better").
func imperative(d *doc, s span) bool {
	before := strings.TrimSpace(d.lower[d.sentence(s.start).start:s.start])
	return before == "" || strings.HasSuffix(before, ":") || strings.HasSuffix(before, ",") || before == "try to" || before == "and"
}

func (g *Gate) health(d *doc, evidence []string) []Finding {
	fs := scan(d, RuleHealth, sectionHealth, healthPatterns)
	fs = append(fs, effectClaims(d)...)
	// "Nobody can promise one session will make you feel better" denies the
	// effect rather than claiming it.
	// "Evidence is mixed and still emerging" in the same sentence or the next
	// says the post is not claiming the effect.
	fs = slices.DeleteFunc(fs, func(f Finding) bool {
		sen := d.sentence(f.Start)
		next := nextSentence(d, sen)
		return cannotPromise.MatchString(d.lower[sen.start:f.End]) || evidenceUnsettled.MatchString(d.lower[sen.start:max(sen.end, next.end)])
	})
	if len(fs) == 0 || g.accepted(evidence) {
		return nil
	}
	if len(evidence) > 0 {
		for i := range fs {
			fs[i].Message += " The attached evidence is not from an accepted source (gate.evidence_domains or a DOI)."
		}
	}
	return fs
}

// evidenceUnsettled spots a post saying the evidence is not in yet.
var evidenceUnsettled = regexp.MustCompile(`\b(?:evidence|research|science|the data) (?:is|are) (?:still )?(?:mixed|developing|emerging|limited|thin|unclear|inconclusive)\b|\bnot (?:yet )?(?:proven|clear)\b|\bjury is (?:still )?out\b`)

var doi = regexp.MustCompile(`(?i)^(?:doi:\s*)?10\.\d{4,9}/\S+$`)

// accepted reports whether any evidence entry is a DOI or a URL on an
// accepted domain (or a subdomain of one).
func (g *Gate) accepted(evidence []string) bool {
	for _, e := range evidence {
		e = strings.TrimSpace(e)
		if doi.MatchString(e) {
			return true
		}
		u, err := url.Parse(e)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
			continue
		}
		host := strings.ToLower(u.Hostname())
		if (host == "doi.org" || host == "dx.doi.org") && len(u.Path) > 4 {
			return true
		}
		for _, d := range g.evidence {
			if host == d || strings.HasSuffix(host, "."+d) {
				return true
			}
		}
	}
	return false
}
