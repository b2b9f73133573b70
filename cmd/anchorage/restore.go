package main

import (
	"errors"
	"fmt"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/sshserver/command"
	"github.com/spf13/cobra"
)

func (a *app) restoreCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "restore --data DIR < FILE",
		Short: "Make a new data folder from a backup",
		Long: "Make a new data folder from a backup made by anchorage backup (or ssh -p 23234 HOST backup):\n" +
			"  anchorage restore --data DIR < anchorage.backup\n" +
			"DIR must be new or empty: a restore never mixes with other data. With --encryption-key-file\n" +
			"the restored database is encrypted with that key.",
		Args: cobra.NoArgs,
		RunE: command.RunE(func(cmd *cobra.Command, _ []string) error {
			if command.IsTerminal(a.stdin) {
				return command.Usagef("restore reads a backup from standard input: anchorage restore --data DIR < anchorage.backup")
			}
			opts, cfg, err := a.storeOptions(cmd)
			if err != nil {
				return err
			}
			err = data.RestoreWith(opts, a.stdin)
			if errors.Is(err, data.ErrNotEmpty) {
				return fmt.Errorf("%s is not empty: restore only into a new or empty folder (nothing was changed)", cfg.DataDir)
			}
			if err != nil {
				return err
			}
			store, err := data.Open(opts)
			if err != nil {
				return openError(cfg.DataDir, err)
			}
			workshops := len(store.Workshops())
			if err := store.Close(); err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "restored %d workshops into %s\nStart the server on it with: anchorage serve --data %s\n",
				workshops, cfg.DataDir, shellQuote(cfg.DataDir))
			return nil
		}),
	}
}
