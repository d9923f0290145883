// Package scheduler decides, for every post of the calendar on every
// platform, what happens and when: it gates content when the calendar loads
// (so that marketing sees holds days early), publishes what is due, holds
// what the gate rejects until a person decides, marks posts missed when
// their time passed beyond the missed window, and reconciles deliveries
// whose outcome is unknown after a crash.
//
// The store is the source of truth. The plan is rebuilt from the store and
// the calendar at every tick, never from memory, so a restart, a reload or
// a clock step neither repeats nor skips a delivery.
//
// Rules, in one place:
//   - A delivery is due at its occurrence time. It goes out late only while
//     now - at <= missed window; after that it is marked missed and put in
//     review, never published days late.
//   - A recurring post never bursts: when several of its occurrences are due
//     at once, only the latest goes out; the earlier ones are marked missed.
//     Occurrences from before the post first appeared in the calendar (less
//     the missed window) are not considered.
//   - A one-off post goes out once per platform: moving its time after it
//     was published does not publish it again.
//   - The gate runs at load and again right before publishing. A post it
//     rejects, or cannot evaluate, is held until a person approves that
//     exact content; an edit means a new gate run and a new decision.
package scheduler

import (
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/review"
	"github.com/connections/postgate/store"
)

// Scheduler plans and runs deliveries. Create it with New; its methods are
// safe to call from several goroutines but run one at a time.
type Scheduler struct {
	store      *store.Store
	gate       *gate.Gate
	review     *review.Folder
	publishers map[postgate.Platform]publishers.Publisher
	preflight  map[postgate.Platform]func(postgate.Content) []publishers.Problem
	retrier    publishers.Retrier
	window     time.Duration
	now        func() time.Time
	log        *slog.Logger
	policy     string

	mu        sync.Mutex
	posts     []postgate.Post
	firstSeen map[string]time.Time
	verdicts  map[string]gate.Verdict // by BodyHash; the gate is pure
}

// Options configure a Scheduler.
type Options struct {
	Store      *store.Store
	Gate       *gate.Gate
	Review     *review.Folder
	Publishers map[postgate.Platform]publishers.Publisher
	// Preflight checks content against each platform's limits (length,
	// media) without I/O. Optional per platform.
	Preflight    map[postgate.Platform]func(postgate.Content) []publishers.Problem
	Retrier      publishers.Retrier
	MissedWindow time.Duration
	Now          func() time.Time // nil: time.Now
	Logger       *slog.Logger     // nil: discard
	Policy       string           // policy name and version, shown in review items
}

// New returns a scheduler with no calendar yet.
func New(o Options) *Scheduler {
	s := &Scheduler{
		store: o.Store, gate: o.Gate, review: o.Review, publishers: o.Publishers, preflight: o.Preflight,
		retrier: o.Retrier, window: o.MissedWindow, now: o.Now, log: o.Logger, policy: o.Policy,
		verdicts: map[string]gate.Verdict{},
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	return s
}

// Posts returns the calendar the scheduler runs.
func (s *Scheduler) Posts() []postgate.Post {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.posts
}

// check gates content and returns its platform-bound hash (what approvals
// bind to). The policy applies to every platform alike, so the gate checks
// the content without its platform (platform limits are preflight's job),
// and verdicts are cached by BodyHash: platforms sharing a text share one
// gate run.
func (s *Scheduler) check(c postgate.Content) (hash string, v gate.Verdict, err error) {
	body, err := c.BodyHash()
	if err != nil {
		return "", gate.Verdict{}, err
	}
	hash = postgate.PlatformHash(c.Platform, body)
	if v, ok := s.verdicts[body]; ok {
		return hash, v, nil
	}
	c.Platform = ""
	v, err = s.gate.Check(c)
	if err != nil {
		return hash, gate.Verdict{}, err
	}
	s.verdicts[body] = v
	return hash, v, nil
}

// checkAll gates the content of every post on every platform on all CPUs
// and makes the verdict cache hold exactly those verdicts (reusing the
// ones already known), so that a large calendar loads and reloads quickly.
// Contents that cannot be hashed or checked are left for check to report.
func (s *Scheduler) checkAll(posts []postgate.Post) {
	old := s.verdicts
	s.verdicts = make(map[string]gate.Verdict, len(old))
	type result struct {
		hash string
		v    gate.Verdict
	}
	jobs := make(chan postgate.Content)
	results := make(chan result)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for c := range jobs {
				hash, err := c.BodyHash()
				if err != nil {
					continue
				}
				if v, ok := old[hash]; ok {
					results <- result{hash, v}
				} else if v, err := s.gate.Check(c); err == nil {
					results <- result{hash, v}
				}
			}
		})
	}
	go func() {
		for _, p := range posts {
			seen := map[string]bool{}
			for _, pl := range p.Platforms {
				if c := p.Content(pl); !seen[c.Text] {
					seen[c.Text] = true
					c.Platform = ""
					jobs <- c
				}
			}
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	for r := range results {
		s.verdicts[r.hash] = r.v
	}
}
