package command

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/report"
	"github.com/spf13/cobra"
)

// formatHTML is the HTML report (inquiry/report), which the command knows
// beside inquiry's own formats: inquiry writes no HTML.
const formatHTML = "html"

// exportWriter writes one export of a workshop.
type exportWriter func(w io.Writer, ws *inquiry.Workshop, events []inquiry.Event) error

// exportFormat reads --format and --audience as a person typed them.
func exportFormat(format, audience string, audienceGiven bool) (exportWriter, error) {
	if strings.EqualFold(strings.TrimSpace(format), formatHTML) {
		a, err := report.ParseAudience(audience)
		if err != nil {
			return nil, usagef("%v", err)
		}
		return func(w io.Writer, ws *inquiry.Workshop, events []inquiry.Event) error {
			return report.Write(w, ws, events, report.Options{Audience: a})
		}, nil
	}
	f, err := inquiry.ParseFormat(format)
	if err != nil {
		return nil, usagef("export format %q: choose markdown (or md), csv, json or html", format)
	}
	if audienceGiven {
		return nil, usagef("--audience is for --format html")
	}
	return func(w io.Writer, ws *inquiry.Workshop, events []inquiry.Event) error {
		return inquiry.Export(w, f, ws, events)
	}, nil
}

func exportCommand(env Env) *cobra.Command {
	var format, output, audience string
	cmd := &cobra.Command{
		Use:   "export CODE [--format markdown|csv|json|html] [--audience facilitators|participants]",
		Short: "Write a workshop's transcript and report",
		Args:  exactArgs(1, "export needs the workshop's join code"),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			f, err := exportFormat(format, audience, cmd.Flags().Changed("audience"))
			if err != nil {
				return err
			}
			store, sum, err := env.workshop(cmd, args)
			if err != nil {
				return err
			}
			// One read of the log: the state exported is folded from the
			// very events exported, so a contribution committed meanwhile
			// is in neither, and the head stated is the head of both.
			ws, events, err := store.StateAndLog(sum.ID)
			if err != nil {
				return fmt.Errorf("read workshop %s: %w", sum.Code, err)
			}
			write := func(w io.Writer) error { return exportTo(w, f, ws, events) }
			if output == "" {
				return write(cmd.OutOrStdout())
			}
			return writeAtomically(output, write)
		}),
	}
	cmd.Flags().StringVar(&format, "format", string(inquiry.FormatMarkdown), "markdown, csv, json or html")
	cmd.Flags().StringVar(&audience, "audience", string(report.Facilitators),
		"for html: facilitators (everything) or participants (without what only facilitators see, and without names in an anonymous workshop)")
	if env.Local {
		cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	}
	return cmd
}

func exportTo(w io.Writer, f exportWriter, ws *inquiry.Workshop, events []inquiry.Event) error {
	if err := f(w, ws, events); err != nil {
		return fmt.Errorf("export %s: %w", ws.Code, err)
	}
	return nil
}

// writeAtomically writes an export or a card next to its destination and renames
// it into place, so that a failure never leaves half a file behind. The
// file is 0600: it holds what people said, or how to reach the server.
func writeAtomically(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename this finds nothing
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
