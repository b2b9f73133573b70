package command

import (
	"fmt"
	"text/tabwriter"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/spf13/cobra"
)

func guideCommand(env Env) *cobra.Command {
	return group("guide", "The guides a workshop can follow", guideListCommand(env))
}

func guideListCommand(Env) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the built-in guides, the default first",
		Args:  cobra.NoArgs,
		RunE: runE(func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tPHASES\tPROMPTS\tTITLE")
			for _, g := range inquiry.Builtins() {
				prompts := 0
				for _, p := range g.Phases {
					prompts += len(p.Prompts)
				}
				fmt.Fprintf(tw, "%s\t%d\t%d\t%s\n", g.ID, len(g.Phases), prompts, g.Title)
			}
			return tw.Flush()
		}),
	}
}
