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

// Environment variables for the settings the command line reads itself
// (the server's own are sshserver.Config's).
const (
	envKeyFile = sshserver.EnvPrefix + "ENCRYPTION_KEY_FILE"
	envGuides  = sshserver.EnvPrefix + "GUIDES"
)

// run runs the command line and returns the exit status.
func (a *app) run(ctx context.Context, args []string) int {
	// Badger makes its files 0666 less the umask: with this, 0600 from the
	// start, as are exports and the host key.
	privateFiles()
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
	root.PersistentFlags().String("encryption-key-file", "", "a file holding the key the database is encrypted with ("+envKeyFile+")")
	root.AddCommand(a.serveCommand(), a.restoreCommand())
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
		Where: a.where,
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
	for flag, field := range map[string]*string{"data": &cfg.DataDir, "listen": &cfg.Listen, "facilitators": &cfg.FacilitatorsFile, "messages": &cfg.MessagesDir} {
		if f := cmd.Flags().Lookup(flag); f != nil && f.Changed {
			*field = f.Value.String()
		}
	}
	return cfg, cfg.Validate()
}

// setting is a value from a flag if given, else from the environment.
func (a *app) setting(cmd *cobra.Command, flag, env string) string {
	if f := cmd.Flags().Lookup(flag); f != nil && f.Changed {
		return f.Value.String()
	}
	for _, kv := range a.environ {
		if name, value, ok := strings.Cut(kv, "="); ok && name == env && value != "" {
			return value
		}
	}
	return ""
}

// storeOptions are the options to open the database with: its folder, and
// the encryption key if a key file is given.
func (a *app) storeOptions(cmd *cobra.Command) (data.Options, sshserver.Config, error) {
	cfg, err := a.config(cmd)
	if err != nil {
		return data.Options{}, cfg, err
	}
	opts := data.Options{Dir: cfg.DataDir}
	if path := a.setting(cmd, "encryption-key-file", envKeyFile); path != "" {
		if opts.EncryptionKey, err = data.ReadKeyFile(path); err != nil {
			return opts, cfg, err
		}
	}
	return opts, cfg, nil
}

// openError explains a failure to open the database to the person who
// ran the command.
func openError(dir string, err error) error {
	switch {
	case errors.Is(err, data.ErrEncrypted):
		return fmt.Errorf("the database in %s is encrypted: give its key with --encryption-key-file FILE (or %s)", dir, envKeyFile)
	case errors.Is(err, data.ErrWrongKey):
		return fmt.Errorf("the encryption key given does not open the database in %s: it is another key, or the database is not encrypted "+
			"(to encrypt a database, back it up and restore it into a new folder with --encryption-key-file)", dir)
	}
	return fmt.Errorf("open the database in %s: %w", dir, err)
}

// startsData reports whether a command may start a new data folder: only
// opening a workshop or adding a guide, so that a typing mistake in --data
// does not leave an empty database behind.
func startsData(cmd *cobra.Command) bool {
	path := cmd.CommandPath()
	return strings.HasSuffix(path, " workshop new") || strings.HasSuffix(path, " guide add")
}

// openOffline opens the database for an offline command. A running server
// holds it; then the person is shown the same command over SSH.
func (a *app) openOffline(cmd *cobra.Command, args []string) (*data.Store, error) {
	opts, cfg, err := a.storeOptions(cmd)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(cfg.DataDir); errors.Is(err, os.ErrNotExist) && !startsData(cmd) {
		return nil, fmt.Errorf("there is no Anchorage data in %s: check --data (or ANCHORAGE_DATA): %w", cfg.DataDir, command.ErrNoData)
	}
	store, err := data.Open(opts)
	if errors.Is(err, data.ErrLocked) {
		host, port := runningServer(cfg)
		return nil, fmt.Errorf("the Anchorage server is running and holds the database in %s, so run this over SSH instead:\n  %s",
			cfg.DataDir, sshForm(cmd, args, host, port))
	}
	if err != nil {
		return nil, openError(cfg.DataDir, err)
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
	path := strings.Join(words, " ")
	output, input := "", ""
	cmd.Flags().Visit(func(f *pflag.Flag) {
		switch f.Name {
		case "data", "encryption-key-file":
		case "output":
			output = f.Value.String()
		default:
			words = append(words, "--"+f.Name, f.Value.String())
		}
	})
	// Commands that read standard input or write binary output say so.
	switch path {
	case "guide add":
		input = "GUIDE.yaml"
		if len(args) == 1 {
			input, args = args[0], nil
		}
	case "scribe add":
		input = "KEY.pub"
	case "backup":
		output = "anchorage.backup"
	}
	words = append(words, args...)
	for i, w := range words {
		if w == "" || strings.ContainsAny(w, " \t\"'\\$`;&|<>*?()") {
			words[i] = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(w) + `"`
		}
	}
	remote := strings.Join(words, " ")
	line := fmt.Sprintf("ssh -p %s %s %s", port, host, shellQuote(remote))
	if input != "" {
		line += " < " + shellQuote(input)
	}
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
