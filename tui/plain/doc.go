// Package plain is the plain text mode: a participant's way through a
// workshop as lines written once, in reading order, for screen readers,
// dumb terminals and anyone who would rather read than look. A person gets
// it with TERM=dumb, with the user name CODE+plain, or by pressing the
// join screen's key for it.
//
// Nothing on the line is ever redrawn: no alternate screen, no cursor
// addressing, no colour, no box drawing, no spinner. Each fact is a line;
// every question says what enter does; every choice is a numbered list;
// the person's words are echoed as they type them, and rubbed out with
// backspace, space, backspace. News from the room (a prompt opened, two
// minutes left, a vote) is one line that never lands in the middle of
// what the person is typing: it waits until they send the line. The
// commands help, where, again and leave work at every question.
//
// Every word comes from the message catalogue (tui/words), in the language
// the person chooses first; a guide's prompts in that language where the
// guide gives them.
//
// The mode runs on the same runtime as every screen (tui.Program, through
// tui.NewLineProgram): Bubble Tea decodes the keys, runs the commands that
// save and look things up off the screen's loop, and delivers the room's
// bells, so the server starts, limits and shuts it down as any other
// screen; what the screen prints goes out as it is, in place of a painted
// frame (tui/paint is not used). A line runtime of its own would have
// had to do all of that again for one screen.
package plain
