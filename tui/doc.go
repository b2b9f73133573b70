// Package tui is the screen runtime of Anchorage and what every role's
// screen shares. It knows nothing of SSH or of Badger: a Session says who
// is at the other end and gives a Room to read and write the workshop
// through, and a Program runs a screen on a Terminal as the server does,
// Bubble Tea handling the messages and tui/paint drawing the frames.
//
// Every role's screen is built from the same parts: a Frame (its size,
// its goodbye, a window too small), a Watch on the workshop's bell, the
// one ContributionForm (with its editor) a contribution is written in,
// the inks, Notice and Lines to draw with, and Kept parts of a screen
// drawn again only when what they show changes.
//
// The screens themselves live in a package per role, named for the people
// who use them:
//
//	tui/participant   joining, the guide, writing, one's own words, others', the vote
//	tui/facilitator   the room (feed, tally, people, pacing, curation, votes,
//	                  settings, help), the workshop chooser, the scribe desk, enrolment
//	tui/display       the wall display for a projector
//	tui/paint         draws a program's views, writing only what changed
//	tui/tuitest       for tests: a virtual terminal, screens run on it, a room in memory
//
// The plain line mode will be a package beside them (tui/plain).
package tui
