package scheduler

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/connections/postgate"
	"github.com/connections/postgate/calendar"
	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/review"
	"github.com/connections/postgate/store"
)

// calendarNote is the review note that shows why the calendar did not load.
const calendarNote = "calendar-errors"

// Reload loads the calendar files. When they load, they become the running
// calendar and the last good calendar in the store. When they do not, the
// running calendar stays (or, right after a start, the last good one is
// restored from the store), the errors are written to the review folder's
// calendar-errors.txt, and the error is returned.
func (s *Scheduler) Reload(ctx context.Context, paths []string, loc *time.Location) error {
	posts, err := calendar.LoadAll(paths, loc)
	if err != nil {
		note := fmt.Sprintf("The calendar could not be loaded at %s. postgate keeps running the last good calendar\n"+
			"until these problems are fixed:\n\n%v\n", s.now().Format(time.RFC3339), err)
		if nerr := s.review.Note(calendarNote, note); nerr != nil {
			err = errors.Join(err, nerr)
		}
		if len(s.Posts()) == 0 {
			if rerr := s.restoreGood(ctx, loc); rerr != nil {
				err = errors.Join(err, rerr)
			}
		}
		return err
	}
	files, err := readFiles(paths)
	if err != nil {
		return err
	}
	if err := s.store.SaveGoodCalendar(ctx, files, s.now()); err != nil {
		return err
	}
	if err := s.review.Note(calendarNote, ""); err != nil {
		return err
	}
	return s.SetCalendar(ctx, posts)
}

func readFiles(paths []string) ([]store.CalendarFile, error) {
	var files []store.CalendarFile
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		data, err := os.ReadFile(abs)
		if err != nil {
			return nil, fmt.Errorf("read calendar: %w", err)
		}
		files = append(files, store.CalendarFile{Path: abs, Data: data})
	}
	return files, nil
}

// restoreGood runs the last good calendar saved in the store.
func (s *Scheduler) restoreGood(ctx context.Context, loc *time.Location) error {
	files, err := s.store.GoodCalendar(ctx)
	if err != nil || len(files) == 0 {
		return err
	}
	var posts []postgate.Post
	for _, f := range files {
		format, ok := calendar.FormatOf(f.Path)
		if !ok {
			return fmt.Errorf("last good calendar %s: unknown format", f.Path)
		}
		ps, err := calendar.Parse(f.Path, filepath.Dir(f.Path), f.Data, format, loc)
		if err != nil {
			return fmt.Errorf("last good calendar: %w", err)
		}
		posts = append(posts, ps...)
	}
	s.log.Warn("running the last good calendar from the store", "files", len(files), "posts", len(posts))
	return s.SetCalendar(ctx, posts)
}

// SetCalendar makes posts the running calendar: it records when each post
// was first seen, gates every post on every platform, writes a held item
// for each rejected content that has no decision yet, archives held items
// that no longer apply (the post was edited, now passes, or was removed),
// and cancels waiting deliveries of removed posts.
func (s *Scheduler) SetCalendar(ctx context.Context, posts []postgate.Post) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	ids := make([]string, len(posts))
	for i, p := range posts {
		ids[i] = p.ID
	}
	seen, err := s.store.FirstSeen(ctx, ids, now)
	if err != nil {
		return err
	}
	s.posts, s.firstSeen = posts, seen
	s.checkAll(posts)

	wanted := map[string]bool{} // held item ids that should stay open
	for _, p := range posts {
		for _, pl := range p.Platforms {
			id, err := s.gateAtLoad(ctx, p, pl)
			if err != nil {
				return err
			}
			if id != "" {
				wanted[id] = true
			}
		}
	}
	if err := s.archiveStale(wanted, now); err != nil {
		return err
	}
	return s.cancelRemoved(ctx, ids, now)
}

// gateAtLoad gates one post on one platform and makes sure an open held
// item exists when it needs a decision. It returns the item id, or "".
func (s *Scheduler) gateAtLoad(ctx context.Context, p postgate.Post, pl postgate.Platform) (string, error) {
	c := p.Content(pl)
	hash, v, err := s.check(c)
	findings := v.Findings
	if err != nil {
		findings = []gate.Finding{gate.Unevaluated(err)}
	} else if v.Pass() {
		return "", nil
	}
	if hash != "" {
		if _, decided, err := s.store.ContentDecision(ctx, p.ID, string(pl), hash); err != nil || decided {
			return "", err
		}
	}
	return review.HeldID(p.ID, string(pl)), s.heldItem(p, pl, hash, findings)
}

// archiveStale moves open held items that are no longer wanted out of the
// folder.
func (s *Scheduler) archiveStale(wanted map[string]bool, now time.Time) error {
	items, _ := s.review.List()
	for _, it := range items {
		if it.Kind == review.KindHeld && it.Open() && !wanted[it.ID] {
			if err := s.review.Archive(it.ID, now); err != nil {
				return err
			}
		}
	}
	return nil
}

// cancelRemoved cancels deliveries waiting for a retry or a decision whose
// post left the calendar.
func (s *Scheduler) cancelRemoved(ctx context.Context, ids []string, now time.Time) error {
	present := make(map[string]bool, len(ids))
	for _, id := range ids {
		present[id] = true
	}
	waiting, err := s.store.List(ctx, store.Filter{States: []store.State{store.StateHeld, store.StateRetry}})
	if err != nil {
		return err
	}
	for _, d := range waiting {
		if present[d.PostID] {
			continue
		}
		_, err := s.store.Move(ctx, d.Delivery, store.Transition{To: store.StateCancelled,
			Reason: "the post was removed from the calendar", From: []store.State{d.State}}, now)
		if err != nil {
			return err
		}
	}
	return nil
}
