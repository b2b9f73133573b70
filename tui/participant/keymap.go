package participant

import (
	"charm.land/bubbles/v2/key"

	"github.com/anchorage/anchorage/tui"
)

// A participant's keys, a table for each stage of their way through the
// workshop. Each binding is what the screen matches a key against and
// what its line of keys calls it.

var bind = tui.Bind

// codeKeys send the join code typed.
var codeKeys = struct{ Join key.Binding }{
	Join: bind("enter", "join", "enter"),
}

// joinKeys fill in the join form, or open its other door: a resume code.
var joinKeys = struct{ Next, Last, Choose, Tick, Join, Resume, CarryOn, Anew key.Binding }{
	Next:    bind("tab", "next", "tab", "down"),
	Last:    bind("shift+tab", "last", "shift+tab", "up"),
	Choose:  bind("←→", "choose", "left", "right", "space"),
	Tick:    bind("space", "tick", "space", "y", "x"),
	Join:    bind("enter", "join", "enter"),
	Resume:  bind("ctrl+r", "resume code", "ctrl+r"),
	CarryOn: bind("enter", "carry on", "enter"),
	Anew:    bind("esc", "join as someone new", "esc"),
}

// guideKeys are the guide screen's own; the contribution form has its
// own too (tui.FormKeys).
var guideKeys = struct{ Save, SaveChanges, Choices, NextField, Prompts, Yours, Others, Vote, Back, CancelEdit key.Binding }{
	Save:        bind("enter", "save", "enter"),
	SaveChanges: bind("enter", "save changes", "enter"),
	Choices:     bind("tab", "choices", "tab"),
	NextField:   bind("tab", "next field", "tab"),
	Prompts:     bind("pgdn/pgup", "prompts", "pgdown", "pgup"),
	Yours:       bind("ctrl+o", "yours", "ctrl+o"),
	Others:      bind("ctrl+r", "others", "ctrl+r"),
	Vote:        bind("ctrl+t", "vote", "ctrl+t"),
	Back:        bind("esc", "back", "esc"),
	CancelEdit:  bind("esc", "cancel edit", "esc"),
}

// mineKeys go through a participant's own contributions.
var mineKeys = struct{ Choose, Edit, Delete, Withdraw, Yes, Back key.Binding }{
	Choose:   bind("↑↓", "choose", "up", "down", "k", "j"),
	Edit:     bind("enter", "edit", "enter", "e"),
	Delete:   bind("d", "delete", "d", "delete", "backspace"),
	Withdraw: bind("W", "withdraw all and leave", "W"),
	Yes:      bind("y", "yes", "y"),
	Back:     bind("esc", "back", "esc", "q", "ctrl+o"),
}

// othersKeys go through what others wrote, to build on it.
var othersKeys = struct{ Choose, Agree, Read, BuildOn, Back key.Binding }{
	Choose:  bind("↑↓", "choose", "up", "down", "pgup", "pgdown", "home", "end"),
	Agree:   bind("+", "agree (+1)", "+", "="),
	Read:    bind("r", "read whole", "r"),
	BuildOn: bind("enter", "build on it", "enter", "b"),
	Back:    bind("esc", "back to writing", "esc", "q", "ctrl+r"),
}

// voteKeys place dots, or scroll the results.
var voteKeys = struct{ Choose, Scroll, Read, Add, TakeOff, Save, Back, BackToWriting key.Binding }{
	Choose:        bind("↑↓", "choose", "up", "down", "pgup", "pgdown", "home", "end"),
	Read:          bind("r", "read whole", "r"),
	Scroll:        bind("↑↓", "scroll", "up", "down"),
	Add:           bind("→ +", "add a dot", "right", "+", "=", "space"),
	TakeOff:       bind("← -", "take off", "left", "-", "backspace"),
	Save:          bind("enter", "save", "enter"),
	Back:          bind("esc", "back", "esc", "ctrl+t", "q"),
	BackToWriting: bind("esc", "back to writing", "esc", "ctrl+t", "q"),
}
