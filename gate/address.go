package gate

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
	"years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour", "minutes", "minute", "mins", "min", "hrs", "hr", "secs", "sec", "metres", "meters", "yards", "mile",
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
			continue
		}
		if start, ok := streetBefore(d, ws, i); ok && !venue(d, w.start) {
			out = append(out, span{ws[start].start, w.end})
		}
	}
	return out
}

// streetBefore finds the house number after the street, as many countries
// write it ("Király u. 15", "Rua Augusta, 123", "Hauptstraße 5"), a town
// before its postcode ("in ARENDAL 4844"), and a name and number after the
// word "address". It returns the first word of the address.
func streetBefore(d *doc, ws []word, i int) (int, bool) {
	if i == 0 || len(ws[i].s) > 5 {
		return 0, false
	}
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		gap := d.text[ws[j].end:ws[j+1].start]
		if strings.ContainsAny(gap, "\n:;!?()") || len(gap) > 3 || !letters(ws[j].s) {
			return 0, false
		}
		w := strings.ToLower(strings.TrimSuffix(ws[j].s, "."))
		if capital(ws[j].s) && (streetFirst[w] || j == i-1 && streetSuffix(w)) {
			return j, true
		}
		if j >= 1 && j >= i-2 && streetLast[w] && capital(ws[j-1].s) {
			return j - 1, true
		}
	}
	prev := ws[i-1]
	if !capital(prev.s) || !letters(prev.s) || names().common[strings.ToLower(prev.s)] || notAddressWord[strings.ToLower(prev.s)] || d.text[prev.end:ws[i].start] != " " {
		return 0, false
	}
	if postcode := len(ws[i].s) >= 4 && digitsOnly(ws[i].s); postcode && i >= 2 && townBefore[strings.ToLower(ws[i-2].s)] {
		return i - 1, true
	}
	sen := d.sentence(ws[i].start)
	return i - 1, strings.Contains(d.lower[sen.start:sen.end], "address")
}

// Street words of other countries: those written before the street's name
// ("Rua", "Calle", "Via") and those written after it ("u.", "utca", "vej").
var (
	streetFirst = set("rua", "calle", "avenida", "av", "via", "viale", "piazza", "rue", "boulevard", "ulica", "ul", "carrer",
		"avinguda", "paseo", "camino", "praça", "largo", "travessa", "strada", "calea", "bulevardul", "aleja", "plac")
	streetLast = set("u", "utca", "út", "ut", "tér", "körút", "vej", "gade", "katu", "tie", "gatan", "vägen", "veien", "gata",
		"straße", "strasse", "str", "weg", "gasse", "platz", "allee", "laan", "straat", "gracht", "plein", "cesta", "ulice", "náměstí")
	townBefore = set("in", "at", "from", "to", "near")
)

// streetSuffix reports whether w is one word ending in a street word, as
// German, Dutch and Nordic streets are written ("hauptstraße", "kerkstraat").
func streetSuffix(w string) bool {
	for _, suf := range []string{"straße", "strasse", "gasse", "weg", "vej", "gade", "katu", "straat", "laan", "gatan", "vägen", "veien", "utca", "platz", "allee", "gracht"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// capital reports whether w starts with an upper-case letter.
func capital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func digitsOnly(w string) bool { return strings.Trim(w, "0123456789") == "" }

// venue reports whether the address at i is where an event or group takes
// place, not where a person lives.
func venue(d *doc, i int) bool {
	sen := d.sentence(i)
	text := d.lower[sen.start:sen.end]
	return venueWords.MatchString(text) && !homeWords.MatchString(text)
}

var (
	venueWords = lex("club|lunch club|hub|directory|neighbours|neighbors|opens|reopens|premises|car park|parking|our door|walk from|entrance|bus stop|station|centre|center|hall|library|church|chapel|café|cafe|venue|moves to|move to|held at|join us|takes place|event|workshop|talk|group|open day|drop-in|fundraiser|theatre|museum|gallery|studio|community|college|school|office|clinic|practice")
	homeWords  = lex("my|his|her|their|lives|live|living|moved house|moved home|moved in|address|sent to|deliver*|billing|home|house|flat")
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
		if strings.ContainsAny(gap, "\n:;!?(),.") || len(gap) > 3 {
			return 0, false
		}
		w := strings.ToLower(ws[j].s)
		if j > i+1 && (streetType[strings.TrimSuffix(w, ".")] || houseNumber(w) && len(w) <= 5 && capital(ws[j-1].s)) {
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
