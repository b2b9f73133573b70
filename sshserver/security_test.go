package sshserver

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/sshserver/command"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"
)

// everyCommandLine lists every command in the facilitator's command tree,
// as it stands, each bare and with a join code after it, plus some that
// do not exist: a command added later is tried without this test changing.
func everyCommandLine(t *testing.T) []string {
	t.Helper()
	root := &cobra.Command{Use: "anchorage"}
	command.Add(root, command.Env{})
	var lines []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c != root && c.Runnable() {
			path := strings.TrimPrefix(c.CommandPath(), "anchorage ")
			lines = append(lines, path, path+" harbour-talk", path+" --help")
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if len(lines) < 5*3 {
		t.Fatalf("the command tree has only %q: the walk went wrong", lines)
	}
	return append(lines, `workshop new --title "Mine now"`, "bogus", "--help", "help", "")
}

// TestNoFacilitatorRightsWithoutAFacilitatorKey tries every command and
// every screen with a participant's key, with no key, and with a key that
// has just typed a wrong enrolment code, on a server still waiting for its
// first facilitator: nothing is run, no facilitator screen opens, and
// nothing in the store changes.
func TestNoFacilitatorRightsWithoutAFacilitatorKey(t *testing.T) {
	srv := startServer(t, "")
	code := srv.EnrolmentCode()
	if code == "" {
		t.Fatal("no enrolment code: the test needs a server without a facilitator")
	}
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if _, err := srv.store.OpenWorkshop(context.Background(), inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "setup"},
		inquiry.WorkshopDetails{Title: "Harbour talk", Code: "harbour-talk", Guide: guide}); err != nil {
		t.Fatalf("open a workshop: %v", err)
	}

	mallory := newKey(t)
	enrol := openTerminal(t, srv.addr, "enrol", 100, 30, withKeys(mallory))
	enrol.waitFor("Type the enrolment code")
	// Close, and wrong: the last letter changed (to "x", or "y" for a code
	// that ends in x: one code in 31 did, and enrolled Mallory).
	wrong := "x"
	if strings.HasSuffix(code, "x") {
		wrong = "y"
	}
	enrol.typeText("Mallory\r" + strings.ToUpper(code[:len(code)-1]) + wrong + "\r")
	enrol.waitFor("not the enrolment code")

	clients := map[string]gossh.AuthMethod{
		"participant key":             withKeys(newKey(t)),
		"no key":                      keyless(),
		"key after a wrong enrolment": withKeys(mallory),
	}
	lines := everyCommandLine(t)
	t.Logf("%d command lines and 5 screens tried with each of %d kinds of client", len(lines)-1, len(clients))
	for name, auth := range clients {
		t.Run(name, func(t *testing.T) {
			for _, line := range lines {
				if line == "" {
					continue // a shell without a terminal: explained, as tested elsewhere
				}
				r := run(t, srv.addr, "harbour-talk", line, auth)
				if r.status == 0 || !strings.HasPrefix(r.stderr, "not a facilitator") || r.stdout != "" {
					t.Errorf("%q: exit %d, stdout %q, stderr %q; want a refusal", line, r.status, r.stdout, r.stderr)
				}
			}
			room := openTerminal(t, srv.addr, "harbour-talk", 100, 30, auth)
			room.waitFor("Your name or pseudonym")
			if room.screen.Contains("Waiting for the first contribution") {
				t.Error("the workshop's code opened the facilitator's room")
			}
			for _, user := range []string{"facilitator", "admin", "root", "alice"} {
				term := openTerminal(t, srv.addr, user, 100, 30, auth)
				term.waitFor("Type the join code")
				if term.screen.Contains("Harbour talk") {
					t.Errorf("as %q the screen lists workshops:\n%s", user, term.screen.Text())
				}
			}
		})
	}

	if got := srv.store.Facilitators(); len(got) != 0 {
		t.Errorf("facilitators enrolled: %+v", got)
	}
	if srv.EnrolmentCode() != code {
		t.Error("the enrolment code changed or was used")
	}
	ws := srv.store.Workshops()
	if len(ws) != 1 || !ws[0].Open || !slices.ContainsFunc(ws, func(w inquiry.Summary) bool { return w.Code == "harbour-talk" }) {
		t.Errorf("the store's workshops changed: %+v", ws)
	}
}
