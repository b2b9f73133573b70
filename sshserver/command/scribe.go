package command

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"
)

// maxKeyRead bounds what scribe add reads: an authorized_keys line is a
// few hundred bytes, an RSA one a few kilobytes.
const maxKeyRead = 16 << 10

func scribeCommand(env Env) *cobra.Command {
	return group("scribe", "Enrol scribes: people who enter contributions for a table or a person without a laptop",
		scribeAddCommand(env), scribeListCommand(env))
}

func scribeAddCommand(env Env) *cobra.Command {
	var name string
	cmd := &cobra.Command{
		Use:   "add CODE [--name NAME] < KEY.pub",
		Short: "Enrol the SSH key on standard input (an authorized_keys line) as a scribe for one workshop",
		Long: "Enrol the SSH key on standard input (one line, as in authorized_keys or a .pub file) as a\n" +
			"scribe for the workshop with the join code CODE:\n" +
			"  scribe add harbour-4821 --name \"Jo at table 3\" < jo.pub\n" +
			"The scribe then connects with that key (ssh -p 23234 CODE@HOST) and enters contributions\n" +
			"for scribed participants, marked as scribed in the transcript.",
		Args: exactArgs(1, "scribe add needs the workshop's join code"),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			key, comment, err := readKey(cmd.InOrStdin())
			if err != nil {
				return err
			}
			if name == "" {
				name = comment
			}
			store, w, err := env.workshop(cmd, args)
			if err != nil {
				return err
			}
			err = store.EnrolScribe(cmd.Context(), w.ID, key, name)
			switch {
			case errors.Is(err, inquiry.ErrClosed):
				return fmt.Errorf("%s is closed: a scribe can only help in an open workshop", w.Code)
			case errors.Is(err, inquiry.ErrInvalid):
				return usagef("--name is one line of up to %d characters", inquiry.MaxNameRunes)
			case err != nil:
				return fmt.Errorf("enrol scribe: %w", err)
			}
			shown := inquiry.CleanLine(name)
			if shown == "" {
				shown = "no name"
			}
			fmt.Fprintf(cmd.OutOrStdout(), "enrolled %s (%s) as a scribe for %s (%s)\n", gossh.FingerprintSHA256(key), shown, w.Code, w.Title)
			return nil
		}),
	}
	wordsFlag(cmd, &name, "name", "the scribe's name, as others see it (default: the key's comment)")
	return cmd
}

func scribeListCommand(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "list CODE",
		Short: "List a workshop's scribes",
		Args:  exactArgs(1, "scribe list needs the workshop's join code"),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			store, w, err := env.workshop(cmd, args)
			if err != nil {
				return err
			}
			scribes := store.Scribes(w.ID)
			out := cmd.OutOrStdout()
			if len(scribes) == 0 {
				fmt.Fprintf(out, "%s has no scribes. Enrol one with: scribe add %s < key.pub\n", w.Code, w.Code)
				return nil
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "KEY\tENROLLED\tNAME")
			for _, sc := range scribes {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", sc.Fingerprint, sc.EnrolledAt.Format("2006-01-02 15:04"), sc.Name)
			}
			return tw.Flush()
		}),
	}
}

// readKey reads one public key in authorized_keys form and its comment.
func readKey(r io.Reader) (gossh.PublicKey, string, error) {
	content, err := io.ReadAll(io.LimitReader(r, maxKeyRead+1))
	if err != nil {
		return nil, "", fmt.Errorf("read the key from standard input: %w", err)
	}
	if len(bytes.TrimSpace(content)) == 0 {
		return nil, "", usagef("scribe add reads the scribe's public key from standard input: scribe add CODE < key.pub")
	}
	if len(content) > maxKeyRead {
		return nil, "", usagef("standard input holds more than one public key")
	}
	key, comment, options, rest, err := gossh.ParseAuthorizedKey(content)
	if err != nil {
		return nil, "", usagef("standard input is not a public key (as in a .pub file or authorized_keys): %v", err)
	}
	if len(options) > 0 {
		return nil, "", usagef("the key has authorized_keys options (%s): give the key alone", strings.Join(options, ","))
	}
	if len(bytes.TrimSpace(rest)) > 0 {
		return nil, "", usagef("standard input holds more than one key: enrol one scribe at a time")
	}
	return key, comment, nil
}
