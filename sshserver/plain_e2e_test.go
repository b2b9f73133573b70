package sshserver

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// plainWords are the words a walk types, in the person's language.
type plainWords struct {
	yes, name                                 string
	stories, opportunities, barriers, actions []string
	buildOn, changed, reframe, who            string
}

var englishWords = plainWords{
	yes: "yes", name: "Morag",
	stories: []string{
		"The village hall ran a warm space all winter, with the council's help",
		"Trust: people know us, and we are still here when the funding ends",
		"Young people run the café and sit on the community council",
		"Plan the health centre with the people who will use it",
	},
	opportunities: []string{"The locality plan is being rewritten this spring"},
	barriers:      []string{"Funding comes in one-year pots", "Officers change every year"},
	actions: []string{"Invite the locality team to the hall every quarter", "A named officer who answers our emails",
		"Meet again in six months and count what changed"},
	buildOn: "And the minibus that brings people to it",
	changed: "And the minibus that brings older people to it",
	reframe: "Three-year funding agreed between the council and the health board",
	who:     "Morag, for the trust",
}

// walkGuide takes a participant in plain text through a whole
// facilitator-led workshop on the default guide, with a facilitator and
// another participant, Dev, acting on the server meanwhile. It waits only
// for the marker of each question, never for words, so it walks the same
// in any language; whatever the facilitator does, it does with the
// person's line empty, so the transcript comes out the same every run.
func walkGuide(t *testing.T, srv *testServer, code string, p *plainTerm, w plainWords) {
	t.Helper()
	ws := srv.mustWorkshop(t, code).ID
	ref := func(phase, prompt int) inquiry.PromptRef { return tuitest.PromptAt(t, phase, prompt) }
	open := func(r inquiry.PromptRef, endsAt time.Time) {
		t.Helper()
		p.waitFor("\r\n> ")
		srv.facilitate(t, code, inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: r, EndsAt: endsAt}})
	}
	// The way in.
	p.answer("")
	p.answer("")
	p.answer(w.name)
	p.answer("1")
	p.answer("help")
	p.answer(w.yes)

	// Discover 1, with a timebox: two minutes left, then the time is up.
	open(ref(0, 0), time.Now().Add(90*time.Second))
	p.answer(w.stories[0])
	p.answer("")
	p.answer("")
	p.answer("1")
	p.waitFor("\r\n> ")
	srv.facilitate(t, code, inquiry.Event{Type: inquiry.TimeboxChanged, Pace: &inquiry.Pace{Prompt: ref(0, 0)}})

	// Discover 2: Dev's words, agreed with and built on.
	open(ref(0, 1), time.Time{})
	// Dev writes once the prompt has been said, so that it never counts
	// Dev's words in one run and not in the next.
	p.waitFor("\r\n> ")
	dev := tuitest.Join(t, srv.store, ws, "Dev")
	tuitest.Contribute(t, srv.store, ws, dev, "c-dev-1", ref(0, 1), inquiry.Strength, "The link worker based in the hall")
	p.line("")
	p.answer("4")
	p.answer("1")
	p.answer("2")
	p.answer("1")
	p.answer("1")
	p.answer(w.buildOn)
	p.answer("2")
	p.answer("0")
	p.answer("")

	// Discover 3 and Dream: where, again, and themes chosen by number.
	open(ref(0, 2), time.Time{})
	p.answer("where")
	p.answer(w.stories[1])
	p.answer("")
	p.answer("")
	open(ref(1, 0), time.Time{})
	p.answer("again")
	p.answer(w.stories[2])
	p.answer("")
	p.answer("")
	open(ref(1, 1), time.Time{})
	p.answer(w.stories[3])
	p.answer("2 13")
	p.answer("2")

	// Design: an opportunity, barriers and a reframe.
	open(ref(2, 0), time.Time{})
	p.waitFor("\r\n> ")
	tuitest.Contribute(t, srv.store, ws, dev, "c-dev-2", ref(2, 0), inquiry.Opportunity, "A link worker paid for jointly")
	p.line(w.opportunities[0])
	p.answer("")
	p.answer("")
	open(ref(2, 1), time.Time{})
	p.answer(w.barriers[0])
	p.answer("")
	p.answer("6")
	p.answer(w.reframe)
	open(ref(2, 2), time.Time{})
	p.answer(w.barriers[1])
	p.answer("2")
	p.answer("")
	p.answer("")
	p.answer("")

	// Deliver: actions, who and by when.
	open(ref(3, 0), time.Time{})
	p.answer(w.actions[0])
	p.answer(w.who)
	p.answer("2027-03-31")
	p.answer("")
	p.answer("1")
	open(ref(3, 1), time.Time{})
	p.answer(w.actions[1])
	p.answer("")
	p.answer("")
	p.answer("")
	p.answer("1")
	open(ref(3, 2), time.Time{})
	p.answer(w.actions[2])
	p.answer("")
	p.answer("")
	p.answer("")
	p.answer("")

	// Their own list: change one, delete one.
	p.answer("")
	p.answer("5")
	p.answer("2")
	p.answer("1")
	p.answer(w.changed)
	p.answer("")
	p.answer("")
	p.answer("")
	p.answer("")
	p.answer("5")
	p.answer("3")
	p.answer("2")
	p.answer(w.yes)

	// The vote over opportunities, then its results.
	p.waitFor("\r\n> ")
	srv.facilitate(t, code, inquiry.Event{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: "Where to start", Kinds: []inquiry.Kind{inquiry.Opportunity}, Dots: 3}})
	p.answer("")
	p.answer("6")
	p.answer("1 1 2")
	p.waitFor("\r\n> ")
	srv.facilitate(t, code, inquiry.Event{Type: inquiry.VoteClosed, Target: "v1"})
	p.answer("")
	p.answer("6")
	p.answer("7")
}

// checkWalk checks that the store holds what the walk did.
func checkWalk(t *testing.T, srv *testServer, code string, w plainWords, lang string) {
	t.Helper()
	ws, err := srv.store.Workshop(srv.mustWorkshop(t, code).ID)
	if err != nil {
		t.Fatal(err)
	}
	var morag *inquiry.Participant
	for _, p := range ws.Participants {
		if p.Name == w.name {
			morag = p
		}
	}
	if morag == nil || morag.Language != lang || morag.Organisation != inquiry.OrganisationTypes[0] {
		t.Fatalf("the participant joined as %+v, want %s in %s from a community anchor", morag, w.name, lang)
	}
	kinds := map[inquiry.Kind]int{}
	var built, reframe, action *inquiry.Contribution
	for _, c := range ws.Contributions {
		if c.Participant != morag.ID || !c.Live() {
			continue
		}
		kinds[c.Kind]++
		switch {
		case c.BuildsOn == "c-dev-1":
			built = c
		case c.Kind == inquiry.Reframe:
			reframe = c
		case c.Owner != "":
			action = c
		}
	}
	// Eleven prompts, one contribution each (the one at Discover 2 built
	// on Dev's), and a reframe; Discover 3's strength deleted.
	want := map[inquiry.Kind]int{inquiry.Story: 2, inquiry.Strength: 0, inquiry.Aspiration: 2, inquiry.Opportunity: 1,
		inquiry.Barrier: 2, inquiry.Reframe: 1, inquiry.Action: 3}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%d live %s contributions, want %d (all: %v)", kinds[k], k, n, kinds)
		}
	}
	if built == nil || built.Text != w.changed || built.EditedAt.IsZero() {
		t.Errorf("the contribution built on Dev's: %+v", built)
	}
	if !ws.Agreed(morag.ID, "c-dev-1") {
		t.Error("the agreement with Dev's words is not in the store")
	}
	if reframe == nil || reframe.Text != w.reframe {
		t.Errorf("the reframe: %+v", reframe)
	}
	if action == nil || action.Owner != w.who || action.Due != "2027-03-31" {
		t.Errorf("the action: %+v", action)
	}
	v, _ := ws.Vote("v1")
	if r := v.Results(); len(r) != 2 || r[0].Dots != 2 || r[0].Rank != 1 || r[0].Contribution != "c-dev-2" || r[1].Rank != 2 {
		t.Errorf("the vote's results: %+v", r)
	}
}

// TestPlainModeWalksAWholeGuideOverSSH drives a whole facilitator-led
// guide in plain text over SSH with TERM=dumb, as a screen reader user
// meets it: the stream holds no escape sequence and no control character
// but carriage return, line feed and backspace; every line typed is
// echoed whole with no news inside it; the transcript, read in order, is
// the golden one; and the store holds what was done.
func TestPlainModeWalksAWholeGuideOverSSH(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice), quickWriters())
	newWorkshop(t, srv.addr, alice, `--title "Village hall" --code village-hall --pacing facilitator`)
	p := openPlain(t, srv.addr, "village-hall", "dumb", nil, keyless())
	walkGuide(t, srv, "village-hall", p, englishWords)
	p.waitFor("Goodbye. Everything you saved is kept.")
	select {
	case err := <-p.done:
		if err != nil {
			t.Errorf("the session ended with %v, want exit status 0", err)
		}
	case <-time.After(testDeadline):
		t.Fatalf("waited %s for the session to end after leave", testDeadline)
	}
	p.checkStream()
	checkGolden(t, "plain-guide.golden", teletype(p.out.String()))
	checkWalk(t, srv, "village-hall", englishWords, "en")
}

// TestPlainNewsNeverSplitsALineBeingTyped types a line slowly while the
// facilitator opens prompts and votes: every line comes out whole, and
// the news after it.
func TestPlainNewsNeverSplitsALineBeingTyped(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Village hall" --code village-hall --pacing facilitator`)
	srv.facilitate(t, "village-hall", inquiry.Event{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: tuitest.PromptAt(t, 0, 0)}})
	p := openPlain(t, srv.addr, "village-hall+plain", "xterm-256color", nil, keyless())
	for _, a := range []string{"", "", "Morag", "", "yes"} {
		p.answer(a)
	}
	p.waitFor("\r\n> ")
	words := "We kept the hall open every evening through the winter"
	for i, news := range []inquiry.Event{
		{Type: inquiry.VoteOpened, Vote: &inquiry.Vote{ID: "v1", Title: "Priorities", Dots: 2}},
		{Type: inquiry.VoteClosed, Target: "v1"},
		{Type: inquiry.PromptOpened, Pace: &inquiry.Pace{Prompt: tuitest.PromptAt(t, 0, 1)}},
	} {
		// Half the line, the news, the other half.
		half := strings.Fields(words)[:5+i]
		typed := strings.Join(half, " ")
		if _, err := p.stdin.Write([]byte(typed)); err != nil {
			t.Fatal(err)
		}
		p.waitFor(typed)
		srv.facilitate(t, "village-hall", news)
		rest := " " + strings.Join(strings.Fields(words)[5+i:], " ")
		for _, r := range rest {
			if _, err := p.stdin.Write([]byte(string(r))); err != nil {
				t.Fatal(err)
			}
		}
		p.typed = append(p.typed, typed+rest)
		if _, err := p.stdin.Write([]byte("\r")); err != nil {
			t.Fatal(err)
		}
		p.waitFor(rest + "\r\n")
		p.answer("")
		p.answer("")
		p.answer("")
	}
	p.waitFor("\r\n> ")
	p.checkStream()
	out := p.out.String()
	for _, news := range []string{"The facilitator opened a vote: “Priorities”.", "The vote has closed", "The facilitator opened Discover 2"} {
		if !strings.Contains(out, news) {
			t.Errorf("the news %q never came:\n%s", news, teletype(out))
		}
	}
}

var welshWords = plainWords{
	yes: "ie", name: "Gwenllian",
	stories: []string{
		"Roedd neuadd y pentref yn lle cynnes drwy'r gaeaf, gyda help y cyngor",
		"Ymddiriedaeth: mae pobl yn ein hadnabod, ac rydym yma o hyd pan ddaw'r arian i ben",
		"Pobl ifanc yn rhedeg y caffi ac yn eistedd ar y cyngor cymuned",
		"Cynllunio'r ganolfan iechyd gyda'r bobl fydd yn ei defnyddio",
	},
	opportunities: []string{"Mae'r cynllun lleol yn cael ei ailysgrifennu'r gwanwyn hwn"},
	barriers:      []string{"Daw'r arian mewn potiau blwyddyn", "Mae swyddogion yn newid bob blwyddyn"},
	actions: []string{"Gwahodd y tîm lleol i'r neuadd bob chwarter", "Swyddog penodol sy'n ateb ein negeseuon",
		"Cwrdd eto ymhen chwe mis a chyfrif beth newidiodd"},
	buildOn: "A'r bws mini sy'n dod â phobl yno",
	changed: "A'r bws mini sy'n dod â phobl hŷn yno",
	reframe: "Cyllid tair blynedd wedi'i gytuno rhwng y cyngor a'r bwrdd iechyd",
	who:     "Gwenllian, dros yr ymddiriedolaeth",
}

// TestPlainModeWalksAWholeGuideInWelsh walks the same guide with a client
// whose LANG asks for Welsh: the screen's words come from the Welsh
// catalogue and the prompts from the guide's Welsh, the participant is
// recorded as taking part in Cymraeg, and the export says so and keeps
// their words as they wrote them.
func TestPlainModeWalksAWholeGuideInWelsh(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice), quickWriters())
	newWorkshop(t, srv.addr, alice, `--title "Neuadd y pentref" --code neuadd-4821 --pacing facilitator`)
	p := openPlain(t, srv.addr, "neuadd-4821", "dumb", map[string]string{"LANG": "cy_GB.UTF-8"}, keyless())
	walkGuide(t, srv, "neuadd-4821", p, welshWords)
	p.waitFor("Hwyl fawr.")
	p.checkStream()
	transcript := teletype(p.out.String())
	checkGolden(t, "plain-guide-cy.golden", transcript)
	for _, welsh := range []string{
		"Language / Cànan / Iaith: 1 English, 2 Gàidhlig, 3 Cymraeg.\nTeipiwch rif, neu pwyswch enter am Cymraeg.",
		"Darganfod 1, anogwr 1 o 11.\nDywedwch wrthym am adeg pan weithiodd eich cymuned",
		"Cwestiwn am y rhwystr hwnnw: Beth fyddai angen bod yn wir i'r rhwystr hwn",
		"Mae eich 3 dot wedi'u cadw.",
	} {
		if !strings.Contains(transcript, welsh) {
			t.Errorf("the Welsh transcript does not say %q", welsh)
		}
	}
	checkWalk(t, srv, "neuadd-4821", welshWords, "cy")
	r := run(t, srv.addr, "alice", "export neuadd-4821 --format markdown", withKeys(alice))
	if r.status != 0 || !strings.Contains(r.stdout, "**Gwenllian**, Community anchor organisation") || !strings.Contains(r.stdout, ", in Cymraeg") ||
		!strings.Contains(r.stdout, welshWords.reframe) {
		t.Errorf("the report does not say Gwenllian took part in Cymraeg, in her words: %+v", r.stderr)
	}
}

// TestAPlainSessionEndedByIdlenessSaysHowToComeBackInPlainText: the
// command a timed-out session is given to connect again asks for plain
// text again where the user name did (CODE+plain@, or plain@), so that a
// screen reader's user is not sent back to the full screen.
func TestAPlainSessionEndedByIdlenessSaysHowToComeBackInPlainText(t *testing.T) {
	alice := newKey(t)
	clock := newManualClock()
	srv := startServer(t, "", withFacilitators(t, alice), withClock(clock), withConfig(func(c *Config) {
		c.IdleTimeout, c.MaxConnectionTime, c.StallTimeout = time.Hour, 100*time.Hour, 1000*time.Hour
	}))
	newWorkshop(t, srv.addr, alice, `--title "Village hall" --code village-hall`)
	for _, c := range []struct{ user, want string }{
		{"Village Hall+plain", " villagehall+plain@"}, // as parsed: it needs no quoting
		{"plain", " plain@"},
	} {
		p := openPlain(t, srv.addr, c.user, "xterm-256color", nil, keyless())
		p.waitFor("Language / Cànan / Iaith")
		waitUntil(t, "the plain session's idle timer", func() bool { return clock.running(time.Hour) == 1 })
		clock.Advance(2 * time.Hour)
		p.waitFor("Connect again to carry on: ssh -p ", c.want)
		select {
		case <-p.done:
		case <-time.After(testDeadline):
			t.Fatalf("%s: waited %s for the idle session to end", c.user, testDeadline)
		}
	}
}

// TestPlainTakesAPastedParagraphAsOneContribution: a terminal that does
// not bracket a paste sends its line breaks as enter. A paragraph of
// three lines (one blank) pasted at once at the words question is saved
// as one contribution, its line breaks made spaces, and nothing of it is
// typed into the questions after it; a line typed and sent by hand still
// answers at once.
func TestPlainTakesAPastedParagraphAsOneContribution(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Village hall" --code village-hall`)
	p := openPlain(t, srv.addr, "village-hall", "dumb", nil, keyless())
	for _, a := range []string{"", "", "Morag", "", "yes"} {
		p.answer(a)
	}
	p.waitFor("\r\n> ")
	if _, err := io.WriteString(p.stdin, "We kept the hall open\rthrough the winter\r\rfor everyone\r"); err != nil {
		t.Fatal(err)
	}
	p.typed = append(p.typed, "We kept the hall open through the winter for everyone")
	p.answer("", "Kind:") // the kind the prompt suggests
	p.answer("")          // no themes
	p.answer("")          // no partner
	p.waitFor("Saved")
	ws := srv.mustWorkshop(t, "village-hall")
	var texts []string
	for _, c := range tuitest.Folded(t, srv.store, ws.ID).Contributions {
		texts = append(texts, c.Text)
	}
	if want := "We kept the hall open through the winter for everyone"; len(texts) != 1 || texts[0] != want {
		t.Fatalf("the paste saved %q, want one contribution %q", texts, want)
	}
	p.checkStream()
}
