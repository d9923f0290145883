package calendar

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/robfig/cron/v3"
)

func TestWallTime(t *testing.T) {
	lordHowe := mustLoc(t, "Australia/Lord_Howe")
	tests := []struct {
		name string
		loc  *time.Location
		wall string // 2006-01-02 15:04 in loc
		want string // 2006-01-02 15:04 UTC
	}{
		{"london before gap", london, "2026-03-29 00:59", "2026-03-29 00:59"},
		{"london in gap", london, "2026-03-29 01:30", "2026-03-29 01:30"}, // 02:30 BST
		{"london gap start", london, "2026-03-29 01:00", "2026-03-29 01:00"},
		{"london after gap", london, "2026-03-29 02:00", "2026-03-29 01:00"},
		{"london overlap start", london, "2026-10-25 01:00", "2026-10-25 00:00"},
		{"london in overlap", london, "2026-10-25 01:30", "2026-10-25 00:30"}, // first, BST
		{"london after overlap", london, "2026-10-25 02:00", "2026-10-25 02:00"},
		{"london winter", london, "2026-12-01 09:00", "2026-12-01 09:00"},
		{"london summer", london, "2026-07-01 09:00", "2026-07-01 08:00"},
		{"new york in gap", newYork, "2026-03-08 02:30", "2026-03-08 07:30"}, // 03:30 EDT
		{"new york after gap", newYork, "2026-03-08 03:30", "2026-03-08 07:30"},
		{"new york in overlap", newYork, "2026-11-01 01:30", "2026-11-01 05:30"}, // first, EDT
		{"new york after overlap", newYork, "2026-11-01 02:00", "2026-11-01 07:00"},
		{"lord howe half-hour gap", lordHowe, "2026-10-04 02:15", "2026-10-03 15:45"},
		{"tokyo", tokyo, "2026-12-05 10:00", "2026-12-05 01:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseAt(tt.wall, tt.loc)
			if err != nil {
				t.Fatal(err)
			}
			if want := utc(t, tt.want); !got.Equal(want) {
				t.Errorf("%s %s = %s, want %s", tt.wall, tt.loc, got.UTC(), want)
			}
		})
	}
}

// TestWallTimeRule checks wallTime against the rule, stated by brute force,
// for every minute around every transition of some zones with odd histories.
func TestWallTimeRule(t *testing.T) {
	zones := []string{"Europe/London", "America/New_York", "Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Apia", "Asia/Tokyo"}
	for _, name := range zones {
		loc := mustLoc(t, name)
		for _, tr := range transitions(loc, 2011, 2019) {
			for d := -30 * time.Hour; d <= 30*time.Hour; d += 11 * time.Minute {
				w := tr.In(loc).Add(d)
				wall := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), 0, 0, time.UTC)
				if got, want := wallTime(wall, loc), byRule(wall, loc); !got.Equal(want) {
					t.Fatalf("%s %s: got %s, want %s", name, wall.Format("2006-01-02 15:04"), got, want)
				}
			}
		}
	}
}

// byRule is the DST rule stated directly: of the offsets in force within a
// day and a half, the earliest instant whose wall clock shows wall; for a
// wall time that never shows, wall read with the offset in force before.
func byRule(wall time.Time, loc *time.Location) time.Time {
	var best time.Time
	for d := -36 * time.Hour; d <= 36*time.Hour; d += time.Hour {
		_, off := wall.Add(d).In(loc).Zone()
		u := wall.Add(-time.Duration(off) * time.Second)
		l := u.In(loc)
		shown := time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), 0, 0, time.UTC)
		if shown.Equal(wall) && (best.IsZero() || u.Before(best)) {
			best = u
		}
	}
	if !best.IsZero() {
		return best
	}
	_, before := wall.Add(-36 * time.Hour).In(loc).Zone()
	return wall.Add(-time.Duration(before) * time.Second)
}

// transitions lists loc's offset changes in the years [from, to].
func transitions(loc *time.Location, from, to int) []time.Time {
	var out []time.Time
	t := time.Date(from, 1, 1, 0, 0, 0, 0, loc)
	for t.Year() <= to {
		_, end := t.ZoneBounds()
		if end.IsZero() {
			break
		}
		out = append(out, end)
		t = end
	}
	return out
}

// recurring returns a recurring post in loc.
func recurring(spec string, loc *time.Location) postgate.Post {
	return postgate.Post{ID: "r", Cron: spec, Location: loc, Platforms: []postgate.Platform{postgate.X}}
}

func TestOccurrences(t *testing.T) {
	bounded := recurring("0 9 * * 1", london)
	bounded.From = wallTime(utc(t, "2026-12-07 09:00"), london)
	bounded.Until = wallTime(utc(t, "2026-12-28 09:00"), london)
	later := recurring("0 9 * * *", london)
	later.From = utc(t, "2026-12-03 12:00")
	tests := []struct {
		name     string
		post     postgate.Post
		from, to string // UTC
		want     []string
	}{
		{"london spring gap moves forward", recurring("30 1 * * *", london), "2026-03-28 00:00", "2026-03-31 00:00",
			[]string{"2026-03-28 01:30", "2026-03-29 01:30", "2026-03-30 00:30"}},
		{"london autumn overlap fires once", recurring("30 1 * * *", london), "2026-10-24 00:00", "2026-10-27 00:00",
			[]string{"2026-10-24 00:30", "2026-10-25 00:30", "2026-10-26 01:30"}},
		{"london overlap half-hourly", recurring("*/30 1 * * *", london), "2026-10-25 00:00", "2026-10-26 00:00",
			[]string{"2026-10-25 00:00", "2026-10-25 00:30"}},
		{"london gap times meeting real ones fire once", recurring("15,30 1,2 * * *", london), "2026-03-29 00:00", "2026-03-30 00:00",
			[]string{"2026-03-29 01:15", "2026-03-29 01:30"}},
		{"new york spring gap", recurring("30 2 * * *", newYork), "2026-03-07 00:00", "2026-03-10 00:00",
			[]string{"2026-03-07 07:30", "2026-03-08 07:30", "2026-03-09 06:30"}},
		{"new york autumn overlap", recurring("30 1 * * *", newYork), "2026-10-31 00:00", "2026-11-03 00:00",
			[]string{"2026-10-31 05:30", "2026-11-01 05:30", "2026-11-02 06:30"}},
		{"leap day", recurring("0 9 29 2 *", london), "2026-01-01 00:00", "2034-01-01 00:00",
			[]string{"2028-02-29 09:00", "2032-02-29 09:00"}},
		{"tokyo", recurring("0 9 * * *", tokyo), "2026-12-05 00:00", "2026-12-07 00:00",
			[]string{"2026-12-05 00:00", "2026-12-06 00:00"}},
		{"from and until inclusive, window half-open", bounded, "2026-11-01 00:00", "2027-02-01 00:00",
			[]string{"2026-12-07 09:00", "2026-12-14 09:00", "2026-12-21 09:00", "2026-12-28 09:00"}},
		{"window end excluded", bounded, "2026-12-14 09:00", "2026-12-21 09:00", []string{"2026-12-14 09:00"}},
		{"from mid-day", later, "2026-12-01 00:00", "2026-12-06 00:00", []string{"2026-12-04 09:00", "2026-12-05 09:00"}},
		{"monthly across DST", recurring("0 10 1 * *", london), "2026-01-01 00:00", "2026-05-01 00:00",
			[]string{"2026-01-01 10:00", "2026-02-01 10:00", "2026-03-01 10:00", "2026-04-01 09:00"}},
		{"day of month or weekday", recurring("0 9 13 * 5", london), "2026-11-01 00:00", "2026-11-21 00:00",
			[]string{"2026-11-06 09:00", "2026-11-13 09:00", "2026-11-20 09:00"}},
		{"weekday range", recurring("0 8 * * mon-wed", newYork), "2026-12-06 00:00", "2026-12-13 00:00",
			[]string{"2026-12-07 13:00", "2026-12-08 13:00", "2026-12-09 13:00"}},
		{"descriptor", recurring("@daily", london), "2026-07-01 00:00", "2026-07-03 00:00",
			[]string{"2026-07-01 23:00", "2026-07-02 23:00"}},
		{"empty window", recurring("0 9 * * *", london), "2026-12-01 10:00", "2026-12-01 10:00", nil},
		{"never fires", recurring("0 9 31 2 *", london), "2026-01-01 00:00", "2036-01-01 00:00", nil},
		{"bad spec", recurring("every day", london), "2026-01-01 00:00", "2027-01-01 00:00", nil},
		{"no location", recurring("0 9 * * *", nil), "2026-01-01 00:00", "2027-01-01 00:00", nil},
		{"one-off in window", postgate.Post{At: utc(t, "2026-12-01 09:00")}, "2026-12-01 09:00", "2026-12-01 09:01", []string{"2026-12-01 09:00"}},
		{"one-off at window end", postgate.Post{At: utc(t, "2026-12-01 09:00")}, "2026-12-01 08:00", "2026-12-01 09:00", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Occurrences(tt.post, utc(t, tt.from), utc(t, tt.to))
			if g, w := format(got), strings.Join(tt.want, ", "); g != w {
				t.Errorf("got  %s\nwant %s", g, w)
			}
			for _, o := range got {
				if o.Location() != time.UTC {
					t.Errorf("%v is not in UTC", o)
				}
			}
		})
	}
}

func format(ts []time.Time) string {
	var s []string
	for _, t := range ts {
		s = append(s, t.UTC().Format("2006-01-02 15:04"))
	}
	return strings.Join(s, ", ")
}

func TestNext(t *testing.T) {
	ended := recurring("0 9 * * *", london)
	ended.Until = utc(t, "2026-12-01 09:00")
	oneOff := postgate.Post{At: utc(t, "2026-12-01 09:00"), Location: london}
	far := recurring("0 9 * * *", london)
	far.From = utc(t, "2050-01-01 00:00")
	tests := []struct {
		name string
		post postgate.Post
		at   string
		want string // "" for none
	}{
		{"one-off ahead", oneOff, "2026-11-01 00:00", "2026-12-01 09:00"},
		{"one-off exactly now", oneOff, "2026-12-01 09:00", "2026-12-01 09:00"},
		{"one-off past", oneOff, "2026-12-01 09:01", ""},
		{"recurring at an occurrence", recurring("0 9 * * *", london), "2026-12-01 09:00", "2026-12-01 09:00"},
		{"recurring just after", recurring("0 9 * * *", london), "2026-12-01 09:00:01", "2026-12-02 09:00"},
		{"spring gap", recurring("30 1 * * *", london), "2026-03-29 00:00", "2026-03-29 01:30"},
		{"after overlap occurrence", recurring("30 1 * * *", london), "2026-10-25 00:31", "2026-10-26 01:30"},
		{"leap day", recurring("0 9 29 2 *", london), "2026-03-01 00:00", "2028-02-29 09:00"},
		{"leap day skipping 2100", recurring("0 9 29 2 *", london), "2096-03-01 00:00", "2104-02-29 09:00"},
		{"from far ahead", far, "2026-01-01 00:00", "2050-01-01 09:00"},
		{"until reached", ended, "2026-12-01 09:00:01", ""},
		{"never fires", recurring("0 9 30 2 *", london), "2026-01-01 00:00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at, err := time.Parse("2006-01-02 15:04:05", tt.at)
			if err != nil {
				at = utc(t, tt.at)
			}
			got, ok := Next(tt.post, at)
			if tt.want == "" {
				if ok {
					t.Errorf("got %v, want none", got)
				}
				return
			}
			if want := utc(t, tt.want); !ok || !got.Equal(want) || got.Location() != time.UTC {
				t.Errorf("got %v, %v; want %v", got, ok, want)
			}
		})
	}
}

// TestZoneIndependentOfProcess loads a Tokyo calendar while the process
// believes it is in Los Angeles.
func TestZoneIndependentOfProcess(t *testing.T) {
	saved := time.Local
	time.Local = mustLoc(t, "America/Los_Angeles")
	t.Cleanup(func() { time.Local = saved })

	src := "timezone: Asia/Tokyo\nposts:\n" +
		"  - {id: once, at: 2026-12-05 10:00, platforms: [x], text: hi}\n" +
		"  - {id: daily, cron: 0 9 * * *, from: 2026-12-05, platforms: [x], text: hi}\n"
	posts := mustParse(t, "tokyo.yaml", src)
	if want := utc(t, "2026-12-05 01:00"); !posts[0].At.Equal(want) {
		t.Errorf("at = %v, want %v", posts[0].At.UTC(), want)
	}
	got := Occurrences(posts[1], utc(t, "2026-12-01 00:00"), utc(t, "2026-12-07 00:00"))
	if g := format(got); g != "2026-12-05 00:00, 2026-12-06 00:00" {
		t.Errorf("daily = %s", g)
	}
	if next, _ := Next(posts[1], utc(t, "2026-12-05 00:00").Add(time.Second)); !next.Equal(utc(t, "2026-12-06 00:00")) {
		t.Errorf("next = %v", next)
	}
}

// TestOccurrencesMatchNext checks that walking with Next visits exactly the
// occurrences, across a year with both DST changes.
func TestOccurrencesMatchNext(t *testing.T) {
	for _, spec := range []string{"*/20 0-3 * * *", "30 1 * * 0", "0 0 29 2 *", "45 2 * 3,10,11 *"} {
		for _, loc := range []*time.Location{london, newYork} {
			p := recurring(spec, loc)
			from, to := utc(t, "2026-01-01 00:00"), utc(t, "2027-01-01 00:00")
			all := Occurrences(p, from, to)
			var walked []time.Time
			for at, ok := Next(p, from); ok && at.Before(to); at, ok = Next(p, at.Add(time.Second)) {
				walked = append(walked, at)
			}
			if !slices.Equal(all, walked) {
				t.Errorf("%s in %s: Occurrences and Next differ", spec, loc)
			}
			if !slices.IsSortedFunc(all, time.Time.Compare) || len(slices.CompactFunc(slices.Clone(all), time.Time.Equal)) != len(all) {
				t.Errorf("%s in %s: not strictly ascending", spec, loc)
			}
		}
	}
}

// TestRobfigDST records why the package walks the wall clock itself:
// robfig/cron's SpecSchedule.Next skips a time in a spring-forward gap and
// fires twice for a time in an autumn overlap. If this test fails, robfig
// has changed and the note on schedule should be revisited.
func TestRobfigDST(t *testing.T) {
	s, err := cron.ParseStandard("30 1 * * *")
	if err != nil {
		t.Fatal(err)
	}
	spec := s.(*cron.SpecSchedule)
	spec.Location = london
	next := func(from string) string { return spec.Next(utc(t, from)).UTC().Format("2006-01-02 15:04") }
	if got := next("2026-03-28 12:00"); got != "2026-03-30 00:30" {
		t.Errorf("robfig after the day before the gap: %s (expected it to skip 29 March)", got)
	}
	if got := next("2026-10-25 00:30"); got != "2026-10-25 01:30" {
		t.Errorf("robfig after the first 01:30 of the overlap: %s (expected a second firing)", got)
	}
}
