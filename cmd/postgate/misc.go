package main

import (
	"context"
	"fmt"
	"runtime/debug"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/connections/postgate/config"
	"github.com/connections/postgate/gate"
	"github.com/connections/postgate/publishers"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = ""

func newVersionCmd(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print postgate's version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			v := version
			if bi, ok := debug.ReadBuildInfo(); ok && v == "" {
				v = bi.Main.Version
			}
			if v == "" {
				v = "(devel)"
			}
			fmt.Fprintln(o.stdout, "postgate", v)
			return nil
		},
	}
}

func newGateCmd(o *options) *cobra.Command {
	cmd := &cobra.Command{Use: "gate", Short: "Inspect and measure the compliance gate"}
	var mistakes bool
	eval := &cobra.Command{
		Use:   "eval FILE...",
		Short: "Score the gate on labelled posts: precision and recall per rule, compliant posts wrongly rejected",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			a, err := o.load(nil)
			if err != nil {
				return err
			}
			g, err := gate.New(a.gateConfig())
			if err != nil {
				return invalid(err)
			}
			var all []gate.Labelled
			for _, f := range args {
				posts, err := gate.LoadLabelled(f)
				if err != nil {
					return invalid(err)
				}
				all = append(all, posts...)
			}
			rep := gate.Evaluate(g, all)
			if err := rep.WriteTable(o.stdout); err != nil {
				return err
			}
			if mistakes {
				return rep.WriteMistakes(o.stdout)
			}
			return nil
		},
	}
	eval.Flags().BoolVar(&mistakes, "mistakes", false, "also list every post the gate got wrong")
	rules := &cobra.Command{
		Use:   "rules",
		Short: "List the gate's rules and the policy section each enforces",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			tw := tabwriter.NewWriter(o.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "RULE\tPOLICY SECTION\tWHAT IT CATCHES")
			for _, r := range gate.Rules() {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Section, r.Description)
			}
			return tw.Flush()
		},
	}
	cmd.AddCommand(eval, rules)
	return cmd
}

func newAccountsCmd(o *options) *cobra.Command {
	cmd := &cobra.Command{Use: "accounts", Short: "Verify the configured platform accounts"}
	cmd.AddCommand(&cobra.Command{
		Use:   "check",
		Short: "Verify each live account's credentials and warn before a token expires",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := o.load(nil)
			if err != nil {
				return err
			}
			pubs, _, err := a.publishers()
			if err != nil {
				return err
			}
			failed := 0
			for _, pl := range a.cfg.Enabled() {
				if a.cfg.Platforms[string(pl)].Mode != config.ModeLive {
					fmt.Fprintf(o.stdout, "%-10s outbox mode: nothing to check\n", pl)
					continue
				}
				ac, ok := pubs[pl].(publishers.AccountChecker)
				if !ok {
					fmt.Fprintf(o.stdout, "%-10s cannot be checked\n", pl)
					continue
				}
				ctx, cancel := context.WithTimeout(cmd.Context(), 30*time.Second)
				st, err := ac.CheckAccount(ctx)
				cancel()
				if err != nil {
					failed++
					fmt.Fprintf(o.stdout, "%-10s FAILED: %v\n", pl, err)
					continue
				}
				fmt.Fprintf(o.stdout, "%-10s ok: %s", pl, st.Account)
				if !st.ExpiresAt.IsZero() {
					fmt.Fprintf(o.stdout, " (token expires %s)", st.ExpiresAt.Format("2006-01-02"))
				}
				fmt.Fprintln(o.stdout)
				for _, w := range st.Warnings {
					fmt.Fprintf(o.stdout, "%-10s warning: %s\n", "", w)
				}
			}
			if failed > 0 {
				return &exitError{code: exitRejected, err: fmt.Errorf("%d accounts failed the check", failed)}
			}
			return nil
		},
	})
	return cmd
}
