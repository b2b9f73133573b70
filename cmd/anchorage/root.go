package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/sshserver"
	"github.com/anchorage/anchorage/sshserver/command"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// offlineActor is who the offline commands act as in a transcript: whoever
// can read the data folder on the server's machine.
var offlineActor = inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "local"}

// run runs the command line and returns the exit status.
func (a *app) run(ctx context.Context, args []string) int {
	var opened *data.Store
	root := &cobra.Command{
		Use:   "anchorage",
		Short: "A workshop space in the terminal, served over SSH",
		Long: "Anchorage serves appreciative-inquiry workshops over SSH: participants join with\n" +
			"ssh -p 23234 CODE@HOST, facilitators watch live and export the transcript.\n\n" +
			"Every flag falls back to an ANCHORAGE_* environment variable, then to a default.",
	}
	defaults := sshserver.DefaultConfig()
	root.PersistentFlags().String("data", defaults.DataDir, "the data folder (ANCHORAGE_DATA)")
	root.AddCommand(a.serveCommand())
	command.Add(root, command.Env{
		Store: func(cmd *cobra.Command, args []string) (command.Store, error) {
			if opened != nil {
				return opened, nil
			}
			store, err := a.openOffline(cmd, args)
			opened = store
			return store, err
		},
		Actor: offlineActor,
		Local: true,
	})
	status := command.Execute(ctx, root, args, a.stdin, a.stdout, a.stderr)
	if opened != nil {
		if err := opened.Close(); err != nil {
			fmt.Fprintf(a.stderr, "anchorage: close the database: %v\n", err)
			return max(status, 1)
		}
	}
	return status
}

// config is the server configuration: defaults, then the environment,
// then the flags the person gave.
func (a *app) config(cmd *cobra.Command) (sshserver.Config, error) {
	cfg := sshserver.DefaultConfig()
	if err := cfg.ApplyEnv(a.environ); err != nil {
		return cfg, err
	}
	for flag, field := range map[string]*string{"data": &cfg.DataDir, "listen": &cfg.Listen, "facilitators": &cfg.FacilitatorsFile} {
		if f := cmd.Flags().Lookup(flag); f != nil && f.Changed {
			*field = f.Value.String()
		}
	}
	return cfg, cfg.Validate()
}

// openOffline opens the database for an offline command. A running server
// holds it; then the person is shown the same command over SSH.
func (a *app) openOffline(cmd *cobra.Command, args []string) (*data.Store, error) {
	cfg, err := a.config(cmd)
	if err != nil {
		return nil, err
	}
	// Only `workshop new` may start a data folder: a typing mistake in
	// --data should not leave an empty database behind.
	if _, err := os.Stat(cfg.DataDir); errors.Is(err, os.ErrNotExist) && cmd.Name() != "new" {
		return nil, fmt.Errorf("there is no Anchorage data in %s: check --data (or ANCHORAGE_DATA)", cfg.DataDir)
	}
	store, err := data.Open(data.Options{Dir: cfg.DataDir})
	if errors.Is(err, data.ErrLocked) {
		host, port := runningServer(cfg)
		return nil, fmt.Errorf("the Anchorage server is running and holds the database in %s, so run this over SSH instead:\n  %s",
			cfg.DataDir, sshForm(cmd, args, host, port))
	}
	if err != nil {
		return nil, fmt.Errorf("open the database in %s: %w", cfg.DataDir, err)
	}
	return store, nil
}

// runningServer is the host and port to reach the server that holds the
// data folder: the address it noted when it started, or else localhost
// and the configured port.
func runningServer(cfg sshserver.Config) (host, port string) {
	host, port = "localhost", cfg.Port()
	noted, err := os.ReadFile(filepath.Join(cfg.DataDir, serveAddressFile))
	if err != nil {
		return host, port
	}
	h, p, err := net.SplitHostPort(strings.TrimSpace(string(noted)))
	if err != nil {
		return host, port
	}
	if ip := net.ParseIP(h); ip != nil && !ip.IsUnspecified() {
		host = h
	}
	return host, p
}

// sshForm is the command as a facilitator would run it over SSH on the
// server's machine: the same words, without the flags that only make
// sense locally, and with --output turned into a redirection.
func sshForm(cmd *cobra.Command, args []string, host, port string) string {
	words := strings.Fields(strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()))
	output := ""
	cmd.Flags().Visit(func(f *pflag.Flag) {
		switch f.Name {
		case "data":
		case "output":
			output = f.Value.String()
		default:
			words = append(words, "--"+f.Name, f.Value.String())
		}
	})
	words = append(words, args...)
	for i, w := range words {
		if w == "" || strings.ContainsAny(w, " \t\"'\\$`;&|<>*?()") {
			words[i] = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(w) + `"`
		}
	}
	remote := strings.Join(words, " ")
	line := fmt.Sprintf("ssh -p %s %s %s", port, host, shellQuote(remote))
	if output != "" {
		line += " > " + shellQuote(output)
	}
	return line
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\"'\\$`;&|<>*?()~#!") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
