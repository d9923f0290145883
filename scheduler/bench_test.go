package scheduler_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/connections/postgate"
)

// BenchmarkLoadAndPlan100k loads a calendar of 100,000 deliveries (25,000
// posts on four platforms over a year), gates every one, and plans them.
// It reports the heap in use once the plan is built.
func BenchmarkLoadAndPlan100k(b *testing.B) {
	texts := []string{
		"Winter can be hard on mood. Getting outside in daylight and keeping to a routine can help.",
		"The practice is closed on Monday for the bank holiday. Normal opening hours resume on Tuesday.",
		"Many people find it hard to ask for help. Reaching out is a sign of strength, not weakness.",
		"Free talk for carers at the library on Thursday at 6pm: looking after yourself while caring for others.",
	}
	all := []postgate.Platform{postgate.X, postgate.Facebook, postgate.Instagram, postgate.LinkedIn}
	posts := make([]postgate.Post, 25_000)
	for i := range posts {
		at := t0.Add(time.Duration(i) * 21 * time.Minute)
		posts[i] = post(fmt.Sprintf("post-%05d", i), at, fmt.Sprintf("%s (%d)", texts[i%len(texts)], i), all...)
		posts[i].Platforms = []postgate.Platform{postgate.X, postgate.Facebook, postgate.LinkedIn, postgate.Mastodon}
	}
	for b.Loop() {
		e := newEnv(&testing.T{}, t0)
		if err := e.s.SetCalendar(context.Background(), posts); err != nil {
			b.Fatal(err)
		}
		planned, err := e.s.Plan(context.Background(), t0, t0.Add(366*24*time.Hour))
		if err != nil {
			b.Fatal(err)
		}
		if len(planned) != 4*len(posts) {
			b.Fatalf("planned %d deliveries, want 100000", len(planned))
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "MB-heap")
		e.store.Close()
	}
}
