package gate

// Professional conduct: posts must reflect the values of the counselling
// profession, so no profanity, abuse or stigmatising labels for people with
// mental illness.

var conductPatterns = []pattern{
	{need: needs("fuck|f*|shit|sh*t|bitch|bastard|cunt|dickhead|wanker|twat|arse|ass|piss|damn|crap|bollocks"), re: re(`\b(?:fuck\w*|f\*+k\w*|shit\w*|sh\*t\w*|bullshit|bitch\w*|bastards?|cunts?|dickheads?|wankers?|twats?|arseholes?|assholes?|piss(?:ed)? off|damn(?:ed)?|crap|bollocks)\b`),
		tell: tell{"Profanity does not reflect the professional values the policy asks every post to show.",
			"Remove the profanity."}},
	{need: needs("retard|psycho|nutter|nut|loon|lunatic|schizo|spaz|spastic|cripple|mental case|headcase|basket case|madm|maniac|freak|junkie|crackhead"), re: re(`\b(?:retard(?:ed|s)?|psychos?|psychopaths?|nutters?|nut ?jobs?|loon(?:y|ies)|lunatics?|schizos?|spaz|spastic|cripples?|mental cases?|headcases?|basket cases?|madm[ae]n|maniacs?|freaks?|junkies|crackheads?)\b`),
		keep: func(d *doc, s span) bool { return !d.quoted(s) && !d.negated(s) },
		tell: tell{"This is a stigmatising label for people with mental illness or disability; it is harmful and unprofessional.",
			"Use person-first, respectful language (e.g. \"people living with psychosis\")."}},
	{need: needs("shut up|stupid|idiot|moron|pathetic|loser"), re: re(`\b(?:shut up|stupid (?:people|clients|idiots)|idiots|morons|pathetic|losers)\b`),
		keep: notNegated,
		tell: tell{"Insulting language is disrespectful and breaks the policy's standard of professional representation.",
			"Rephrase respectfully."}},
}

func conduct(d *doc) []Finding {
	return scan(d, RuleConduct, sectionConduct, conductPatterns)
}
