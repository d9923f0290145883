package publishers_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/connections/postgate/publishers"
)

// script is a publisher that returns the scripted errors in turn.
type script struct {
	errs  []error
	calls int
}

func (s *script) Publish(context.Context, publishers.Request) (publishers.Receipt, error) {
	s.calls++
	if s.calls <= len(s.errs) && s.errs[s.calls-1] != nil {
		return publishers.Receipt{}, s.errs[s.calls-1]
	}
	return publishers.Receipt{ID: "ok"}, nil
}

func kindErr(k publishers.Kind) error { return &publishers.Error{Platform: "test", Kind: k} }

func TestRetrierDecisions(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	rateLimited := func(after time.Duration) error {
		return &publishers.Error{Platform: "test", Kind: publishers.KindRateLimited, RetryAt: now.Add(after)}
	}
	tests := []struct {
		name      string
		errs      []error
		wantCalls int
		wantKind  publishers.Kind // -1: success
		wantWaits []time.Duration
	}{
		{"success first time", nil, 1, -1, nil},
		{"transient then success", []error{kindErr(publishers.KindTransient)}, 2, -1, []time.Duration{500 * time.Millisecond}},
		{"unknown is never retried", []error{kindErr(publishers.KindUnknown)}, 1, publishers.KindUnknown, nil},
		{"plain error counts as unknown", []error{errors.New("boom")}, 1, publishers.KindUnknown, nil},
		{"auth is permanent", []error{kindErr(publishers.KindAuth)}, 1, publishers.KindAuth, nil},
		{"rejected is permanent", []error{kindErr(publishers.KindRejected)}, 1, publishers.KindRejected, nil},
		{"duplicate is returned", []error{kindErr(publishers.KindDuplicate)}, 1, publishers.KindDuplicate, nil},
		{"rate limit waits for the reset", []error{rateLimited(30 * time.Second)}, 2, -1, []time.Duration{30 * time.Second}},
		{"long rate limit goes back to the caller", []error{rateLimited(time.Hour)}, 1, publishers.KindRateLimited, nil},
		{"attempts are bounded", []error{kindErr(publishers.KindTransient), kindErr(publishers.KindTransient),
			kindErr(publishers.KindTransient)}, 3, publishers.KindTransient,
			[]time.Duration{500 * time.Millisecond, time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var waits []time.Duration
			var befores []int
			r := publishers.Retrier{
				MaxAttempts: 3, Base: time.Second, Cap: time.Minute, MaxWait: 2 * time.Minute,
				Now:    func() time.Time { return now },
				Jitter: func() float64 { return 0.5 },
				Sleep:  func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil },
			}
			p := &script{errs: tt.errs}
			_, err := r.Publish(context.Background(), p, publishers.Request{}, func(n int) error {
				befores = append(befores, n)
				return nil
			})
			if p.calls != tt.wantCalls || len(befores) != tt.wantCalls {
				t.Errorf("calls = %d, before hooks = %v, want %d", p.calls, befores, tt.wantCalls)
			}
			if tt.wantKind == -1 && err != nil {
				t.Errorf("err = %v, want success", err)
			}
			if tt.wantKind != -1 && (err == nil || publishers.KindOf(err) != tt.wantKind) {
				t.Errorf("err = %v, want kind %v", err, tt.wantKind)
			}
			if len(waits) != len(tt.wantWaits) {
				t.Fatalf("waits = %v, want %v", waits, tt.wantWaits)
			}
			for i := range waits {
				if waits[i] != tt.wantWaits[i] {
					t.Errorf("wait %d = %v, want %v", i, waits[i], tt.wantWaits[i])
				}
			}
		})
	}
}

func TestRetrierStopsWhenIntentCannotBeRecorded(t *testing.T) {
	p := &script{}
	_, err := publishers.Retrier{MaxAttempts: 3}.Publish(context.Background(), p, publishers.Request{},
		func(int) error { return errors.New("disk full") })
	if err == nil || p.calls != 0 {
		t.Fatalf("err = %v, calls = %d: the publisher must not be called without a recorded intent", err, p.calls)
	}
}

func TestSecretNeverPrints(t *testing.T) {
	s := publishers.NewSecret("hunter2")
	for _, got := range []string{s.String(), fmtAll(s)} {
		if got == "" || contains(got, "hunter2") {
			t.Errorf("secret printed as %q", got)
		}
	}
	if s.Reveal() != "hunter2" {
		t.Error("Reveal lost the value")
	}
}

func TestRetrierStoppedWhileWaitingReturnsTheLastError(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := publishers.Retrier{MaxAttempts: 3, Jitter: func() float64 { return 0.5 },
		Sleep: func(ctx context.Context, _ time.Duration) error { cancel(); return ctx.Err() }}
	p := &script{errs: []error{kindErr(publishers.KindTransient)}}
	_, err := r.Publish(ctx, p, publishers.Request{}, func(int) error { return nil })
	if publishers.KindOf(err) != publishers.KindTransient || p.calls != 1 {
		t.Fatalf("err = %v after %d calls, want the transient error after 1", err, p.calls)
	}
}

func TestMatchKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Hello  World & friends https://example.org/x", "hello world &amp; friends https://t.co/abc"},
		{"Our OPENING hours\nare 9 to 5", "our opening hours are 9 to 5"},
		{"A long post that goes on well past forty characters, then differs here", "a long post that goes on well past forty characters, and not there"},
	}
	for _, tt := range tests {
		if publishers.MatchKey(tt.a) != publishers.MatchKey(tt.b) {
			t.Errorf("MatchKey(%q) = %q, MatchKey(%q) = %q: want equal", tt.a, publishers.MatchKey(tt.a), tt.b, publishers.MatchKey(tt.b))
		}
	}
	if publishers.MatchKey("Winter tips") == publishers.MatchKey("Summer tips") {
		t.Error("different posts match")
	}
}
