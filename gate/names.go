package gate

import (
	"bufio"
	"embed"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Personal names are found with embedded name lists (see data/SOURCES.md)
// combined with context: capitalisation, titles ("Dr."), cues such as
// "my name is", and neighbouring words that mark a place ("Victoria Park").

//go:embed data/first.txt data/first-common.txt data/last.txt data/common.txt
var nameData embed.FS

// nameLists are the embedded word lists, read on first use (New reads them)
// so that commands that never gate, such as postgate version, do not pay
// for them.
type nameLists struct {
	first       map[string]bool // given names that are not ordinary words
	commonFirst map[string]bool // given names that are also ordinary words
	last        map[string]bool // surnames that are not ordinary words
	common      map[string]bool // ordinary English words, lower case
}

var names = sync.OnceValue(func() nameLists {
	return nameLists{
		first:       loadNames("data/first.txt"),
		commonFirst: loadNames("data/first-common.txt"),
		last:        loadNames("data/last.txt"),
		common:      loadNames("data/common.txt"),
	}
})

// useNameData switches the name lists off for measurement (see the eval test).
var useNameData = true

func loadNames(path string) map[string]bool {
	f, err := nameData.Open(path)
	if err != nil {
		panic("gate: embedded name list missing: " + path)
	}
	defer f.Close()
	m := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if w := strings.TrimSpace(sc.Text()); w != "" {
			m[w] = true
		}
	}
	return m
}

var tellName = tell{"A person's name identifies them; only the practice's own staff (from the config) may be named.",
	"Remove the name, or if this is a member of staff, add them to gate.staff_names."}

// word is one token of the post: letters, marks, digits, inner apostrophes,
// hyphens and full stops of initials.
type word struct {
	s          string
	start, end int
	lead       bool // starts a sentence or line
}

func words(text string) []word {
	var out []word
	lead := true
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if strings.ContainsRune(".!?:\n\"“>•", r) {
				lead = true
			}
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			inner := (r == '\'' || r == '’' || r == '-') && j+n < len(text) && isLetterAt(text, j+n)
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) && !inner {
				break
			}
			j += n
		}
		out = append(out, word{s: text[i:j], start: i, end: j, lead: lead})
		lead = false
		i = j
	}
	return out
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// title reports whether w is written with a capital then lower-case letters.
func title(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || n == len(w) {
		return false
	}
	for _, r := range w[n:] {
		if unicode.IsUpper(r) {
			return strings.ContainsAny(w, "-'’") // Nicholson-Kapasi, O'Brien
		}
	}
	return true
}

// initial reports whether w is a single capital letter, as in "Faina D. Yefremova".
func initial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

func bare(w string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		w = strings.TrimSuffix(w, suf)
	}
	return w
}

// names returns the spans of personal names in d that are not staff, team
// members or public figures. It records in d whether a public figure or team
// member is named, which other privacy checks use.
func (g *Gate) names(d *doc) []span {
	ws := d.ws
	var out []span
	exempt := map[string]bool{}
	for i := 0; i < len(ws); i++ {
		w := bare(ws[i].s)
		if initial(w) && i > 0 && (titles[strings.ToLower(strings.TrimSuffix(ws[i-1].s, "."))] || g.nameCue(d, ws, i) || thankYouBefore.MatchString(d.lower[max(0, ws[i].start-12):ws[i].start])) {
			out = append(out, span{ws[i].start, ws[i].end})
			continue
		}
		if n := lowerName(d, ws, i); n > 0 {
			out = append(out, span{ws[i].start, ws[i+n-1].end})
			i += n - 1
			continue
		}
		if !title(w) || notName[w] || g.staffWord[w] || roleWord[strings.ToLower(w)] || monthAbbr[w] && nextToNumber(ws, i) {
			continue
		}
		next, hasNext := following(d.text, ws, i)
		if hasNext && placeNoun[bare(next.s)] || placeBefore(ws, i) {
			continue
		}
		end := i
		for end+1 < len(ws) && end-i < 3 && bare(ws[end].s) == ws[end].s {
			n, ok := following(d.text, ws, end)
			if !ok || !(title(bare(n.s)) || initial(n.s)) || notName[bare(n.s)] && !(n.s == "I" && strings.HasPrefix(d.text[n.end:], ". ")) || placeNoun[bare(n.s)] || g.staffWord[bare(n.s)] {
				break
			}
			end++
		}
		if organisation(d, ws, i, end) || d.has(petNeed) && petBefore.MatchString(d.lower[max(0, ws[i].start-40):ws[i].start]) ||
			petNamed.MatchString(d.lower[max(0, ws[i].start-40):ws[i].start]) {
			i = end
			continue
		}
		last := bare(ws[end].s)
		pair := end > i && !initial(last)
		known := useNameData && (pair && (listed(names().last, last) || listed(names().first, last)) && !common(w))
		for j := i; j <= end && useNameData && !known; j++ {
			known = listed(names().first, bare(ws[j].s))
		}
		if !known && !middleInitial(ws, i, end) && !unknownPair(ws, i, end) && !unknownWithPronoun(d, ws, i, end) &&
			!g.nameCue(d, ws, i) && !nameCueAfter(d, ws, end) {
			continue
		}
		if exempt[w] || publicRole(d, ws, i) || roleAfter(d, ws, end) || notClientContext(d, ws[i].start) {
			for j := i; j <= end; j++ {
				exempt[bare(ws[j].s)] = true
			}
			d.public = true
			i = end
			continue
		}
		out = append(out, span{ws[i].start, ws[i].start + len(bare(d.text[ws[i].start:ws[end].end]))})
		i = end
	}
	return out
}

// monthAbbr holds month abbreviations that are also given names ("Jan").
var monthAbbr = set("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")

// nextToNumber reports whether ws[i] sits beside a number, as a month in a
// date does ("1 Jan", "Jan 5").
func nextToNumber(ws []word, i int) bool {
	return i > 0 && digitsOnly(ws[i-1].s) || i+1 < len(ws) && digitsOnly(ws[i+1].s)
}

// organisation reports whether the capitalised run ws[i:end+1] names an
// organisation, place or title rather than a person: it ends in, or is
// followed by, a word such as "Club", "Radio" or "Road", or it is the whole
// of a quotation ("team 'Quizteama Aguilera'").
func organisation(d *doc, ws []word, i, end int) bool {
	if end > i && (placeNoun[bare(ws[end].s)] || orgNoun[bare(ws[end].s)]) {
		return true
	}
	if n, ok := following(d.text, ws, end); ok && (placeNoun[bare(n.s)] || orgNoun[bare(n.s)]) {
		return true
	}
	run := span{ws[i].start, ws[end].end}
	for _, q := range d.quotes {
		if q.contains(run) && strings.Trim(d.text[q.start:q.end], " .,!?'’\"“”") == d.text[run.start:run.end] {
			return true
		}
	}
	return false
}

// orgNoun holds words that end the names of organisations and media.
var orgNoun = set("Radio", "FM", "TV", "News", "Times", "Gazette", "Echo", "Herald", "Press", "Magazine", "Podcast",
	"Network", "Partnership", "Alliance", "Collective", "Project", "Hub", "Initiative", "Campaign", "Appeal",
	"Programme", "Program", "Institute", "Partners", "Clinic", "Practice", "Counselling", "Counseling", "Carers")

// notClientContext reports whether the sentence around a name (or the one
// before it) is about books, films, quotations and the like, whose people
// are public figures, or names the practice's staff alongside it with no
// word of clients or sessions ("thank you to Priya, Sam and Ravi for
// running"): the name is not a client's.
func notClientContext(d *doc, at int) bool {
	sen := d.sentence(at)
	if d.in(clientWords, sen) || d.in(struggle, sen) && !d.in(teamCue, sen) && !d.in(mediaCue, sen) {
		return false
	}
	if d.in(mediaCue, sen) || sen.start > 0 && d.in(mediaCue, d.sentence(sen.start-1)) || mediaPost(d) {
		return true
	}
	if staffList(d, at) || d.in(teamCue, sen) || sen.start > 0 && d.in(teamCue, d.sentence(sen.start-1)) || d.in(teamCue, nextSentence(d, sen)) ||
		strings.Contains(d.lower[sen.start:sen.end], "volunteer") {
		return true
	}
	return titledBy(d, at)
}

// staffList reports whether the name at offset at is one of three or more
// names listed together with a member of staff ("thank you to Priya,
// Marcus, Sam and Ravi"): the team and its helpers, not a client. A name
// merely next to a staff name ("Aisha and Tom") is not enough.
func staffList(d *doc, at int) bool {
	if !d.staff {
		return false
	}
	i := slices.IndexFunc(d.ws, func(w word) bool { return w.start == at })
	if i < 0 {
		return false
	}
	inList := func(j int) bool { return title(bare(d.ws[j].s)) || d.ws[j].s == "and" }
	gap := func(j int) bool { g := d.text[d.ws[j].end:d.ws[j+1].start]; return g == " " || g == ", " || g == " & " }
	from, to := i, i
	for from > 0 && gap(from-1) && inList(from-1) {
		from--
	}
	for to+1 < len(d.ws) && gap(to) && inList(to+1) {
		to++
	}
	names, staff := 0, false
	for _, w := range d.ws[from : to+1] {
		if w.s != "and" {
			names++
		}
		staff = staff || d.gate.staffWord[bare(w.s)]
	}
	return staff && names >= 3
}

// titledBy reports whether the name at offset at follows "by" after a
// capitalised word inside a line, as an author follows a title ("Quiet: The
// Power of Introverts by Susan Cain").
func titledBy(d *doc, at int) bool {
	m := byTitle.FindStringSubmatchIndex(d.text[max(0, at-40):at])
	return m != nil
}

var byTitle = regexp.MustCompile(`\S[ \t:,]+\p{Lu}[\pL'’-]*\s+by\s+$`)

// mediaPost reports whether the whole post is about books, films or
// podcasts and never mentions clients or sessions, as a reading list is.
func mediaPost(d *doc) bool {
	all := span{0, len(d.lower)}
	return d.in(mediaCue, all) && !d.in(clientWords, all)
}

var (
	clientWords = lex("client|clients|patient|patients|session|sessions|therapy with|counselling with|counseling with|we saw|we see|we supported|we helped|came to us|referred|diagnosed|appointment")
	mediaCue    = lex("book of the month|rereading|re-reading|his writing|her writing|their writing|tickets|gig|gigs|concert|concerts|advert|adverts|book|books|bookshop|bookshops|shelves|bedside read|sing|sang|singing|character|novel|novels|memoir|bookshelf|book club|author|authors|podcast|podcasts|episode|film|films|movie|documentary|dir|series|quote|quotes|quotation|translation|said it|once said|attributed|words from|titles|reading list|netflix")
	teamCue     = lex("retirement|retiring|front desk|leaving do|colleague|colleagues|staffed|on leave|temp agency|covering|volunteer|volunteers|trainee|trainees|placement|placement student|intern|receptionist|coordinator|trustee|trustees|admin team|new starter|joins us|joining us|farewell|bake off|bake-off|quiz|secret santa|team lunch|team social|fun run|sponsored")
)

// following returns the word after ws[i] when only spaces or an initial's
// full stop separate them.
func following(text string, ws []word, i int) (word, bool) {
	if i+1 >= len(ws) {
		return word{}, false
	}
	gap := text[ws[i].end:ws[i+1].start]
	if strings.Trim(gap, " .") != "" || strings.Count(gap, ".") > 1 || (strings.Contains(gap, ".") && utf8.RuneCountInString(ws[i].s) > 2) {
		return word{}, false
	}
	return ws[i+1], true
}

// nameCue reports whether the words before ws[i] mark it as a person's name
// even when the name lists do not know it.
func (g *Gate) nameCue(d *doc, ws []word, i int) bool {
	if i == 0 {
		return false
	}
	prev := strings.ToLower(strings.TrimSuffix(ws[i-1].s, "."))
	if titles[prev] {
		return true
	}
	before := d.lower[max(0, ws[i].start-24):ws[i].start]
	if (strings.Contains(before, "called") || strings.Contains(before, "named")) && petNamed.MatchString(before) {
		return false
	}
	for _, w := range nameIntroNeed {
		if strings.Contains(before, w) {
			return nameIntro.MatchString(before)
		}
	}
	return false
}

// thankYouBefore spots an initial thanked by name ("Thank you J. for saying
// we could post this").
var thankYouBefore = re(`\bthank you,?\s*$`)

// petNamed spots the name of a pet or a thing ("two cats called Tea and").
var petNamed = re(`\b(?:one|ones|it|characters?|cats?|dogs?|pupp(?:y|ies)|kittens?|pets?|plants?|hamsters?|rabbits?|fish|tortoises?|horses?|cars?|boats?|teams?|bands?|book|film|podcast|rooms?|app|robot|mascot)\s+(?:is |was |are )?(?:called|named)\s*(?:\pL+\s+and\s+)?$|\b(?:named|christened) it\s*$`)

// petBefore spots a name given just after a pet or mascot is mentioned
// ("Office goldfish update: Gerald is thriving").
var petNeed = needs("fish|dog|cat|pupp|kitten|pet|hamster|rabbit|tortoise|parrot|budgie|guinea pig|mascot|plant|cactus|cacti|fig|lily|tree|kettle|printer|van|robot")

var petBefore = re(`\b(?:spider|bee|bird|fox|robin|squirrel|pigeon|goldfish|fish|dogs?|cats?|pupp(?:y|ies)|kittens?|pets?|hamsters?|rabbits?|tortoises?|parrots?|budgies?|guinea pigs?|mascots?|plants?|cactus|cacti|fig|lily|tree|kettle|printer|van|robot)\b[^.!?\n]{0,40}$`)

var nameIntroNeed = strings.Split("name|call|client|patient|say|said|thanks|congrat|well done|birthday|hug|shout|it to|under|reminder|thinking of|welcome back|love to", "|")

var nameIntro = re(`(?:\bname(?: is| was)?(?::|\?)?|\b(?:change|correct|update|amend)\w* it to|\bunder|\bnamed|\bcalled|\bclient|\bpatient|\bsays|\bsaid|\bthanks to|\bcongratulations to|\bwell done(?: to)?|\bhappy birthday(?: to)?|\bbig hug to|\bshout-?out to|\breminder to|\bthinking of|\bwelcome back|\blove to)[\s,:]*$`)

// publicRole reports whether the name at ws[i] follows a role that marks a
// member of the team or a public figure ("our trainee Jamie", "author Matt
// Haig", "Councillor Helen Grant"): not client data.
func publicRole(d *doc, ws []word, i int) bool {
	before := d.lower[max(0, ws[i].start-40):ws[i].start]
	return roleBefore.MatchString(before) || quotedBy.MatchString(before)
}

// quotedBy spots a name that signs a quotation or a title ("'Mad Girl' by",
// "— Brené Brown", "as Maya Angelou put it").
var quotedBy = re(`(?:[.!?]\s*[-–—~]\s*|”[.,]?\s*|"[.,]?\s+|['’"”] with\s+|['’"”] by|["”]\s*[-–—~]|\bas|\bwords of|\bquote from|\binspired by|\binterview with|\bpodcast with|\b(?:book|classic|bestseller|memoir|novel|podcast|documentary|study|paper|essay|poem|talk|film) by|\bwritten by)\s*(?:(?:dr|prof|professor|sir|dame)\.?\s+)?$`)

// roleAfter reports whether the name at ws[i] is followed by an appositive
// role of a professional or public figure ("Sarah Okafor, clinical
// psychologist") or follows a quoted title ("'Reasons to Stay Alive' by").
func roleAfter(d *doc, ws []word, i int) bool {
	from := ws[i].start + len(bare(ws[i].s))
	after := d.lower[from:min(len(d.lower), from+60)]
	return roleAfterRe.MatchString(after) || publicWork.MatchString(after) ||
		possessiveTitle.MatchString(d.text[from:min(len(d.text), from+40)]) && d.in(mediaCue, span{0, len(d.lower)}) && !d.in(clientWords, span{0, len(d.lower)})
}

// possessiveTitle spots a name followed by the title of its work, in a post
// about books or films ("Sue Johnson's Hold Me Tight", "Sylvia Plath's The
// Bell Jar").
var possessiveTitle = regexp.MustCompile(`^['’]s (?:The |A |An )?\p{Lu}\pL+[,:]? (?:\p{Lu}|[a-z]+ \p{Lu})`)

var (
	roleAfterRe = re(`^ at [\w .&'’-]{0,30}\b(?:co|ltd|limited|inc|print|press|design|studio|shop|café|cafe|bakery|books|bank)\b|^['’]?,? (?:a made-up|an imaginary|a fictional|our fictional|a composite|not a real)|^(?:\s\pL+){0,3},? (?:a |an |the |our |who is (?:a |an |the |our )?)?(?:\w+ ){0,2}(?:dog|cat|puppy|pet|mascot|administrator|admin|manager|cleaner|bookkeeper|coordinator|assistant|psychologist|psychiatrist|psychotherapist|counsell?or|therapist|author|writer|novelist|poet|councill?or|mp|footballer|athlete|actor|singer|presenter|broadcaster|comedian|campaigner|professor|lecturer|speaker|guest speaker|founder|director|chief executive|ceo|researcher|journalist|podcaster|trainee|receptionist|volunteer|colleague|supervisor)\b`)
	publicWork  = re(`^(?::\s*["“'‘]|['’]s\s+['‘"“]\p{L}+|['’]s? (?:\w+ )?(?:instructions|classic|bestseller|book|books|podcast|episode|memoir|novel|poem|poems|poetry|album|song|talk|ted talk|research|work|words|quote|advice|film|documentary|show|column|blog|article|collection|study|theory|model|speech|interview|programme)|,? (?:writes|wrote|described|describes|put it|puts it|reminds us|teaches|taught|coined|famously|once said|has written|has spoken|has talked|has been open|talks about|spoke about|speaks about|signs|signing|will (?:speak|talk|be talking|present|host|open|perform|read|sign)|is (?:speaking|talking|presenting|hosting|the keynote)|keynote))\b`)
)

var roleBefore = re(`\b(?:our|the practice['’]s) (?:new |former |lovely |wonderful )?(?:\w+ ){0,3}(?:freelancer|contractor|copywriter|apprentice|assistant|trainee|trustee|patron|chair|ambassador|student|placement student|receptionist|colleague|volunteer|team member|administrator|admin|manager|practice manager|counsell?or|therapist|psychotherapist|supervisor|intern|placement student|director|founder|cleaner|bookkeeper)s?,? $|\b(?:dame|sir|lord|baroness|author|writer|novelist|poet|councill?or|cllr\.?|mayor|mp|footballer|former footballer|laureate|player|teacher|star|champion|legend|host|expert|influencer|youtuber|blogger|designer|photographer|illustrator|poet laureate|captain|coach|manager of|cricketer|athlete|olympian|actor|actress|singer|presenter|broadcaster|comedian|campaigner|activist|psychologist|psychiatrist|professor|prof\.?|speaker|guest speaker|bishop|reverend|rev\.?|chef|journalist|podcaster|artist|musician|president|minister|featuring|with guest|volunteer|trustee|patron|ambassador|trainee (?:counsell?or|therapist|psychotherapist|psychologist)|defender|striker|midfielder|goalkeeper|winger|boxer|sprinter|rower|swimmer|cyclist|gymnast|jockey|golfer|headteacher|head teacher|head|principal|placement student|vicar|rabbi|imam|dr|doctor|nurse|gp)(?:\s+(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame)\.?)?\s$`)

// roleWord holds the single words of roles that precede a public figure's
// or team member's name ("Councillor", "Author").
var roleWord = set("imam", "rabbi", "vicar", "reverend", "rev", "canon", "pastor", "bishop", "author", "writer", "novelist", "poet", "councillor", "councilor", "cllr", "mayor", "mp", "footballer", "laureate",
	"player", "teacher", "star", "champion", "legend", "host", "expert", "influencer", "youtuber", "blogger", "designer",
	"photographer", "illustrator", "captain", "coach", "cricketer", "athlete", "olympian", "actor", "actress", "singer",
	"presenter", "broadcaster", "comedian", "campaigner", "activist", "psychologist", "psychiatrist", "professor",
	"speaker", "bishop", "reverend", "chef", "journalist", "podcaster", "artist", "musician", "president", "minister",
	"trainee", "receptionist", "colleague", "volunteer", "administrator", "manager", "counsellor", "counselor",
	"therapist", "psychotherapist", "supervisor", "intern", "director", "founder")

var titles = set("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "mister", "madam")

// placeBefore reports whether ws[i] follows a word that makes it a place or
// institution ("St Mary's", "Lake Victoria", "Mount Pleasant").
func placeBefore(ws []word, i int) bool {
	return i > 0 && placePrefix[strings.TrimSuffix(ws[i-1].s, ".")]
}

var placePrefix = set("St", "Saint", "Lake", "Mount", "Mt", "Fort", "Port", "Cape", "Queen", "King", "Prince", "Princess", "Royal", "University", "College")

var placeNoun = set("Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Way", "Drive", "Close", "Court", "Place",
	"Square", "Park", "Gardens", "Garden", "Hall", "Library", "Centre", "Center", "Church", "Chapel", "School", "Academy",
	"College", "University", "Hospital", "Clinic", "Surgery", "Station", "Bridge", "House", "Museum", "Gallery", "Theatre",
	"Theater", "Market", "Green", "Common", "Hill", "Terrace", "Crescent", "Grove", "Trust", "Foundation", "Fund",
	"Day", "Week", "Month", "Awareness", "Festival", "Fair", "Arena", "Stadium", "Pool", "Leisure", "Community", "Cafe",
	"Café", "Road's", "Primary", "Secondary", "High", "Infant", "Junior", "Nursery", "Memorial", "Cathedral", "Abbey",
	"Mosque", "Temple", "Synagogue", "Gurdwara", "Library's", "Hotel", "Inn", "Pub", "Arms", "Village", "Town", "City",
	"County", "Borough", "Council", "Estate", "Woods", "Wood", "Forest", "River", "Beach", "Bay", "Harbour", "Quay",
	"Bakery", "Shop", "Stores", "Store", "Bar", "Restaurant", "Club", "Ltd", "Limited", "Group", "Society", "Association",
	"Charity", "Bank", "Services", "Company", "Pharmacy", "Gym", "Studio", "Salon", "Garage", "Farm", "Kitchen", "Deli",
	"Books", "Bookshop", "Cinema", "Rotary", "Players", "Choir", "Band", "Orchestra", "Rovers", "United", "Athletic")

// notName lists capitalised words the name lists contain that, in a
// practice's posts, are almost always something else.
var notName = set("I", "Contact", "Us", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays",
	"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
	"Christmas", "Easter", "Eid", "Diwali", "Hanukkah", "Ramadan", "Passover", "Pride", "Halloween", "Valentine", "Advent",
	"Spring", "Summer", "Autumn", "Winter", "God", "Lord", "Christian", "Muslim", "Jewish", "Hindu", "Sikh", "Buddhist",
	"London", "Paris", "Victoria", "Florence", "Chelsea", "Jordan", "Georgia", "Virginia", "Carolina", "Austin", "Dallas",
	"Sydney", "Adelaide", "Regina", "Alexandria", "Lincoln", "Chester", "Preston", "Bristol", "Devon", "Kent", "Essex",
	"Cornwall", "Derby", "Florida", "India", "China", "Israel", "Ireland", "Scotland", "Wales", "England", "Britain", "America",
	"Europe", "Africa", "Asia", "Samaritans", "Google", "Facebook", "Instagram", "LinkedIn", "Twitter", "Mastodon", "Bluesky",
	"Zoom", "Teams", "WhatsApp", "Connections", "Mind", "Shout", "Childline", "Papyrus", "Relate", "Cruse", "Mencap",
	"Me", "Hi", "Hello", "Dear", "Thanks", "Thank", "Happy", "Merry", "Welcome", "Congratulations", "Meet", "Join", "Please",
	"Mr", "Mrs", "Ms", "Dr", "Prof", "Miss", "Mx", "Sir", "Dame", "Saint", "St", "Apt", "Suite", "Unit",
	"Repost", "Reposting", "Regram", "Retweet", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", "Kareem", "Mubarak", "Santa", "Email", "Ring", "Call")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
