package command

import (
	"fmt"

	"github.com/spf13/cobra"
)

func backupCommand(env Env) *cobra.Command {
	return &cobra.Command{
		Use:   "backup > FILE",
		Short: "Write a full backup of the database to standard output, while the server runs",
		Long: "Write a full backup of the database to standard output: every workshop's log, the\n" +
			"facilitators, scribes, guides, drafts and the installation secret. It is not encrypted,\n" +
			"even when the database is: keep it as safe as the data folder.\n" +
			"  ssh -p 23234 HOST backup > anchorage.backup\n" +
			"Restore it into a new folder with: anchorage restore --data DIR < anchorage.backup",
		Args: cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			out := cmd.OutOrStdout()
			if IsTerminal(out) || env.Terminal {
				return usagef("a backup is binary: send it to a file, as in: backup > anchorage.backup")
			}
			store, err := env.Store(cmd, args)
			if err != nil {
				return err
			}
			if err := store.Backup(out); err != nil {
				return fmt.Errorf("backup: %w", err)
			}
			return nil
		}),
	}
}
