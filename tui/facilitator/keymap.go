package facilitator

import (
	"charm.land/bubbles/v2/key"

	"github.com/anchorage/anchorage/tui"
)

// The facilitator's keys, a table for each thing the facilitator can be
// doing. Each binding is what the screen matches a key against and what
// the line of keys calls it; roomKeyList says in full what the room's
// keys do, for the list ? shows.

var bind = tui.Bind

// pageStep is how far pgup and pgdn move through a list.
const pageStep = 10

// roomKeys are the keys of the room itself.
var roomKeys = struct {
	Pick, Ends, Open, Search, Phase, Kind, Theme, Partner, Clear, NextPane, PrevPane, Sectors, Keys,
	NextPrompt, Prompts, MoreTime, LessTime, Pause, EndTime, Seeing, Reveal, Lobby, Vote, Scribe, Erase, Back, Chooser, Quit key.Binding
}{
	Pick:       bind("↑↓", "pick", "up", "down", "pgup", "pgdown"),
	Ends:       bind("home end", "newest, oldest", "home", "end"),
	Open:       bind("enter", "open", "enter"),
	Search:     bind("/", "search", "/"),
	Phase:      bind("p", "a phase", "p"),
	Kind:       bind("k", "a kind", "k"),
	Theme:      bind("t", "a theme", "t"),
	Partner:    bind("r", "a partner", "r"),
	Clear:      bind("x", "clear", "x"),
	NextPane:   bind("tab", "next pane", "tab", "right"),
	PrevPane:   bind("shift+tab", "last pane", "shift+tab", "left"),
	Sectors:    bind("g", "by sector", "g"),
	Keys:       bind("?", "keys", "?"),
	NextPrompt: bind("n", "next prompt", "n"),
	Prompts:    bind("o", "prompts", "o"),
	MoreTime:   bind("+ 5", "more time", "+", "=", "1", "5"),
	LessTime:   bind("-", "a minute less", "-", "_"),
	Pause:      bind("space", "pause", "space"),
	EndTime:    bind("0", "end time", "0"),
	Seeing:     bind("s", "seeing", "s"),
	Reveal:     bind("v", "reveal", "v"),
	Lobby:      bind("l", "lobby", "l"),
	Vote:       bind("d", "vote", "d"),
	Scribe:     bind("c", "scribe", "c"),
	Erase:      bind("e", "erase", "e"),
	Back:       bind("esc", "back", "esc"),
	Chooser:    bind("w", "workshops", "w"),
	Quit:       bind("q", "leave", "q"),
}

// detailKeys curate the contribution whose details are open.
var detailKeys = struct{ Accept, Themes, Read, Merge, Unmerge, Highlight, Hide, Next, Close key.Binding }{
	Accept:    bind("a", "confirm themes", "a"),
	Read:      bind("f", "full text", "f"),
	Themes:    bind("t", "themes", "t"),
	Merge:     bind("m", "merge", "m"),
	Unmerge:   bind("u", "undo merge", "u"),
	Highlight: bind("*", "highlight", "*"),
	Hide:      bind("h", "hide", "h"),
	Next:      bind("↑↓", "next", "up", "down"),
	Close:     bind("esc", "close", "esc"),
}

// peopleKeys act on the person the people pane's cursor is on.
var peopleKeys = struct{ Code, Reissue, Merge, Admit, AdmitAll, Remove key.Binding }{
	Code:     bind("enter", "resume code", "enter"),
	Reissue:  bind("i", "new code", "i"),
	Merge:    bind("m", "same person", "m"),
	Admit:    bind("a", "let in", "a"),
	AdmitAll: bind("A", "let all in", "A"),
	Remove:   bind("B", "remove", "B"),
}

// listed is one of the room's keys as the list of keys shows it: the keys
// by name (the binding's own name when empty) and what it does in full.
type listed struct {
	b    key.Binding
	keys string
	does string
}

// roomKeyList is every key of the room, by what it acts on, for the list
// ? shows: the same bindings the room matches and its line of keys names.
var roomKeyList = []struct {
	section string
	keys    []listed
}{
	{"The feed", []listed{
		{roomKeys.Pick, "↑ ↓ pgup pgdn", "pick out a contribution (or scroll the pane that has the focus)"},
		{roomKeys.Ends, "", "the newest (following new arrivals), or the oldest"},
		{roomKeys.Open, "", "open or close the picked-out contribution's details"},
		{roomKeys.Search, "", "search the words of contributions; enter applies, esc cancels"},
		{roomKeys.Phase, "", "show one phase (again for the next)"},
		{roomKeys.Kind, "", "show one kind (again for the next)"},
		{roomKeys.Theme, "", "show one theme (again for the next)"},
		{roomKeys.Partner, "", "show one partner (again for the next)"},
		{roomKeys.Clear, "", "clear the filters and the search"},
		{roomKeys.NextPane, "tab ← →", "move between the feed, the tally, people and the vote"},
		{roomKeys.Sectors, "", "the tally by theme, or by sector (small groups counted with others)"},
	}},
	{"Pacing", []listed{
		{roomKeys.NextPrompt, "", "open the next prompt for everyone, with its timebox"},
		{roomKeys.Prompts, "", "choose a prompt to open (or to reveal)"},
		{roomKeys.MoreTime, "+ or 1, 5", "add one or five minutes to the timebox"},
		{roomKeys.LessTime, "", "take a minute off the timebox"},
		{roomKeys.Pause, "", "pause the timebox on every screen, or start it again"},
		{roomKeys.EndTime, "", "end the timebox now: time is up on every screen"},
	}},
	{"Seeing each other", []listed{
		{roomKeys.Seeing, "", "what participants see: live, on reveal or own only; anonymous"},
		{roomKeys.Reveal, "", "reveal the open prompt's held-back contributions"},
	}},
	{"Details open", []listed{
		{detailKeys.Accept, "", "confirm its themes as they are (or, with none, what its words suggest)"},
		{detailKeys.Themes, "", "change the themes, or add a new theme (n)"},
		{detailKeys.Read, "", "read the words whole, a screenful at a time"},
		{detailKeys.Merge, "", "merge into the one it repeats (pick it in the feed)"},
		{detailKeys.Unmerge, "", "undo the merge of a merged contribution: it is shown again"},
		{detailKeys.Highlight, "", "highlight ★, or stop highlighting"},
		{detailKeys.Hide, "", "hide, giving a reason its author reads; again to show it"},
	}},
	{"Prioritising", []listed{{roomKeys.Vote, "", "open a dot vote, or close the open one (asks first)"}}},
	{"The wall display", []listed{{wallKey, "", "what the wall shows: auto, the prompt, the tally, the votes, the reveals"}}},
	{"Scribing", []listed{{roomKeys.Scribe, "", "write for a table or a person without a laptop"}}},
	{"Who is in", []listed{{roomKeys.Lobby, "", "hold newcomers in a lobby until you let them in, or lift it"}}},
	{"People pane", []listed{
		{peopleKeys.Code, "", "show a keyless person's resume code to read out (again hides it)"},
		{peopleKeys.Reissue, "", "issue them a new resume code; the old one stops working (asks first)"},
		{peopleKeys.Merge, "", "they joined twice: pick the person they are, and merge (asks first)"},
		{peopleKeys.Admit, "", "let the person waiting in the lobby in"},
		{peopleKeys.AdmitAll, "", "let everyone waiting in"},
		{peopleKeys.Remove, "", "remove and block them, giving the reason (asks first)"},
		{roomKeys.Erase, "", "erase the picked-out person at their request (asks first)"},
	}},
	{"Keys", []listed{{roomKeys.Keys, "", "this list of every key; ? again, or any other key, closes it"}}},
	{"Leaving", []listed{
		{roomKeys.Back, "", "close, clear the filters, or back to the list of workshops"},
		{roomKeys.Chooser, "", "back to the list of workshops"},
		{roomKeys.Quit, "q ctrl+c", "leave"},
	}},
}

// askKeys answer a question asked on the line above the keys; the yes key
// is named by what it does (see roomQuestion).
var askKeys = struct{ Yes, No, Answer, Cancel key.Binding }{
	Yes:    bind("y", "yes", "y", "Y"),
	No:     bind("n", "no, keep it", "n", "N", "esc"),
	Answer: bind("enter", "answer", "enter"),
	Cancel: bind("esc", "cancel", "esc"),
}

// searchKeys finish the words to search for.
var searchKeys = struct{ Search, Cancel key.Binding }{
	Search: bind("enter", "search", "enter"),
	Cancel: bind("esc", "cancel", "esc"),
}

// listKeys scroll the list of keys; any other key closes it.
var listKeys = struct{ Scroll, Close, Quit key.Binding }{
	Scroll: bind("↑↓", "scroll", "up", "down", "pgup", "pgdown"),
	Close:  bind("?", "close", "?"),
	Quit:   roomKeys.Quit,
}

// chooserKeys choose a workshop to watch.
var chooserKeys = struct{ Choose, Watch, Quit key.Binding }{
	Choose: bind("↑↓", "choose", "up", "down", "k", "j"),
	Watch:  bind("enter", "watch the room", "enter"),
	Quit:   bind("q", "quit", "q", "esc"),
}

// pickerKeys choose a prompt to open for everyone, or to reveal.
var pickerKeys = struct{ Choose, Open, Timebox, Reveal, Back key.Binding }{
	Choose:  bind("↑↓", "choose", "up", "down", "pgup", "pgdown", "home", "end"),
	Open:    bind("enter", "open for everyone", "enter"),
	Timebox: bind("t", "timebox", "t"),
	Reveal:  bind("v", "reveal", "v"),
	Back:    bind("esc", "back", "esc", "o"),
}

// settingsKeys say what participants see of each other.
var settingsKeys = struct{ Choose, Anonymous, Save, Cancel key.Binding }{
	Choose:    bind("↑↓", "choose", "up", "down"),
	Anonymous: bind("space", "anonymous", "space", "a"),
	Save:      bind("enter", "save", "enter"),
	Cancel:    bind("esc", "cancel", "esc", "s"),
}

// voteFormKeys open a dot vote.
var voteFormKeys = struct{ Next, Last, Choose, Tick, Open, Cancel key.Binding }{
	Next:   bind("tab", "next", "tab", "down"),
	Last:   bind("shift+tab", "last", "shift+tab", "up"),
	Choose: bind("←→", "choose", "left", "right"),
	Tick:   bind("space", "tick", "space"),
	Open:   bind("enter", "open the vote", "enter"),
	Cancel: bind("esc", "cancel", "esc"),
}

// themeKeys change a contribution's themes, or add one to the workshop.
var themeKeys = struct{ Move, Tick, New, Save, Cancel, Add, Keywords, Back key.Binding }{
	Move:     bind("↑↓", "move", "up", "down"),
	Tick:     bind("space", "tick", "space", "x"),
	New:      bind("n", "new theme", "n"),
	Save:     bind("enter", "save", "enter"),
	Cancel:   bind("esc", "cancel", "esc"),
	Add:      bind("enter", "add the theme", "enter"),
	Keywords: bind("tab", "keywords", "tab", "shift+tab", "up", "down"),
	Back:     bind("esc", "back", "esc"),
}

// deskKeys are the scribe desk's: choosing whom to write for, adding
// someone new, writing (with the form's own keys, tui.FormKeys), and for
// a table already there, correcting its entries, placing its dots and
// giving its kind of organisation.
var deskKeys = struct {
	Pick, Write, Add, Consent, Tick, Choose, Save, Choices, Prompt, Back,
	Entries, Dots, Agree, Organisation, Correct, Delete, AddDot, TakeOff, Toggle key.Binding
}{
	Pick:         bind("↑↓", "pick", "up", "down"),
	Write:        bind("enter", "write for them", "enter"),
	Add:          bind("enter", "add them", "enter"),
	Consent:      bind("tab", "next", "tab", "shift+tab", "up", "down"),
	Tick:         bind("space", "tick", "space"),
	Choose:       bind("←→", "choose", "left", "right"),
	Save:         bind("enter", "save", "enter"),
	Choices:      bind("tab", "choices", "tab"),
	Prompt:       bind("pgup/pgdn", "prompt", "pgup", "pgdown"),
	Back:         bind("esc", "back", "esc"),
	Entries:      bind("e", "correct", "e"),
	Dots:         bind("v", "their dots", "v"),
	Agree:        bind("+", "agree", "+", "="),
	Organisation: bind("o", "organisation", "o"),
	Correct:      bind("enter", "correct it", "enter"),
	Delete:       bind("d", "delete", "d"),
	AddDot:       bind("→ +", "a dot", "right", "+", "="),
	TakeOff:      bind("← -", "take one off", "left", "-"),
	Toggle:       bind("+ enter", "agree, or take it back", "+", "=", "enter", "space"),
}

// enrolKeys move from the name to the code, send them, or leave.
var enrolKeys = struct{ Enrol, Field, Leave key.Binding }{
	Enrol: bind("enter", "enrol", "enter"),
	Field: bind("tab", "name or code", "tab", "shift+tab", "up", "down"),
	Leave: bind("esc", "leave", "esc", "ctrl+c"),
}

// mergeKeys pick the contribution a duplicate repeats.
var mergeKeys = struct{ Pick, Merge, Cancel key.Binding }{
	Pick:   bind("↑↓", "pick the one it repeats", "up", "down", "pgup", "pgdown"),
	Merge:  bind("enter", "merge into it", "enter"),
	Cancel: bind("esc", "cancel", "esc"),
}
