package inquiry

import (
	"fmt"
	"slices"
	"time"
)

// The wall display: what a projector in the room shows (tui/display). A
// facilitator chooses its panel from the room, and every display of the
// workshop follows the choice, since it is an event in the log like any
// other act on the room. Left on auto, a display shows whatever last
// happened in the room: the prompt opened for everyone, the vote closed,
// the contributions revealed. Exports may leave these events out: they
// change what a wall shows, not what anyone said.

// DisplayPanelChosen chooses what every wall display of the workshop shows
// (Target: the Panel).
const DisplayPanelChosen EventType = "display.panel"

// Panel is what a wall display shows.
type Panel string

// The panels a facilitator can choose.
const (
	// PanelAuto follows the room (see Display.Shows).
	PanelAuto Panel = "auto"
	// PanelPrompt is the open prompt and its clock.
	PanelPrompt Panel = "prompt"
	// PanelTally is opportunities and barriers by theme.
	PanelTally Panel = "tally"
	// PanelVotes is the results of the vote closed last.
	PanelVotes Panel = "votes"
	// PanelReveals is contributions to the prompt revealed last, one at a
	// time.
	PanelReveals Panel = "reveals"
)

// Panels lists the panels in the order a facilitator steps through them.
var Panels = []Panel{PanelAuto, PanelPrompt, PanelTally, PanelVotes, PanelReveals}

// Next is the panel after p in Panels, back to the first after the last.
func (p Panel) Next() Panel {
	i := slices.Index(Panels, p)
	return Panels[(i+1)%len(Panels)]
}

// Label is the panel as a facilitator reads it.
func (p Panel) Label() string {
	switch p {
	case PanelPrompt:
		return "the prompt and its clock"
	case PanelTally:
		return "the tally by theme"
	case PanelVotes:
		return "the vote results"
	case PanelReveals:
		return "the revealed contributions"
	}
	return "auto: whatever last happened in the room"
}

// Display is what the wall displays show, as the events have set it.
type Display struct {
	// Panel is the facilitator's choice: PanelAuto until one chooses.
	Panel Panel
	// Moment is the panel of what last happened in the room: a prompt
	// opened (PanelPrompt, also before anything has happened), a vote
	// closed (PanelVotes) or a prompt revealed (PanelReveals).
	Moment Panel
	// Revealed is the prompt revealed last, at RevealedAt; "" if none.
	Revealed   PromptRef
	RevealedAt time.Time
	// Closed is the ID of the vote closed last; "" if none.
	Closed string
}

// Shows is the panel a display shows: the facilitator's choice, or on
// auto what last happened in the room.
func (d Display) Shows() Panel {
	if d.Panel == PanelAuto {
		return d.Moment
	}
	return d.Panel
}

// Display is what the workshop's wall displays show.
func (w *Workshop) Display() Display {
	d := w.display
	if d.Panel == "" {
		d.Panel = PanelAuto
	}
	if d.Moment == "" {
		d.Moment = PanelPrompt
	}
	return d
}

// checkDisplay allows facilitators alone to choose a panel, one of Panels.
// A closed workshop's wall can still be turned to its results.
func (w *Workshop) checkDisplay(e Event) error {
	if err := facilitates(e.Actor, "choose what the wall display shows"); err != nil {
		return err
	}
	p := Panel(e.Target)
	if !slices.Contains(Panels, p) {
		return fmt.Errorf("%w: the wall display shows one of %q, not %q", ErrInvalid, Panels, e.Target)
	}
	if p == w.Display().Panel {
		return ErrDuplicate
	}
	return nil
}

// foldDisplay follows the events that change what a wall display shows;
// it is given every event, after the rest of the fold.
func (w *Workshop) foldDisplay(e Event) {
	d := &w.display
	switch e.Type {
	case DisplayPanelChosen:
		d.Panel = Panel(e.Target)
	case PromptOpened:
		d.Moment = PanelPrompt
	case PromptRevealed:
		d.Moment, d.Revealed, d.RevealedAt = PanelReveals, PromptRef(e.Target), e.At
	case VoteClosed:
		d.Moment, d.Closed = PanelVotes, e.Target
	case WorkshopClosed:
		// Closing the workshop closed the vote that was open, if one was.
		for _, v := range w.Votes {
			if v.ClosedAt.Equal(e.At) {
				d.Moment, d.Closed = PanelVotes, v.ID
			}
		}
	}
}
