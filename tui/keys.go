package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Keys are named in tables of key.Binding: what a key does is matched and
// described by the same binding, so that a screen's line of keys (Footer)
// and its list of keys say what the keys really do.

// The keys that move through a list, on every screen.
var (
	Up       = key.NewBinding(key.WithKeys("up"), key.WithHelp("↑", "up"))
	Down     = key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "down"))
	PageUp   = key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "a page up"))
	PageDown = key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "a page down"))
	Home     = key.NewBinding(key.WithKeys("home"), key.WithHelp("home", "the first"))
	End      = key.NewBinding(key.WithKeys("end"), key.WithHelp("end", "the last"))
)

// Leave is ctrl+c, which leaves every screen (see Frame).
var Leave = key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "leave"))

// Bind is a binding of keys, named in the line of keys as name does.
func Bind(name, does string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(name, does))
}

// Move is how far a key moves a cursor through a list: one for ↑ and ↓,
// page for pgup and pgdn, and to either end for home and end (a distance
// no list reaches, for the caller to clamp). ok is false for any other
// key. Every list moves by it, so that they all move alike.
func Move(k tea.KeyPressMsg, page int) (delta int, ok bool) {
	switch {
	case key.Matches(k, Up):
		return -1, true
	case key.Matches(k, Down):
		return 1, true
	case key.Matches(k, PageUp):
		return -page, true
	case key.Matches(k, PageDown):
		return page, true
	case key.Matches(k, Home):
		return -1 << 30, true
	case key.Matches(k, End):
		return 1 << 30, true
	}
	return 0, false
}

// MoveIn moves cursor through a list of n by a key (see Move), and
// reports whether the key was one that moves.
func MoveIn(cursor *int, n int, k tea.KeyPressMsg, page int) bool {
	delta, ok := Move(k, page)
	if ok {
		*cursor = min(max(*cursor+max(min(delta, n), -n), 0), max(n-1, 0))
	}
	return ok
}

// keyHelp draws lines and lists of keys: each key in Bold, what it does
// in Dim, " · " between them.
var keyHelp = help.Model{
	ShortSeparator: " · ",
	FullSeparator:  "    ",
	Ellipsis:       "…",
	Styles: help.Styles{
		ShortKey:       lipgloss.NewStyle().Bold(true),
		ShortDesc:      lipgloss.NewStyle().Foreground(colourDim),
		ShortSeparator: lipgloss.NewStyle().Foreground(colourDim),
		Ellipsis:       lipgloss.NewStyle().Foreground(colourDim),
		FullKey:        lipgloss.NewStyle().Bold(true),
		FullSeparator:  lipgloss.NewStyle(),
	},
}

// Footer is a screen's line of keys for what can be done now, the most
// important first: as many as fit the width, whole and in order, the
// least important dropped first. How to leave (ctrl+c) and how to see
// every key (?) are never dropped: a person who finds nothing else on the
// line finds those. Disabled bindings are left out.
func Footer(width int, bindings ...key.Binding) string {
	return footer(width, bindings, nil)
}

// FooterKeeping is Footer that also never drops always, shown last: how
// to back out of what the screen is doing.
func FooterKeeping(width int, always key.Binding, bindings ...key.Binding) string {
	return footer(width, bindings, &always)
}

func footer(width int, bindings []key.Binding, always *key.Binding) string {
	var on []key.Binding
	optional := 0
	for _, b := range bindings {
		if b.Enabled() {
			on = append(on, b)
			if !essential(b) {
				optional++
			}
		}
	}
	var line string
	for keep := optional; keep >= 0; keep-- {
		line = keyHelp.ShortHelpView(shown(on, keep, always))
		if Width(line) <= width {
			return line
		}
	}
	// Not even the essentials fit (a narrow window, a language whose
	// words run longer): the key to the list of keys goes first, so that
	// how to leave and how to go back stay whole.
	if short := keyHelp.ShortHelpView(withoutList(shown(on, 0, always))); Width(short) <= width {
		return short
	}
	return Fit(line, width)
}

// withoutList is bindings without F1, the key to the list of every key.
func withoutList(bindings []key.Binding) []key.Binding {
	return slices.DeleteFunc(bindings, func(b key.Binding) bool { return slices.Contains(b.Keys(), "f1") })
}

// shown are the bindings of a line of keys that keeps only the first keep
// of those that may be dropped, and always last if there is one.
func shown(on []key.Binding, keep int, always *key.Binding) []key.Binding {
	out := make([]key.Binding, 0, len(on)+1)
	for _, b := range on {
		switch {
		case essential(b):
			out = append(out, b)
		case keep > 0:
			out = append(out, b)
			keep--
		}
	}
	if always != nil {
		out = append(out, *always)
	}
	return out
}

// essential reports whether a line of keys must always show the binding:
// how to leave (ctrl+c, or a screen's own key said to leave), or how to
// see every key (?, or F1 where ? would be typed).
func essential(b key.Binding) bool {
	if b.Help().Key == "?" || b.Help().Desc == Leave.Help().Desc {
		return true
	}
	for _, k := range b.Keys() {
		if k == "ctrl+c" || k == "f1" {
			return true
		}
	}
	return false
}

// KeyList is a list of keys, a row each: the keys in a column, then what
// they do; for a screen that lists every key it has.
func KeyList(bindings []key.Binding) []string {
	rows := strings.Split(keyHelp.FullHelpView([][]key.Binding{bindings}), "\n")
	for i, r := range rows {
		rows[i] = strings.TrimRight(r, " ") // the column's padding, not words
	}
	return rows
}

// FooterKey is a line of keys as a comparable value, to keep a drawn line
// of keys by (see Keep): its width, what each key is called and does, and
// whether the last is shown however narrow the line (FooterKeeping).
type FooterKey struct {
	width   int
	keeping bool
	keys    string // each enabled key's name and description, separated
}

// NewFooterKey is the key of a line of bindings.
func NewFooterKey(width int, keeping bool, bindings ...key.Binding) FooterKey {
	var b strings.Builder
	for _, k := range bindings {
		if k.Enabled() {
			b.WriteString(k.Help().Key + "\x1f" + k.Help().Desc + "\x1e")
		}
	}
	return FooterKey{width: width, keeping: keeping, keys: b.String()}
}

// DrawFooter draws the line of keys a FooterKey names.
func DrawFooter(k FooterKey) string {
	var bindings []key.Binding
	for _, kd := range strings.Split(strings.TrimSuffix(k.keys, "\x1e"), "\x1e") {
		if name, does, ok := strings.Cut(kd, "\x1f"); ok {
			bindings = append(bindings, Bind(name, does, name))
		}
	}
	switch {
	case len(bindings) == 0:
		return ""
	case k.keeping:
		return FooterKeeping(k.width, bindings[len(bindings)-1], bindings[:len(bindings)-1]...)
	}
	return Footer(k.width, bindings...)
}
