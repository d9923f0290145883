package calendar

import (
	"errors"
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/connections/postgate"
	"github.com/robfig/cron/v3"
)

// schedule is a parsed cron spec, evaluated on the wall clock of a zone.
//
// robfig/cron's own SpecSchedule.Next steps through absolute hours, so in a
// zone with DST it skips a time that falls in a spring-forward gap and fires
// twice for a time in an autumn overlap. postgate instead walks the calendar
// day by day and turns each matching wall-clock time into an instant with
// wallTime, so every matching time fires exactly once.
type schedule struct {
	minutes, hours   []int
	dom, month, dow  uint64
	domStar, dowStar bool
}

// starBit is robfig/cron's marker for a field written as "*" or "?".
const starBit = 1 << 63

// horizon bounds how far Next looks ahead for a post without until. Every
// spec the loader accepts fires at least once in any eight years.
const horizon = 10 * 366 * 24 * time.Hour

// endOfTime is later than any occurrence.
var endOfTime = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)

// compile parses a 5-field cron spec (or a descriptor such as @daily).
func compile(spec string) (*schedule, error) {
	spec = strings.TrimSpace(spec)
	upper := strings.ToUpper(spec)
	switch {
	case spec == "":
		return nil, errors.New("is empty")
	case strings.HasPrefix(upper, "TZ=") || strings.HasPrefix(upper, "CRON_TZ="):
		return nil, errors.New("must not set its own time zone: the calendar's timezone applies")
	case strings.HasPrefix(spec, "@every"):
		return nil, errors.New("@every is not supported: give the minute, hour, day, month and weekday")
	}
	parsed, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, fmt.Errorf("is not a schedule postgate can read: %w", err)
	}
	ss, ok := parsed.(*cron.SpecSchedule)
	if !ok || ss.Second != 1 {
		return nil, errors.New("is not a 5-field cron spec")
	}
	s := &schedule{
		minutes: setBits(ss.Minute, 59),
		hours:   setBits(ss.Hour, 23),
		dom:     ss.Dom,
		month:   ss.Month,
		dow:     ss.Dow,
		domStar: ss.Dom&starBit != 0,
		dowStar: ss.Dow&starBit != 0,
	}
	if !s.possible() {
		return nil, errors.New("never fires: no month has that day")
	}
	return s, nil
}

// setBits lists the set bits of b from 0 to max, ascending.
func setBits(b uint64, max int) []int {
	var out []int
	for i := 0; i <= max; i++ {
		if b&(1<<i) != 0 {
			out = append(out, i)
		}
	}
	return out
}

// daysIn is the longest each month can be (February in a leap year).
var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// possible reports whether some real date and time matches: not "31 2",
// and not a field whose list came out empty.
func (s *schedule) possible() bool {
	const weekdays = 1<<7 - 1
	if len(s.minutes) == 0 || len(s.hours) == 0 {
		return false
	}
	someWeekday := s.dow&weekdays != 0
	someDate := false
	first := bits.TrailingZeros64(s.dom &^ starBit) // 64 when no day is set
	for m := 1; m <= 12; m++ {
		if s.month&(1<<m) != 0 && first <= daysIn[m] {
			someDate = true
		}
	}
	if s.domStar || s.dowStar {
		return someDate && someWeekday // both must match; one of them is "*"
	}
	return s.month&^starBit != 0 && (someDate || someWeekday)
}

// dayMatches follows robfig/cron: when either day field is "*", both must
// match; otherwise either may.
func (s *schedule) dayMatches(day time.Time) bool {
	dom := s.dom&(1<<day.Day()) != 0
	dow := s.dow&(1<<day.Weekday()) != 0
	if s.domStar || s.dowStar {
		return dom && dow
	}
	return dom || dow
}

// times yields the occurrences in [from, last], ascending, without repeats.
func (s *schedule) times(loc *time.Location, from, last time.Time) iter.Seq[time.Time] {
	return func(yield func(time.Time) bool) {
		// Start a day early: a time in a gap late on one day can move into the next.
		day := civilDay(from.In(loc)).AddDate(0, 0, -1)
		end := civilDay(last.In(loc))
		var buf []time.Time
		var prev time.Time
		for !day.After(end) {
			if s.month&(1<<day.Month()) == 0 {
				day = time.Date(day.Year(), day.Month()+1, 1, 0, 0, 0, 0, time.UTC)
				continue
			}
			if s.dayMatches(day) {
				buf = s.onDay(buf[:0], day, loc)
				for _, t := range buf {
					if t.After(last) {
						return
					}
					if t.Before(from) || !t.After(prev) {
						continue
					}
					if !yield(t) {
						return
					}
					prev = t
				}
			}
			day = day.Add(24 * time.Hour)
		}
	}
}

// onDay appends the instants of day's matching wall-clock times, sorted.
// Times moved forward out of a gap can land after later times of the day.
func (s *schedule) onDay(buf []time.Time, day time.Time, loc *time.Location) []time.Time {
	for _, h := range s.hours {
		for _, m := range s.minutes {
			w := day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
			buf = append(buf, wallTime(w, loc).UTC())
		}
	}
	if !slices.IsSortedFunc(buf, time.Time.Compare) {
		slices.SortFunc(buf, time.Time.Compare)
	}
	return buf
}

// civilDay returns t's calendar date as midnight UTC, a zone-free day cursor.
func civilDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Occurrences returns the post's occurrence times, in UTC and ascending, in
// the half-open window [from, to). A one-off post has its At if that is in
// the window. A recurring post has every time its cron spec matches on the
// wall clock of its Location, no earlier than From and no later than Until
// (when set). A post whose spec does not parse has none.
func Occurrences(p postgate.Post, from, to time.Time) []time.Time {
	if p.Cron == "" {
		if !p.At.IsZero() && !p.At.Before(from) && p.At.Before(to) {
			return []time.Time{p.At.UTC()}
		}
		return nil
	}
	s, lo, hi, ok := bounds(p, from, to.Add(-time.Nanosecond))
	if !ok {
		return nil
	}
	var out []time.Time
	for t := range s.times(p.Location, lo, hi) {
		out = append(out, t)
	}
	return out
}

// Next returns the post's first occurrence at or after t, in UTC, and false
// if there is none. For a recurring post it looks at most ten years past the
// later of t and From.
func Next(p postgate.Post, t time.Time) (time.Time, bool) {
	if p.Cron == "" {
		if p.At.IsZero() || p.At.Before(t) {
			return time.Time{}, false
		}
		return p.At.UTC(), true
	}
	s, lo, hi, ok := bounds(p, t, endOfTime)
	if !ok {
		return time.Time{}, false
	}
	if limit := lo.Add(horizon); limit.Before(hi) {
		hi = limit
	}
	for next := range s.times(p.Location, lo, hi) {
		return next, true
	}
	return time.Time{}, false
}

// bounds narrows [from, last] to the post's From and Until and returns its
// schedule; ok is false when nothing can match.
func bounds(p postgate.Post, from, last time.Time) (s *schedule, lo, hi time.Time, ok bool) {
	if p.Location == nil {
		return nil, lo, hi, false
	}
	s, err := cached(p.Cron)
	if err != nil {
		return nil, lo, hi, false
	}
	lo, hi = from, last
	if p.From.After(lo) {
		lo = p.From
	}
	if !p.Until.IsZero() && p.Until.Before(hi) {
		hi = p.Until
	}
	return s, lo, hi, !lo.After(hi)
}

// schedules caches compiled specs: a plan asks for the same few specs over
// and over. It stops growing at maxCached specs.
var (
	schedules   sync.Map // spec → *schedule
	cachedCount atomic.Int64
)

const maxCached = 1024

func cached(spec string) (*schedule, error) {
	if s, ok := schedules.Load(spec); ok {
		return s.(*schedule), nil
	}
	s, err := compile(spec)
	if err != nil {
		return nil, fmt.Errorf("cron %q: %w", spec, err)
	}
	if cachedCount.Add(1) <= maxCached {
		schedules.Store(spec, s)
	}
	return s, nil
}
