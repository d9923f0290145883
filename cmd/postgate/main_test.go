package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// workspace is a config, a calendar and their folders in a temp dir.
type workspace struct {
	t   *testing.T
	dir string
}

func newWorkspace(t *testing.T, calendar string) *workspace {
	t.Helper()
	w := &workspace{t: t, dir: t.TempDir()}
	w.write("postgate.yaml", `
timezone: Europe/London
calendar: calendar.yaml
state: state/postgate.db
review_dir: review
outbox_dir: outbox
missed_window: 2h
gate:
  staff_names: [Priya Shah]
  official_contacts: [hello@connections.example, "020 7946 0000"]
platforms:
  x: {mode: outbox}
  facebook: {mode: outbox}
`)
	w.write("calendar.yaml", calendar)
	return w
}

func (w *workspace) write(name, body string) {
	w.t.Helper()
	if err := os.WriteFile(filepath.Join(w.dir, name), []byte(body), 0o600); err != nil {
		w.t.Fatal(err)
	}
}

// run runs postgate with the workspace's config and returns the exit code
// and outputs.
func (w *workspace) run(args ...string) (int, string, string) {
	w.t.Helper()
	var out, errOut bytes.Buffer
	args = append(args, "--config", filepath.Join(w.dir, "postgate.yaml"))
	code := Main(context.Background(), args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func (w *workspace) files(sub string) []string {
	w.t.Helper()
	var names []string
	filepath.WalkDir(filepath.Join(w.dir, sub), func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.Contains(path, string(filepath.Separator)+"archive"+string(filepath.Separator)) {
			rel, _ := filepath.Rel(filepath.Join(w.dir, sub), path)
			names = append(names, rel)
		}
		return nil
	})
	return names
}

// dueCalendar has one compliant and one rejected post, both due a minute ago.
func dueCalendar() string {
	at := time.Now().In(mustLoc("Europe/London")).Add(-time.Minute).Format("2006-01-02 15:04")
	return `posts:
  - id: winter-tips
    at: ` + at + `
    platforms: [x, facebook]
    text: "Winter can be hard on mood. Getting outside in daylight and keeping to a routine can help."
  - id: review-ask
    at: ` + at + `
    platforms: [facebook]
    text: "Finished counselling with us? Leave us a five-star review on Google!"
`
}

func mustLoc(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

func TestRunOncePublishesDueAndHoldsRejected(t *testing.T) {
	w := newWorkspace(t, dueCalendar())
	code, _, errOut := w.run("run", "--once")
	if code != exitOK {
		t.Fatalf("run --once = %d\n%s", code, errOut)
	}
	out := w.files("outbox")
	if len(out) != 2 || !strings.HasPrefix(out[0], "facebook/winter-tips--") || !strings.HasPrefix(out[1], "x/winter-tips--") {
		t.Fatalf("outbox = %v, want winter-tips on facebook and x", out)
	}
	if rv := w.files("review"); len(rv) != 1 || rv[0] != "review-ask.facebook.yaml" {
		t.Fatalf("review = %v, want review-ask.facebook.yaml", rv)
	}
	for _, secretish := range []string{"password", "token"} {
		if strings.Contains(strings.ToLower(errOut), secretish+"=") {
			t.Errorf("log mentions %s", secretish)
		}
	}

	// Running again publishes nothing new.
	if code, _, errOut := w.run("run", "--once"); code != exitOK {
		t.Fatalf("second run = %d\n%s", code, errOut)
	}
	if again := w.files("outbox"); len(again) != 2 {
		t.Fatalf("second run changed the outbox: %v", again)
	}

	// Approving the held post publishes it, once.
	code, out2, errOut := w.run("review", "approve", "review-ask.facebook", "--by", "Ian Nicholson-Kapasi", "--reason", "test")
	if code != exitOK || !strings.Contains(out2, "approved") {
		t.Fatalf("approve = %d: %s %s", code, out2, errOut)
	}
	w.run("run", "--once")
	w.run("run", "--once")
	published := w.files("outbox")
	if len(published) != 3 {
		t.Fatalf("outbox after approval = %v, want the approved post added once", published)
	}
	if code, out, _ := w.run("review", "verify"); code != exitOK || !strings.Contains(out, "1 decisions") {
		t.Errorf("review verify = %d %q", code, out)
	}
}

func TestRunRefusesASecondDaemon(t *testing.T) {
	w := newWorkspace(t, dueCalendar())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		var out, errOut bytes.Buffer
		done <- Main(ctx, []string{"run", "--config", filepath.Join(w.dir, "postgate.yaml")}, &out, &errOut)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for len(w.files("outbox")) < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	code, _, errOut := w.run("run", "--once")
	if code == exitOK || !strings.Contains(errOut, "another postgate daemon is running") {
		t.Errorf("second daemon: exit %d, %q", code, errOut)
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("daemon exit on cancel = %d, want 0", code)
	}
}

func TestCheckExitCodesAndJSON(t *testing.T) {
	w := newWorkspace(t, dueCalendar())
	code, out, _ := w.run("check", "--format", "json")
	if code != exitRejected {
		t.Fatalf("check = %d, want 1 (a post is rejected)", code)
	}
	var rep struct {
		Posts []struct {
			ID        string   `json:"id"`
			Verdict   string   `json:"verdict"`
			Platforms []string `json:"platforms"`
			Findings  []struct {
				Rule, Section, Severity, Match, Message, Suggestion string
				Start, End                                          int
			} `json:"findings"`
		} `json:"posts"`
		Summary struct{ Posts, Passed, Rejected int } `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("check --format json is not JSON: %v\n%s", err, out)
	}
	if rep.Summary.Posts != 2 || rep.Summary.Passed != 1 || rep.Summary.Rejected != 1 {
		t.Errorf("summary = %+v", rep.Summary)
	}
	f := rep.Posts[1].Findings[0]
	text := "Finished counselling with us? Leave us a five-star review on Google!"
	if rep.Posts[1].Verdict != "reject" || f.Rule != "testimonial" || f.Section == "" || f.Severity != "block" ||
		text[f.Start:f.End] != f.Match || f.Message == "" || f.Suggestion == "" {
		t.Errorf("finding = %+v", f)
	}

	w.write("ok.yaml", "posts:\n  - {id: a, at: 2027-01-01 09:00, platforms: [x], text: Hello from the practice}\n")
	if code, _, _ := w.run("check", filepath.Join(w.dir, "ok.yaml")); code != exitOK {
		t.Errorf("check of a compliant calendar = %d, want 0", code)
	}
	w.write("unconfigured.yaml", "posts:\n  - {id: a, at: 2027-01-01 09:00, platforms: [mastodon], text: Hello from the practice}\n")
	if code, out, _ := w.run("check", filepath.Join(w.dir, "unconfigured.yaml")); code != exitRejected || !strings.Contains(out, "mastodon is not configured") {
		t.Errorf("check of a post for an unconfigured platform = %d\n%s", code, out)
	}
	w.write("bad.yaml", "posts:\n  - {id: a, at: tomorrow, platforms: [x], text: Hello}\n")
	code, _, errOut := w.run("check", filepath.Join(w.dir, "bad.yaml"))
	if code != exitInvalid || !strings.Contains(errOut, "bad.yaml:2") || !strings.Contains(errOut, "at") {
		t.Errorf("check of an invalid calendar = %d %q, want 2 naming file, line and field", code, errOut)
	}
}

func TestInvalidConfigNamesTheKey(t *testing.T) {
	w := newWorkspace(t, dueCalendar())
	w.write("postgate.yaml", "timezone: Europe/London\nmissed_windw: 2h\n")
	code, _, errOut := w.run("check")
	if code != exitInvalid || !strings.Contains(errOut, "missed_windw") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestInvalidEditKeepsLastGoodCalendar(t *testing.T) {
	w := newWorkspace(t, dueCalendar())
	if code, _, errOut := w.run("run", "--once"); code != exitOK {
		t.Fatalf("first run: %s", errOut)
	}
	w.write("calendar.yaml", "posts:\n  - id: broken\n    at: 2026-13-45 09:00\n")
	code, _, errOut := w.run("run", "--once")
	if code != exitInvalid || !strings.Contains(errOut, "calendar.yaml:3") {
		t.Errorf("run with a broken calendar = %d %q", code, errOut)
	}
	note, err := os.ReadFile(filepath.Join(w.dir, "review", "calendar-errors.txt"))
	if err != nil || !strings.Contains(string(note), "last good calendar") {
		t.Errorf("calendar-errors note = %q, %v", note, err)
	}
	if rv := w.files("review"); !slices.Contains(rv, "review-ask.facebook.yaml") {
		t.Errorf("the last good calendar's held post left review: %v", rv)
	}
}

func TestPlanListsUpcoming(t *testing.T) {
	w := newWorkspace(t, `posts:
  - {id: later, at: 2099-01-01 09:00, platforms: [x], text: Happy new year from everyone at the practice}
  - {id: soon, cron: "0 9 * * 1", platforms: [facebook], text: "Finished counselling with us? Leave us a review!"}
`)
	code, out, errOut := w.run("plan", "--until", "336h")
	if code != exitOK {
		t.Fatalf("plan = %d %s", code, errOut)
	}
	if strings.Count(out, "soon") != 2 || !strings.Contains(out, "held") || strings.Contains(out, "later") {
		t.Errorf("plan output:\n%s", out)
	}
}

func TestDaemonPicksUpCalendarEditsWithinSeconds(t *testing.T) {
	w := newWorkspace(t, "posts: []\n")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	var errOut lockedBuffer
	go func() {
		done <- Main(ctx, []string{"run", "--config", filepath.Join(w.dir, "postgate.yaml")}, io.Discard, &errOut)
	}()
	waitFor(t, func() bool { return strings.Contains(errOut.String(), "postgate starting") })

	w.write("calendar.yaml", "posts:\n  - id: broken\n    at: not-a-time\n")
	waitFor(t, func() bool {
		_, err := os.Stat(filepath.Join(w.dir, "review", "calendar-errors.txt"))
		return err == nil
	})
	w.write("calendar.yaml", dueCalendar())
	waitFor(t, func() bool { return len(w.files("outbox")) == 2 })
	if _, err := os.Stat(filepath.Join(w.dir, "review", "calendar-errors.txt")); !os.IsNotExist(err) {
		t.Errorf("calendar-errors.txt still there after the calendar was fixed")
	}
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("daemon exit = %d\n%s", code, errOut.String())
	}
}

// waitFor polls cond for up to ten seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// lockedBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
