package calendar

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/connections/postgate"
)

// field is one value as written, with its name and line for messages.
type field struct {
	name  string // as the writer knows it: "at", "media[2].path", "media_alt"
	value string
	line  int
	set   bool
}

// rawPost is one post as read from YAML or CSV, before any checking.
type rawPost struct {
	line   int
	fields map[string]field   // single-value fields by name
	lists  map[string][]field // platforms, evidence, tags
	media  []rawMedia
}

// rawMedia is one image as written.
type rawMedia struct {
	path, alt, source, consent field
}

// get returns the named field, or an unset one placed at the post's line.
func (r *rawPost) get(name string) field {
	if f, ok := r.fields[name]; ok {
		return f
	}
	return field{name: name, line: r.line}
}

// Post field names, shared by YAML keys and CSV columns.
var (
	scalarFields = append([]string{"id", "at", "cron", "from", "until", "text", "link", "author"}, textFields()...)
	listFields   = []string{"platforms", "evidence", "tags"}
	fieldKinds   = kinds()
)

// fieldKind tells how a post field is read.
type fieldKind int

const (
	unknownField fieldKind = iota
	scalarField
	listField
)

func kinds() map[string]fieldKind {
	m := make(map[string]fieldKind)
	for _, f := range scalarFields {
		m[f] = scalarField
	}
	for _, f := range listFields {
		m[f] = listField
	}
	return m
}

// reset empties r for reuse by the next post starting at line.
func (r *rawPost) reset(line int) {
	r.line = line
	if r.fields == nil {
		r.fields = make(map[string]field)
		r.lists = make(map[string][]field)
	}
	clear(r.fields)
	clear(r.lists)
	r.media = r.media[:0]
}

func textFields() []string {
	var names []string
	for _, p := range postgate.Platforms {
		names = append(names, "text_"+string(p))
	}
	return names
}

// builder checks raw posts and turns them into postgate.Posts.
type builder struct {
	errs  *collector
	zone  *time.Location            // the calendar's zone; nil if none is known
	zones map[string]*time.Location // zones named by CSV rows
	media *mediaDir
	ids   map[string]int // lowercased id → line
	posts []postgate.Post
}

func newBuilder(c *collector, dir string, loc *time.Location) *builder {
	return &builder{
		errs:  c,
		zone:  loc,
		zones: make(map[string]*time.Location),
		media: newMediaDir(dir),
		ids:   make(map[string]int),
	}
}

// maxPrealloc caps how many posts the builder reserves room for up front.
const maxPrealloc = 1 << 17

// expect reserves room for about n posts.
func (b *builder) expect(n int) {
	b.posts = make([]postgate.Post, 0, min(n, maxPrealloc))
}

// setZone applies a calendar-wide timezone; a blank one leaves the default.
func (b *builder) setZone(f field) {
	if strings.TrimSpace(f.value) == "" {
		return
	}
	if loc, ok := b.location(f); ok {
		b.zone = loc
	}
}

// location loads the zone named by f, reporting a bad name.
func (b *builder) location(f field) (*time.Location, bool) {
	name := strings.TrimSpace(f.value)
	if loc, ok := b.zones[name]; ok {
		return loc, true
	}
	loc, err := time.LoadLocation(name)
	if err != nil || name == "" || name == "Local" {
		b.errs.add(f.line, f.name, "%q is not a time zone: use an IANA name such as Europe/London or America/New_York", name)
		return nil, false
	}
	b.zones[name] = loc
	return loc, true
}

// add checks one post and keeps it if it is sound.
func (b *builder) add(r *rawPost) {
	before := len(b.errs.errs)
	p := postgate.Post{File: b.errs.file, Line: r.line}
	p.Location = b.postZone(r)
	p.ID = b.id(r.get("id"))
	b.when(&p, r)
	p.Platforms = b.platforms(r)
	b.texts(&p, r)
	p.Link = b.link(r.get("link"))
	p.Evidence = b.evidence(r.lists["evidence"])
	p.Media = b.images(r.media)
	p.Author = strings.TrimSpace(r.get("author").value)
	for _, f := range r.lists["tags"] {
		p.Tags = append(p.Tags, strings.TrimSpace(f.value))
	}
	if len(b.errs.errs) == before {
		b.posts = append(b.posts, p)
	}
}

// postZone is the row's own timezone (CSV) or the calendar's. Without either,
// it reports the problem once and checks the rest of the file in UTC.
func (b *builder) postZone(r *rawPost) *time.Location {
	if f := r.get("timezone"); f.set {
		if loc, ok := b.location(f); ok {
			return loc
		}
		return time.UTC
	}
	if b.zone == nil {
		b.errs.add(r.line, "timezone", "no time zone: set timezone in the calendar (e.g. timezone: Europe/London) or in the config")
		b.zone = time.UTC
	}
	return b.zone
}

var idPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

const maxIDLen = 100

func (b *builder) id(f field) string {
	id := strings.TrimSpace(f.value)
	switch {
	case id == "":
		b.errs.add(f.line, f.name, "is missing: every post needs a unique id, such as winter-sleep-1")
		return ""
	case len(id) > maxIDLen || !idPattern.MatchString(id):
		b.errs.add(f.line, f.name, "%q is not a usable id: use up to %d letters, digits, '-', '_' and '.', starting with a letter or digit", clip(id), maxIDLen)
		return ""
	}
	key := strings.ToLower(id) // ids name files, and some file systems ignore case
	if line, dup := b.ids[key]; dup {
		b.errs.add(f.line, f.name, "%q is already used by the post on line %d (capitals do not count): every post needs its own id", id, line)
		return id
	}
	b.ids[key] = f.line
	return id
}

// when sets At, or Cron with From and Until.
func (b *builder) when(p *postgate.Post, r *rawPost) {
	at, spec := r.get("at"), r.get("cron")
	from, until := r.get("from"), r.get("until")
	switch {
	case at.set && spec.set:
		b.errs.add(spec.line, spec.name, "a post has either at (one time) or cron (repeating), not both")
	case at.set:
		for _, f := range []field{from, until} {
			if f.set {
				b.errs.add(f.line, f.name, "only applies to repeating posts (cron); this post has at")
			}
		}
		p.At = b.time(at, p.Location, parseAt)
	case spec.set:
		b.recurring(p, spec, from, until)
	default:
		b.errs.add(r.line, "at", "is missing: give at (such as 2026-12-01 09:00) or cron for a repeating post")
	}
}

func (b *builder) recurring(p *postgate.Post, spec, from, until field) {
	s, err := compile(spec.value)
	if err != nil {
		b.errs.add(spec.line, spec.name, "%q %v (write minute hour day month weekday, such as \"0 9 * * 1\" for Mondays at 09:00)", clip(spec.value), err)
		return
	}
	p.Cron = strings.TrimSpace(spec.value)
	if from.set {
		p.From = b.time(from, p.Location, parseFrom)
	}
	if until.set {
		p.Until = b.time(until, p.Location, parseUntil)
	}
	switch {
	case p.From.IsZero() && from.set, p.Until.IsZero() && until.set:
		return // already reported
	case !p.Until.IsZero() && p.Until.Before(p.From):
		b.errs.add(until.line, until.name, "%q is before from (%s)", clip(until.value), clip(from.value))
	case !p.Until.IsZero():
		start := p.From
		if start.IsZero() {
			start = p.Until.Add(-horizon)
		}
		for range s.times(p.Location, start, p.Until) {
			return
		}
		b.errs.add(spec.line, spec.name, "never fires between from and until")
	}
}

// time parses a time field with parse, reporting a bad value.
func (b *builder) time(f field, loc *time.Location, parse func(string, *time.Location) (time.Time, error)) time.Time {
	t, err := parse(f.value, loc)
	switch err {
	case nil:
		return t
	case errNoSuchDate:
		b.errs.add(f.line, f.name, "%q is not a real date or time", clip(f.value))
	default:
		b.errs.add(f.line, f.name, "%q is not a time: write year-month-day hour:minute, such as 2026-12-01 09:00 (calendar time zone) or 2026-12-01T09:00:00+01:00", clip(f.value))
	}
	return time.Time{}
}

func (b *builder) platforms(r *rawPost) []postgate.Platform {
	fs := r.lists["platforms"]
	if len(fs) == 0 {
		b.errs.add(r.line, "platforms", "is missing: list where the post goes (%s)", platformNames())
		return nil
	}
	var out []postgate.Platform
	for _, f := range fs {
		pl, err := postgate.ParsePlatform(f.value)
		switch {
		case err != nil && strings.Contains(f.value, ","):
			b.errs.add(f.line, f.name, "%q: separate platforms with ';', such as x;facebook", clip(f.value))
		case err != nil:
			b.errs.add(f.line, f.name, "%q is not a platform postgate knows (known: %s)", clip(f.value), platformNames())
		case slices.Contains(out, pl):
			b.errs.add(f.line, f.name, "%s is listed twice", pl)
		default:
			out = append(out, pl)
		}
	}
	return out
}

func platformNames() string {
	names := make([]string, len(postgate.Platforms))
	for i, p := range postgate.Platforms {
		names[i] = string(p)
	}
	return strings.Join(names, ", ")
}

// texts sets Text and TextFor. Text may be left out only when every listed
// platform has its own text_<platform>.
func (b *builder) texts(p *postgate.Post, r *rawPost) {
	p.Text = b.text(r.get("text"))
	var missing []string
	for _, pl := range postgate.Platforms {
		t := b.text(r.get("text_" + string(pl)))
		listed := slices.Contains(p.Platforms, pl)
		switch {
		case t != "" && !listed:
			f := r.get("text_" + string(pl))
			b.errs.add(f.line, f.name, "%s is not in this post's platforms: add it there or remove this text", pl)
		case t != "":
			if p.TextFor == nil {
				p.TextFor = make(map[postgate.Platform]string)
			}
			p.TextFor[pl] = t
		case listed && p.Text == "":
			missing = append(missing, string(pl))
		}
	}
	if len(missing) > 0 {
		f := r.get("text")
		b.errs.add(f.line, f.name, "is missing: write the post's text (or a text_<platform> for %s)", strings.Join(missing, ", "))
	}
}

// text returns a text field trimmed, reporting one that is too long.
func (b *builder) text(f field) string {
	t := strings.TrimSpace(f.value)
	if len(t) > MaxTextSize {
		b.errs.add(f.line, f.name, "is %s; a post text can be at most %s", size(len(t)), size(MaxTextSize))
	}
	return t
}

func (b *builder) link(f field) string {
	link := strings.TrimSpace(f.value)
	if link != "" && !isWebURL(link) {
		b.errs.add(f.line, f.name, "%q is not a full web address: start it with https://", clip(link))
	}
	return link
}

var doiPattern = regexp.MustCompile(`^(?i:doi:\s*)?10\.\d{4,9}/\S+$`)

func (b *builder) evidence(fs []field) []string {
	var out []string
	for _, f := range fs {
		e := strings.TrimSpace(f.value)
		if !isWebURL(e) && !doiPattern.MatchString(e) {
			b.errs.add(f.line, f.name, "%q is neither a web address (https://…) nor a DOI (such as 10.1234/abc)", clip(e))
		}
		out = append(out, e)
	}
	return out
}

// isWebURL reports whether s is an absolute http or https URL with a host.
func isWebURL(s string) bool {
	if strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
