package gate

import (
	"regexp"
	"strings"
	"unicode"
)

// Street addresses are found two ways: a house number followed by a few
// words that end in a street type or a second number ("42 Elm Road",
// "450 Præstevænget 15"), and words that only appear around addresses
// ("Apt. 4", "PO Box 12", "the corner of").

var addressCue = regexp.MustCompile(`(?i)\b(?:suite|apt\.?|apartment|flat|p\.? ?o\.? box|box|psc)\s*#?\d+\b|\bthe corner of\b[^!?\n]{0,30}\d|\b(?:FPO|APO|DPO) A[AEP] \d{5}\b|\b(?:lives|living|moved|resides) (?:at|to|on|in) \d`)

var addressNeed = needs("suite|apt|apartment|flat|box|psc|corner of|lives|living|moved|resides|fpo|apo|dpo")

var streetType = set("street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "drive", "dr", "close", "court", "ct",
	"way", "place", "pl", "terrace", "crescent", "cres", "grove", "gardens", "square", "sq", "boulevard", "blvd", "parade",
	"row", "mews", "walk", "rise", "parkway", "pkwy", "highway", "hwy", "circle", "cir", "trail", "pass", "loop", "rapids",
	"union", "prairie", "plaza", "path", "pike", "ridge", "heights", "hill", "hills", "green", "park", "vale", "view",
	"wynd", "brae", "gate", "vej", "gade", "katu", "tie", "straße", "strasse", "str", "weg", "laan", "straat", "via",
	"rue", "calle", "avenida", "rua", "ulica", "ul", "utca", "u", "út", "ut", "cesta", "gasse", "platz", "allee", "kapu")

// notAddressWord stops the scan: a number followed by one of these is a
// quantity or a date, not a house number.
var notAddressWord = set("and", "or", "to", "of", "the", "in", "at", "on", "for", "with", "from", "by", "a", "an", "per",
	"years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes", "minute", "mins",
	"seconds", "times", "sessions", "session", "people", "clients", "percent", "pm", "am", "steps", "tips", "ways", "things",
	"signs", "reasons", "stars", "reviews", "pounds", "dollars", "miles", "km", "questions", "spaces", "places", "january",
	"february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
	"thursday", "friday", "saturday", "sunday", "st", "nd", "rd", "th", "new", "more", "less", "out", "million", "thousand")

func addresses(d *doc) []span {
	var out []span
	if !d.digits {
		return nil
	}
	if d.has(addressNeed) {
		for _, m := range addressCue.FindAllStringIndex(d.text, -1) {
			out = append(out, span{m[0], m[1]})
		}
	}
	ws := d.ws
	for i, w := range ws {
		if !houseNumber(w.s) {
			continue
		}
		if end, ok := streetAfter(d.text, ws, i); ok && !venue(d, w.start) {
			out = append(out, span{w.start, ws[end].end})
		}
	}
	return out
}

// venue reports whether the address at i is where an event or group takes
// place, not where a person lives.
func venue(d *doc, i int) bool {
	sen := d.sentence(i)
	text := d.lower[sen.start:sen.end]
	return venueWords.MatchString(text) && !homeWords.MatchString(text)
}

var (
	venueWords = lex("car park|parking|our door|walk from|entrance|bus stop|station|centre|center|hall|library|church|chapel|café|cafe|venue|moves to|move to|held at|join us|takes place|event|workshop|talk|group|open day|drop-in|fundraiser|theatre|museum|gallery|studio|community|college|school|office|clinic|practice")
	homeWords  = lex("my|his|her|their|lives|live|living|moved|address|sent to|deliver*|billing|home|house|flat")
)

// houseNumber reports whether w looks like a house number: 1-6 digits,
// perhaps with one letter ("12a").
func houseNumber(w string) bool {
	digits := len(w) - len(strings.TrimLeft(w, "0123456789"))
	rest := w[digits:]
	return digits >= 1 && digits <= 6 && (rest == "" || (len(rest) == 1 && rest[0] >= 'a' && rest[0] <= 'z') || (len(rest) == 1 && rest[0] >= 'A' && rest[0] <= 'Z'))
}

// streetAfter looks at up to four words after the number at ws[i], on the
// same line, and returns the last word of the street when they form one.
func streetAfter(text string, ws []word, i int) (int, bool) {
	for j := i + 1; j < len(ws) && j <= i+5; j++ {
		gap := text[ws[j-1].end:ws[j].start]
		if strings.ContainsAny(gap, "\n:;!?(),") || len(gap) > 3 {
			return 0, false
		}
		w := strings.ToLower(ws[j].s)
		if j > i+1 && (streetType[strings.TrimSuffix(w, ".")] || houseNumber(w) && len(w) <= 5) {
			return j, true
		}
		if notAddressWord[w] || houseNumber(w) || !letters(ws[j].s) {
			return 0, false
		}
	}
	return 0, false
}

func letters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}
