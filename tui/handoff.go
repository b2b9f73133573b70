package tui

// Handoff is a participant's screen asking, as it ends, to be carried on
// in the plain text mode (tui/plain) on the same connection: the person
// pressed the join screen's key for it. It says what they had already
// given, so that plain text does not ask again.
type Handoff struct {
	// Code is the join code of the workshop found, "" if none yet.
	Code string
	// Language is the language chosen, "" if none was.
	Language string
}

// HandsOff is a screen that can end by asking for a Handoff.
type HandsOff interface {
	// Handoff reports whether the screen ended asking for plain text,
	// and what it carries over.
	Handoff() (Handoff, bool)
}
