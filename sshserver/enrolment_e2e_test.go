package sshserver

import (
	"strings"
	"testing"
)

func TestFirstFacilitatorEnrolsWithTheOneTimeCode(t *testing.T) {
	srv := startServer(t, "")
	code := srv.EnrolmentCode()
	if code == "" {
		t.Fatal("a server with no facilitator offers no enrolment code")
	}
	bob, carol := newKey(t), newKey(t)

	term := openTerminal(t, srv.addr, "enrol", 80, 24, withKeys(bob))
	term.waitFor("Your name", "Type the enrolment code")
	term.typeText("Bob Ure\r" + "abcd-efgh-jkmn-pqrs\r")
	term.waitFor("not the enrolment code")
	if r := run(t, srv.addr, "bob", "workshop list", withKeys(bob)); r.status == 0 {
		t.Fatal("a wrong code made the key a facilitator")
	}
	term.typeText(code + "\r")
	term.waitFor("This key is now a facilitator key, in the name Bob Ure.")
	term.waitFor("Connect with ssh -p ")
	if status := term.exit(); status != 0 {
		t.Errorf("the enrolment screen ended with exit %d after success", status)
	}

	if r := run(t, srv.addr, "bob", "workshop list", withKeys(bob)); r.status != 0 {
		t.Errorf("the enrolled key cannot run commands: exit %d, stderr %q", r.status, r.stderr)
	}
	if got := srv.store.Facilitators(); len(got) != 1 || got[0].Name != "Bob Ure" {
		t.Errorf("the store's facilitators are %+v, want one named Bob Ure, as typed", got)
	}
	if srv.EnrolmentCode() != "" {
		t.Error("the code is still offered after it was used")
	}

	again := openTerminal(t, srv.addr, "enrol", 80, 24, withKeys(carol))
	again.waitFor("Type the enrolment code")
	again.typeText("Carol\r" + code + "\r")
	again.waitFor("enrolment is closed")
	again.typeText("\x1b")
	again.exit()
	if r := run(t, srv.addr, "carol", "workshop list", withKeys(carol)); r.status == 0 {
		t.Error("the used code enrolled a second key")
	}
}

func TestEnrolmentNeedsAKey(t *testing.T) {
	srv := startServer(t, "")
	term := openTerminal(t, srv.addr, "enrol", 80, 24, keyless())
	if status := term.exit(); status != 1 || !strings.Contains(term.errs.String(), "needs an SSH key") {
		t.Errorf("exit %d, stderr %q; want a refusal that says a key is needed", status, term.errs.String())
	}
	if srv.EnrolmentCode() == "" {
		t.Error("a refused keyless enrolment used up the code")
	}
}

func TestNoEnrolmentCodeWhenAFacilitatorExists(t *testing.T) {
	fromFile := startServer(t, "", withFacilitators(t, newKey(t)))
	if fromFile.EnrolmentCode() != "" {
		t.Error("a server with a facilitators file offers an enrolment code")
	}

	dataDir := t.TempDir()
	first := startServer(t, dataDir)
	bob := newKey(t)
	term := openTerminal(t, first.addr, "enrol", 80, 24, withKeys(bob))
	term.typeText("Bob\r" + first.EnrolmentCode() + "\r")
	term.waitFor("This key is now a facilitator key, in the name Bob.")
	term.exit()
	first.stop()

	second := startServer(t, dataDir)
	if second.EnrolmentCode() != "" {
		t.Error("after a restart, a server with an enrolled facilitator offers an enrolment code")
	}
}
