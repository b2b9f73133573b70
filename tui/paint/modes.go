package paint

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The terminal modes a Painter sets and restores. A terminal that does not
// know a mode ignores it, so each is set without asking first: a query
// would wait on an answer some clients never send.
const (
	altScreenOn       = ansi.SetModeAltScreenSaveCursor   // \e[?1049h
	altScreenOff      = ansi.ResetModeAltScreenSaveCursor // \e[?1049l
	cursorShow        = ansi.SetModeTextCursorEnable      // \e[?25h
	cursorHide        = ansi.ResetModeTextCursorEnable    // \e[?25l
	bracketedPasteOn  = ansi.SetModeBracketedPaste        // \e[?2004h
	bracketedPasteOff = ansi.ResetModeBracketedPaste      // \e[?2004l
	// Mode 2027 asks the terminal to segment text into grapheme clusters
	// as tui/grapheme does, so that a terminal which can measure a
	// "❤️" or a family as we do, does.
	graphemesOn  = ansi.SetModeUnicodeCore   // \e[?2027h
	graphemesOff = ansi.ResetModeUnicodeCore // \e[?2027l
	// xterm's modifyOtherKeys reports keys such as shift+enter that a
	// terminal otherwise sends as plain enter; kitty's keyboard protocol
	// (pushed per screen below) does the same on the terminals that know it.
	otherKeysOn  = ansi.SetModifyOtherKeys2  // \e[>4;2m
	otherKeysOff = ansi.ResetModifyOtherKeys // \e[>4m
	clearScreen  = "\x1b[H\x1b[2J"
	eraseLine    = ansi.EraseLineRight   // \e[K
	eraseBelow   = ansi.EraseScreenBelow // \e[J
	resetStyle   = "\x1b[m"
)

// noKeyboard means no kitty keyboard flags are pushed on the screen in use.
const noKeyboard = -1

// setModes sets the session's modes on the first frame, and switches
// between the main and the alternate screen as the view asks. Kitty's
// keyboard protocol keeps a stack of flags for each screen: as Bubble Tea
// does, the Painter pops its entry before leaving a screen and pushes one
// on the screen it enters, and changes the flags in place when only they
// change.
func (p *Painter) setModes(v tea.View) {
	if !p.started {
		p.started = true
		p.buf.WriteString(bracketedPasteOn + graphemesOn + otherKeysOn)
	}
	flags := keyboardFlags(v.KeyboardEnhancements)
	switch {
	case v.AltScreen != p.alt || p.keyboard == noKeyboard:
		if p.keyboard != noKeyboard {
			p.buf.WriteString(ansi.PopKittyKeyboard(1))
		}
		if v.AltScreen != p.alt {
			p.switchScreen(v.AltScreen)
		}
		p.buf.WriteString(ansi.PushKittyKeyboard(flags))
	case flags != p.keyboard:
		p.buf.WriteString(ansi.KittyKeyboard(flags, 1))
	}
	p.keyboard = flags
}

// switchScreen enters or leaves the alternate screen. Either way the
// screen shown is not one the Painter drew last.
func (p *Painter) switchScreen(alt bool) {
	if alt {
		p.buf.WriteString(altScreenOn)
	} else {
		p.buf.WriteString(altScreenOff)
	}
	p.alt, p.raw, p.inline, p.inlineRows, p.atX = alt, nil, "", 0, -1
}

// restoreModes undoes setModes, the keyboard first, while the screen its
// flags were pushed on is still the one shown.
func (p *Painter) restoreModes() {
	if p.keyboard != noKeyboard {
		p.buf.WriteString(ansi.PopKittyKeyboard(1))
		p.keyboard = noKeyboard
	}
	p.buf.WriteString(otherKeysOff)
	if p.alt {
		p.switchScreen(false)
	}
	if p.title != "" {
		p.buf.WriteString(ansi.SetWindowTitle(""))
	}
	p.buf.WriteString(resetStyle + cursorShow + bracketedPasteOff + graphemesOff)
	p.started, p.shown, p.title = false, true, ""
}

// keyboardFlags are the kitty keyboard flags for what a view asks, as
// Bubble Tea's renderer pushes them: always disambiguation (so shift+enter
// and alt+letter arrive as themselves), and what the view adds.
func keyboardFlags(k tea.KeyboardEnhancements) int {
	flags := ansi.KittyDisambiguateEscapeCodes
	if k.ReportEventTypes {
		flags |= ansi.KittyReportEventTypes
	}
	if k.ReportAlternateKeys {
		flags |= ansi.KittyReportAlternateKeys
	}
	if k.ReportAllKeysAsEscapeCodes {
		flags |= ansi.KittyReportAllKeysAsEscapeCodes
	}
	if k.ReportAssociatedText {
		flags |= ansi.KittyReportAssociatedKeys
	}
	return flags
}
