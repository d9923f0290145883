package main

import (
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
)

func newPlanCmd(o *options) *cobra.Command {
	var until time.Duration
	cmd := &cobra.Command{
		Use:   "plan",
		Short: "List the upcoming deliveries with their local time, platform and verdict",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if until <= 0 {
				return invalid(fmt.Errorf("--until %v: want a positive duration such as 168h", until))
			}
			a, err := o.load(nil)
			if err != nil {
				return err
			}
			posts, err := a.loadCalendar(nil)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			st, s, err := a.openScheduler(ctx, o.stderr)
			if err != nil {
				return err
			}
			defer st.Close()
			s.UsePosts(posts)
			now := a.now()
			planned, err := s.Plan(ctx, now, now.Add(until))
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(o.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "WHEN (LOCAL)\tPLATFORM\tPOST\tVERDICT\tWHY")
			for _, p := range planned {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.Local.Format("Mon 2006-01-02 15:04 MST"), p.Platform, p.PostID,
					p.Verdict, p.Reason)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(o.stdout, "%d deliveries in the next %s\n", len(planned), until)
			return nil
		},
	}
	cmd.Flags().DurationVar(&until, "until", 7*24*time.Hour, "how far ahead to look")
	return cmd
}
