package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/words"
)

// KeysIn are bindings as a line of keys says them in a language: what
// each does in the language's words (words.Words.Key), its keys the same.
// A participant's screens pass their lines of keys through it; the
// facilitator's stay in English.
func KeysIn(w words.Words, bindings ...key.Binding) []key.Binding {
	out := make([]key.Binding, len(bindings))
	for i, b := range bindings {
		out[i] = KeyIn(w, b)
	}
	return out
}

// KeyIn is one binding as KeysIn says it.
func KeyIn(w words.Words, b key.Binding) key.Binding {
	h := b.Help()
	b.SetHelp(h.Key, w.Key(h.Desc))
	return b
}

// english is the built-in catalogue's English, which the screens that are
// not a participant's speak.
func english() words.Words { return (*words.Catalogue)(nil).In(inquiry.DefaultLanguage) }
