package inquiry

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Invisible text. Characters that draw nothing are measured as zero
// columns by one piece of code, one column by another and by the terminal:
// a name of forty soft hyphens or a text of two thousand of them slides
// everything after it on a facilitator's screen. So they are removed on
// the way in, and what is left is text whose every grapheme cluster takes
// at least one column (see Width).
//
// What goes: Unicode format characters (general category Cf: the soft
// hyphen, zero-width space and joiners, the word joiner, bidirectional
// controls, tags), the other default-ignorable code points (variation
// selectors, the combining grapheme joiner, the Hangul and Mongolian
// fillers), the braille blank, noncharacters, and a combining mark with
// nothing before it to combine with (at the start of a text or a line).
//
// What stays, because it is part of a visible emoji: the zero-width joiner
// between two symbols (👩‍🌾), a text or emoji presentation selector after a
// symbol (❤️) or in a keycap (1️⃣), and the tag letters of a subdivision
// flag (🏴󠁧󠁢󠁳󠁣󠁴󠁿, Scotland's).

const (
	zwj         = '\u200d'
	vs15        = '\ufe0e' // text presentation
	vs16        = '\ufe0f' // emoji presentation
	keycap      = '\u20e3'
	blackFlag   = '\U0001f3f4'
	tagCancel   = '\U000e007f'
	maxFlagTags = 6 // "gbsct": a region and up to three more letters or digits
	minFlagTags = 3
)

// hasInvisible reports whether s may hold something dropInvisible removes:
// a cheap test on the bytes, so plain text costs one scan.
func hasInvisible(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// dropInvisible removes what draws nothing from s (which CleanText has
// already made free of controls and escape sequences).
func dropInvisible(s string) string {
	if !hasInvisible(s) {
		return s
	}
	runes := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	var prev rune // the last rune kept; 0 at the start
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if r == blackFlag {
			if n := flagTags(runes[i+1:]); n > 0 {
				b.WriteString(string(runes[i : i+1+n]))
				prev = tagCancel
				i += n
				continue
			}
		}
		if !keepRune(runes, i, prev) {
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// keepRune decides for runes[i], given the last rune kept.
func keepRune(runes []rune, i int, prev rune) bool {
	r := runes[i]
	switch {
	case r == zwj:
		return emojiBefore(prev) && i+1 < len(runes) && isSymbol(runes[i+1])
	case r == vs15 || r == vs16:
		if isSymbol(prev) {
			return true
		}
		// A keycap: a digit, # or *, the selector, then U+20E3.
		return strings.ContainsRune("0123456789#*", prev) && i+1 < len(runes) && runes[i+1] == keycap
	case ignorable(r):
		return false
	case unicode.In(r, unicode.M):
		// A mark combines with what comes before it; with nothing there it
		// would stand alone, zero columns wide.
		return prev != 0 && prev != '\n'
	}
	return true
}

// emojiBefore reports whether the rune kept last ends an emoji a
// zero-width joiner can continue: a symbol (skin tones are symbols too),
// or a selector kept after one.
func emojiBefore(prev rune) bool {
	return isSymbol(prev) || prev == vs16 || prev == vs15
}

// isSymbol reports whether r is a symbol (general category S), where
// emoji live.
func isSymbol(r rune) bool { return r > 0x7f && unicode.In(r, unicode.S) }

// flagTags returns how many runes after a black flag make its subdivision
// tag sequence (tag letters or digits, then the cancel tag), or 0 if they
// do not make one.
func flagTags(after []rune) int {
	for n, r := range after {
		switch {
		case r == tagCancel && n >= minFlagTags:
			return n + 1
		case n >= maxFlagTags:
			return 0
		case r >= '\U000e0061' && r <= '\U000e007a', r >= '\U000e0030' && r <= '\U000e0039':
		default:
			return 0
		}
	}
	return 0
}

// ignorable reports whether r draws nothing: a format character, or
// another of Unicode's default-ignorable code points.
func ignorable(r rune) bool {
	switch {
	case unicode.Is(unicode.Cf, r):
		return true
	case r == '\u034f': // combining grapheme joiner
		return true
	case r == '\u115f' || r == '\u1160' || r == '\u3164' || r == '\uffa0':
		return true // Hangul fillers: blank, and measured 0, 1 or 2 wide
	case r >= '\u17b4' && r <= '\u17b5': // Khmer inherent vowels
		return true
	case r >= '\u180b' && r <= '\u180f': // Mongolian selectors and separator
		return true
	case r >= '\ufe00' && r <= '\ufe0f', r >= '\U000e0100' && r <= '\U000e01ef':
		return true // variation selectors (kept above where an emoji needs one)
	case r >= '\ufff0' && r <= '\ufff8', r >= '\U000e0000' && r <= '\U000e0fff':
		return true // unassigned but reserved as ignorable
	case r >= '\U0001bca0' && r <= '\U0001bca3', r >= '\U0001d173' && r <= '\U0001d17a':
		return true // shorthand and musical format controls
	case r == '\u2800':
		return true // braille blank: a blank that is not a space
	case r >= '\ufdd0' && r <= '\ufdef', r&0xfffe == 0xfffe:
		return true // noncharacters: never meant to be shown
	}
	return false
}
