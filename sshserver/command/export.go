package command

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/spf13/cobra"
)

func exportCommand(env Env) *cobra.Command {
	var format, output string
	cmd := &cobra.Command{
		Use:   "export CODE [--format markdown|csv|json]",
		Short: "Write a workshop's transcript and report",
		Args:  exactArgs(1, "export needs the workshop's join code"),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			f, err := inquiry.ParseFormat(format)
			if err != nil {
				return usageError{err}
			}
			store, sum, err := env.workshop(cmd, args)
			if err != nil {
				return err
			}
			ws, err := store.Workshop(sum.ID)
			if err != nil {
				return fmt.Errorf("read workshop %s: %w", sum.Code, err)
			}
			events := store.Events(sum.ID, 0)
			if output == "" {
				return exportTo(cmd.OutOrStdout(), f, ws, events)
			}
			return exportFile(output, f, ws, events)
		}),
	}
	cmd.Flags().StringVar(&format, "format", string(inquiry.FormatMarkdown), "markdown, csv or json")
	if env.Local {
		cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	}
	return cmd
}

func exportTo(w io.Writer, f inquiry.Format, ws *inquiry.Workshop, events []inquiry.Event) error {
	if err := inquiry.Export(w, f, ws, events); err != nil {
		return fmt.Errorf("export %s: %w", ws.Code, err)
	}
	return nil
}

// exportFile writes the export next to its destination and renames it into
// place, so that a failed export never leaves half a report behind. The
// file is 0600: it holds what people said.
func exportFile(path string, f inquiry.Format, ws *inquiry.Workshop, events []inquiry.Event) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename this finds nothing
	if err := exportTo(tmp, f, ws, events); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}
