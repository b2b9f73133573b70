package sshserver

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// The arrival matrix (issue 10): every way into a workshop, at every
// moment a workshop can be in, reaches a screen the person can use (or,
// for a closed workshop, a sentence saying so) within arrivalDeadline.
// Each moment gets one server, shared by its ways in, which arrive side
// by side.

// arrivalDeadline bounds each arrival: connecting, the join form where
// there is one, and the screen that follows.
const arrivalDeadline = 10 * time.Second

// moment is a state a workshop can be in when someone arrives.
type moment struct {
	name   string
	pacing inquiry.Pacing
	// set brings the workshop to the moment, after the returning people
	// have joined; guide is the workshop's guide.
	set func(t *testing.T, a *arrivals)
	// restart restarts the server (a real restart of its data folder)
	// once the moment is set.
	restart bool
	// see is what every participant's screen shows at this moment, beside
	// the prompt; closed says the workshop is closed.
	see    string
	closed bool
	// lobby says newcomers wait in a lobby until a facilitator lets them
	// in; those who were there before go straight in.
	lobby bool
}

// arrivals is one moment's server and workshop, and the people who have
// been there before.
type arrivals struct {
	srv       *testServer
	ws        inquiry.Summary
	guide     inquiry.Guide
	returning gossh.Signer // joined earlier with this key
	resume    string       // the resume code of someone who joined earlier without a key
	scribe    gossh.Signer
}

// record appends an event to the workshop's log as a facilitator.
func (a *arrivals) record(t *testing.T, e inquiry.Event) {
	t.Helper()
	tuitest.Record(t, a.srv.store, a.ws.ID, e)
}

// open opens the guide's second prompt for everyone, with a timebox
// ending after ends (none when ends is 0).
func (a *arrivals) open(t *testing.T, ends time.Duration) {
	t.Helper()
	pace := &inquiry.Pace{Prompt: a.guide.Ref(0, 1)}
	if ends != 0 {
		pace.EndsAt = time.Now().Add(ends)
	}
	a.record(t, inquiry.Event{Type: inquiry.PromptOpened, Pace: pace})
}

// vote opens a dot vote on two opportunities someone wrote.
func (a *arrivals) vote(t *testing.T) {
	t.Helper()
	ref := tuitest.PromptFor(t, inquiry.Opportunity)
	ann := tuitest.Join(t, a.srv.store, a.ws.ID, "Ann")
	tuitest.Contribute(t, a.srv.store, a.ws.ID, ann, "o1", ref, inquiry.Opportunity, "Share the community hall")
	tuitest.Contribute(t, a.srv.store, a.ws.ID, ann, "o2", ref, inquiry.Opportunity, "A joint funding bid")
	a.record(t, inquiry.Event{Type: inquiry.VoteOpened,
		Vote: &inquiry.Vote{ID: "v1", Title: "Which first", Kinds: []inquiry.Kind{inquiry.Opportunity}, Dots: 3}})
}

var moments = []moment{
	{name: "self-paced", pacing: inquiry.SelfPaced, set: func(*testing.T, *arrivals) {}, see: "Discover 1 · 1 of 11"},
	{name: "led, no prompt open yet", pacing: inquiry.FacilitatorPaced, set: func(*testing.T, *arrivals) {},
		see: "waiting for the facilitator"},
	{name: "led, timebox running", pacing: inquiry.FacilitatorPaced,
		set: func(t *testing.T, a *arrivals) { a.open(t, 10*time.Minute) }, see: "left · Discover 2 · 2 of 11"},
	{name: "led, timebox off", pacing: inquiry.FacilitatorPaced,
		set: func(t *testing.T, a *arrivals) { a.open(t, 0) }, see: "2 of"},
	{name: "led, time up", pacing: inquiry.FacilitatorPaced, set: func(t *testing.T, a *arrivals) {
		a.open(t, 10*time.Minute)
		a.record(t, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: a.guide.Ref(0, 1)}})
	}, see: "time is up"},
	{name: "vote open", pacing: inquiry.SelfPaced, set: func(t *testing.T, a *arrivals) { a.vote(t) }, see: "ctrl+t"},
	{name: "vote closed", pacing: inquiry.SelfPaced, set: func(t *testing.T, a *arrivals) {
		a.vote(t)
		a.record(t, inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
	}, see: "Discover 1 · 1 of 11"},
	{name: "held back, not revealed", pacing: inquiry.FacilitatorPaced, set: func(t *testing.T, a *arrivals) {
		a.record(t, inquiry.Event{Type: inquiry.SettingsChanged, Settings: &inquiry.Settings{Visibility: inquiry.VisibleOnReveal}})
		a.open(t, 10*time.Minute)
		ann := tuitest.Join(t, a.srv.store, a.ws.ID, "Ann")
		tuitest.Contribute(t, a.srv.store, a.ws.ID, ann, "c1", a.guide.Ref(0, 1), inquiry.Story, "The lunch club in the church hall")
	}, see: "held back"},
	{name: "after a restart", pacing: inquiry.FacilitatorPaced,
		set: func(t *testing.T, a *arrivals) { a.open(t, 10*time.Minute) }, restart: true, see: "left · Discover 2 · 2 of 11"},
	{name: "a lobby held", pacing: inquiry.FacilitatorPaced, set: func(t *testing.T, a *arrivals) {
		a.record(t, inquiry.Event{Type: inquiry.LobbyOpened})
		a.open(t, 10*time.Minute)
	}, see: "left · Discover 2 · 2 of 11", lobby: true},
	{name: "closed", pacing: inquiry.SelfPaced, set: func(t *testing.T, a *arrivals) {
		a.record(t, inquiry.Event{Type: inquiry.WorkshopClosed})
	}, closed: true},
}

// way is a way into a workshop.
type way struct {
	name string
	// arrive connects and reaches the screen that follows the way in,
	// returning what it shows and how to type on it.
	arrive func(t *testing.T, a *arrivals, m moment) arrival
}

// arrival is a person's screen once in: waits and typing, and what the
// session said last as it ended.
type arrival struct {
	waitFor  func(texts ...string)
	typeText func(string)
	// lastWords waits for the session to end and returns what it said.
	lastWords func() string
}

func viaTerminal(t *testing.T, term *terminal) arrival {
	return arrival{waitFor: waitWithin(t, term.screen, term.ended), typeText: term.typeText, lastWords: func() string {
		term.exit()
		return term.screen.Text() + "\n" + term.errs.String()
	}}
}

// waitWithin waits for texts on a session's screen for arrivalDeadline at
// most, or until the session ends.
func waitWithin(t *testing.T, screen *tuitest.Screen, ended <-chan struct{}) func(...string) {
	return func(texts ...string) {
		t.Helper()
		if err := screen.WaitUntil(arrivalDeadline, ended, texts...); err != nil {
			t.Fatal(err)
		}
	}
}

// joinForm fills in the join form as a person does: a name, no
// organisation, consent, then enter.
func (in arrival) joinForm(name string) {
	in.waitFor("Your name or pseudonym")
	in.typeText(name + "\r\t \r")
	in.waitFor("Welcome, " + name)
}

var ways = []way{
	{"a new key, CODE@HOST", func(t *testing.T, a *arrivals, m moment) arrival {
		in := viaTerminal(t, openTerminal(t, a.srv.addr, a.ws.Code, 80, 24, withKeys(newKey(t))))
		if !m.closed {
			in.joinForm("Newkey")
		}
		return in
	}},
	{"no key, CODE@HOST", func(t *testing.T, a *arrivals, m moment) arrival {
		in := viaTerminal(t, openTerminal(t, a.srv.addr, a.ws.Code, 80, 24, keyless()))
		if !m.closed {
			in.joinForm("Nokey")
			in.waitFor("resume " + a.codeOf(t, "Nokey"))
		}
		return in
	}},
	{"a returning key", func(t *testing.T, a *arrivals, m moment) arrival {
		in := viaTerminal(t, openTerminal(t, a.srv.addr, a.ws.Code, 80, 24, withKeys(a.returning)))
		if !m.closed {
			in.waitFor("Welcome back, Keyed")
		}
		return in
	}},
	{"no key, CODE@HOST and a resume code", func(t *testing.T, a *arrivals, m moment) arrival {
		in := viaTerminal(t, openTerminal(t, a.srv.addr, a.ws.Code, 80, 24, keyless()))
		if !m.closed {
			in.waitFor("ctrl+r to give your resume code")
			in.typeText("\x12" + a.resume + "\r") // ctrl+r, the code, enter
			in.waitFor("Welcome back, Coded")
		}
		return in
	}},
	{"ssh HOST, then the code", func(t *testing.T, a *arrivals, m moment) arrival {
		in := viaTerminal(t, openTerminal(t, a.srv.addr, "someone", 80, 24, keyless()))
		in.waitFor("Type the join code")
		in.typeText(a.ws.Code + "\r")
		if !m.closed {
			in.joinForm("Later")
		}
		return in
	}},
	{"an enrolled scribe", func(t *testing.T, a *arrivals, m moment) arrival {
		in := viaTerminal(t, openTerminal(t, a.srv.addr, a.ws.Code, 80, 24, withKeys(a.scribe)))
		if !m.closed {
			in.waitFor(a.ws.Code + " · scribe")
		}
		return in
	}},
	{"no key, CODE@HOST, OpenSSH", func(t *testing.T, a *arrivals, m moment) arrival {
		path, err := exec.LookPath("ssh")
		if err != nil {
			t.Skip("no OpenSSH client on this machine")
		}
		o := openSSHTerminal(t, path, a.srv.addr, a.ws.Code)
		in := arrival{waitFor: waitWithin(t, o.screen, o.drawn), typeText: o.typeText, lastWords: func() string {
			select {
			case <-o.drawn:
			case <-time.After(arrivalDeadline):
				t.Fatalf("waited %s for ssh to exit", arrivalDeadline)
			}
			return o.screen.Text()
		}}
		if !m.closed {
			in.joinForm("Openssh")
			in.waitFor("resume " + a.codeOf(t, "Openssh"))
		}
		return in
	}},
}

// newcomers are the names people join as by the ways in that make a new
// participant; the others come back as someone who was there before.
var newcomers = map[string]string{
	"a new key, CODE@HOST": "Newkey", "no key, CODE@HOST": "Nokey",
	"ssh HOST, then the code": "Later", "no key, CODE@HOST, OpenSSH": "Openssh",
}

// idOf is the ID of the participant who joined with a name.
func (a *arrivals) idOf(t *testing.T, name string) string {
	t.Helper()
	for _, p := range tuitest.Folded(t, a.srv.store, a.ws.ID).Participants {
		if p.Name == name {
			return p.ID
		}
	}
	t.Fatalf("nobody called %s joined", name)
	return ""
}

// codeOf is the resume code of the participant who joined with a name.
func (a *arrivals) codeOf(t *testing.T, name string) string {
	t.Helper()
	ws := tuitest.Folded(t, a.srv.store, a.ws.ID)
	for _, p := range ws.Participants {
		if p.Name == name {
			code, err := a.srv.store.ResumeCode(a.ws.ID, p.ID)
			if err != nil {
				t.Fatalf("resume code of %s: %v", name, err)
			}
			return code
		}
	}
	t.Fatalf("nobody called %s joined", name)
	return ""
}

// TestEveryWayInAtEveryMoment is the arrival matrix.
func TestEveryWayInAtEveryMoment(t *testing.T) {
	for _, m := range moments {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			a := prepare(t, m)
			for _, w := range ways {
				t.Run(w.name, func(t *testing.T) {
					t.Parallel()
					start := time.Now()
					in := w.arrive(t, a, m)
					if m.closed {
						// The sentence is read whole, across the rows it wraps to.
						if said := in.lastWords(); !strings.Contains(strings.Join(strings.Fields(said), " "), inquiry.ClosedSentence("Arrivals")) {
							t.Errorf("arriving at a closed workshop, the session ended saying:\n%s\nwant: %s", said, inquiry.ClosedSentence("Arrivals"))
						}
					} else {
						if name := newcomers[w.name]; m.lobby && name != "" {
							// Held in the lobby, with nothing to do but
							// leave, until a facilitator lets them in.
							in.waitFor("A facilitator lets people in", "ctrl+c leave")
							a.record(t, inquiry.Event{Type: inquiry.ParticipantAdmitted, Target: a.idOf(t, name)})
							in.waitFor("A facilitator let you in")
						}
						checkUsable(t, in, m, w)
					}
					if took := time.Since(start); took > arrivalDeadline {
						t.Errorf("arriving took %s, beyond the deadline of %s", took.Round(time.Millisecond), arrivalDeadline)
					}
				})
			}
		})
	}
}

// checkUsable checks the screen someone reached: a participant's shows
// the moment and takes what they type; a scribe's desk takes a name.
func checkUsable(t *testing.T, in arrival, m moment, w way) {
	t.Helper()
	if strings.Contains(w.name, "scribe") {
		in.waitFor("ctrl+c leave")
		return
	}
	in.waitFor(m.see, "ctrl+c leave")
	in.typeText("Still here")
	in.waitFor("┃ Still here")
}

// prepare starts a moment's server with a workshop in that moment, the
// people who were there before it, and a scribe.
func prepare(t *testing.T, m moment) *arrivals {
	t.Helper()
	dir := t.TempDir()
	a := &arrivals{srv: startServer(t, dir), returning: newKey(t), scribe: newKey(t)}
	guide, ok := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if !ok {
		t.Fatal("the default guide is missing")
	}
	a.guide = guide
	ws, err := a.srv.store.OpenWorkshop(context.Background(), tuitest.Facilitator,
		inquiry.WorkshopDetails{Title: "Arrivals", Code: "harbour-4821", Guide: guide, Pacing: m.pacing})
	if err != nil {
		t.Fatalf("open the workshop: %v", err)
	}
	a.ws = ws
	a.record(t, inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-Keyed"},
		Participant: &inquiry.ParticipantDetails{ID: "p-Keyed", Name: inquiry.Words{Text: "Keyed"}, ConsentAt: time.Now(),
			Identity: identityFor(a.srv.store.Secret(), a.returning.PublicKey())(ws.ID)}})
	coded := tuitest.Join(t, a.srv.store, ws.ID, "Coded")
	if a.resume, err = a.srv.store.ResumeCode(ws.ID, coded); err != nil {
		t.Fatalf("resume code: %v", err)
	}
	if err := a.srv.store.EnrolScribe(context.Background(), ws.ID, a.scribe.PublicKey(), "Jo at table 3"); err != nil {
		t.Fatalf("enrol the scribe: %v", err)
	}
	m.set(t, a)
	if m.restart {
		a.srv.stop()
		a.srv = startServer(t, dir)
	}
	return a
}
