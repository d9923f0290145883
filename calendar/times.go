package calendar

import (
	"errors"
	"strings"
	"time"
)

// localLayouts are the wall-clock forms accepted for at, from and until.
var localLayouts = []string{
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04:05",
}

const dateLayout = "2006-01-02"

// parseAt reads a one-off time: a local wall-clock time in loc, or RFC 3339
// with an offset.
func parseAt(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if hasOffset(s) {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return time.Time{}, timeError(err)
		}
		return t.In(loc), nil
	}
	for _, layout := range localLayouts {
		if len(s) != len(layout) || s[10] != layout[10] {
			continue
		}
		w, err := time.Parse(layout, s)
		if err != nil {
			return time.Time{}, timeError(err)
		}
		return wallTime(w, loc), nil
	}
	return time.Time{}, errNotTime
}

// hasOffset reports whether s ends in a zone offset (Z, +01:00, -05:00), so
// that it can only be RFC 3339.
func hasOffset(s string) bool {
	if strings.HasSuffix(s, "Z") || strings.HasSuffix(s, "z") {
		return true
	}
	return len(s) > 16 && strings.ContainsAny(s[16:], "+-")
}

func timeError(err error) error {
	if outOfRange(err) {
		return errNoSuchDate
	}
	return errNotTime
}

// parseFrom reads from: a time like parseAt, or a bare date meaning the
// start of that day.
func parseFrom(s string, loc *time.Location) (time.Time, error) { return parseBound(s, loc, false) }

// parseUntil reads until: a time like parseAt, or a bare date meaning the
// last second of that day.
func parseUntil(s string, loc *time.Location) (time.Time, error) { return parseBound(s, loc, true) }

func parseBound(s string, loc *time.Location, endOfDay bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if len(s) != len(dateLayout) {
		return parseAt(s, loc)
	}
	w, err := time.Parse(dateLayout, s)
	switch {
	case err != nil:
		return time.Time{}, timeError(err)
	case endOfDay:
		return wallTime(w.Add(24*time.Hour-time.Second), loc), nil
	}
	return wallTime(w, loc), nil
}

var (
	errNotTime    = errors.New("not a time")
	errNoSuchDate = errors.New("no such date")
)

// outOfRange reports whether time.Parse recognised the layout but not the
// values (month 13, 31 April, hour 25).
func outOfRange(err error) bool {
	var pe *time.ParseError
	return errors.As(err, &pe) && strings.Contains(pe.Message, "out of range")
}

// wallTime returns the instant at which a clock in loc shows the date and
// time of w (whose own zone is ignored), by the package's DST rule: a time
// inside a spring-forward gap moves forward by the length of the gap, and a
// time that occurs twice in an autumn overlap takes the earlier instant.
//
// Both cases come down to reading the wall time with the offset that was in
// force before the transition.
func wallTime(w time.Time, loc *time.Location) time.Time {
	y, mo, d := w.Date()
	h, mi, s := w.Clock()
	t := time.Date(y, mo, d, h, mi, s, 0, loc)
	wall := time.Date(y, mo, d, h, mi, s, 0, time.UTC).Unix()
	_, off := t.Zone()
	shown := t.Unix() + int64(off)
	switch {
	case shown < wall:
		// Gap, and Go chose the instant before it: t's offset is the old one.
		return time.Unix(wall-int64(off), 0).In(loc)
	case shown > wall:
		// Gap, and Go chose the instant after it, already using the old offset.
		return t
	}
	// The wall time exists; if it also existed under the previous offset, the
	// clock showed it twice and the earlier instant wins.
	start, _ := t.ZoneBounds()
	if start.IsZero() {
		return t
	}
	_, prev := start.Add(-time.Second).Zone()
	if earlier := wall - int64(prev); earlier < start.Unix() {
		return time.Unix(earlier, 0).In(loc)
	}
	return t
}
