package inquiry

import (
	"testing"
	"time"
)

func panelChosen(by Actor, p Panel) Event {
	return Event{Type: DisplayPanelChosen, Actor: by, Target: string(p)}
}

func TestOnlyAFacilitatorChoosesTheWallDisplaysPanel(t *testing.T) {
	l := roomLog(t)
	checkRules(t, l.replay(), []ruleCase{
		{"a participant cannot", panelChosen(alice, PanelTally), ErrNotAllowed},
		{"a scribe cannot", panelChosen(scribe, PanelTally), ErrNotAllowed},
		{"a panel that is not one", panelChosen(facilitator, "names"), ErrInvalid},
		{"no panel at all", panelChosen(facilitator, ""), ErrInvalid},
		{"auto, as it already is", panelChosen(facilitator, PanelAuto), ErrDuplicate},
		{"a facilitator can", panelChosen(facilitator, PanelTally), nil},
	})
	l.append(panelChosen(facilitator, PanelTally))
	checkRules(t, l.replay(), []ruleCase{
		{"the same again is a repeat", panelChosen(facilitator, PanelTally), ErrDuplicate},
		{"back to auto", panelChosen(facilitator, PanelAuto), nil},
	})
	l.append(Event{Type: WorkshopClosed, Actor: facilitator})
	checkRules(t, l.replay(), []ruleCase{
		{"a closed workshop's wall can show its results", panelChosen(facilitator, PanelVotes), nil},
	})
}

func TestTheWallOnAutoShowsWhatLastHappenedInTheRoom(t *testing.T) {
	l := roomLog(t) // v-0 closed, v-1 open
	if d := l.replay().Display(); d.Panel != PanelAuto || d.Shows() != PanelVotes || d.Closed != "v-0" {
		t.Fatalf("after vote v-0 closed: %+v, want auto showing v-0's results", d)
	}
	l.append(settingsChanged(facilitator, VisibleOnReveal, true))
	l.append(promptRevealed(facilitator, "design/opportunities"))
	d := l.replay().Display()
	if d.Shows() != PanelReveals || d.Revealed != "design/opportunities" || d.RevealedAt.IsZero() {
		t.Fatalf("after a reveal: %+v, want the revealed prompt", d)
	}
	l.append(panelChosen(facilitator, PanelTally))
	l.append(Event{Type: WorkshopClosed, Actor: facilitator}) // closes v-1 too
	d = l.replay().Display()
	if d.Shows() != PanelTally || d.Moment != PanelVotes || d.Closed != "v-1" {
		t.Fatalf("tally chosen, then the workshop closed with v-1 open: %+v, want the tally shown and v-1 as the last vote closed", d)
	}
	l.append(panelChosen(facilitator, PanelAuto))
	if got := l.replay().Display().Shows(); got != PanelVotes {
		t.Fatalf("back on auto after the close: shows %s, want the votes", got)
	}
}

func TestTheWallOnAutoFollowsTheOpenedPrompt(t *testing.T) {
	l := baseLog(t)
	if got := l.replay().Display().Shows(); got != PanelPrompt {
		t.Fatalf("a new workshop's wall shows %s, want the prompt", got)
	}
	l.append(voteOpened(facilitator, "v-1", "First?", 1))
	l.append(voteClosed(facilitator, "v-1"))
	if got := l.replay().Display().Shows(); got != PanelVotes {
		t.Fatalf("after a vote closed: %s, want its results", got)
	}
	// A facilitator-led workshop moves the wall back to the prompt when
	// the next one opens.
	led := pacedLog(t)
	led.append(voteOpened(facilitator, "v-1", "First?", 1))
	led.append(voteClosed(facilitator, "v-1"))
	led.append(promptOpened(facilitator, "design/barriers", testStart.Add(time.Hour)))
	if got := led.replay().Display().Shows(); got != PanelPrompt {
		t.Fatalf("after a prompt opened: %s, want the prompt", got)
	}
}

func TestPanelsStepRoundInOrder(t *testing.T) {
	p := PanelAuto
	var seen []Panel
	for range len(Panels) {
		p = p.Next()
		seen = append(seen, p)
	}
	want := []Panel{PanelPrompt, PanelTally, PanelVotes, PanelReveals, PanelAuto}
	for i := range want {
		if seen[i] != want[i] {
			t.Fatalf("stepping from auto: %v, want %v", seen, want)
		}
	}
}
