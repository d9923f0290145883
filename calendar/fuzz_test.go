package calendar

import (
	"os"
	"testing"
	"time"
)

// fuzzSeeds are inputs close to the interesting edges of both formats.
var (
	yamlSeeds = []string{
		"posts: []\n",
		"timezone: Asia/Tokyo\nposts:\n  - {id: a, cron: '30 1 * * *', from: 2026-03-01, until: 2026-04-01, platforms: [x], text: hi}\n",
		"posts:\n  - id: a\n    at: 2026-03-29 01:30\n    platforms: x; facebook\n    text_x: hi\n    text_facebook: hi\n    media: [{path: img/tea.jpg, source: consent, consent: f}]\n",
		"posts:\n  - &a {id: a}\n  - *a\n",
		"posts:\n  - {<<: {id: a}}\n---\n",
		"\uFEFFposts:\r\n  - id: a\r\n",
	}
	csvSeeds = []string{
		"id,at,platforms,text\r\na,2026-12-01 09:00,x,\"multi\r\nline\"\r\n",
		"\uFEFFid,cron,from,until,timezone,platforms,text,media,media_source,media_consent,evidence,tags\nb,0 9 29 2 *,2026-01-01,2030-12-31,America/New_York,instagram;x,hi,img/team.jpg,consent,f1,10.1/x;https://a.b,t1;t2\n",
		"id;at;platforms\n",
		"id,at,platforms,text\n\"a,2026\n",
	}
)

func FuzzParseYAML(f *testing.F) {
	addSeeds(f, "testdata/calendar.yaml", yamlSeeds)
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.yaml", data, YAML) })
}

func FuzzParseCSV(f *testing.F) {
	addSeeds(f, "testdata/calendar.csv", csvSeeds)
	f.Fuzz(func(t *testing.T, data []byte) { checkParse(t, "fuzz.csv", data, CSV) })
}

func addSeeds(f *testing.F, file string, seeds []string) {
	data, err := os.ReadFile(file)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, s := range seeds {
		f.Add([]byte(s))
	}
}

// checkParse asserts Parse's contract on any input: posts or problems, never
// both; problems that name the file; posts that are complete; and
// occurrence queries that return.
func checkParse(t *testing.T, name string, data []byte, format Format) {
	posts, err := Parse(name, "testdata", data, format, london)
	if (posts == nil) == (err == nil) {
		t.Fatalf("posts %v with err %v", posts, err)
	}
	if err != nil {
		es, ok := err.(*Errors)
		if !ok || len(*es) == 0 {
			t.Fatalf("err %T %v is not a non-empty *Errors", err, err)
		}
		for _, e := range *es {
			if e.File != name || e.Line < 0 || e.Message == "" {
				t.Fatalf("bad problem %+v", e)
			}
		}
		return
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range posts {
		if p.ID == "" || len(p.Platforms) == 0 || p.Location == nil || p.At.IsZero() == (p.Cron == "") {
			t.Fatalf("incomplete post %+v", p)
		}
		Occurrences(p, start, start.Add(7*24*time.Hour))
		Next(p, start)
	}
}

// FuzzCron checks that any spec the loader accepts yields ordered, distinct
// occurrences without hanging.
func FuzzCron(f *testing.F) {
	for _, s := range []string{"0 9 * * *", "30 1 * * 0", "*/7 1-3 29 2 *", "@weekly", "0 0 31 * 1-5", "TZ=UTC", "@every 1h"} {
		f.Add(s)
	}
	from := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, spec string) {
		if _, err := compile(spec); err != nil {
			return
		}
		for _, loc := range []*time.Location{london, newYork} {
			p := recurring(spec, loc)
			got := Occurrences(p, from, from.AddDate(0, 0, 40))
			for i := 1; i < len(got); i++ {
				if !got[i-1].Before(got[i]) {
					t.Fatalf("%q: %v then %v", spec, got[i-1], got[i])
				}
			}
			if _, ok := Next(p, from); !ok {
				t.Fatalf("%q never fires", spec)
			}
		}
	})
}
