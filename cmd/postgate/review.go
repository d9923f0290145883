package main

import (
	"errors"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"github.com/connections/postgate/review"
)

func newReviewCmd(o *options) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "review",
		Short: "List, show and decide the items in the review folder",
		Long: `The review folder holds one YAML file per item that waits for a person: a post the
gate held, or a delivery that was missed, failed or whose outcome is unknown.
Decide in the file's decision block, or with approve and reject here. Every decision
is recorded in a tamper-evident log in the state database; verify checks it.`,
	}
	cmd.AddCommand(newReviewListCmd(o), newReviewShowCmd(o), newReviewDecideCmd(o, review.Approve),
		newReviewDecideCmd(o, review.Reject), newReviewVerifyCmd(o))
	return cmd
}

func newReviewListCmd(o *options) *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the open review items (--all for decided ones too)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := o.load(nil)
			if err != nil {
				return err
			}
			rf, err := review.Open(a.cfg.ReviewDir)
			if err != nil {
				return err
			}
			items, errs := rf.List()
			tw := tabwriter.NewWriter(o.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tKIND\tSTATUS\tSUMMARY")
			for _, it := range items {
				if all || it.Open() {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", it.ID, it.Kind, it.Status, it.Summary)
				}
			}
			tw.Flush()
			for _, err := range errs {
				fmt.Fprintln(o.stderr, "cannot read:", err)
			}
			if len(errs) > 0 {
				return &exitError{code: exitRejected, err: fmt.Errorf("%d review files cannot be read; their posts stay held", len(errs))}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "include decided and informational items")
	return cmd
}

func newReviewShowCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "Print one review item",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := o.load(nil)
			if err != nil {
				return err
			}
			rf, err := review.Open(a.cfg.ReviewDir)
			if err != nil {
				return err
			}
			it, err := rf.Read(args[0])
			if errors.Is(err, os.ErrNotExist) {
				return invalid(fmt.Errorf("no review item %q (see postgate review list)", args[0]))
			}
			if err != nil {
				return err
			}
			enc := yaml.NewEncoder(o.stdout)
			enc.SetIndent(2)
			return enc.Encode(it)
		},
	}
}

func newReviewDecideCmd(o *options, verdict string) *cobra.Command {
	var by, reason string
	short := map[string]string{
		review.Approve: "Approve an item: publish this exact held content, or send a missed/failed/unknown delivery again",
		review.Reject:  "Reject an item: take held content out of the plan, or close a missed/failed/unknown delivery",
	}[verdict]
	cmd := &cobra.Command{
		Use:   verdict + " ID --by NAME --reason TEXT",
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := o.load(nil)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			st, rf, err := a.openState(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			d := review.Decision{Verdict: verdict, By: by, Reason: reason}
			if err := d.Validate(); err != nil {
				return invalid(err)
			}
			rec, err := review.Record(ctx, st, rf, args[0], d, a.now())
			if errors.Is(err, os.ErrNotExist) {
				return invalid(fmt.Errorf("no review item %q (see postgate review list)", args[0]))
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(o.stdout, "%s: %sd by %s (decision #%d); the daemon applies it at its next tick\n",
				args[0], verdict, rec.By, rec.Seq)
			return nil
		},
	}
	cmd.Flags().StringVar(&by, "by", "", "name of the person deciding (required)")
	cmd.Flags().StringVar(&reason, "reason", "", "why (required)")
	return cmd
}

func newReviewVerifyCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "verify",
		Short: "Check that no recorded decision was altered or removed",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := o.load(nil)
			if err != nil {
				return err
			}
			st, _, err := a.openState(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			n, err := st.Verify(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(o.stdout, "decision log intact: %d decisions\n", n)
			return nil
		},
	}
}
