package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/store"
)

func MustOpen(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "state", "postgate.db")
	s, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

var (
	now = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	d1  = postgate.Delivery{PostID: "winter", Platform: postgate.X, At: now}
)

func TestMoveRecordsStateAndHistory(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	if _, err := s.Get(ctx, d1); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get before any move: err = %v, want ErrNotFound", err)
	}
	_, err := s.Move(ctx, d1, store.Transition{To: store.StatePublishing, ContentHash: "h1", Attempt: true,
		From: []store.State{store.StateNone}}, now)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Move(ctx, d1, store.Transition{To: store.StatePublished, ReceiptID: "42", ReceiptURL: "https://x/42",
		From: []store.State{store.StatePublishing}}, now.Add(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, d1)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != store.StatePublished || got.ContentHash != "h1" || got.Attempts != 1 || got.ReceiptID != "42" {
		t.Errorf("Get = %+v", got)
	}
	if !got.At.Equal(now) || got.Platform != postgate.X {
		t.Errorf("key fields = %v %v", got.At, got.Platform)
	}
	h, err := s.History(ctx, d1)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 2 || h[0].From != store.StateNone || h[1].To != store.StatePublished {
		t.Errorf("History = %+v", h)
	}
}

func TestConditionalMoveConflicts(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	claim := store.Transition{To: store.StatePublishing, From: []store.State{store.StateNone, store.StateRetry}}
	if _, err := s.Move(ctx, d1, claim, now); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Move(ctx, d1, claim, now); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("second claim: err = %v, want ErrConflict", err)
	}
}

func TestListFilters(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	d2 := postgate.Delivery{PostID: "winter", Platform: postgate.Facebook, At: now}
	d3 := postgate.Delivery{PostID: "spring", Platform: postgate.X, At: now.Add(time.Hour)}
	for d, st := range map[postgate.Delivery]store.State{d1: store.StatePublished, d2: store.StateHeld, d3: store.StateHeld} {
		if _, err := s.Move(ctx, d, store.Transition{To: st}, now); err != nil {
			t.Fatal(err)
		}
	}
	held, err := s.List(ctx, store.Filter{States: []store.State{store.StateHeld}})
	if err != nil {
		t.Fatal(err)
	}
	if len(held) != 2 || held[0].PostID != "winter" || held[1].PostID != "spring" {
		t.Errorf("held = %+v", held)
	}
	winter, _ := s.List(ctx, store.Filter{PostID: "winter"})
	if len(winter) != 2 {
		t.Errorf("winter deliveries = %d, want 2", len(winter))
	}
}

func TestStateSurvivesReopen(t *testing.T) {
	ctx := context.Background()
	s, path := MustOpen(t)
	if _, err := s.Move(ctx, d1, store.Transition{To: store.StatePublished}, now); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	got, err := s2.Get(ctx, d1)
	if err != nil || got.State != store.StatePublished {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
}

func TestFirstSeenKeepsTheFirstTime(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	if _, err := s.FirstSeen(ctx, []string{"a"}, now); err != nil {
		t.Fatal(err)
	}
	seen, err := s.FirstSeen(ctx, []string{"a", "b"}, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !seen["a"].Equal(now) || !seen["b"].Equal(now.Add(time.Hour)) {
		t.Errorf("FirstSeen = %v", seen)
	}
}

func TestDecisionLogIsTamperEvident(t *testing.T) {
	ctx := context.Background()
	s, path := MustOpen(t)
	for _, v := range []string{store.Approve, store.Reject} {
		_, err := s.AddDecision(ctx, store.Decision{Item: "winter.x", PostID: "winter", Platform: "x",
			ContentHash: "h-" + v, Verdict: v, By: "Ian Nicholson-Kapasi", Reason: "checked", At: now})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.Verify(ctx); err != nil || n != 2 {
		t.Fatalf("Verify = %d, %v", n, err)
	}
	d, ok, err := s.ContentDecision(ctx, "winter", "x", "h-approve")
	if err != nil || !ok || d.Verdict != store.Approve {
		t.Fatalf("ContentDecision = %+v %v %v", d, ok, err)
	}
	if _, ok, _ := s.ContentDecision(ctx, "winter", "x", "h-other"); ok {
		t.Error("a decision applied to content it was not given for")
	}
	if _, err := s.AddDecision(ctx, store.Decision{Item: "i", Verdict: store.Approve}); err == nil {
		t.Error("a decision without a name was accepted")
	}

	// Quietly alter the first entry behind the store's back.
	s.Close()
	raw := MustSQL(t, path)
	if _, err := raw.Exec(`UPDATE decisions SET reason = 'changed' WHERE seq = 1`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	s2, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, err := s2.Verify(ctx); err == nil {
		t.Error("Verify did not notice an altered decision")
	}
}

func TestGoodCalendarRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	files := []store.CalendarFile{{Path: "a.yaml", Data: []byte("posts: []")}}
	if err := s.SaveGoodCalendar(ctx, files, now); err != nil {
		t.Fatal(err)
	}
	got, err := s.GoodCalendar(ctx)
	if err != nil || len(got) != 1 || string(got[0].Data) != "posts: []" {
		t.Fatalf("GoodCalendar = %+v, %v", got, err)
	}
}

func TestLockIsExclusive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "postgate.db")
	unlock, err := store.Lock(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Lock(path); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second lock: err = %v, want ErrLocked", err)
	}
	unlock()
	unlock2, err := store.Lock(path)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	unlock2()
}
