package scheduler_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/publishers"
	"github.com/connections/postgate/review"
	"github.com/connections/postgate/scheduler"
	"github.com/connections/postgate/store"
)

var london = mustLoad("Europe/London")

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time)     { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); defer c.mu.Unlock(); c.t = c.t.Add(d) }

// platform is a fake publisher that records what it published and returns
// scripted errors first.
type platform struct {
	mu        sync.Mutex
	published []publishers.Request
	errs      []error
	found     bool // Reconcile answer
}

func (p *platform) Publish(_ context.Context, req publishers.Request) (publishers.Receipt, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.errs) > 0 {
		err := p.errs[0]
		p.errs = p.errs[1:]
		if err != nil {
			return publishers.Receipt{}, err
		}
	}
	p.published = append(p.published, req)
	return publishers.Receipt{ID: req.Delivery.Key()}, nil
}

func (p *platform) Reconcile(context.Context, publishers.Request, time.Time) (publishers.Receipt, bool, error) {
	return publishers.Receipt{ID: "found"}, p.found, nil
}

func (p *platform) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.published)
}

// env is a scheduler over a real store, gate and review folder in a temp dir.
type env struct {
	t      *testing.T
	dir    string
	clock  *clock
	store  *store.Store
	review *review.Folder
	pub    *platform
	s      *scheduler.Scheduler
}

func newEnv(t *testing.T, now time.Time) *env {
	t.Helper()
	dir := t.TempDir()
	e := &env{t: t, dir: dir, clock: &clock{t: now}, pub: &platform{}}
	e.open()
	return e
}

// open (re)opens the store and builds a fresh scheduler: a restart.
func (e *env) open() {
	e.t.Helper()
	if e.store != nil {
		e.store.Close()
	}
	st, err := store.Open(context.Background(), filepath.Join(e.dir, "state.db"))
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { st.Close() })
	rf, err := review.Open(filepath.Join(e.dir, "review"))
	if err != nil {
		e.t.Fatal(err)
	}
	cfg := gate.DefaultConfig()
	cfg.StaffNames = []string{"Priya Shah"}
	g, err := gate.New(cfg)
	if err != nil {
		e.t.Fatal(err)
	}
	e.store, e.review = st, rf
	e.s = scheduler.New(scheduler.Options{
		Store: st, Gate: g, Review: rf,
		Publishers:   map[postgate.Platform]publishers.Publisher{postgate.X: e.pub, postgate.Facebook: e.pub},
		Retrier:      publishers.Retrier{MaxAttempts: 1},
		MissedWindow: 2 * time.Hour, Now: e.clock.Now, Policy: "Social Media Policy (test)",
	})
}

func (e *env) setCalendar(posts ...postgate.Post) {
	e.t.Helper()
	if err := e.s.SetCalendar(context.Background(), posts); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) tick() {
	e.t.Helper()
	if _, err := e.s.Tick(context.Background()); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) state(id string, pl postgate.Platform, at time.Time) store.State {
	e.t.Helper()
	d, err := e.store.Get(context.Background(), postgate.Delivery{PostID: id, Platform: pl, At: at})
	if err != nil {
		return store.StateNone
	}
	return d.State
}

func (e *env) item(id string) review.Item {
	e.t.Helper()
	it, err := e.review.Read(id)
	if err != nil {
		e.t.Fatalf("review item %s: %v", id, err)
	}
	return it
}

func (e *env) decide(id, verdict string) {
	e.t.Helper()
	_, err := review.Record(context.Background(), e.store, e.review, id,
		review.Decision{Verdict: verdict, By: "Ian Nicholson-Kapasi", Reason: "checked with the author"}, e.clock.Now())
	if err != nil {
		e.t.Fatal(err)
	}
}

func post(id string, at time.Time, text string, pls ...postgate.Platform) postgate.Post {
	if len(pls) == 0 {
		pls = []postgate.Platform{postgate.X}
	}
	return postgate.Post{ID: id, File: "calendar.yaml", Line: 1, Location: london, At: at, Platforms: pls, Text: text}
}

const (
	okText  = "Winter can be hard on mood. Getting outside in daylight and keeping to a routine can help."
	badText = "Finished counselling with us? We'd love a five-star review on Google!"
)

// schedulerWith rebuilds e's scheduler with other publishers.
func schedulerWith(e *env, pubs map[postgate.Platform]publishers.Publisher) *scheduler.Scheduler {
	g, err := gate.New(gate.DefaultConfig())
	if err != nil {
		e.t.Fatal(err)
	}
	return scheduler.New(scheduler.Options{
		Store: e.store, Gate: g, Review: e.review, Publishers: pubs,
		Retrier: publishers.Retrier{MaxAttempts: 1}, MissedWindow: 2 * time.Hour, Now: e.clock.Now,
	})
}
