package scheduler

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/review"
	"github.com/connections/postgate/store"
)

const metaAppliedDecision = "applied_decision_seq"

// applyDecisions records decisions people wrote into review files, then
// acts on the decisions about single deliveries that were not applied yet.
// Decisions about held content need no action here: deliver reads them.
func (s *Scheduler) applyDecisions(ctx context.Context) error {
	items, errs := s.review.List()
	for _, err := range errs {
		s.log.Error("review file cannot be read; its post stays held", "err", err)
	}
	for _, it := range items {
		if !it.Open() || !it.Decision.Filled() {
			continue
		}
		if _, err := review.Record(ctx, s.store, s.review, it.ID, it.Decision, s.now()); err != nil {
			s.log.Error("review decision not recorded; the post stays held", "item", it.ID, "err", err)
			continue
		}
		s.log.Info("review decision recorded", "item", it.ID, "verdict", it.Decision.Verdict, "by", it.Decision.By)
	}
	return s.applyDeliveryDecisions(ctx)
}

func (s *Scheduler) applyDeliveryDecisions(ctx context.Context) error {
	v, err := s.store.Meta(ctx, metaAppliedDecision)
	if err != nil {
		return err
	}
	applied, _ := strconv.ParseInt(v, 10, 64)
	all, err := s.store.Decisions(ctx)
	if err != nil {
		return err
	}
	for _, dec := range all {
		if dec.Seq <= applied {
			continue
		}
		if dec.DeliveryKey != "" {
			if err := s.applyDeliveryDecision(ctx, dec); err != nil {
				s.log.Error("apply review decision", "item", dec.Item, "err", err)
			}
		}
		if err := s.store.SetMeta(ctx, metaAppliedDecision, strconv.FormatInt(dec.Seq, 10)); err != nil {
			return err
		}
	}
	return nil
}

// applyDeliveryDecision sends a missed, failed or unknown delivery again
// (approve) or closes it (reject).
func (s *Scheduler) applyDeliveryDecision(ctx context.Context, dec store.Decision) error {
	p, ok := s.post(dec.PostID)
	if !ok {
		return fmt.Errorf("post %s is no longer in the calendar", dec.PostID)
	}
	rows, err := s.store.List(ctx, store.Filter{PostID: dec.PostID, Platform: postgate.Platform(dec.Platform)})
	if err != nil {
		return err
	}
	for _, r := range rows {
		if r.Key() != dec.DeliveryKey {
			continue
		}
		reopen := []store.State{store.StateMissed, store.StateFailed, store.StateUnknown}
		if dec.Verdict == store.Reject {
			_, err := s.store.Move(ctx, r.Delivery, store.Transition{To: store.StateRejected,
				Reason: fmt.Sprintf("closed in review by %s: %s", dec.By, dec.Reason), From: reopen}, s.now())
			return err
		}
		r, err = s.store.Move(ctx, r.Delivery, store.Transition{To: store.StateRetry, RetryAt: s.now(),
			Reason: fmt.Sprintf("approved in review by %s: %s", dec.By, dec.Reason), From: reopen}, s.now())
		if err != nil {
			return err
		}
		return s.deliver(ctx, p, r.Platform, r.At, r)
	}
	return fmt.Errorf("delivery %s not found", dec.DeliveryKey)
}

func (s *Scheduler) post(id string) (postgate.Post, bool) {
	for _, p := range s.posts {
		if p.ID == id {
			return p, true
		}
	}
	return postgate.Post{}, false
}

// Recover settles deliveries left in publishing by a crash: each is looked
// for on the platform where the connector can, and otherwise reported as
// outcome unknown. Call it once at start, before the first Tick, while
// holding the state lock.
func (s *Scheduler) Recover(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rows, err := s.store.List(ctx, store.Filter{States: []store.State{store.StatePublishing}})
	if err != nil {
		return err
	}
	for _, r := range rows {
		p, ok := s.post(r.PostID)
		if !ok {
			p = postgate.Post{ID: r.PostID, Location: time.UTC, At: r.At}
		}
		s.log.Warn("delivery was in flight when postgate stopped", "delivery", r.Key())
		if err := s.unknown(ctx, p, r.Platform, r.Delivery, r.ContentHash,
			fmt.Errorf("postgate stopped while publishing (attempt %d)", r.Attempts)); err != nil {
			return err
		}
	}
	return nil
}
