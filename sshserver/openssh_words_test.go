package sshserver

import (
	"strings"
	"testing"
)

// TestOpenSSHCommandsWorkAsTheShellHandsThemOver: ssh joins its arguments
// with spaces once the facilitator's shell has taken the quotes away, so
// `ssh HOST workshop new --title "Partnerships in Ayrshire"` reaches the
// server as --title Partnerships in Ayrshire (issue 10 item 10). The
// title's words are its title, an apostrophe left open is no trouble, and
// quoting for the far end still works.
func TestOpenSSHCommandsWorkAsTheShellHandsThemOver(t *testing.T) {
	keyFile, alice := identityFile(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	for _, tc := range []struct {
		args  []string // as a shell hands them to ssh
		title string
	}{
		{[]string{"workshop", "new", "--title", "Partnerships in Ayrshire", "--code", "ayr-0001"}, "Partnerships in Ayrshire"},
		{[]string{"workshop", "new", "--title", "Anchors' day in Ayrshire", "--code", "ayr-0002"}, "Anchors' day in Ayrshire"},
		{[]string{`workshop new --title "Quoted for the far end" --code ayr-0003`}, "Quoted for the far end"},
	} {
		status, out, errOut := openssh(t, srv.addr, "alice", keyFile, tc.args...)
		if status != 0 {
			t.Errorf("ssh %q: exit %d, stdout %q, stderr %q", tc.args, status, out, errOut)
			continue
		}
		if sum, ok := srv.store.ByCode(strings.TrimSpace(out)); !ok || sum.Title != tc.title {
			t.Errorf("ssh %q made %+v, want the title %q", tc.args, sum, tc.title)
		}
	}
}
