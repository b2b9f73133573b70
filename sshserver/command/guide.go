package command

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/spf13/cobra"
)

// maxGuideRead is how much of a guide file is read: one byte over the
// parser's limit, so that it can say the file is too long.
const maxGuideRead = 1<<20 + 1

func guideCommand(env Env) *cobra.Command {
	subs := []*cobra.Command{guideListCommand(env), guideShowCommand(env), guideAddCommand(env)}
	if env.Local {
		// Checking a file needs the file: on the server's machine only.
		subs = append(subs, guideCheckCommand())
	}
	return group("guide", "The guides a workshop can follow: list, show, add and check them", subs...)
}

func guideListCommand(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the guides: the built-in ones (the default first), then those added",
		Args:  cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			guides := inquiry.Builtins()
			store, err := env.Store(cmd, args)
			switch {
			case err == nil:
				guides = store.Guides()
			case !errors.Is(err, ErrNoData):
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tFROM\tPHASES\tPROMPTS\tTITLE")
			for _, g := range guides {
				from := "added"
				if _, builtin := inquiry.BuiltinGuide(g.ID); builtin {
					from = "built-in"
				}
				fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", g.ID, from, len(g.Phases), promptCount(g), g.Title)
			}
			return tw.Flush()
		}),
	}
}

func guideShowCommand(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "show ID",
		Short: "Print a guide's YAML: a built-in one is a good start for your own",
		Args:  exactArgs(1, "guide show needs a guide's ID (see guide list)"),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			id := strings.TrimSpace(args[0])
			source, ok := inquiry.BuiltinSource(id)
			if !ok {
				store, err := env.Store(cmd, args)
				switch {
				case err == nil:
					source, ok = store.GuideSource(id)
				case !errors.Is(err, ErrNoData):
					return err
				}
			}
			if !ok {
				return fmt.Errorf("no guide %q: see guide list", id)
			}
			out := cmd.OutOrStdout()
			if _, err := out.Write(source); err != nil {
				return err
			}
			if len(source) > 0 && source[len(source)-1] != '\n' {
				fmt.Fprintln(out)
			}
			return nil
		}),
	}
}

func guideAddCommand(env Env) *cobra.Command {
	use, args := "add < GUIDE.yaml", cobra.NoArgs
	if env.Local {
		use, args = "add [FILE] (or < GUIDE.yaml)", cobra.MaximumNArgs(1)
	}
	return &cobra.Command{
		Use:   use,
		Short: "Add a guide written in YAML, read from standard input, so workshops can follow it",
		Long: "Add a guide written in YAML, read from standard input, so workshops can follow it:\n" +
			"  guide add < my-guide.yaml\n" +
			"Adding a guide again with the same id replaces it, unless an open workshop follows it.\n" +
			"See the README for the format, or start from a built-in one: guide show four-d",
		Args: args,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			name, content, err := readGuide(cmd, args)
			if err != nil {
				return err
			}
			g, err := CheckGuide(name, content)
			if err != nil {
				return err
			}
			store, err := env.Store(cmd, args)
			if err != nil {
				return err
			}
			before, existed := store.GuideSource(g.ID)
			if err := store.AddGuide(cmd.Context(), g, content); err != nil {
				return fmt.Errorf("add guide %s: %w", g.ID, err)
			}
			out := cmd.OutOrStdout()
			switch {
			case existed && string(before) == string(content):
				fmt.Fprintf(out, "guide %s was already added, unchanged\n", g.ID)
			case existed:
				fmt.Fprintf(out, "replaced guide %s: %s (%s)\n", g.ID, g.Title, guideSize(g))
			default:
				fmt.Fprintf(out, "added guide %s: %s (%s)\n", g.ID, g.Title, guideSize(g))
			}
			fmt.Fprintf(out, "Open a workshop with it: workshop new --title TITLE --guide %s\n", g.ID)
			return nil
		}),
	}
}

func guideCheckCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "check FILE",
		Short: "Check a guide file without adding it: mistakes are shown with the file and line",
		Args:  exactArgs(1, "guide check needs a guide file"),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			content, err := os.ReadFile(args[0])
			if err != nil {
				return fmt.Errorf("read guide: %w", err)
			}
			g, err := CheckGuide(args[0], content)
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s: guide %s is ready to add: %s (%s)\n", args[0], g.ID, g.Title, guideSize(g))
			return nil
		}),
	}
}

// readGuide reads a guide's YAML from the named file (on the server's own
// machine) or from standard input, and says what to call it in errors.
func readGuide(cmd *cobra.Command, args []string) (name string, content []byte, err error) {
	if len(args) == 1 {
		content, err = os.ReadFile(args[0])
		if err != nil {
			return "", nil, fmt.Errorf("read guide: %w", err)
		}
		return args[0], content, nil
	}
	content, err = io.ReadAll(io.LimitReader(cmd.InOrStdin(), maxGuideRead))
	if err != nil {
		return "", nil, fmt.Errorf("read guide from standard input: %w", err)
	}
	if len(content) == 0 {
		return "", nil, usagef("guide add reads the guide from standard input: guide add < my-guide.yaml")
	}
	return "stdin", content, nil
}

// CheckGuide parses a guide file and checks what the parser cannot know:
// that its ID is not a built-in guide's. Errors (*inquiry.GuideError) name
// the file and the line.
func CheckGuide(name string, content []byte) (inquiry.Guide, error) {
	g, err := inquiry.ParseGuide(name, content)
	if err != nil {
		return g, err
	}
	if _, builtin := inquiry.BuiltinGuide(g.ID); builtin {
		return g, &inquiry.GuideError{File: name, Line: topLevelLine(content, "id"), Field: "id",
			Msg: fmt.Sprintf("%q is the ID of a built-in guide: give yours another id", g.ID)}
	}
	return g, nil
}

// topLevelLine finds the line of a top-level field in a YAML file; 0 when
// it is not written plainly at the start of a line.
func topLevelLine(content []byte, field string) int {
	for i, line := range strings.Split(string(content), "\n") {
		if strings.HasPrefix(line, field+":") {
			return i + 1
		}
	}
	return 0
}

func promptCount(g inquiry.Guide) int {
	n := 0
	for _, p := range g.Phases {
		n += len(p.Prompts)
	}
	return n
}

// guideSize says how big a guide is, as "4 phases, 9 prompts".
func guideSize(g inquiry.Guide) string {
	return plural(len(g.Phases), "phase") + ", " + plural(promptCount(g), "prompt")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
