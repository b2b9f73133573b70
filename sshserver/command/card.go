package command

import (
	"errors"
	"fmt"
	"io"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/card"
	"github.com/spf13/cobra"
)

func cardCommand(env Env) *cobra.Command {
	var format, host, port, date, output string
	cmd := &cobra.Command{
		Use:   "card CODE [--format txt|md|html] [--host HOST] [--port PORT] [--date TEXT]",
		Short: "Write a workshop's join card, to print or send before the workshop",
		Long: "Writes one page that tells participants how to join from Windows, a Mac, Linux, a Chromebook\n" +
			"or a phone (with a QR code), the server's key fingerprint to check the first time, what is\n" +
			"recorded and who sees it, and what to do if the line drops. The html card prints on one A4 page;\n" +
			"the txt card fits 80 columns.",
		Args: exactArgs(1, "card needs the workshop's join code"),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			f, err := card.ParseFormat(format)
			if err != nil {
				return usagef("%v", err)
			}
			if env.Where == nil {
				return errors.New("this command line cannot tell where the server is")
			}
			store, sum, err := env.workshop(cmd, args)
			if err != nil {
				return err
			}
			ws, err := store.Workshop(sum.ID)
			if err != nil {
				return fmt.Errorf("read workshop %s: %w", sum.Code, err)
			}
			where, err := env.Where(cmd)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("host") {
				where.Host = host
			}
			if cmd.Flags().Changed("port") {
				where.Port = port
			}
			c, err := card.New(ws, where, date)
			if errors.Is(err, inquiry.ErrInvalid) {
				return usagef("%v", err)
			}
			if err != nil {
				return err
			}
			write := func(w io.Writer) error { return card.Write(w, c, f) }
			if output == "" {
				return write(cmd.OutOrStdout())
			}
			return writeAtomically(output, write)
		}),
	}
	cmd.Flags().StringVar(&format, "format", string(card.Text), "txt (80 columns), md or html (one A4 page)")
	cmd.Flags().StringVar(&host, "host", "", "the host name or address participants type (default: the server's, as you reached it)")
	cmd.Flags().StringVar(&port, "port", "", "the port participants connect to (default: the server's)")
	wordsFlag(cmd, &date, "date", `when the workshop takes place, as people read it (default: the day it was opened), e.g. "Thursday 12 March, 10:00"`)
	if env.Local {
		cmd.Flags().StringVarP(&output, "output", "o", "", "write to this file instead of standard output")
	}
	return cmd
}
