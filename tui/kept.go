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

// Kept is a piece of a screen drawn from a key, and kept until the key
// changes. Bubble Tea draws a screen after every message, and most
// messages change one part of it at most: a key typed in the editor leaves
// the prompt, the line of keys and the phase bar as they were.
type Kept[K comparable] struct{ memo Memo[K, Block] }

// Keep is the piece of a screen for key: the one kept, if key is the last
// one's, else draw(key), kept for next time. draw is given nothing but
// the key, and is a top-level function (TestKeptPartsAreDrawnFromTheirKeys
// checks every call), so that all a piece shows comes from its key: an
// input left out of the key is then missing from the piece, where it
// would be seen, not a piece that silently fails to change. What the key
// points to must not change (a guide, a tally as recounted).
func Keep[K comparable](part *Kept[K], key K, draw func(K) string) Block {
	if !part.memo.ok || part.memo.key != key {
		part.memo.key, part.memo.value, part.memo.ok = key, NewBlock(draw(key)), true
	}
	return part.memo.value
}

// Memo is a value computed from a key and kept until the key changes.
type Memo[K comparable, V any] struct {
	key   K
	value V
	ok    bool
}

// Remember is Keep for any value: compute(key), kept until the key
// changes, with compute a top-level function of the key alone. The caller
// must not change a value it gets.
func Remember[K comparable, V any](m *Memo[K, V], key K, compute func(K) V) V {
	if !m.ok || m.key != key {
		m.key, m.value, m.ok = key, compute(key), true
	}
	return m.value
}
