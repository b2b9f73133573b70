package sshserver

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// villageGuide is the README's example of a guide of one's own.
const villageGuide = `id: village-health
title: Our village and the new health centre
summary: An evening conversation about the new health centre.
phases:
  - id: discover
    title: Discover
    summary: What already works in the village.
    prompts:
      - id: works-now
        text: What already helps people here stay well?
        kinds: [strength, story]
        timebox: 10m
  - id: design
    title: Design
    summary: What could be built on, and what is in the way.
    prompts:
      - id: openings
        text: What could the health centre and village groups do together?
        kinds: [opportunity]
        timebox: 15m
      - id: in-the-way
        text: What gets in the way?
        kinds: [barrier]
        reframe: What would need to be true for this to stop getting in the way?
  - id: deliver
    title: Deliver
    summary: Who will do what.
    prompts:
      - id: next
        text: What will you do next, and by when?
        kinds: [action]
`

// Keys as a terminal sends them.
const (
	keyCtrlR = "\x12"
	keyCtrlT = "\x14"
	keyRight = "\x1b[C"
)

// TestFacilitatedWorkshopOverSSH runs a facilitator-led evening on a guide
// of the facilitator's own, over real SSH with the real screens: pacing,
// reading and building on each other, curation, a dot vote, a commitment,
// a dropped line resumed by code, and scribing for a table; the report
// then carries all of it.
func TestFacilitatedWorkshopOverSSH(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	if r := runWithInput(t, srv.addr, "guide add", villageGuide, withKeys(alice)); r.status != 0 {
		t.Fatalf("guide add over SSH: %+v", r)
	}
	newWorkshop(t, srv.addr, alice, `--title "Village night" --code village-night --guide village-health --pacing facilitator`)

	fac := openTerminal(t, srv.addr, "village-night", 100, 30, withKeys(alice))
	fac.waitFor("Village night", "no prompt is open yet")
	ann := openTerminal(t, srv.addr, "village-night", 80, 24, withKeys(newKey(t)))
	bo := openTerminal(t, srv.addr, "village-night", 80, 24, keyless())
	for name, p := range map[string]*terminal{"Ann": ann, "Bo": bo} {
		p.waitFor("Your name or pseudonym")
		p.typeText(name + keyEnter + keyTab + " " + keyEnter)
		p.waitFor("Welcome, "+name, "waiting for the facilitator")
	}

	// Pacing: the facilitator opens the first prompt for everyone.
	fac.typeText("n")
	fac.waitFor("Now open: Discover 1")
	ann.waitFor("The facilitator opened this prompt", "left")
	ann.typeText("The lunch club keeps people well" + keyEnter)
	ann.waitFor("Saved ✓ Strength")

	// Seeing each other: Bo reads Ann's words and builds on them.
	bo.waitFor("Others here: 1")
	bo.typeText(keyCtrlR)
	bo.waitFor("What others wrote here", "Ann · Strength")
	bo.typeText(keyEnter)
	bo.waitFor("building on Ann's strength")
	bo.typeText("And the district nurses drop in" + keyEnter)
	bo.waitFor("Saved ✓ Strength")

	fac.typeText("n")
	fac.waitFor("Now open: Design 1")
	ann.waitFor("[Opportunity]")
	ann.typeText("Use the hall for clinics" + keyEnter)
	ann.waitFor("Saved ✓ Opportunity")
	bo.waitFor("[Opportunity]")
	bo.typeText("Share a minibus to appointments" + keyEnter)
	bo.waitFor("Saved ✓ Opportunity")

	// Curation: the newest contribution is hidden, with a reason its
	// author is told.
	fac.waitFor("Share a minibus")
	fac.typeText(keyEnter)
	fac.waitFor("Opportunity by Bo")
	fac.typeText("h")
	fac.waitFor("Why hide it?")
	fac.typeText("we agreed to talk about transport later" + keyEnter)
	fac.waitFor("hidden: we agreed to talk")
	bo.waitFor("A facilitator hid your contribution")
	fac.typeText(keyEnter) // close the details

	// Prioritising: a dot vote over the opportunities.
	fac.typeText("d")
	fac.waitFor("Open a dot vote")
	fac.typeText("Start with which?" + keyTab + keyTab + keyEnter)
	fac.waitFor("Dot vote · open")
	ann.waitFor("opened a vote")
	ann.typeText(keyCtrlT)
	ann.waitFor("Vote: Start with which?", "Use the hall for clinics")
	ann.typeText(keyRight + keyRight + keyEnter)
	ann.waitFor("dots are saved")
	fac.waitFor("1 of 2 voted")
	fac.typeText("d")
	fac.waitFor("Close the vote")
	fac.typeText("y")
	fac.waitFor("Dot vote · closed")
	bo.waitFor("The vote has closed")
	bo.typeText(keyCtrlT)
	bo.waitFor("Results: Start with which?", "●● 2")
	bo.typeText(keyCtrlT) // back to writing
	ann.typeText("\x1b")

	// Commitments: in Deliver, an action with who and by when.
	fac.typeText("n")
	fac.waitFor("Now open: Design 2")
	fac.typeText("n")
	fac.waitFor("Now open: Deliver 1")
	ann.waitFor("[Action]", "By when")
	ann.typeText("Write to the health board about the lease")
	ann.typeText(strings.Repeat(keyTab, 4) + "Ann and the trust board" + keyTab + "2026-12-31" + keyEnter)
	ann.waitFor("Saved ✓ Action")

	// Resuming: Bo's line drops mid-sentence; he comes back by code.
	bo.waitFor("resume ")
	code := regexp.MustCompile(`resume ([2-9A-Z]{4}-[2-9A-Z]{4})`).FindStringSubmatch(bo.screen.Text())
	if code == nil {
		t.Fatalf("Bo's screen shows no resume code:\n%s", bo.screen.Text())
	}
	bo.typeText("Half a thought about the bus")
	bo.waitFor("┃ Half a thought about the bus")
	bo.sess.Close()
	back := openTerminal(t, srv.addr, "village-night", 80, 24, keyless())
	back.waitFor("ctrl+r to give your resume code")
	back.typeText(keyCtrlR + code[1] + keyEnter)
	back.waitFor("Welcome back, Bo", "┃ Half a thought about the bus")

	// Scribing: the facilitator writes for a table without a laptop.
	fac.typeText("c")
	fac.waitFor("Write for a table or a person without a laptop")
	fac.typeText(keyEnter)
	fac.waitFor("Someone new, without a laptop")
	fac.typeText("Table 3" + keyTab + " " + keyEnter)
	fac.waitFor("Writing for Table 3 (scribed)")
	fac.typeText("The library van could carry prescriptions" + keyEnter)
	fac.waitFor("Saved ✓ for Table 3")

	r := run(t, srv.addr, "alice", "export village-night --format markdown", withKeys(alice))
	if r.status != 0 {
		t.Fatalf("export: %+v", r)
	}
	for _, want := range []string{
		"Our village and the new health centre", // the guide of our own
		"Commitments", "Write to the health board about the lease", "Ann and the trust board", "31 December 2026",
		"Priorities", "Start with which?",
		"builds on", "hidden by a facilitator", "we agreed to talk about transport later",
		"Table 3", "scribe",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(r.stdout, "Share a minibus to appointments") && !strings.Contains(r.stdout, "(hidden") {
		t.Errorf("the hidden contribution is quoted in the report")
	}
}

// runWithInput runs a command over SSH with input on its stdin.
func runWithInput(t *testing.T, addr, command, input string, auth ...gossh.AuthMethod) result {
	t.Helper()
	client, _ := dial(t, addr, "facilitator", auth...)
	sess, err := client.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	sess.Stdin = strings.NewReader(input)
	sess.Stdout, sess.Stderr = &stdout, &stderr
	err = sess.Run(command)
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	if exit, ok := err.(*gossh.ExitError); ok {
		r.status = exit.ExitStatus()
	} else if err != nil {
		t.Fatalf("run %q: %v", command, err)
	}
	return r
}
