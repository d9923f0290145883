package scheduler

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Daemon runs a Scheduler: it reloads the calendar when its files change,
// notices decisions written into the review folder, and wakes at each due
// time (or after MaxSleep at the latest), never polling busily.
type Daemon struct {
	Scheduler *Scheduler
	Calendars []string       // calendar files
	Location  *time.Location // default time zone of the calendars
	ReviewDir string
	// Settle is how long to wait after a file event before acting, so that
	// an editor's save (often several events) is read once. Zero means 300ms.
	Settle time.Duration
}

// RunOnce recovers deliveries left in flight, loads the calendar and does
// everything that is due now. A calendar that does not load is reported
// and, when a last good calendar exists, that one runs; the error is
// returned either way.
func (d *Daemon) RunOnce(ctx context.Context) error {
	loadErr := d.start(ctx)
	_, err := d.Scheduler.Tick(ctx)
	return errors.Join(loadErr, err)
}

func (d *Daemon) start(ctx context.Context) error {
	s := d.Scheduler
	loadErr := s.Reload(ctx, d.Calendars, d.Location)
	if loadErr != nil {
		s.log.Error("calendar not loaded", "err", loadErr)
	}
	if err := s.Recover(ctx); err != nil {
		return errors.Join(loadErr, err)
	}
	return loadErr
}

// Run works until ctx is cancelled, then returns nil once the delivery in
// flight has finished. Errors loading the calendar or publishing are
// logged and reported in review, not returned: the daemon keeps going.
func (d *Daemon) Run(ctx context.Context) error {
	s := d.Scheduler
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, dir := range d.watchDirs() {
		if err := w.Add(dir); err != nil {
			return err
		}
	}
	d.start(ctx) // logged inside; a bad calendar does not stop the daemon
	settle := d.Settle
	if settle <= 0 {
		settle = 300 * time.Millisecond
	}
	reload := false
	debounce := time.NewTimer(time.Hour)
	debounce.Stop()
	for {
		next, err := s.Tick(ctx)
		if err != nil {
			s.log.Error("tick", "err", err)
		}
		wait := min(time.Until(next), MaxSleep)
		s.log.Debug("sleeping", "until", next, "for", wait)
		timer := time.NewTimer(max(wait, 0))
	wait:
		for {
			select {
			case <-ctx.Done():
				timer.Stop()
				s.log.Info("stopped")
				return nil
			case <-timer.C:
				break wait
			case ev := <-w.Events:
				switch {
				case d.isCalendar(ev.Name):
					reload = true
				case filepath.Dir(ev.Name) == filepath.Clean(d.ReviewDir) && filepath.Ext(ev.Name) == ".yaml":
					// a decision may have been written: the next tick reads it
				default:
					continue
				}
				debounce.Reset(settle)
			case err := <-w.Errors:
				s.log.Warn("file watch", "err", err)
			case <-debounce.C:
				timer.Stop()
				break wait
			}
		}
		if reload {
			if err := s.Reload(ctx, d.Calendars, d.Location); err != nil {
				s.log.Error("calendar edit not loaded; the last good calendar keeps running", "err", err)
			} else {
				s.log.Info("calendar reloaded", "posts", len(s.Posts()))
			}
		}
		reload = false
	}
}

func (d *Daemon) watchDirs() []string {
	dirs := []string{filepath.Clean(d.ReviewDir)}
	for _, c := range d.Calendars {
		// Watch the folder, not the file: editors save by renaming over it.
		if dir := filepath.Dir(c); !slices.Contains(dirs, dir) {
			dirs = append(dirs, dir)
		}
	}
	return dirs
}

func (d *Daemon) isCalendar(name string) bool {
	for _, c := range d.Calendars {
		if filepath.Clean(c) == filepath.Clean(name) {
			return true
		}
	}
	return false
}
