package inquiry

import (
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/graphemes"
)

// Limits on what one person can put in front of others.
const (
	MaxTextRunes  = 2000 // a contribution: a long paragraph, not a document
	MaxNameRunes  = 40   // a display name or pseudonym
	MaxTitleRunes = 100  // a workshop title
	// MaxOwnerRunes bounds an action's owner: a person or an organisation,
	// which can take more words than a name ("the council's locality team").
	MaxOwnerRunes = 2 * MaxNameRunes
	// MaxReasonRunes bounds why a facilitator hid a contribution: a
	// sentence the author can read, not a letter.
	MaxReasonRunes = 200
)

// CleanText makes text safe to show on another person's terminal: invalid
// UTF-8 becomes U+FFFD, escape sequences (CSI, OSC, DCS and the rest) are
// removed whole so nothing of a title-setting or clipboard-writing payload
// survives, control and bidirectional-override characters are dropped, and
// so is everything that draws nothing (see dropInvisible): what is left
// takes the columns Width says. Newlines are kept; tabs become spaces.
func CleanText(s string) string {
	if isPlain(s) {
		return s
	}
	return dropInvisible(cleanTerminal(s))
}

// cleanTerminal is the part of CleanText that keeps a terminal safe:
// escape sequences and control characters. It was the whole of CleanText
// before invisible characters were removed too, so a log recorded then
// holds text it accepts: a replay checks recorded text against it.
func cleanTerminal(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i += escapeLength(s[i:])
			continue
		case r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			// C1 forms of CSI, OSC, DCS, SOS, PM and APC.
			i += c1Length(s[i:], r, size)
			continue
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case dropped(r):
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// CleanLine is CleanText for one-line fields such as names: line breaks
// become spaces and the ends are trimmed.
func CleanLine(s string) string {
	s = strings.TrimSpace(strings.ReplaceAll(CleanText(s), "\n", " "))
	// Trimming can leave a combining mark at the start, with nothing to
	// combine with; dropping it can leave a space there. Each round
	// shortens the line, so this ends.
	for {
		t := strings.TrimSpace(dropInvisible(s))
		if t == s {
			return s
		}
		s = t
	}
}

// cleaning is how strictly text in an event is judged: what CleanText
// and CleanLine make of it must be the text itself. New events are held to
// them (strict); a replay holds recorded text to the terminal-safe part
// alone (recorded), because a log made before invisible characters were
// removed may hold some, and must still open.
type cleaning struct{ text, line func(string) string }

// cleaningFor returns the cleaning a check applies.
func cleaningFor(replay bool) cleaning {
	if replay {
		return cleaning{text: cleanTextTerminal, line: cleanLineTerminal}
	}
	return cleaning{text: CleanText, line: CleanLine}
}

// cleanTextTerminal is CleanText as it was before invisible characters
// were removed.
func cleanTextTerminal(s string) string {
	if isPlain(s) {
		return s
	}
	return cleanTerminal(s)
}

// cleanLineTerminal is CleanLine as it was before invisible characters
// were removed: what a replay checks a recorded name or title against.
func cleanLineTerminal(s string) string {
	if isPlain(s) {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(strings.ReplaceAll(cleanTerminal(s), "\n", " "))
}

// isPlain reports whether s is printable ASCII and newlines only, which
// needs no cleaning: the common case, kept fast.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n') || c >= 0x7f {
			return false
		}
	}
	return true
}

// dropped reports whether r must never reach another terminal.
func dropped(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true // C0 and C1 controls
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // bidirectional embeddings, overrides and isolates
	case r == 0x200e || r == 0x200f || r == 0x061c:
		return true // directional marks
	case r == 0xfeff || (r >= 0xfff9 && r <= 0xfffb):
		return true // byte-order mark, interlinear annotation
	}
	// Tag characters (invisible text) are left to dropInvisible, which
	// keeps them only in a subdivision flag.
	return false
}

// escapeLength is how many bytes of s (which starts with ESC) belong to the
// escape sequence.
func escapeLength(s string) int {
	if len(s) < 2 {
		return len(s)
	}
	switch s[1] {
	case '[':
		return 2 + csiLength(s[2:])
	case ']', 'P', 'X', '^', '_':
		return 2 + stringLength(s[2:])
	}
	// Two-byte sequences, and ESC followed by intermediates then a final.
	n := 1
	for n < len(s) && s[n] >= 0x20 && s[n] <= 0x2f {
		n++
	}
	if n < len(s) && s[n] >= 0x30 && s[n] <= 0x7e {
		n++
	}
	return n
}

func c1Length(s string, r rune, size int) int {
	if r == 0x9b {
		return size + csiLength(s[size:])
	}
	return size + stringLength(s[size:])
}

// csiLength is the length of a CSI sequence's parameters, intermediates
// and final byte.
func csiLength(s string) int {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x40 && c <= 0x7e {
			return i + 1
		}
		if c < 0x20 || c >= 0x7f {
			// Not part of a CSI sequence: end it here and let the
			// character be judged on its own.
			return i
		}
	}
	return len(s)
}

// stringLength is the length of an OSC, DCS, SOS, PM or APC body and its
// terminator (BEL, ESC \ or the C1 ST). An unterminated string runs to the
// end of the text: it would swallow whatever followed on a terminal too.
func stringLength(s string) int {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c:
			return i + 2
		}
	}
	return len(s)
}

// RunesPerChar bounds the code points text may hold per character of a
// limit: room for any emoji people type (the flag of Scotland and a family
// with skin tones take seven), while accents stacked without end on one
// letter cannot make a short text of megabytes. The editor counts alike.
const RunesPerChar = 8

// RuneCount is the length of s as a person counts characters: grapheme
// clusters, so a flag, a family emoji and an accented letter are one each,
// as the editor counts them. Text with more than RunesPerChar code points a
// character counts as longer, so that a limit in characters bounds bytes.
func RuneCount(s string) int {
	runes := utf8.RuneCountInString(s)
	if runes == len(s) {
		return runes // ASCII: a character a byte (CR LF aside, which text never keeps)
	}
	chars := 0
	for it := graphemes.FromString(s); it.Next(); {
		chars++
	}
	return max(chars, (runes+RunesPerChar-1)/RunesPerChar)
}
