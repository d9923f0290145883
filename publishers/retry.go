package publishers

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"time"
)

// Retrier makes the attempts of one delivery. It calls Publish and, when
// the failure is transient or a rate limit, tries again after an
// exponential backoff with full jitter, or at the platform's reset time when
// it gave one. An unknown outcome or a permanent failure returns at once: a
// post that may be live is never sent again from here. A wait longer than
// MaxWait is not slept: the error is returned so that the caller can
// reschedule the delivery instead of blocking other platforms.
//
// Retrier is the only place that sleeps between attempts and the only place
// that logs them.
type Retrier struct {
	MaxAttempts int           // attempts per call, at least 1
	Base        time.Duration // first backoff (default 1s)
	Cap         time.Duration // longest backoff (default 1m)
	MaxWait     time.Duration // longest single wait before giving the delivery back (default 2m)
	Logger      *slog.Logger
	// Sleep waits d or until ctx is done. Nil means a real timer.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock. Nil means time.Now.
	Now func() time.Time
	// Jitter returns a number in [0, 1). Nil means math/rand/v2.
	Jitter func() float64
}

// Publish sends req through p. Before each attempt it calls before with
// the attempt number (from 1); an error from before stops everything
// without calling p (the caller could not record its intent).
//
// Cancelling ctx stops the waiting between attempts, and Publish then
// returns the last attempt's error; it never interrupts an attempt in
// flight, so that the outcome of a request that was sent is known.
func (r Retrier) Publish(ctx context.Context, p Publisher, req Request, before func(attempt int) error) (Receipt, error) {
	callCtx := context.WithoutCancel(ctx)
	log := r.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	for attempt := 1; ; attempt++ {
		if err := before(attempt); err != nil {
			return Receipt{}, err
		}
		req.Attempt = attempt
		rec, err := p.Publish(callCtx, req)
		if err == nil {
			log.Info("published", "delivery", req.Delivery.Key(), "attempt", attempt, "id", rec.ID)
			return rec, nil
		}
		kind := KindOf(err)
		log.Warn("attempt failed", "delivery", req.Delivery.Key(), "attempt", attempt, "kind", kind.String(), "err", err)
		if !kind.Retryable() || attempt >= max(r.MaxAttempts, 1) {
			return Receipt{}, err
		}
		wait := r.backoff(attempt, RetryAtOf(err))
		if wait > r.maxWait() {
			return Receipt{}, err
		}
		if r.sleep(ctx, wait) != nil {
			return Receipt{}, err // stopped while waiting: the last attempt's error stands
		}
	}
}

// backoff returns how long to wait before attempt+1: until the reset time
// when the platform gave one, else Base·2^(attempt-1) capped at Cap, with
// full jitter.
func (r Retrier) backoff(attempt int, resetAt time.Time) time.Duration {
	if !resetAt.IsZero() {
		now := time.Now
		if r.Now != nil {
			now = r.Now
		}
		return max(resetAt.Sub(now()), 0)
	}
	base, limit := r.Base, r.Cap
	if base <= 0 {
		base = time.Second
	}
	if limit <= 0 {
		limit = time.Minute
	}
	d := base << min(attempt-1, 30)
	if d <= 0 || d > limit {
		d = limit
	}
	jitter := rand.Float64
	if r.Jitter != nil {
		jitter = r.Jitter
	}
	return time.Duration(jitter() * float64(d))
}

func (r Retrier) maxWait() time.Duration {
	if r.MaxWait <= 0 {
		return 2 * time.Minute
	}
	return r.MaxWait
}

func (r Retrier) sleep(ctx context.Context, d time.Duration) error {
	if r.Sleep != nil {
		return r.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
