// Command postgate reads a content calendar, checks every post against the
// practice's Social Media Policy, publishes what passes, and puts what does
// not in a review folder for the compliance lead.
//
// Subcommands: run, check, plan, review, gate eval, accounts check, version.
// See README.md for the configuration and calendar reference.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK       = 0
	exitRejected = 1 // check: a post is rejected; other commands: the operation failed
	exitInvalid  = 2 // invalid input or configuration
)

// exitError carries an exit code with its error.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func invalid(err error) error { return &exitError{code: exitInvalid, err: err} }

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(Main(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// Main runs postgate with args and returns the exit code. It is main
// without the process around it, so that tests can run every command.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, "postgate:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "postgate:", err)
	return exitRejected
}

// options are the flags every command shares.
type options struct {
	configFile string
	stdout     io.Writer
	stderr     io.Writer
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	o := &options{stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:           "postgate",
		Short:         "Publish a content calendar to social media through a policy compliance gate",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return invalid(err) })
	root.PersistentFlags().StringVar(&o.configFile, "config", "",
		"config file (default: $POSTGATE_CONFIG, else postgate.yaml if present, else the embedded defaults)")
	root.AddCommand(newRunCmd(o), newCheckCmd(o), newPlanCmd(o), newReviewCmd(o), newGateCmd(o),
		newAccountsCmd(o), newVersionCmd(o))
	return root
}
