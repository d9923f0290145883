package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/connections/postgate/calendar"
	"github.com/connections/postgate/config"
	"github.com/connections/postgate/scheduler"
	"github.com/connections/postgate/store"
)

func newRunCmd(o *options) *cobra.Command {
	var once bool
	cmd := &cobra.Command{
		Use:   "run",
		Short: "Run the daemon: publish due posts, hold rejected ones for review",
		Long: `run loads the calendar, gates every post, and publishes each delivery at its time.
It wakes at each due time, reloads the calendar when a file changes, and reads the
decisions written in the review folder. On SIGINT or SIGTERM it lets the delivery in
flight finish and exits 0. With --once it does what is due now and exits.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := o.load(cmd.Flags())
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			if err := os.MkdirAll(filepath.Dir(a.cfg.State), 0o750); err != nil {
				return err
			}
			unlock, err := store.Lock(a.cfg.State)
			if err != nil {
				return err
			}
			defer unlock()
			st, s, err := a.openScheduler(ctx, o.stderr)
			if err != nil {
				return err
			}
			defer st.Close()
			d := &scheduler.Daemon{Scheduler: s, Calendars: a.cfg.Calendar, Location: a.cfg.Location,
				ReviewDir: a.cfg.ReviewDir}
			a.log.Info("postgate starting", "config", orEmbedded(a.cfg.File), "calendar", a.cfg.Calendar,
				"state", a.cfg.State, "review", a.cfg.ReviewDir, "once", once)
			if once {
				if err := d.RunOnce(ctx); err != nil {
					var ce *calendar.Errors
					if errors.As(err, &ce) {
						return invalid(err)
					}
					return err
				}
				fmt.Fprintf(o.stdout, "done: see %s for published posts and %s for held ones\n", a.cfg.OutboxDir, a.cfg.ReviewDir)
				return nil
			}
			return d.Run(ctx)
		},
	}
	cmd.Flags().BoolVar(&once, "once", false, "process everything that is due now, then exit")
	config.AddFlags(cmd.Flags())
	return cmd
}

func orEmbedded(path string) string {
	if path == "" {
		return "(embedded defaults)"
	}
	return path
}
