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
type kept[K comparable] struct{ memo[K, block] }

// get is the piece for key, drawn again only if key differs from the last.
func (k *kept[K]) get(key K, draw func() string) block {
	return k.memo.get(key, func() block { return newBlock(draw()) })
}

// memo is a value computed from a key and kept until the key changes.
type memo[K comparable, V any] struct {
	key   K
	value V
	ok    bool
}

// get is the value for key, computed again only if key differs from the
// last. The caller must not change a value it gets.
func (m *memo[K, V]) get(key K, draw func() V) V {
	if !m.ok || m.key != key {
		m.key, m.value, m.ok = key, draw(), true
	}
	return m.value
}
