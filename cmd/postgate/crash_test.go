package main

// The crash tests of issue 5: they run the real postgate binary against each
// platform's fake (and the outbox), stop it with SIGKILL at each step of a
// delivery, restart it, and check that the post reached the platform at most
// once and that a post that did not is held as unknown for a person, never
// lost and never sent blindly. They also check that SIGTERM lets the
// delivery in flight finish.

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/connections/postgate/internal/failpoint"
	"github.com/connections/postgate/store"
)

// crashCases are the steps of a delivery at which a case stops postgate.
var crashCases = []struct {
	name string
	run  func(t *testing.T, s *crashSpace, round int)
	// answers: the case needs a platform that answers over the network.
	answers bool
}{
	{name: "before-request", run: crashBeforeRequest},
	{name: "while-answering", run: crashWhileAnswering, answers: true},
	{name: "after-answer", run: crashAfterAnswer},
	{name: "sigterm-in-flight", run: termInFlight},
}

// crashRounds is how many times each case runs: POSTGATE_CRASH_ROUNDS,
// default 3.
func crashRounds(t *testing.T) int {
	v := os.Getenv("POSTGATE_CRASH_ROUNDS")
	if v == "" {
		return 3
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("POSTGATE_CRASH_ROUNDS=%q: want a positive number", v)
	}
	return n
}

func TestCrash(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: the crash tests build the postgate binary and kill it many times")
	}
	postgateBinary(t) // build before the cases start in parallel
	rounds := crashRounds(t)
	tally := &outcomes{}
	t.Cleanup(func() { t.Logf("outcomes after a crash: %s", tally) })
	for _, pf := range crashPlatforms {
		t.Run(pf.name, func(t *testing.T) {
			t.Parallel()
			for _, c := range crashCases {
				t.Run(c.name, func(t *testing.T) {
					t.Parallel()
					if c.answers && pf.name == "outbox" {
						t.Skip("the outbox writes a file: there is no answer to interrupt")
					}
					for round := range rounds {
						t.Run(strconv.Itoa(round+1), func(t *testing.T) {
							t.Parallel()
							s := newCrashSpace(t, pf.platform, pf.start)
							c.run(t, s, round)
							tally.add(pf.name+"/"+c.name, s)
						})
					}
				})
			}
		})
	}
}

// crashAtFailpoint runs `postgate run --once` with failpoint name armed,
// kills it with SIGKILL when it gets there, then runs it twice more
// without the failpoint.
func crashAtFailpoint(s *crashSpace, name string) {
	s.t.Helper()
	p := s.start([]string{"POSTGATE_FAILPOINT=" + name}, "run", "--once")
	p.waitMarker(name)
	p.kill()
	s.runOnce()
	s.runOnce()
}

// crashBeforeRequest: the intent is committed and nothing was sent. The post
// must not be sent blindly after the restart: it is held as unknown (or, if
// it did reach the platform, found there).
func crashBeforeRequest(t *testing.T, s *crashSpace, _ int) {
	crashAtFailpoint(s, failpoint.BeforeRequest)
	s.checkOutcome(0)
}

// crashWhileAnswering: the platform recorded the post and then hangs (even
// rounds) or drops the connection (odd rounds); postgate is killed as soon
// as the post is recorded.
func crashWhileAnswering(t *testing.T, s *crashSpace, round int) {
	s.fake.hang(round%2 == 1)
	p := s.start(nil, "run", "--once")
	p.waitFor("the platform to record the post", func() bool { return s.fake.posts() > 0 })
	p.kill()
	s.runOnce()
	s.runOnce()
	s.checkOutcome(1)
}

// crashAfterAnswer: the platform answered, and postgate dies before it
// records the answer.
func crashAfterAnswer(t *testing.T, s *crashSpace, _ int) {
	crashAtFailpoint(s, failpoint.AfterAnswer)
	s.checkOutcome(1)
}

// termInFlight: SIGTERM while the platform takes a second to answer. The
// daemon finishes the delivery, records it as published and exits 0.
func termInFlight(t *testing.T, s *crashSpace, _ int) {
	p := s.start(nil, "run")
	if s.fake.slow == nil {
		// The outbox has no request in flight: stop the daemon once it wrote the post.
		p.waitFor("the outbox file", func() bool { return s.fake.posts() > 0 })
	} else {
		s.fake.slow(time.Second)
		p.waitFor("the post to reach the platform", func() bool { return isClosed(s.fake.writing) })
	}
	p.signal(syscall.SIGTERM)
	if code := p.wait(); code != 0 {
		t.Errorf("exit status after SIGTERM = %d, want 0\n%s", code, p.out)
	}
	if n := s.fake.posts(); n != 1 {
		t.Errorf("the platform received the post %d times, want 1", n)
	}
	if d := s.ledger(); d.State != store.StatePublished {
		t.Errorf("after SIGTERM the delivery is %q (%s), want published\n%s", d.State, d.Reason, p.out)
	}
	s.runOnce()
	if n := s.fake.posts(); n != 1 {
		t.Errorf("after a later run --once the platform has the post %d times, want 1", n)
	}
	s.checkNoLeak()
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// checkOutcome checks the end state after a crash and two restarts: the
// platform has the post at most once (and at least least times), and the
// delivery is published when it has it, or unknown with an open review item.
func (s *crashSpace) checkOutcome(least int) {
	s.t.Helper()
	n := s.fake.posts()
	if n > 1 {
		s.t.Errorf("the platform received the post %d times: published more than once", n)
	}
	if n < least {
		s.t.Errorf("the platform received the post %d times, want at least %d", n, least)
	}
	d := s.ledger()
	switch {
	case d.State == store.StateUnknown:
		if !s.unknownItem() {
			s.t.Errorf("the delivery is unknown but the review folder has no open unknown item for it")
		}
	case d.State == store.StatePublished && n == 1:
	default:
		s.t.Errorf("the delivery is %q (%s) and the platform has it %d times; want published (and on the platform) "+
			"or unknown with a review item", d.State, d.Reason, n)
	}
	s.checkNoLeak()
}

// outcomes counts how each case ended, for the log.
type outcomes struct {
	mu sync.Mutex
	n  map[string]int
}

func (o *outcomes) add(c string, s *crashSpace) {
	if s.t.Failed() {
		return
	}
	d := s.ledger()
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.n == nil {
		o.n = map[string]int{}
	}
	o.n[fmt.Sprintf("%s→%s(%d sent)", c, d.State, s.fake.posts())]++
}

func (o *outcomes) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	var parts []string
	for k, v := range o.n {
		parts = append(parts, fmt.Sprintf("%s ×%d", k, v))
	}
	slices.Sort(parts)
	return strings.Join(parts, ", ")
}
