package calendar

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
)

// mustLoc loads an IANA zone or fails the test.
func mustLoc(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

var london, newYork, tokyo *time.Location

func init() {
	var err error
	for _, z := range []struct {
		loc  **time.Location
		name string
	}{{&london, "Europe/London"}, {&newYork, "America/New_York"}, {&tokyo, "Asia/Tokyo"}} {
		if *z.loc, err = time.LoadLocation(z.name); err != nil {
			panic(err)
		}
	}
}

// mustParse parses a calendar whose media live in testdata, failing on error.
func mustParse(t testing.TB, name, src string) []postgate.Post {
	t.Helper()
	posts, err := Parse(name, "testdata", []byte(src), formatOf(t, name), london)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return posts
}

// parseErrors parses a calendar that must fail and returns its problems.
func parseErrors(t testing.TB, name, src string) Errors {
	t.Helper()
	posts, err := Parse(name, "testdata", []byte(src), formatOf(t, name), london)
	return mustErrors(t, posts, err)
}

func mustErrors(t testing.TB, posts []postgate.Post, err error) Errors {
	t.Helper()
	if posts != nil {
		t.Errorf("got %d posts with an error, want none", len(posts))
	}
	var es *Errors
	if !errors.As(err, &es) || len(*es) == 0 {
		t.Fatalf("err = %v, want *Errors", err)
	}
	return *es
}

func formatOf(t testing.TB, name string) Format {
	t.Helper()
	f, ok := FormatOf(name)
	if !ok {
		t.Fatalf("no format for %s", name)
	}
	return f
}

// hasError reports whether es holds a problem at line in field whose message
// contains want.
func hasError(es Errors, line int, field, want string) bool {
	for _, e := range es {
		if e.Line == line && e.Field == field && strings.Contains(e.Message, want) {
			return true
		}
	}
	return false
}

// utc parses "2006-01-02 15:04" as UTC.
func utc(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
