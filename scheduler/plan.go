package scheduler

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/calendar"
	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/store"
)

// Planned is one upcoming delivery and what will happen to it.
type Planned struct {
	postgate.Delivery
	Local   time.Time // At in the post's time zone
	Verdict string    // pass, approved, held, rejected, or the delivery's recorded state
	Reason  string    // why, when not pass
}

// Plan lists the deliveries in [from, to), in time order, with the verdict
// each would get now. It publishes nothing and changes nothing.
func (s *Scheduler) Plan(ctx context.Context, from, to time.Time) ([]Planned, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Planned
	for _, p := range s.posts {
		times := calendar.Occurrences(p, from, to)
		if len(times) == 0 {
			continue
		}
		for _, pl := range p.Platforms {
			verdict, reason, err := s.verdictNow(ctx, p, pl)
			if err != nil {
				return nil, err
			}
			for _, at := range times {
				out = append(out, Planned{Delivery: postgate.Delivery{PostID: p.ID, Platform: pl, At: at},
					Local: at.In(p.Location), Verdict: verdict, Reason: reason})
			}
		}
	}
	if err := s.overlayStates(ctx, out); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Planned) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return strings.Compare(a.Key(), b.Key())
	})
	return out, nil
}

// verdictNow says what the gate and the review decisions make of a post on
// a platform.
func (s *Scheduler) verdictNow(ctx context.Context, p postgate.Post, pl postgate.Platform) (string, string, error) {
	hash, v, err := s.check(p.Content(pl))
	if err != nil {
		return "held", gate.Unevaluated(err).Message, nil
	}
	if v.Pass() {
		return "pass", "", nil
	}
	dec, decided, err := s.store.ContentDecision(ctx, p.ID, string(pl), hash)
	switch {
	case err != nil:
		return "", "", err
	case !decided:
		return "held", summarize(v.Findings), nil
	case dec.Verdict == store.Reject:
		return "rejected", "rejected in review by " + dec.By, nil
	default:
		return "approved", "approved in review by " + dec.By, nil
	}
}

// overlayStates replaces the verdict of deliveries the store already has a
// row for with the recorded state.
func (s *Scheduler) overlayStates(ctx context.Context, planned []Planned) error {
	if len(planned) == 0 {
		return nil
	}
	rows, err := s.store.List(ctx, store.Filter{})
	if err != nil {
		return err
	}
	idx := indexRows(rows)
	for i := range planned {
		if r, ok := idx.byKey[planned[i].Key()]; ok && r.State != store.StateHeld {
			planned[i].Verdict, planned[i].Reason = string(r.State), r.Reason
		}
	}
	return nil
}

// UsePosts sets the calendar without any of SetCalendar's effects (no
// review items, no records): for commands that only look, such as plan.
func (s *Scheduler) UsePosts(posts []postgate.Post) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.posts = posts
}
