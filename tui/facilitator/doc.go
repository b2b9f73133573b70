// Package facilitator is the facilitator's screen: the workshop chooser,
// then the room, live (contributions as they arrive, opportunities and
// barriers by theme or by sector, who is where in the guide) and run from
// it (pacing, what participants see of each other, curation, dot votes,
// who is let in, the way back for someone who lost it). A contribution
// picked out stays picked out, so that every key acts on what the screen
// shows. The scribe desk, where a facilitator or an enrolled scribe
// writes, corrects, agrees and votes for a table or a person without a
// terminal, is here too, with the scribe's own screen, and the enrolment
// screen that makes a key a facilitator's, in their name.
package facilitator
