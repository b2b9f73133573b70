package tui

import "strings"

// block is a piece of a screen: its text, and how many lines it takes.
type block struct {
	text  string
	lines int
}

// newBlock counts the lines of a piece of screen; "" is one empty line,
// as a screen's line("") is.
func newBlock(text string) block {
	return block{text: text, lines: strings.Count(text, "\n") + 1}
}

// kept is a piece of a screen drawn for the inputs it depends on (its key)
// and kept until one of them changes. Bubble Tea draws a screen after every
// message, and most messages change one part of it at most: a key typed in
// the editor leaves the prompt, the help line and the phase bar as they
// were. The key must hold everything the piece shows; a field left out of
// it is a screen that does not change when it should.
type kept[K comparable] struct {
	key   K
	piece block
	ok    bool
}

// get is the piece for key, drawn again only if key differs from the last.
func (k *kept[K]) get(key K, draw func() string) block {
	if !k.ok || k.key != key {
		k.key, k.piece, k.ok = key, newBlock(draw()), true
	}
	return k.piece
}
