package scheduler

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/internal/failpoint"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/review"
	"github.com/connections/postgate/store"
)

// retryDelay is how long a delivery waits after a transient failure that
// the retrier gave up on, when the platform gave no reset time.
const retryDelay = 5 * time.Minute

// claimable are the states from which a delivery may be claimed for
// publishing.
var claimable = []store.State{store.StateNone, store.StateHeld, store.StateRetry}

// errNoIntent wraps a failure to record the intent to publish: nothing was
// sent, and the delivery's state is left as it was.
type errNoIntent struct{ err error }

func (e errNoIntent) Error() string { return "record intent to publish: " + e.err.Error() }
func (e errNoIntent) Unwrap() error { return e.err }

// deliver gates one delivery again and, if it may go out, publishes it.
func (s *Scheduler) deliver(ctx context.Context, p postgate.Post, pl postgate.Platform, at time.Time, cur store.Delivery) error {
	d := postgate.Delivery{PostID: p.ID, Platform: pl, At: at}
	c := p.Content(pl)
	hash, v, err := s.check(c)
	if err != nil {
		return s.hold(ctx, p, pl, d, cur, hash, []gate.Finding{gate.Unevaluated(err)})
	}
	if !v.Pass() {
		dec, decided, err := s.store.ContentDecision(ctx, p.ID, string(pl), hash)
		switch {
		case err != nil:
			return err
		case !decided:
			return s.hold(ctx, p, pl, d, cur, hash, v.Findings)
		case dec.Verdict == store.Reject:
			_, err := s.store.Move(ctx, d, store.Transition{To: store.StateRejected, ContentHash: hash,
				Reason: fmt.Sprintf("rejected in review by %s: %s", dec.By, dec.Reason), From: claimable}, s.now())
			return err
		}
		s.log.Info("publishing with approval", "delivery", d.Key(), "by", dec.By)
	}
	pub := s.publishers[pl]
	if pub == nil {
		return s.fail(ctx, p, pl, d, hash, claimable, fmt.Sprintf("platform %s is not configured (add platforms.%s to the config)", pl, pl))
	}
	if problems := s.preflightProblems(pl, c); problems != "" {
		return s.fail(ctx, p, pl, d, hash, claimable, "the platform would refuse this post: "+problems)
	}
	return s.publish(ctx, pub, p, pl, d, c, hash, cur)
}

func (s *Scheduler) preflightProblems(pl postgate.Platform, c postgate.Content) string {
	pf := s.preflight[pl]
	if pf == nil {
		return ""
	}
	var msgs []string
	for _, pr := range pf(c) {
		msgs = append(msgs, pr.Field+": "+pr.Message)
	}
	return strings.Join(msgs, "; ")
}

// publish claims the delivery, prepares it when the platform has a safe
// first step, and makes the attempts through the retrier.
func (s *Scheduler) publish(ctx context.Context, pub publishers.Publisher, p postgate.Post, pl postgate.Platform,
	d postgate.Delivery, c postgate.Content, hash string, cur store.Delivery) error {
	req := publishers.Request{Delivery: d, Content: c, Handle: cur.Handle}
	// Once the intent is committed, the outcome is recorded even when the
	// daemon is stopping: stopping cancels ctx, never finish.
	finish := context.WithoutCancel(ctx)
	claimed := false
	claim := func(attempt int) error {
		from := []store.State{store.StatePublishing}
		if !claimed {
			from = claimable
		}
		_, err := s.store.Move(ctx, d, store.Transition{To: store.StatePublishing, ContentHash: hash, Attempt: true,
			Reason: fmt.Sprintf("attempt %d", attempt), From: from}, s.now())
		if err != nil {
			return errNoIntent{err}
		}
		claimed = true
		failpoint.Hit(failpoint.BeforeRequest)
		return nil
	}
	if prep, ok := pub.(publishers.Preparer); ok {
		if err := claim(1); err != nil {
			return err
		}
		handle, err := prep.Prepare(finish, req)
		if err != nil {
			return s.settle(finish, p, pl, d, hash, cur, publishers.Receipt{}, err)
		}
		if _, err := s.store.Move(finish, d, store.Transition{To: store.StatePublishing, Handle: handle,
			Reason: "prepared " + handle, From: []store.State{store.StatePublishing}}, s.now()); err != nil {
			return err
		}
		req.Handle = handle
	}
	first := true
	rec, err := s.retrier.Publish(ctx, pub, req, func(attempt int) error {
		if first && claimed {
			first = false
			return nil // claimed before Prepare
		}
		first = false
		return claim(attempt)
	})
	var noIntent errNoIntent
	if errors.As(err, &noIntent) {
		return err
	}
	failpoint.Hit(failpoint.AfterAnswer)
	return s.settle(finish, p, pl, d, hash, cur, rec, err)
}

// settle records the outcome of the attempts.
func (s *Scheduler) settle(ctx context.Context, p postgate.Post, pl postgate.Platform, d postgate.Delivery, hash string,
	cur store.Delivery, rec publishers.Receipt, err error) error {
	now := s.now()
	fromPublishing := []store.State{store.StatePublishing}
	if err == nil {
		_, err := s.store.Move(ctx, d, store.Transition{To: store.StatePublished, ReceiptID: rec.ID, ReceiptURL: rec.URL,
			Reason: "published", From: fromPublishing}, now)
		if err == nil {
			s.archiveDeliveryItem(d)
		}
		return err
	}
	var pe *publishers.Error
	errors.As(err, &pe)
	switch publishers.KindOf(err) {
	case publishers.KindDuplicate:
		// Our own earlier attempt is the duplicate when the platform names it
		// after an attempt of ours, or found our idempotency handle published.
		if cur.Handle != "" || (cur.Attempts > 0 && pe != nil && pe.ExistingID != "") {
			id := cur.Handle
			if pe != nil && pe.ExistingID != "" {
				id = pe.ExistingID
			}
			_, err := s.store.Move(ctx, d, store.Transition{To: store.StatePublished, ReceiptID: id,
				Reason: "the platform already has this post from an earlier attempt", From: fromPublishing}, now)
			return err
		}
		return s.fail(ctx, p, pl, d, hash, fromPublishing, "the platform says this exact post was already published: "+err.Error())
	case publishers.KindTransient, publishers.KindRateLimited:
		retryAt := publishers.RetryAtOf(err)
		if retryAt.IsZero() {
			retryAt = now.Add(retryDelay)
		}
		if retryAt.Sub(d.At) > s.window {
			return s.missFrom(ctx, p, pl, d, hash, fmt.Sprintf("the platform could not take it before the missed window ran out (%v)", err))
		}
		_, err := s.store.Move(ctx, d, store.Transition{To: store.StateRetry, RetryAt: retryAt,
			Reason: err.Error(), From: fromPublishing}, now)
		return err
	case publishers.KindUnknown:
		return s.unknown(ctx, p, pl, d, hash, err)
	default:
		return s.fail(ctx, p, pl, d, hash, fromPublishing, err.Error())
	}
}

// missFrom marks a delivery that was being published as missed.
func (s *Scheduler) missFrom(ctx context.Context, p postgate.Post, pl postgate.Platform, d postgate.Delivery, hash, reason string) error {
	if _, err := s.store.Move(ctx, d, store.Transition{To: store.StateRetry, Reason: reason,
		From: []store.State{store.StatePublishing}}, s.now()); err != nil {
		return err
	}
	return s.miss(ctx, p, pl, d, store.Delivery{}, reason, true)
}

// hold records that a delivery waits for a review decision.
func (s *Scheduler) hold(ctx context.Context, p postgate.Post, pl postgate.Platform, d postgate.Delivery, cur store.Delivery,
	hash string, findings []gate.Finding) error {
	if cur.State == store.StateHeld && cur.ContentHash == hash && hash != "" {
		return nil
	}
	reason := summarize(findings)
	if _, err := s.store.Move(ctx, d, store.Transition{To: store.StateHeld, ContentHash: hash, Reason: reason,
		From: claimable}, s.now()); err != nil {
		return err
	}
	return s.heldItem(p, pl, hash, findings)
}

// fail records a permanent failure and reports it in review.
func (s *Scheduler) fail(ctx context.Context, p postgate.Post, pl postgate.Platform, d postgate.Delivery, hash string,
	from []store.State, reason string) error {
	if _, err := s.store.Move(ctx, d, store.Transition{To: store.StateFailed, ContentHash: hash, Reason: reason, From: from}, s.now()); err != nil {
		return err
	}
	it := s.item(review.KindFailed, review.DeliveryID(p.ID, string(pl), d.At), p, pl, hash)
	it.Delivery, it.Problem, it.Summary = d.Key(), reason, "failed: "+reason
	it.Check = "Fix the cause (credentials, content, configuration), then approve to send it again, or reject to drop it."
	s.log.Error("failed", "delivery", d.Key(), "reason", reason)
	return s.review.Write(it)
}

// unknown reconciles a delivery whose outcome is unknown, or reports it.
func (s *Scheduler) unknown(ctx context.Context, p postgate.Post, pl postgate.Platform, d postgate.Delivery, hash string, cause error) error {
	if rec, found := s.reconcile(ctx, p, pl, d); found {
		_, err := s.store.Move(ctx, d, store.Transition{To: store.StatePublished, ReceiptID: rec.ID, ReceiptURL: rec.URL,
			Reason: "found on the platform after an unknown outcome", From: []store.State{store.StatePublishing}}, s.now())
		return err
	}
	reason := "outcome unknown: check the account"
	if cause != nil {
		reason += " (" + cause.Error() + ")"
	}
	if _, err := s.store.Move(ctx, d, store.Transition{To: store.StateUnknown, Reason: reason,
		From: []store.State{store.StatePublishing}}, s.now()); err != nil {
		return err
	}
	it := s.item(review.KindUnknown, review.DeliveryID(p.ID, string(pl), d.At), p, pl, hash)
	it.Delivery, it.Problem, it.Summary = d.Key(), reason, reason
	it.Check = fmt.Sprintf("Open the %s account and look for this post around %s. If it is there, reject this item "+
		"(it will not be sent again). If it is not, approve it to send it once more.", pl, d.At.In(p.Location).Format("2006-01-02 15:04 MST"))
	s.log.Error("outcome unknown", "delivery", d.Key(), "cause", cause)
	return s.review.Write(it)
}

func (s *Scheduler) reconcile(ctx context.Context, p postgate.Post, pl postgate.Platform, d postgate.Delivery) (publishers.Receipt, bool) {
	rc, ok := s.publishers[pl].(publishers.Reconciler)
	if !ok {
		return publishers.Receipt{}, false
	}
	cur, err := s.store.Get(ctx, d)
	if err != nil {
		return publishers.Receipt{}, false
	}
	req := publishers.Request{Delivery: d, Content: p.Content(pl), Handle: cur.Handle, Attempt: cur.Attempts}
	rec, found, err := rc.Reconcile(context.WithoutCancel(ctx), req, cur.UpdatedAt.Add(-time.Minute))
	if err != nil {
		s.log.Warn("reconcile failed", "delivery", d.Key(), "err", err)
		return publishers.Receipt{}, false
	}
	return rec, found
}

// archiveDeliveryItem removes a delivery's review item once it is published.
func (s *Scheduler) archiveDeliveryItem(d postgate.Delivery) {
	if err := s.review.Archive(review.DeliveryID(d.PostID, string(d.Platform), d.At), s.now()); err != nil {
		s.log.Warn("archive review item", "delivery", d.Key(), "err", err)
	}
}
