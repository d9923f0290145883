package scheduler

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/calendar"
	"github.com/connections/postgate/review"
	"github.com/connections/postgate/store"
)

// MaxSleep is the longest the daemon sleeps between ticks, so that a clock
// step or a decision written while no file event arrived is noticed soon.
const MaxSleep = time.Minute

const metaLastTick = "last_tick"

// Tick applies the decisions people made in review, then does everything
// that is due now. It returns the next time something falls due (an
// occurrence or a retry). It stops starting
// new deliveries when ctx is cancelled, but a delivery in flight finishes.
func (s *Scheduler) Tick(ctx context.Context) (time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	// Without a working review folder a held, failed or unknown post could
	// not be reported: hold everything until it works again.
	if err := s.review.Writable(); err != nil {
		return now.Add(MaxSleep), fmt.Errorf("nothing is published until this is fixed: %w", err)
	}
	if err := s.applyDecisions(ctx); err != nil {
		return now.Add(MaxSleep), err
	}
	rows, err := s.store.List(ctx, store.Filter{})
	if err != nil {
		return now.Add(MaxSleep), err
	}
	idx := indexRows(rows)
	lastTick := s.lastTick(ctx)
	next := now.Add(24 * time.Hour) // nothing due sooner; the daemon wakes after MaxSleep anyway
	for _, p := range s.posts {
		for _, pl := range p.Platforms {
			if ctx.Err() != nil {
				return next, nil
			}
			if err := s.tickOne(ctx, p, pl, idx, lastTick, now); err != nil {
				s.log.Error("delivery", "post", p.ID, "platform", pl, "err", err)
			}
		}
		if t, ok := calendar.Next(p, now.Add(time.Nanosecond)); ok && t.Before(next) {
			next = t
		}
	}
	waiting, err := s.store.List(ctx, store.Filter{States: []store.State{store.StateRetry}})
	if err != nil {
		return next, err
	}
	for _, r := range waiting {
		if r.RetryAt.Before(next) {
			next = r.RetryAt
		}
	}
	if err := s.store.SetMeta(ctx, metaLastTick, now.UTC().Format(time.RFC3339Nano)); err != nil {
		return next, err
	}
	return next, nil
}

func (s *Scheduler) lastTick(ctx context.Context) time.Time {
	v, _ := s.store.Meta(ctx, metaLastTick)
	t, _ := time.Parse(time.RFC3339Nano, v)
	return t
}

type postPlatform struct {
	post     string
	platform postgate.Platform
}

type rowIndex struct {
	byKey map[string]store.Delivery
	byPP  map[postPlatform][]store.Delivery
}

func indexRows(rows []store.Delivery) rowIndex {
	idx := rowIndex{byKey: make(map[string]store.Delivery, len(rows)), byPP: map[postPlatform][]store.Delivery{}}
	for _, r := range rows {
		idx.byKey[r.Key()] = r
		pp := postPlatform{r.PostID, r.Platform}
		idx.byPP[pp] = append(idx.byPP[pp], r)
	}
	return idx
}

// candidates returns the occurrence times of p on pl that may need action:
// the due occurrences not yet settled, and older rows still waiting.
func (s *Scheduler) candidates(p postgate.Post, pl postgate.Platform, idx rowIndex, lastTick, now time.Time) []time.Time {
	var times []time.Time
	if p.Cron == "" {
		if !p.At.After(now) {
			times = append(times, p.At.UTC())
		}
	} else {
		lower := s.firstDue(p)
		if !lastTick.IsZero() && lastTick.Add(-s.window).After(lower) {
			lower = lastTick.Add(-s.window)
		}
		times = calendar.Occurrences(p, lower, now.Add(time.Nanosecond))
	}
	for _, r := range idx.byPP[postPlatform{p.ID, pl}] {
		if !r.State.Settled() && !slices.ContainsFunc(times, r.At.Equal) {
			times = append(times, r.At)
		}
	}
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	return slices.DeleteFunc(times, func(t time.Time) bool {
		r, ok := idx.byKey[postgate.Delivery{PostID: p.ID, Platform: pl, At: t}.Key()]
		return ok && r.State.Settled()
	})
}

// firstDue returns the earliest occurrence of a recurring post that may
// need action: of the occurrences before the post first appeared in the
// calendar, only the latest within the missed window; the earlier ones were
// never this calendar's.
func (s *Scheduler) firstDue(p postgate.Post) time.Time {
	seen := s.firstSeen[p.ID]
	before := calendar.Occurrences(p, seen.Add(-s.window), seen.Add(time.Nanosecond))
	if len(before) > 0 {
		return before[len(before)-1]
	}
	return seen
}

// tickOne handles the due occurrences of one post on one platform.
func (s *Scheduler) tickOne(ctx context.Context, p postgate.Post, pl postgate.Platform, idx rowIndex, lastTick, now time.Time) error {
	times := s.candidates(p, pl, idx, lastTick, now)
	if len(times) == 0 {
		return nil
	}
	latest := times[len(times)-1]
	for _, at := range times {
		d := postgate.Delivery{PostID: p.ID, Platform: pl, At: at}
		cur, exists := idx.byKey[d.Key()]
		switch {
		case now.Sub(at) > s.window:
			reason := fmt.Sprintf("its time (%s) passed more than the missed window (%s) ago", at.In(p.Location).Format("2006-01-02 15:04 MST"), s.window)
			if err := s.miss(ctx, p, pl, d, cur, reason, true); err != nil {
				return err
			}
		case !at.Equal(latest):
			if err := s.miss(ctx, p, pl, d, cur, "a later occurrence of this recurring post is due now; only the latest goes out", false); err != nil {
				return err
			}
		case exists && cur.State == store.StateRetry && cur.RetryAt.After(now):
			// waiting for the platform's reset time
		case p.Cron == "" && s.alreadySent(idx, p.ID, pl, at):
			_, err := s.store.Move(ctx, d, store.Transition{To: store.StateCancelled,
				Reason: "this one-off post already went out on this platform at an earlier time; it is not sent twice"}, now)
			return err
		default:
			return s.deliver(ctx, p, pl, at, cur)
		}
	}
	return nil
}

// alreadySent reports whether another delivery of a one-off post on pl was
// published, or may have been.
func (s *Scheduler) alreadySent(idx rowIndex, postID string, pl postgate.Platform, at time.Time) bool {
	for _, r := range idx.byPP[postPlatform{postID, pl}] {
		if !r.At.Equal(at) && slices.Contains([]store.State{store.StatePublished, store.StatePublishing, store.StateUnknown}, r.State) {
			return true
		}
	}
	return false
}

// miss marks a delivery missed and reports it in review. open says whether
// a person may still decide to send it late.
func (s *Scheduler) miss(ctx context.Context, p postgate.Post, pl postgate.Platform, d postgate.Delivery, cur store.Delivery, reason string, open bool) error {
	if cur.State == store.StateHeld {
		reason += "; it was still waiting for a review decision"
	}
	hash, _ := p.Content(pl).Hash()
	if _, err := s.store.Move(ctx, d, store.Transition{To: store.StateMissed, ContentHash: hash, Reason: reason,
		From: []store.State{store.StateNone, store.StateHeld, store.StateRetry}}, s.now()); err != nil {
		return err
	}
	it := s.item(review.KindMissed, review.DeliveryID(p.ID, string(pl), d.At), p, pl, hash)
	it.Delivery, it.Problem, it.Summary = d.Key(), reason, "missed: "+reason
	if !open {
		it.Status = review.StatusInfo
	}
	s.log.Warn("missed", "delivery", d.Key(), "reason", reason)
	return s.review.Write(it)
}
