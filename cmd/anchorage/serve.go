package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"charm.land/log/v2"
	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/sshserver"
	"github.com/spf13/cobra"
)

// serveAddressFile, in the data folder, holds the address a running server
// listens on.
const serveAddressFile = "serve-address"

// shutdownTimeout is how long a clean shutdown waits for sessions to end.
const shutdownTimeout = 10 * time.Second

// envSnapshotEvery is --snapshot-every's environment variable.
const envSnapshotEvery = sshserver.EnvPrefix + "SNAPSHOT_EVERY"

func (a *app) serveCommand() *cobra.Command {
	defaults := sshserver.DefaultConfig()
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the workshop server",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts, cfg, err := a.storeOptions(cmd)
			if err != nil {
				return err
			}
			if opts.TextBudget, err = textBudget(a.setting(cmd, "text-budget-mb", envTextBudget)); err != nil {
				return err
			}
			if opts.Allowance, err = writeAllowance(a.setting(cmd, "write-allowance", envWriteAllowance)); err != nil {
				return err
			}
			if every := a.setting(cmd, "snapshot-every", envSnapshotEvery); every != "" {
				n, err := strconv.Atoi(every)
				if err != nil || n < 1 {
					return fmt.Errorf("--snapshot-every (%s) is a number of events, 1 or more, not %q", envSnapshotEvery, every)
				}
				opts.SnapshotEvery = n
			}
			return a.serve(cmd.Context(), cfg, opts, a.setting(cmd, "guides", envGuides))
		},
	}
	cmd.Flags().String("listen", defaults.Listen, "the address to listen on (ANCHORAGE_LISTEN)")
	cmd.Flags().String("facilitators", "", "an authorized_keys file of facilitators' keys (ANCHORAGE_FACILITATORS)")
	cmd.Flags().String("guides", "", "a folder of guide files (*.yaml) to add at start ("+envGuides+")")
	cmd.Flags().String("messages", "", "a folder of message files (cy.yaml, gd.yaml, en.yaml) laid over the built-in words participants see (ANCHORAGE_MESSAGES)")
	cmd.Flags().Int("text-budget-mb", data.DefaultTextBudget>>20, "the megabytes of people's words one workshop may hold; 0 for no limit ("+envTextBudget+")")
	cmd.Flags().String("write-allowance", "", fmt.Sprintf("how fast one participant may write: a burst and a steady rate, or off (%s; default %d/%s)",
		envWriteAllowance, inquiry.DefaultAllowance.Burst, inquiry.DefaultAllowance.Every))
	cmd.Flags().String("snapshot-every", "", fmt.Sprintf("events between snapshots of a workshop, which a start after a crash restores instead of replaying the log (%s; default %d)",
		envSnapshotEvery, data.DefaultSnapshotEvery))
	return cmd
}

// envTextBudget is the environment's fallback for --text-budget-mb.
const envTextBudget = "ANCHORAGE_TEXT_BUDGET_MB"

// textBudget reads a workshop's budget for words in megabytes, as given
// ("" for the default, "0" for no limit), as data.Options wants it.
func textBudget(mb string) (int64, error) {
	if mb == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(mb), 10, 64)
	if err != nil || n < 0 || n > 1<<20 {
		return 0, fmt.Errorf("--text-budget-mb (or %s) is a whole number of megabytes from 0 (no limit) up, not %q", envTextBudget, mb)
	}
	if n == 0 {
		return -1, nil
	}
	return n << 20, nil
}

// serve runs the server until a signal, then shuts it down cleanly: every
// session is told, the database is closed. A second signal exits at once.
func (a *app) serve(ctx context.Context, cfg sshserver.Config, opts data.Options, guidesDir string) error {
	logger := log.NewWithOptions(a.stderr, log.Options{ReportTimestamp: true, Prefix: "anchorage"})
	opts.Logger = logger
	// The libraries log through process-wide defaults: wish's Bubble Tea
	// middleware through charm log's, and charm.land/ssh through slog's,
	// with the client's address when a connection panics. Ours goes to
	// our logger; slog's is dropped, since the server logs panics itself
	// without addresses.
	log.SetDefault(logger)
	slog.SetDefault(slog.New(slog.DiscardHandler))
	store, err := data.Open(opts)
	// Each session's screen keeps buffers that stay live while it is
	// connected; Go's default lets the heap grow to twice what is live
	// before collecting. Half that headroom costs a little processor and
	// saves about a quarter of the memory a room of sessions needs
	// (PERFORMANCE.md). Set once the store is open: its start allocates
	// what it keeps, and a tighter target only collects more often while
	// the heap grows, which made a start at 30,000 contributions half as
	// slow again. GOGC in the environment still wins.
	if !hasEnv(a.environ, "GOGC") {
		debug.SetGCPercent(50)
	}
	if errors.Is(err, data.ErrLocked) {
		return fmt.Errorf("another Anchorage server is already running on %s", cfg.DataDir)
	}
	if err != nil {
		return openError(cfg.DataDir, err)
	}
	defer func() {
		if err := store.Close(); err != nil {
			logger.Error("closing the database", "err", err)
		}
	}()
	if guidesDir != "" {
		added, err := addGuides(ctx, store, guidesDir, logger)
		if err != nil {
			return err
		}
		logger.Info("guides added", "folder", guidesDir, "guides", strings.Join(added, ", "))
	}
	open, err := openWorkshops(ctx, store)
	if err != nil {
		return err
	}
	srv, err := sshserver.New(cfg, store, logger)
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	a.printWelcome(l.Addr(), cfg, open, srv)
	// Offline commands read this to say how to reach this server instead.
	addressFile := filepath.Join(cfg.DataDir, serveAddressFile)
	if err := os.WriteFile(addressFile, []byte(l.Addr().String()+"\n"), 0o600); err != nil {
		logger.Warn("cannot note the address for offline commands", "err", err)
	}
	defer os.Remove(addressFile)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	select {
	case err := <-served:
		return err
	case sig := <-a.signals:
		logger.Info("shutting down: telling every session", "signal", sig)
	}
	stopped := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
		defer cancel()
		stopped <- srv.Shutdown(ctx)
	}()
	select {
	case err := <-stopped:
		if err != nil {
			logger.Warn("shutdown was not clean", "err", err)
		}
		<-served
		logger.Info("stopped; closing the database")
		return nil
	case <-a.signals:
		// Every acknowledged write is already committed: exiting now loses
		// nothing that anyone was told was saved.
		fmt.Fprintln(a.stderr, "anchorage: second signal: stopping now")
		a.exit(1)
		return errors.New("forced exit")
	}
}

// openWorkshops returns the open workshops, opening one from the default
// guide when there is none, so that a first `anchorage serve` has a join
// code to give out.
func openWorkshops(ctx context.Context, store *data.Store) ([]inquiry.Summary, error) {
	var open []inquiry.Summary
	for _, w := range store.Workshops() {
		if w.Open {
			open = append(open, w)
		}
	}
	if len(open) > 0 {
		return open, nil
	}
	guide, ok := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if !ok {
		return nil, fmt.Errorf("the default guide %q is missing", inquiry.DefaultGuideID)
	}
	w, err := store.OpenWorkshop(ctx, inquiry.System, inquiry.WorkshopDetails{Title: guide.Title, Guide: guide})
	if err != nil {
		return nil, fmt.Errorf("open a first workshop: %w", err)
	}
	return []inquiry.Summary{w}, nil
}

// printWelcome tells the person who started the server, in a few plain
// lines, how people get in.
func (a *app) printWelcome(addr net.Addr, cfg sshserver.Config, open []inquiry.Summary, srv *sshserver.Server) {
	_, port, _ := net.SplitHostPort(addr.String())
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "HOST"
	}
	w := a.stdout
	fmt.Fprintf(w, "Anchorage is listening on %s, with its data in %s.\n", addr, cfg.DataDir)
	for i, ws := range open {
		if i == 5 {
			fmt.Fprintf(w, "  ... and %d more open workshops (anchorage workshop list)\n", len(open)-i)
			break
		}
		fmt.Fprintf(w, "Participants join %q with:  ssh -p %s %s@%s\n", ws.Title, port, ws.Code, host)
	}
	fmt.Fprintf(w, "In plain text (a screen reader, a dumb terminal): add +plain to the code, as in  ssh -p %s CODE+plain@%s\n", port, host)
	fmt.Fprintf(w, "Facilitators connect with:  ssh -p %s %s\n", port, host)
	if enrolCode := srv.EnrolmentCode(); enrolCode != "" {
		fmt.Fprintf(w, "There is no facilitator yet. Enrol your key with:  ssh -p %s enrol@%s\n", port, host)
		fmt.Fprintf(w, "  and type this one-time code:  %s\n", enrolCode)
	}
	fmt.Fprintf(w, "On first connecting, ssh shows the server's key: it should be %s\n", srv.HostKeyFingerprint())
	fmt.Fprintf(w, "(%s is this machine's name; its IP address works too.) Ctrl-C stops the server; everything saved is kept.\n", host)
}

// hasEnv reports whether the environment sets a variable.
func hasEnv(environ []string, name string) bool {
	for _, kv := range environ {
		if strings.HasPrefix(kv, name+"=") {
			return true
		}
	}
	return false
}
