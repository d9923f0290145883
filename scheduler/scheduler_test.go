package scheduler_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/review"
	"github.com/connections/postgate/store"
)

var t0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func TestDuePostPublishesOnceAcrossTicksAndRestarts(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	p := post("winter", t0, okText, postgate.X, postgate.Facebook)
	e.setCalendar(p)
	e.tick()
	e.tick()
	e.open() // restart
	e.setCalendar(p)
	e.tick()
	if n := e.pub.count(); n != 2 {
		t.Fatalf("published %d times, want once per platform (2)", n)
	}
	if got := e.state("winter", postgate.X, t0); got != store.StatePublished {
		t.Errorf("state = %s, want published", got)
	}
}

func TestFuturePostWaits(t *testing.T) {
	e := newEnv(t, t0.Add(-time.Minute))
	e.setCalendar(post("winter", t0, okText))
	next, err := e.s.Tick(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if e.pub.count() != 0 || !next.Equal(t0) {
		t.Fatalf("published %d, next wake %v; want nothing yet and a wake at %v", e.pub.count(), next, t0)
	}
}

func TestRejectedPostIsHeldAtLoadThenApprovedPublishesOnce(t *testing.T) {
	e := newEnv(t, t0.Add(-24*time.Hour))
	e.setCalendar(post("ask", t0, badText))
	it := e.item("ask.x") // written at load, a day early
	if it.Kind != review.KindHeld || !it.Open() || len(it.Findings) == 0 || it.Findings[0].Rule != "testimonial" {
		t.Fatalf("held item = %+v", it)
	}
	e.clock.Set(t0.Add(time.Minute))
	e.tick()
	if e.pub.count() != 0 || e.state("ask", postgate.X, t0) != store.StateHeld {
		t.Fatalf("a rejected post was published (or not held)")
	}
	e.decide("ask.x", review.Approve)
	e.tick()
	e.tick()
	if n := e.pub.count(); n != 1 {
		t.Fatalf("approved post published %d times, want 1", n)
	}
}

func TestApprovalIsBoundToContent(t *testing.T) {
	e := newEnv(t, t0.Add(-time.Hour))
	p := post("ask", t0, badText)
	e.setCalendar(p)
	e.decide("ask.x", review.Approve)

	p.Text = badText + " Tell your friends how we helped you!" // edited after approval
	e.setCalendar(p)
	it := e.item("ask.x")
	if !it.Open() || it.Decision.Filled() {
		t.Fatalf("edited post: item = %+v, want a new open item", it)
	}
	e.clock.Set(t0.Add(time.Minute))
	e.tick()
	if e.pub.count() != 0 {
		t.Fatal("an edit of an approved post was published without a new approval")
	}
	archived, _ := filepath.Glob(filepath.Join(e.dir, "review", "archive", "ask.x.*.yaml"))
	if len(archived) != 1 {
		t.Errorf("archived items = %v, want the decided one kept as a record", archived)
	}
}

func TestRejectInReviewTakesPostOutOfPlan(t *testing.T) {
	e := newEnv(t, t0.Add(-time.Hour))
	e.setCalendar(post("ask", t0, badText))
	e.decide("ask.x", review.Reject)
	e.clock.Set(t0.Add(time.Minute))
	e.tick()
	if e.pub.count() != 0 || e.state("ask", postgate.X, t0) != store.StateRejected {
		t.Fatalf("state = %s, published %d", e.state("ask", postgate.X, t0), e.pub.count())
	}
}

func TestMissedBeyondWindowIsReportedNotPublished(t *testing.T) {
	e := newEnv(t, t0.Add(3*time.Hour))
	e.setCalendar(post("winter", t0, okText))
	e.tick()
	if e.pub.count() != 0 || e.state("winter", postgate.X, t0) != store.StateMissed {
		t.Fatalf("state = %s, published %d: want missed, nothing published", e.state("winter", postgate.X, t0), e.pub.count())
	}
	it := e.item(review.DeliveryID("winter", "x", t0))
	if it.Kind != review.KindMissed || !strings.Contains(it.Problem, "missed window") {
		t.Errorf("missed item = %+v", it)
	}
	// A person may still send it late.
	e.decide(it.ID, review.Approve)
	e.tick()
	if e.pub.count() != 1 {
		t.Errorf("approved missed post published %d times, want 1", e.pub.count())
	}
}

func TestLateWithinWindowGoesOut(t *testing.T) {
	e := newEnv(t, t0.Add(90*time.Minute))
	e.setCalendar(post("winter", t0, okText))
	e.tick()
	if e.pub.count() != 1 {
		t.Fatalf("published %d, want 1 (90 minutes late is within a 2h window)", e.pub.count())
	}
}

func TestRecurringPostNeverBursts(t *testing.T) {
	e := newEnv(t, t0)
	p := postgate.Post{ID: "hourly", File: "c.yaml", Line: 1, Location: london, Cron: "0 * * * *",
		Platforms: []postgate.Platform{postgate.X}, Text: okText}
	e.setCalendar(p)
	e.tick() // 09:00 goes out
	e.clock.Add(5*time.Hour + 30*time.Minute)
	e.tick() // down from 09:00 to 14:30: 10..14 due, only 14:00 goes out
	if n := e.pub.count(); n != 2 {
		t.Fatalf("published %d, want 2 (09:00 and the latest, 14:00)", n)
	}
	for h, want := range map[int]store.State{10: store.StateMissed, 11: store.StateMissed, 12: store.StateMissed,
		13: store.StateMissed, 14: store.StatePublished} {
		if got := e.state("hourly", postgate.X, t0.Add(time.Duration(h-9)*time.Hour)); got != want {
			t.Errorf("%02d:00 = %s, want %s", h, got, want)
		}
	}
}

func TestOneOffMovedAfterPublishingIsNotSentAgain(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	p := post("winter", t0, okText)
	e.setCalendar(p)
	e.tick()
	p.At = t0.Add(time.Hour)
	e.setCalendar(p)
	e.clock.Set(t0.Add(time.Hour + time.Minute))
	e.tick()
	if n := e.pub.count(); n != 1 {
		t.Fatalf("published %d times, want 1", n)
	}
	if got := e.state("winter", postgate.X, p.At); got != store.StateCancelled {
		t.Errorf("moved occurrence = %s, want cancelled with a reason", got)
	}
}

func TestUnknownOutcomeIsNeverRetriedBlindly(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	e.pub.errs = []error{&publishers.Error{Platform: "x", Kind: publishers.KindUnknown, Status: 503}}
	e.setCalendar(post("winter", t0, okText))
	e.tick()
	e.tick()
	if e.pub.count() != 0 || e.state("winter", postgate.X, t0) != store.StateUnknown {
		t.Fatalf("state = %s, published %d", e.state("winter", postgate.X, t0), e.pub.count())
	}
	it := e.item(review.DeliveryID("winter", "x", t0))
	if it.Kind != review.KindUnknown || !strings.Contains(it.Check, "account") {
		t.Errorf("unknown item = %+v", it)
	}
	e.decide(it.ID, review.Approve) // a person checked: it is not live
	e.tick()
	if e.pub.count() != 1 {
		t.Errorf("published %d after approval, want 1", e.pub.count())
	}
}

func TestUnknownOutcomeFoundByReconcileIsPublished(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	e.pub.found = true
	e.pub.errs = []error{&publishers.Error{Platform: "x", Kind: publishers.KindUnknown}}
	e.setCalendar(post("winter", t0, okText))
	e.tick()
	if got := e.state("winter", postgate.X, t0); got != store.StatePublished {
		t.Fatalf("state = %s, want published (found on the platform)", got)
	}
}

func TestCrashMidPublishIsRecoveredAsUnknown(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	p := post("winter", t0, okText)
	d := postgate.Delivery{PostID: "winter", Platform: postgate.X, At: t0}
	// What a crash after the intent was committed leaves behind.
	if _, err := e.store.Move(context.Background(), d, store.Transition{To: store.StatePublishing, Attempt: true}, t0); err != nil {
		t.Fatal(err)
	}
	e.open()
	e.setCalendar(p)
	if err := e.s.Recover(context.Background()); err != nil {
		t.Fatal(err)
	}
	e.tick()
	if e.pub.count() != 0 || e.state("winter", postgate.X, t0) != store.StateUnknown {
		t.Fatalf("state = %s, published %d: a post in flight at a crash must not be sent again blindly",
			e.state("winter", postgate.X, t0), e.pub.count())
	}
}

func TestTransientFailureRetriesWithinWindow(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	e.pub.errs = []error{&publishers.Error{Platform: "x", Kind: publishers.KindRateLimited, RetryAt: t0.Add(30 * time.Minute)}}
	e.setCalendar(post("winter", t0, okText))
	next, err := e.s.Tick(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if e.state("winter", postgate.X, t0) != store.StateRetry || !next.Equal(t0.Add(30*time.Minute)) {
		t.Fatalf("state = %s, next = %v", e.state("winter", postgate.X, t0), next)
	}
	e.tick()
	if e.pub.count() != 0 {
		t.Fatal("retried before the reset time")
	}
	e.clock.Set(t0.Add(30 * time.Minute))
	e.tick()
	if e.pub.count() != 1 {
		t.Fatalf("published %d after the reset, want 1", e.pub.count())
	}
}

func TestRateLimitBeyondWindowIsMissed(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	e.pub.errs = []error{&publishers.Error{Platform: "x", Kind: publishers.KindRateLimited, RetryAt: t0.Add(5 * time.Hour)}}
	e.setCalendar(post("winter", t0, okText))
	e.tick()
	if got := e.state("winter", postgate.X, t0); got != store.StateMissed {
		t.Fatalf("state = %s, want missed", got)
	}
}

func TestPermanentFailureGoesToReview(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	e.pub.errs = []error{&publishers.Error{Platform: "x", Kind: publishers.KindAuth, Status: 401, Message: "Unauthorized"}}
	e.setCalendar(post("winter", t0, okText))
	e.tick()
	it := e.item(review.DeliveryID("winter", "x", t0))
	if e.state("winter", postgate.X, t0) != store.StateFailed || !strings.Contains(it.Problem, "Unauthorized") {
		t.Fatalf("state = %s, item = %+v", e.state("winter", postgate.X, t0), it)
	}
}

func TestGateThatCannotDecideHolds(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	p := post("photo", t0, okText)
	p.Media = []postgate.Media{{Path: "gone.jpg", File: filepath.Join(e.dir, "gone.jpg"), Alt: "a tree", Source: "own"}}
	e.setCalendar(p)
	e.tick()
	if e.pub.count() != 0 || e.state("photo", postgate.X, t0) != store.StateHeld {
		t.Fatalf("state = %s, published %d: fail closed", e.state("photo", postgate.X, t0), e.pub.count())
	}
}

func TestHandWrittenDecisionIsRead(t *testing.T) {
	e := newEnv(t, t0.Add(-time.Hour))
	e.setCalendar(post("ask", t0, badText))
	path := filepath.Join(e.dir, "review", "ask.x.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "decision:\n  verdict: \"\"\n  by: \"\"\n  reason: \"\"",
		"decision:\n  verdict: approve\n  by: Ian Nicholson-Kapasi\n  reason: fine as a general statement", 1)
	if edited == string(data) {
		t.Fatalf("decision block not found in:\n%s", data)
	}
	if err := os.WriteFile(path, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	e.clock.Set(t0.Add(time.Minute))
	e.tick()
	if e.pub.count() != 1 {
		t.Fatalf("published %d, want the hand-approved post once", e.pub.count())
	}
	if it := e.item("ask.x"); it.Status != review.StatusDecided || it.Decision.Recorded == "" {
		t.Errorf("item after recording = %+v", it)
	}
}

func TestBrokenReviewFileKeepsPostHeld(t *testing.T) {
	e := newEnv(t, t0.Add(-time.Hour))
	e.setCalendar(post("ask", t0, badText))
	path := filepath.Join(e.dir, "review", "ask.x.yaml")
	if err := os.WriteFile(path, []byte("decision: [approve\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	e.clock.Set(t0.Add(time.Minute))
	e.tick()
	if e.pub.count() != 0 {
		t.Fatal("a broken review file released a held post")
	}
	for _, verdict := range []string{"maybe"} {
		_, err := review.Record(context.Background(), e.store, e.review, "ask.x",
			review.Decision{Verdict: verdict, By: "Ian", Reason: "r"}, t0)
		if err == nil {
			t.Errorf("verdict %q accepted", verdict)
		}
	}
}

func TestRemovedPostIsCancelled(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	e.setCalendar(post("ask", t0, badText))
	e.tick() // held
	e.setCalendar()
	if got := e.state("ask", postgate.X, t0); got != store.StateCancelled {
		t.Fatalf("state = %s, want cancelled", got)
	}
	if _, err := os.Stat(filepath.Join(e.dir, "review", "ask.x.yaml")); !os.IsNotExist(err) {
		t.Errorf("held item of a removed post still open: %v", err)
	}
}

func TestUnwritableReviewFolderHoldsEverything(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Log("running as root: permissions do not stop root, so the folder is replaced by a file instead")
	}
	e := newEnv(t, t0.Add(time.Minute))
	e.setCalendar(post("winter", t0, okText))
	dir := filepath.Join(e.dir, "review")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, []byte("not a folder"), 0o600); err != nil { // any write into it fails, even for root
		t.Fatal(err)
	}
	if _, err := e.s.Tick(context.Background()); err == nil || !strings.Contains(err.Error(), "not writable") {
		t.Fatalf("Tick err = %v, want the review folder reported", err)
	}
	if e.pub.count() != 0 {
		t.Fatal("published while failures could not be reported")
	}
	os.Remove(dir)
	os.MkdirAll(dir, 0o750)
	e.tick()
	if e.pub.count() != 1 {
		t.Fatalf("published %d after the folder came back, want 1", e.pub.count())
	}
}

func TestClockStepsNeitherRepeatNorSkip(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	p := postgate.Post{ID: "hourly", File: "c.yaml", Line: 1, Location: london, Cron: "0 * * * *",
		Platforms: []postgate.Platform{postgate.X}, Text: okText}
	e.setCalendar(p)
	e.tick() // 09:00
	e.clock.Add(-30 * time.Minute)
	e.tick() // the clock stepped back to 08:31: 09:00 must not go again
	e.clock.Set(t0.Add(time.Hour + time.Second))
	e.tick() // stepped forward past 10:00: 10:00 goes out once
	e.tick()
	if n := e.pub.count(); n != 2 {
		t.Fatalf("published %d, want 2 (09:00 and 10:00, once each)", n)
	}
}

func TestOnePlatformRateLimitedOthersFlow(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	limited := &platform{errs: []error{&publishers.Error{Platform: "facebook", Kind: publishers.KindRateLimited,
		RetryAt: t0.Add(time.Hour)}}}
	e.s = schedulerWith(e, map[postgate.Platform]publishers.Publisher{postgate.X: e.pub, postgate.Facebook: limited})
	e.setCalendar(post("winter", t0, okText, postgate.X, postgate.Facebook))
	e.tick()
	if e.pub.count() != 1 || limited.count() != 0 {
		t.Fatalf("x published %d, facebook %d: want x at once, facebook waiting", e.pub.count(), limited.count())
	}
	e.clock.Set(t0.Add(time.Hour))
	e.tick()
	if limited.count() != 1 {
		t.Fatalf("facebook published %d after its reset, want 1 (within the 2h window)", limited.count())
	}
}

func TestDailyPostAcrossDSTChange(t *testing.T) {
	spring := time.Date(2027, 3, 26, 8, 0, 0, 0, time.UTC) // London springs forward on 28 March 2027
	e := newEnv(t, spring)
	p := postgate.Post{ID: "daily", File: "c.yaml", Line: 1, Location: london, Cron: "0 9 * * *",
		Platforms: []postgate.Platform{postgate.X}, Text: okText}
	e.setCalendar(p)
	for range 5 * 24 * 4 { // five days in quarter hours, to 31 March 08:00 UTC (09:00 BST)
		e.clock.Add(15 * time.Minute)
		e.tick()
	}
	if n := e.pub.count(); n != 6 {
		t.Fatalf("published %d from 26 to 31 March, want 6", n)
	}
	for _, r := range e.pub.published {
		if local := r.Delivery.At.In(london); local.Hour() != 9 || local.Minute() != 0 {
			t.Errorf("delivery at %v local, want 09:00 every day", local)
		}
	}
}

func TestBrokenStorePublishesNothing(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	e.setCalendar(post("winter", t0, okText))
	e.store.Close() // every read and write now fails, as on a full or read-only disk
	if _, err := e.s.Tick(context.Background()); err == nil {
		t.Error("Tick reported no error with a broken store")
	}
	if e.pub.count() != 0 {
		t.Fatal("published without recording the intent first")
	}
}

func TestPlatformDownForAnHourThenBack(t *testing.T) {
	e := newEnv(t, t0.Add(time.Minute))
	down := &platform{}
	for range 12 { // every attempt in the first hour fails before anything is sent
		down.errs = append(down.errs, &publishers.Error{Platform: "facebook", Kind: publishers.KindTransient, Message: "connection refused"})
	}
	e.s = schedulerWith(e, map[postgate.Platform]publishers.Publisher{postgate.X: e.pub, postgate.Facebook: down})
	e.setCalendar(post("winter", t0, okText, postgate.X, postgate.Facebook))
	for e.clock.Now().Before(t0.Add(70 * time.Minute)) {
		next, err := e.s.Tick(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		e.clock.Set(next)
	}
	if e.pub.count() != 1 || down.count() != 1 {
		t.Fatalf("x published %d, facebook %d: want each once, facebook after it came back", e.pub.count(), down.count())
	}
	if got := e.state("winter", postgate.Facebook, t0); got != store.StatePublished {
		t.Errorf("facebook state = %s, want published", got)
	}
}
