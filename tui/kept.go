package tui

import "strings"

// Block is a piece of a screen: its text, and how many lines it takes.
type Block struct {
	Text  string
	Lines int
}

// NewBlock counts the lines of a piece of screen; "" is one empty line,
// as Lines.Line("") is.
func NewBlock(text string) Block {
	return Block{Text: text, Lines: strings.Count(text, "\n") + 1}
}

// Kept is a piece of a screen drawn for the inputs it depends on (its key)
// and kept until one of them changes. Bubble Tea draws a screen after every
// message, and most messages change one part of it at most: a key typed in
// the editor leaves the prompt, the help line and the phase bar as they
// were. The key must hold everything the piece shows; a field left out of
// it is a screen that does not change when it should.
type Kept[K comparable] struct{ memo Memo[K, Block] }

// Get is the piece for key, drawn again only if key differs from the last.
func (k *Kept[K]) Get(key K, draw func() string) Block {
	return k.memo.Get(key, func() Block { return NewBlock(draw()) })
}

// Memo is a value computed from a key and kept until the key changes.
type Memo[K comparable, V any] struct {
	key   K
	value V
	ok    bool
}

// Get is the value for key, computed again only if key differs from the
// last. The caller must not change a value it gets.
func (m *Memo[K, V]) Get(key K, draw func() V) V {
	if !m.ok || m.key != key {
		m.key, m.value, m.ok = key, draw(), true
	}
	return m.value
}
