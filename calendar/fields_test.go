package calendar

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// post builds a one-post YAML calendar from field lines; the post starts on
// line 2 and its fields follow one per line from line 3.
func post(fields ...string) string {
	return "posts:\n  - " + strings.Join(fields, "\n    ") + "\n"
}

var okFields = []string{"id: a", "at: 2026-12-01 09:00", "platforms: [x]", "text: Hello"}

// with returns okFields changed by pairs of field name and line: a line
// replaces the field of that name, or is added at the end; "" drops it.
func with(pairs ...string) []string {
	out := slices.Clone(okFields)
	for i := 0; i+1 < len(pairs); i += 2 {
		name, line := pairs[i], pairs[i+1]
		at := slices.IndexFunc(out, func(f string) bool { return strings.HasPrefix(f, name+":") })
		switch {
		case at >= 0 && line == "":
			out = slices.Delete(out, at, at+1)
		case at >= 0:
			out[at] = line
		default:
			out = append(out, line)
		}
	}
	return out
}

func TestYAMLFieldErrors(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		line  int
		field string
		want  string
	}{
		{"missing id", post(okFields[1:]...), 2, "id", "is missing"},
		{"bad id", post(with("id", "id: ../etc")...), 2, "id", "not a usable id"},
		{"id with space", post(with("id", "id: winter sleep")...), 2, "id", "not a usable id"},
		{"duplicate id", post(with()...) + "  - " + strings.Join(with(), "\n    ") + "\n", 6, "id", "already used by the post on line 2"},
		{"duplicate id in other capitals", post(with()...) + "  - " + strings.Join(with("id", "id: A"), "\n    ") + "\n", 6, "id", "capitals do not count"},
		{"typo in field", post(with("platforms", "platfroms: [x]")...), 4, "platfroms", `did you mean "platforms"`},
		{"missing platforms", post(with("platforms", "")...), 2, "platforms", "is missing"},
		{"unknown platform", post(with("platforms", "platforms: [x, tiktok]")...), 4, "platforms", `"tiktok" is not a platform`},
		{"duplicate platform", post(with("platforms", "platforms: [x, X]")...), 4, "platforms", "listed twice"},
		{"platforms as map", post(with("platforms", "platforms: {x: 1}")...), 4, "platforms", "must be a list"},
		{"missing text", post(with("text", "")...), 2, "text", "is missing"},
		{"blank text", post(with("text", `text: "  "`)...), 5, "text", "is missing"},
		{"text for unlisted platform", post(with("text_linkedin", "text_linkedin: Hi")...), 6, "text_linkedin", "not in this post's platforms"},
		{"text as list", post(with("text", "text: [a, b]")...), 5, "text", "single value"},
		{"missing at", post(with("at", "")...), 2, "at", "is missing"},
		{"at and cron", post(with("cron", `cron: "0 9 * * *"`)...), 6, "cron", "not both"},
		{"bad at", post(with("at", "at: 01/12/2026 09:00")...), 3, "at", "not a time"},
		{"impossible at", post(with("at", "at: 2026-02-30 09:00")...), 3, "at", "not a real date"},
		{"at with until", post(with("until", "until: 2027-01-01")...), 6, "until", "only applies to repeating"},
		{"bad cron", post(with("at", `cron: "0 25 * * *"`)...), 3, "cron", "0 25 * * *"},
		{"cron with six fields", post(with("at", `cron: "0 0 9 * * *"`)...), 3, "cron", "expected exactly 5 fields"},
		{"cron every", post(with("at", `cron: "@every 1h"`)...), 3, "cron", "@every is not supported"},
		{"cron tz", post(with("at", `cron: "TZ=UTC 0 9 * * *"`)...), 3, "cron", "own time zone"},
		{"cron tz no space", post(with("at", `cron: "CRON_TZ=UTC"`)...), 3, "cron", "own time zone"},
		{"cron never", post(with("at", `cron: "0 9 31 2 *"`)...), 3, "cron", "never fires"},
		{"cron never in range", post(with("at", `cron: "0 9 * * *"`, "from", "from: 2026-12-01 10:00", "until", "until: 2026-12-02 08:00")...), 3, "cron", "never fires between"},
		{"until before from", post(with("at", `cron: "0 9 * * *"`, "from", "from: 2026-12-02", "until", "until: 2026-12-01")...), 7, "until", "before from"},
		{"bad from", post(with("at", `cron: "0 9 * * *"`, "from", "from: next week")...), 6, "from", "not a time"},
		{"bad link", post(with("link", "link: www.example.com")...), 6, "link", "full web address"},
		{"ftp link", post(with("link", "link: ftp://example.com/x")...), 6, "link", "full web address"},
		{"bad evidence", post(with("evidence", "evidence: [my friend said so]")...), 6, "evidence", "is neither a web address"},
		{"media missing path", post(with("media", "media: [{alt: x, source: own}]")...), 6, "media[1].path", "is missing"},
		{"media missing source", post(with("media", "media: [{path: img/tea.jpg}]")...), 6, "media[1].source", "is missing"},
		{"media bad source", post(with("media", "media: [{path: img/tea.jpg, source: google}]")...), 6, "media[1].source", "not a source"},
		{"media consent missing", post(with("media", "media: [{path: img/tea.jpg, source: consent}]")...), 6, "media[1].consent", "is missing"},
		{"media consent unneeded", post(with("media", "media: [{path: img/tea.jpg, source: own, consent: f1}]")...), 6, "media[1].consent", "only for images with source consent"},
		{"media unknown key", post(with("media", "media: [{path: img/tea.jpg, source: own, caption: x}]")...), 6, "media[1].caption", "not an image field"},
		{"media not found", post(with("media", "media: [{path: img/nope.jpg, source: own}]")...), 6, "media[1].path", "not found"},
		{"media absolute", post(with("media", "media: [{path: /etc/passwd, source: own}]")...), 6, "media[1].path", "absolute path"},
		{"media escapes", post(with("media", "media: [{path: img/../../load.go, source: own}]")...), 6, "media[1].path", "outside the calendar's folder"},
		{"media folder", post(with("media", "media: [{path: img, source: own}]")...), 6, "media[1].path", "not a file"},
		{"media not a list", post(with("media", "media: img/tea.jpg")...), 6, "media", "must be a list"},
		{"field twice", post(with("author", "text: again")...), 6, "text", "appears twice"},
		{"post not a mapping", "posts:\n  - just text\n", 2, "", "set of fields"},
		{"posts not a list", "posts: hello\n", 1, "posts", "must be a list"},
		{"no posts key", "timezone: Europe/London\n", 1, "posts", "is missing"},
		{"unknown top key", "timezon: Europe/London\nposts: []\n", 1, "timezon", `did you mean "timezone"`},
		{"bad timezone", "timezone: Europe/Londn\nposts: []\n", 1, "timezone", "not a time zone"},
		{"top is a list", "- id: a\n", 1, "", "starts with posts:"},
		{"misaligned field", "posts:\n  - id: a\n   at: x\n", 2, "", "do not line up"},
		{"colon in text", post(with("text", "text: Note: this")...), 5, "", "put the whole value in quotes"},
		{"tab indent", "posts:\n\t- id: a\n", 2, "", "not valid YAML"},
		{"only comments", "# nothing yet\n", 0, "", "only comments"},
		{"two documents", "posts: []\n---\nposts: []\n", 2, "", "second YAML document"},
		{"alias", "posts:\n  - &p {id: a}\n  - *p\n", 3, "", "aliases"},
		{"merge key", "posts:\n  - {<<: {id: a}}\n", 2, "<<", "merge keys"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := parseErrors(t, "cal.yaml", tt.src)
			if !hasError(es, tt.line, tt.field, tt.want) {
				t.Errorf("got:\n%v\nwant cal.yaml:%d: %s: …%s…", es, tt.line, tt.field, tt.want)
			}
			for _, e := range es {
				if e.File != "cal.yaml" {
					t.Errorf("problem names file %q", e.File)
				}
			}
		})
	}
}

func TestCSVFieldErrors(t *testing.T) {
	const header = "id,at,cron,until,platforms,text,text_x,media,media_alt,media_source,media_consent,evidence\r\n"
	tests := []struct {
		name  string
		src   string
		line  int
		field string
		want  string
	}{
		{"unknown column", "id,at,platfroms,text\r\n", 1, "platfroms", `did you mean "platforms"`},
		{"repeated column", "id,at,platforms,text,Text\r\n", 1, "text", "repeated column"},
		{"no id column", "at,platforms,text\r\n", 1, "id", "no id column"},
		{"no time column", "id,platforms,text\r\n", 1, "at", "needs an at column"},
		{"semicolons", "id;at;platforms;text\r\na;2026-12-01 09:00;x;hi\r\n", 1, "", "separated by ';'"},
		{"too few cells", header + "a,2026-12-01 09:00,,,x,hi\r\n", 2, "", "has 6 cells but the header has 12"},
		{"unclosed quote", header + "a,2026-12-01 09:00,,,x,hi,,,,,,\r\nb,2026-12-01 09:00,,,x,\"oops,,,,,,\r\n", 3, "", "quote"},
		{"bare quote", header + "a,2026-12-01 09:00,,,x,say \"hi\",,,,,,\r\n", 2, "", "quote"},
		{"missing id", header + ",2026-12-01 09:00,,,x,hi,,,,,,\r\n", 2, "id", "is missing"},
		{"duplicate id", header + "a,2026-12-01 09:00,,,x,hi,,,,,,\r\na,2026-12-02 09:00,,,x,hi,,,,,,\r\n", 3, "id", "on line 2"},
		{"row after multi-line cell", header + "a,2026-12-01 09:00,,,x,\"two\r\nlines\",,,,,,\r\nb,2026-13-01 09:00,,,x,hi,,,,,,\r\n", 4, "at", "not a real date"},
		{"unknown platform", header + "a,2026-12-01 09:00,,,x;fb,hi,,,,,,\r\n", 2, "platforms", `"fb" is not a platform`},
		{"platforms with commas", header + "a,2026-12-01 09:00,,,\"x, facebook\",hi,,,,,,\r\n", 2, "platforms", "separate platforms with ';'"},
		{"missing text", header + "a,2026-12-01 09:00,,,x;facebook,,hi x,,,,,\r\n", 2, "text", "is missing"},
		{"at and cron", header + "a,2026-12-01 09:00,0 9 * * *,,x,hi,,,,,,\r\n", 2, "cron", "not both"},
		{"bad until", header + "a,,0 9 * * *,31/12/2026,x,hi,,,,,,\r\n", 2, "until", "not a time"},
		{"media without source", header + "a,2026-12-01 09:00,,,x,hi,,img/tea.jpg,Tea,,,\r\n", 2, "media_source", "is missing"},
		{"media alt without path", header + "a,2026-12-01 09:00,,,x,hi,,,Tea,own,,\r\n", 2, "media", "is missing"},
		{"media consent", header + "a,2026-12-01 09:00,,,x,hi,,img/tea.jpg,Tea,consent,,\r\n", 2, "media_consent", "is missing"},
		{"bad evidence", header + "a,2026-12-01 09:00,,,x,hi,,,,,,https://nhs.uk;trust me\r\n", 2, "evidence", `"trust me"`},
		{"bad timezone", "id,at,platforms,text,timezone\r\na,2026-12-01 09:00,x,hi,Mars/Base\r\n", 2, "timezone", "not a time zone"},
		{"nameless column", "id,at,platforms,text,\r\na,2026-12-01 09:00,x,hi,stray\r\n", 2, "", "no name in the header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := parseErrors(t, "cal.csv", tt.src)
			if !hasError(es, tt.line, tt.field, tt.want) {
				t.Errorf("got:\n%v\nwant cal.csv:%d: %s: …%s…", es, tt.line, tt.field, tt.want)
			}
		})
	}
}

// TestEveryProblemReported checks that one pass reports all problems, in
// line order, instead of stopping at the first.
func TestEveryProblemReported(t *testing.T) {
	src := "id,at,platforms,text\r\n" +
		"a,2026-12-01 09:00,x,fine\r\n" +
		"b,tomorrow,x,hi\r\n" +
		"c,2026-12-01 09:00,myspace,hi\r\n" +
		"d,2026-12-01 09:00,x,\r\n"
	es := parseErrors(t, "cal.csv", src)
	var got []string
	for _, e := range es {
		got = append(got, e.Error()[:len("cal.csv:3: at")])
	}
	want := []string{"cal.csv:3: at", "cal.csv:4: pl", "cal.csv:5: te"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestNoTimeZone(t *testing.T) {
	src := "posts:\n  - id: a\n    at: 2026-12-01 09:00\n    platforms: [x]\n    text: hi\n"
	posts, err := Parse("cal.yaml", "testdata", []byte(src), YAML, nil)
	es := mustErrors(t, posts, err)
	if !hasError(es, 2, "timezone", "no time zone") || len(es) != 1 {
		t.Errorf("got %v", es)
	}
	posts, err = Parse("cal.yaml", "testdata", []byte("timezone: Asia/Tokyo\n"+src), YAML, nil)
	if err != nil || posts[0].Location.String() != "Asia/Tokyo" {
		t.Errorf("calendar zone without default: %v %v", posts, err)
	}
}

func TestEmptyLists(t *testing.T) {
	for name, src := range map[string]string{
		"empty.yaml": "timezone: Europe/London\nposts: []\n",
		"null.yaml":  "posts:\n",
		"header.csv": "id,at,platforms,text\r\n",
	} {
		posts, err := Parse(name, "testdata", []byte(src), formatOf(t, name), london)
		if err != nil || posts == nil || len(posts) != 0 {
			t.Errorf("%s: got %v, %v; want an empty list", name, posts, err)
		}
	}
}

func TestClip(t *testing.T) {
	long := strings.Repeat("é", 40) // 80 bytes
	got := clip(long)
	if !strings.HasSuffix(got, "…") || len(got) > 60+len("…") || !utf8.ValidString(got) {
		t.Errorf("clip(%q) = %q", long, got)
	}
	if clip("short") != "short" {
		t.Error("short values must stay whole")
	}
}

func TestBlankTimezoneKeepsDefault(t *testing.T) {
	posts := mustParse(t, "cal.yaml", "timezone:\n"+post(okFields...))
	if posts[0].Location != london {
		t.Errorf("location = %v, want the default", posts[0].Location)
	}
}
