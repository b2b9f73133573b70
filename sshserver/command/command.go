// Package command holds the facilitator's commands (workshop, guide,
// scribe, export, card, backup): one implementation, run over SSH by the server
// (`ssh -p 23234 HOST workshop list`) and on a stopped server's data by the
// command line (`anchorage workshop list --data DIR`).
package command

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/card"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"
)

// Store is what the commands need of the database; *data.Store satisfies it.
type Store interface {
	OpenWorkshop(ctx context.Context, by inquiry.Actor, d inquiry.WorkshopDetails) (inquiry.Summary, error)
	Append(ctx context.Context, workshopID string, e inquiry.Event) (inquiry.Event, error)
	Workshops() []inquiry.Summary
	ByCode(code string) (inquiry.Summary, bool)
	// Workshop is a copy of a workshop's state, without its log: what a
	// command that only reads the state (card) needs.
	Workshop(workshopID string) (*inquiry.Workshop, error)
	// StateAndLog is a workshop's state and the log it was folded from,
	// read in one go (see data.Store.StateAndLog): what an export needs.
	StateAndLog(workshopID string) (*inquiry.Workshop, []inquiry.Event, error)

	Guides() []inquiry.Guide
	Guide(id string) (inquiry.Guide, bool)
	GuideSource(id string) ([]byte, bool)
	AddGuide(ctx context.Context, g inquiry.Guide, source []byte) error

	EnrolScribe(ctx context.Context, workshopID string, key gossh.PublicKey, name string) error
	Scribes(workshopID string) []data.Scribe

	Backup(w io.Writer) error
}

// ErrNoData is what Env.Store returns (wrapped) when there is no database
// yet. Commands that can answer without one (guide list, guide show of a
// built-in guide) then do.
var ErrNoData = errors.New("there is no Anchorage data here yet")

// Env is what the commands run with.
type Env struct {
	// Store returns the database, opening it on first use: `guide list`
	// never needs it, and the command line must not take the database's
	// lock for a command that does not. The command and its arguments are
	// passed so that a failure can say how to run the same thing another
	// way.
	Store func(cmd *cobra.Command, args []string) (Store, error)
	// Actor is who the commands act as in the workshop's transcript.
	Actor inquiry.Actor
	// Local is true on the server's own machine: guides may be read from
	// files and exports written to files. Over SSH it is false, because a
	// path there would reach into the server's file system.
	Local bool
	// Terminal is true when standard output is a terminal the commands
	// cannot see as one (an SSH session with a pseudo-terminal): binary
	// output such as a backup is then refused.
	Terminal bool
	// Where says how participants reach the server, for the join card:
	// the host and port it prints unless --host and --port say otherwise,
	// and the fingerprint of the server's host key.
	Where func(cmd *cobra.Command) (card.Where, error)
}

// Add adds the workshop, guide, scribe, export, card and backup commands to
// root.
func Add(root *cobra.Command, env Env) {
	root.AddCommand(workshopCommand(env), guideCommand(env), scribeCommand(env), exportCommand(env), cardCommand(env), backupCommand(env))
}

// RunE wraps the work of a command defined outside this package (such as
// the command line's restore) as the commands here are wrapped: its errors
// count as failures (exit status 1), except those made with Usagef.
func RunE(fn func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return runE(fn)
}

// Usagef makes an error for a command used wrongly (exit status 2).
func Usagef(format string, args ...any) error { return usagef(format, args...) }

// usageError is a command used wrongly (a missing flag, an unknown
// subcommand), as opposed to one that ran and failed.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// failure marks an error from a command that ran, so that Execute can tell
// it from cobra's own complaints about flags and arguments.
type failure struct{ error }

func (f failure) Unwrap() error { return f.error }

// runE wraps a command's work so that its errors count as failures (exit
// status 1) unless they are usage errors (exit status 2).
func runE(fn func(cmd *cobra.Command, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		err := fn(cmd, args)
		var u usageError
		if err == nil || errors.As(err, &u) {
			return err
		}
		return failure{err}
	}
}

// group makes a command that only holds subcommands: run alone or with an
// unknown subcommand it is a usage error, where cobra would print the help
// and succeed.
func group(use, short string, subs ...*cobra.Command) *cobra.Command {
	g := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("%s needs a subcommand", cmd.CommandPath())
			}
			return usagef("unknown command %q for %q", args[0], cmd.CommandPath())
		},
	}
	g.AddCommand(subs...)
	return g
}

// Execute runs root with args, writing to stdout and stderr, and returns
// the exit status: 0 on success, 1 when a command failed, 2 when it was
// used wrongly. Errors are written to stderr.
func Execute(ctx context.Context, root *cobra.Command, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// XXX: cobra reads os.Args when the argument list is nil. On the server
	// that would run the server's own command line, so never pass nil.
	if args == nil {
		args = []string{}
	}
	root.SetArgs(joinWords(root, args))
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SilenceErrors = true
	root.SilenceUsage = true
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	cmd, err := root.ExecuteContextC(ctx)
	if err == nil {
		return 0
	}
	fmt.Fprintf(stderr, "anchorage: %v\n", err)
	var f failure
	if errors.As(err, &f) {
		return 1
	}
	if cmd == nil {
		cmd = root
	}
	fmt.Fprintf(stderr, "Run '%s --help' for usage.\n", cmd.CommandPath())
	return 2
}
