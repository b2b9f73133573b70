package command

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/spf13/cobra"
)

func workshopCommand(env Env) *cobra.Command {
	return group("workshop", "Open, list and close workshops",
		workshopNewCommand(env), workshopListCommand(env), workshopCloseCommand(env))
}

func workshopNewCommand(env Env) *cobra.Command {
	var title, guideID, code, pacing string
	cmd := &cobra.Command{
		Use:   "new --title TITLE [--guide ID] [--code CODE] [--pacing self|facilitator]",
		Short: "Open a workshop and print its join code",
		Args:  cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			title = inquiry.CleanLine(title)
			if title == "" {
				return usagef("a workshop needs a --title")
			}
			p := inquiry.Pacing(pacing)
			if p != inquiry.SelfPaced && p != inquiry.FacilitatorPaced {
				return usagef("--pacing is %q or %q, not %q", inquiry.SelfPaced, inquiry.FacilitatorPaced, pacing)
			}
			code = strings.ToLower(strings.TrimSpace(code))
			if code != "" {
				if err := inquiry.ValidCode(code); err != nil {
					return usageError{err}
				}
			}
			store, err := env.Store(cmd, args)
			if err != nil {
				return err
			}
			guide, err := findGuide(store, guideID, env.Local)
			if err != nil {
				return err
			}
			sum, err := store.OpenWorkshop(cmd.Context(), env.Actor, inquiry.WorkshopDetails{
				Title: title, Code: code, Pacing: p, Guide: guide,
			})
			if errors.Is(err, data.ErrCodeTaken) {
				return fmt.Errorf("the join code %q is taken: choose another, or leave --code out for a new one", code)
			}
			if err != nil {
				return fmt.Errorf("open workshop: %w", err)
			}
			fmt.Fprintln(cmd.OutOrStdout(), sum.Code)
			return nil
		}),
	}
	wordsFlag(cmd, &title, "title", "the workshop's title, as participants will see it")
	cmd.Flags().StringVar(&guideID, "guide", inquiry.DefaultGuideID, guideFlagHelp(env.Local))
	cmd.Flags().StringVar(&code, "code", "", "the join code (default: a new one such as harbour-4821)")
	cmd.Flags().StringVar(&pacing, "pacing", string(inquiry.SelfPaced), "self: each participant moves on when ready; facilitator: you open each prompt")
	return cmd
}

func guideFlagHelp(local bool) string {
	if local {
		return "a guide's ID (see guide list) or a guide file"
	}
	return "a guide's ID (see guide list)"
}

// findGuide returns the built-in or added guide with the given ID or, on
// the local command line, the guide in the named file.
func findGuide(store Store, id string, local bool) (inquiry.Guide, error) {
	if g, ok := store.Guide(id); ok {
		return g, nil
	}
	if local {
		if content, err := os.ReadFile(id); err == nil {
			return inquiry.ParseGuide(id, content)
		} else if !errors.Is(err, os.ErrNotExist) {
			return inquiry.Guide{}, fmt.Errorf("read guide: %w", err)
		}
	}
	return inquiry.Guide{}, usagef("no guide %q: see guide list", id)
}

func workshopListCommand(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the workshops, oldest first",
		Args:  cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			store, err := env.Store(cmd, args)
			if err != nil {
				return err
			}
			workshops := store.Workshops()
			out := cmd.OutOrStdout()
			if len(workshops) == 0 {
				fmt.Fprintln(out, "No workshops yet. Open one with: workshop new --title TITLE")
				return nil
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "CODE\tSTATE\tPARTICIPANTS\tCONTRIBUTIONS\tGUIDE\tOPENED\tTITLE")
			for _, w := range workshops {
				state := "closed"
				if w.Open {
					state = "open"
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\n", w.Code, state, w.Participants,
					w.Contributions, w.Guide, w.OpenedAt.Format("2006-01-02 15:04"), w.Title)
			}
			return tw.Flush()
		}),
	}
}

func workshopCloseCommand(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "close CODE",
		Short: "Close a workshop: it takes no more contributions",
		Args:  exactArgs(1, "close needs the workshop's join code"),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			store, w, err := env.workshop(cmd, args)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if !w.Open {
				fmt.Fprintf(out, "%s was already closed\n", w.Code)
				return nil
			}
			if _, err := store.Append(cmd.Context(), w.ID, inquiry.Event{Type: inquiry.WorkshopClosed, Actor: env.Actor}); err != nil {
				return fmt.Errorf("close %s: %w", w.Code, err)
			}
			fmt.Fprintf(out, "closed %s (%s)\n", w.Code, w.Title)
			return nil
		}),
	}
}

// workshop opens the database and finds the workshop whose join code is
// the command's first argument: the opening every command about one
// workshop shares. Codes are read as people type them (case, spaces and
// dashes do not matter). These lookups are not counted against the limits
// on guessing codes: only a facilitator runs these commands (a key the SSH
// handshake checked, or the data folder on the server's own machine), and
// a facilitator can list every workshop anyway.
func (env Env) workshop(cmd *cobra.Command, args []string) (Store, inquiry.Summary, error) {
	store, err := env.Store(cmd, args)
	if err != nil {
		return nil, inquiry.Summary{}, err
	}
	code, err := inquiry.ParseJoinCode(args[0])
	if err != nil {
		return nil, inquiry.Summary{}, fmt.Errorf("no workshop has the code %q: a join code is a word and a number, such as harbour-4821 (see workshop list)", args[0])
	}
	w, ok := store.ByCode(code.String())
	if !ok {
		return nil, inquiry.Summary{}, fmt.Errorf("no workshop has the code %q (see workshop list)", args[0])
	}
	return store, w, nil
}

// exactArgs is cobra.ExactArgs with a message a facilitator can act on.
func exactArgs(n int, msg string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s", msg)
		}
		return nil
	}
}
