// Package facilitator is the facilitator's screen: the workshop chooser,
// then the room, live (contributions as they arrive, opportunities and
// barriers by theme, who is where in the guide) and run from it (pacing,
// what participants see of each other, curation, dot votes). The scribe
// desk, where a facilitator or an enrolled scribe writes for a table or a
// person without a terminal, is here too, with the scribe's own screen,
// and the enrolment screen that makes a key a facilitator's.
package facilitator
