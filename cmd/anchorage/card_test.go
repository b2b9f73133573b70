package main

import (
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/sshserver/sshtest"
)

func TestCardOfflineNeedsTheHostKeyTheServerMakes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if r := anchorage(t, nil, "workshop", "new", "--data", dir, "--title", "Harbour talk", "--code", "harbour-4821"); r.status != 0 {
		t.Fatalf("workshop new: %+v", r)
	}
	r := anchorage(t, nil, "card", "harbour-4821", "--data", dir)
	if r.status != 1 || r.stdout != "" || !strings.Contains(r.stderr, "there is no host key at "+filepath.Join(dir, "host_ed25519")) ||
		!strings.Contains(r.stderr, "anchorage serve") {
		t.Errorf("a card before the server ever started: %+v; want exit 1 and how to make the host key", r)
	}
	r = anchorage(t, nil, "card", "harbour-4821", "--data", dir, "--format", "pdf")
	if r.status != 2 || !strings.Contains(r.stderr, `card format "pdf": choose html, md or txt`) {
		t.Errorf("an unknown card format: %+v", r)
	}
}

func TestCardOverSSHGivesTheServersAddressAndKey(t *testing.T) {
	alice := crashKey(t)
	srv := serve(t, nil, "--data", filepath.Join(t.TempDir(), "data"), "--facilitators", sshtest.AuthorizedKeys(t, alice))
	if status, out, errOut := sshExec(t, srv.addr, alice, "workshop new --title Harbour --code harbour-4821", nil); status != 0 {
		t.Fatalf("workshop new: %d %q %q", status, out, errOut)
	}
	fingerprint := regexp.MustCompile(`SHA256:[A-Za-z0-9+/]+`).FindString(srv.stdout.String())
	_, port, _ := net.SplitHostPort(srv.addr)
	name, _ := os.Hostname()

	status, out, errOut := sshExec(t, srv.addr, alice, "card harbour-4821", nil)
	// The facilitator reached 127.0.0.1, which nobody else can use: the
	// card gives the machine's name instead.
	if want := "ssh -p " + port + " harbour-4821@" + name; status != 0 || !strings.Contains(string(out), want) || !strings.Contains(string(out), fingerprint) {
		t.Fatalf("card over SSH: exit %d, stderr %q; want %q and %s in:\n%s", status, errOut, want, fingerprint, out)
	}
	status, out, errOut = sshExec(t, srv.addr, alice, "card harbour-4821 --format md --host 192.168.1.20 --port 2222", nil)
	if status != 0 || !strings.Contains(string(out), "ssh -p 2222 harbour-4821@192.168.1.20") || !strings.Contains(string(out), "ssh://harbour-4821@192.168.1.20:2222") {
		t.Errorf("card --host --port: exit %d, stderr %q:\n%s", status, errOut, out)
	}
	status, out, errOut = sshExec(t, srv.addr, alice, `card harbour-4821 --host "evil host"`, nil)
	if status != 2 || len(out) != 0 || !strings.Contains(errOut, `host "evil host": give a host name or an IP address`) {
		t.Errorf("a host nobody could type: exit %d, %q, %q", status, out, errOut)
	}
	if status, out, errOut := sshExec(t, srv.addr, crashKey(t), "card harbour-4821", nil); status != 1 || len(out) != 0 || !strings.Contains(errOut, "not a facilitator") {
		t.Errorf("a key that is not a facilitator's: exit %d, %q, %q", status, out, errOut)
	}
}
