package calendar

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
)

func TestLoadYAML(t *testing.T) {
	posts, err := Load("testdata/calendar.yaml", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != 3 {
		t.Fatalf("got %d posts, want 3", len(posts))
	}
	sleep, tip, year := posts[0], posts[1], posts[2]

	if sleep.ID != "winter-sleep" || sleep.Line != 4 || sleep.File != "testdata/calendar.yaml" {
		t.Errorf("first post = %s at %s", sleep.ID, sleep.Where())
	}
	if sleep.Location.String() != "Europe/London" {
		t.Errorf("location = %s, want the calendar's Europe/London", sleep.Location)
	}
	if want := utc(t, "2026-12-01 09:00"); !sleep.At.Equal(want) {
		t.Errorf("at = %v, want %v", sleep.At, want)
	}
	if sleep.Text != "Sleep well this winter: keep a regular bedtime." {
		t.Errorf("text = %q (want trimmed)", sleep.Text)
	}
	if sleep.TextFor[postgate.X] != "Sleep well this winter." || len(sleep.TextFor) != 1 {
		t.Errorf("text for = %v", sleep.TextFor)
	}
	if !slices.Equal(sleep.Platforms, []postgate.Platform{postgate.X, postgate.Facebook}) {
		t.Errorf("platforms = %v", sleep.Platforms)
	}
	if len(sleep.Media) != 1 || sleep.Media[0].Source != "stock" || sleep.Media[0].Alt == "" {
		t.Fatalf("media = %+v", sleep.Media)
	}
	if abs, _ := filepath.Abs("testdata/img/tea.jpg"); sleep.Media[0].File != abs {
		t.Errorf("media file = %s, want %s", sleep.Media[0].File, abs)
	}
	if len(sleep.Evidence) != 2 || sleep.Author != "Priya Shah" || !slices.Equal(sleep.Tags, []string{"winter", "sleep"}) {
		t.Errorf("evidence %v, author %q, tags %v", sleep.Evidence, sleep.Author, sleep.Tags)
	}

	if tip.Cron != "0 9 * * 1" || tip.Line != 19 {
		t.Errorf("second post cron %q at line %d", tip.Cron, tip.Line)
	}
	if want := utc(t, "2026-12-01 00:00"); !tip.From.Equal(want) {
		t.Errorf("from = %v, want %v", tip.From, want)
	}
	if want := utc(t, "2027-01-31 23:59").Add(59 * time.Second); !tip.Until.Equal(want) {
		t.Errorf("until = %v, want %v", tip.Until, want)
	}
	if !slices.Equal(tip.Platforms, []postgate.Platform{postgate.LinkedIn, postgate.Mastodon}) {
		t.Errorf("platforms written as text = %v", tip.Platforms)
	}
	if m := tip.Media[0]; m.Source != "consent" || m.Consent != "form-2026-07" {
		t.Errorf("media = %+v", m)
	}
	if want := utc(t, "2027-01-01 00:00"); !year.At.Equal(want) {
		t.Errorf("RFC 3339 at = %v, want %v", year.At, want)
	}
}

func TestLoadCSV(t *testing.T) {
	posts, err := Load("testdata/calendar.csv", london)
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != 3 {
		t.Fatalf("got %d posts, want 3 (blank row skipped)", len(posts))
	}
	open, hello, weekly := posts[0], posts[1], posts[2]
	if open.Line != 2 || hello.Line != 4 || weekly.Line != 6 {
		t.Errorf("rows = %d, %d, %d; want 2, 4, 6 (physical start lines)", open.Line, hello.Line, weekly.Line)
	}
	if open.Text != "Open day on Saturday.\nCome and say hello!" {
		t.Errorf("multi-line cell = %q", open.Text)
	}
	if !slices.Equal(open.Tags, []string{"events", "open-day"}) || open.Author != "Sam" {
		t.Errorf("tags %v author %q", open.Tags, open.Author)
	}
	if len(open.Media) != 1 || open.Media[0].Source != "own" || open.Media[0].Alt != "Tea and biscuits" {
		t.Errorf("media = %+v", open.Media)
	}
	if hello.Text != `Hello, Tokyo "friends".` {
		t.Errorf("quoted cell = %q", hello.Text)
	}
	if hello.Location.String() != "Asia/Tokyo" || !hello.At.Equal(utc(t, "2026-12-05 01:00")) {
		t.Errorf("row timezone: %v at %v", hello.Location, hello.At.UTC())
	}
	if weekly.Text != "" || weekly.TextFor[postgate.Instagram] != "Friday photo" {
		t.Errorf("text %q, text for %v", weekly.Text, weekly.TextFor)
	}
	if weekly.Media[0].Consent != "form-2026-07" || weekly.Evidence[0] != "10.1234/abc" {
		t.Errorf("weekly = %+v", weekly)
	}
}

func TestLoadFileProblems(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	huge := write("huge.yaml", nil)
	if err := os.Truncate(huge, MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.csv"), 0o700); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, want string
	}{
		{"unknown extension", write("posts.txt", []byte("posts: []")), "use .yaml, .yml or .csv"},
		{"missing", filepath.Join(dir, "nope.yaml"), "file not found"},
		{"directory", filepath.Join(dir, "folder.csv"), "not a regular file"},
		{"huge", huge, "at most 64.0 MiB"},
		{"empty", write("empty.csv", nil), "is empty"},
		{"blank", write("blank.yaml", []byte("\uFEFF \r\n\n")), "is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			posts, err := Load(tt.path, london)
			es := mustErrors(t, posts, err)
			if len(es) != 1 || es[0].File != tt.path || !strings.Contains(es[0].Message, tt.want) {
				t.Errorf("got %v, want one problem with %q", es, tt.want)
			}
		})
	}
}

func TestParseLimits(t *testing.T) {
	big := bytes.Repeat([]byte("#"), MaxFileSize+1)
	posts, err := Parse("big.yaml", "", big, YAML, london)
	es := mustErrors(t, posts, err)
	if !strings.Contains(es[0].Message, "at most 64.0 MiB") {
		t.Errorf("got %v", es)
	}
	long := strings.Repeat("a", MaxTextSize+1)
	src := "posts:\n  - id: a\n    at: 2026-12-01 09:00\n    platforms: [x]\n    text: " + long + "\n"
	if es := parseErrors(t, "long.yaml", src); !hasError(es, 5, "text", "at most 100.0 KB") {
		t.Errorf("got %v", es)
	}
}

func TestParseEncoding(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
	}{
		{"latin-1 yaml", "posts:\n  - id: a\n    text: caf\xe9\n", 3},
		{"latin-1 csv", "id,at,platforms,text\r\na,2026-12-01 09:00,x,ok\r\nb,2026-12-01 09:00,x,\"two\r\nlines \x93quoted\x94\"\r\n", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if es := parseErrors(t, tt.name+"."+strings.Fields(tt.name)[1], tt.src); !hasError(es, tt.line, "", "not UTF-8") {
				t.Errorf("got %v, want not UTF-8 on line %d", es, tt.line)
			}
		})
	}
}

func TestTooManyProblems(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("id,at,platforms,text\n")
	for range maxCollected + 500 {
		sb.WriteString("a b,2026-12-01 09:00,x,hi\n")
	}
	es := parseErrors(t, "many.csv", sb.String())
	last := es[len(es)-1]
	if len(es) != maxCollected+1 || last.Message != "too many problems; stopped reading here" || last.Line != maxCollected+2 {
		t.Errorf("got %d problems ending with %v", len(es), last)
	}
}

func TestParseLineEndings(t *testing.T) {
	yamlSrc := "\uFEFFtimezone: Europe/London\r\nposts:\r\n  - id: a\r\n    at: 2026-12-01 09:00\r\n    platforms: [x]\r\n    text: |\r\n      one\r\n      two\r\n"
	csvSrc := "\uFEFFid,at,platforms,text\r\na,2026-12-01 09:00,x,\"one\r\ntwo\"\r\n"
	macSrc := "id,at,platforms,text\ra,2026-12-01 09:00,x,\"one\rtwo\"\r"
	for name, src := range map[string]string{"crlf.yaml": yamlSrc, "crlf.csv": csvSrc, "cr.csv": macSrc} {
		posts := mustParse(t, name, src)
		if len(posts) != 1 || posts[0].Text != "one\ntwo" || posts[0].ID != "a" {
			t.Errorf("%s: got %+v", name, posts)
		}
	}
}

func TestLoadAllDuplicates(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.yaml")
	b := filepath.Join(dir, "b.csv")
	files := map[string]string{
		a: "posts:\n  - id: same\n    at: 2026-12-01 09:00\n    platforms: [x]\n    text: hi\n",
		b: "id,at,platforms,text\nother,2026-12-01 09:00,x,hi\nsame,2026-12-02 09:00,x,hi\n",
	}
	for path, data := range files {
		if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}

	posts, err := LoadAll([]string{a, b}, london)
	es := mustErrors(t, posts, err)
	if len(es) != 1 || es[0].File != b || es[0].Line != 3 || es[0].Field != "id" || !strings.Contains(es[0].Message, a+":2") {
		t.Errorf("got %v, want the duplicate in %s:3 naming %s:2", es, b, a)
	}

	posts, err = LoadAll([]string{a}, london)
	if err != nil || len(posts) != 1 {
		t.Errorf("single file: %v, %v", posts, err)
	}
	if _, err := LoadAll(nil, london); err == nil || err.Error() != "no calendar files given" {
		t.Errorf("no files: got %v", err)
	}
}

func TestErrorsFormat(t *testing.T) {
	var es Errors
	for i := range maxShown + 3 {
		es = append(es, &FieldError{File: "c.csv", Line: i + 2, Field: "at", Message: "bad"})
	}
	es = append(es, &FieldError{File: "c.csv", Message: "whole file"})
	lines := strings.Split(es.Error(), "\n")
	if len(lines) != maxShown+1 || lines[0] != "c.csv:2: at: bad" || lines[maxShown] != "… and 4 more problems" {
		t.Errorf("Error() = %q…%q (%d lines)", lines[0], lines[len(lines)-1], len(lines))
	}
	if got := es[len(es)-1].Error(); got != "c.csv: whole file" {
		t.Errorf("file-level error = %q", got)
	}
	if got := (&FieldError{File: "c.csv", Line: 3, Message: "bad"}).Error(); got != "c.csv:3: bad" {
		t.Errorf("error without field = %q", got)
	}
	var err error = &es
	var value Errors
	if !errors.As(err, &value) || len(value) != len(es) {
		t.Error("errors.As into an Errors value failed")
	}
}
