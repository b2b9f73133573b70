// Package display is the wall display: the screen a facilitator puts on
// the room's projector with ssh -p 23234 CODE+display@HOST. It shows the
// room what the room may see, large and calm: the prompt open for
// everyone with its place in the guide and its clock in block digits, the
// tally of opportunities and barriers by theme, the results of the vote
// closed last, contributions a facilitator revealed one at a time, and the
// join line with a QR code. Nobody types at it; a facilitator chooses its
// panel from the room (inquiry.DisplayPanelChosen), and every display of
// the workshop follows.
//
// A busy room contributes several times a second: the display reads the
// workshop at most once a second, however often the bell rings, and draws
// a frame only when what it shows has changed (see Screen).
//
//	display.go   the screen: when it reads the room and when it draws
//	wall.go      what it shows, copied out of the workshop's fold
//	page.go      the frame: title, panel, QR code, join line
//	prompt.go    the prompt panel (and the guide, when self-paced)
//	tally.go     the tally by theme
//	votes.go     a closed vote's results
//	reveals.go   revealed contributions, one at a time
//	clock.go     the countdown in block digits
//	font.go      the large type's glyphs; bitmap.go draws them
//	join.go      the join line's command and the QR code's address
package display
