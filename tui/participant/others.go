package participant

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// othersList is what others have written at the prompt on screen, as far
// as this person may see it, and the screen that lists it.
type othersList struct {
	ref   inquiry.PromptRef
	at    uint64 // the view's changed mark when last read
	items []otherItem
	held  bool // held back until the facilitator reveals them
	// ownOnly says the facilitator has chosen that each person sees only
	// their own contributions.
	ownOnly bool
	cursor  int
	// agreeing says an agreement (+1) is on its way to the store.
	agreeing bool
}

// otherItem is one of someone else's contributions, as shown to a
// participant: the name is "Someone" when the workshop is anonymous.
type otherItem struct {
	id, name    string
	kind        inquiry.Kind
	text        string
	highlighted bool
	// under says the item is a reframe shown under the barrier above it;
	// answers names the barrier a reframe shown on its own answers.
	under   bool
	answers string
	// agrees is how many agree with it (+1); agreed whether this person
	// does; builtOn how many contributions build on it.
	agrees  int
	agreed  bool
	builtOn int
}

// refreshOthers reads others' contributions at the prompt on screen again
// if anything they depend on has changed since the last read.
func (m *Screen) refreshOthers() {
	if m.view.me == "" || m.compose.view == nil {
		return // not in the guide yet
	}
	o, ref := &m.others, m.compose.ref()
	if ref == "" || (o.ref == ref && o.at == m.view.changed && o.at != 0) {
		return
	}
	o.ref, o.at, o.items, o.held = ref, m.view.changed, o.items[:0], false
	me, say := m.view.me, m.words()
	err := m.s.Room.Read(m.view.id, func(w *inquiry.Workshop) {
		o.items = othersAt(say, w, me, ref, o.items)
		o.held = w.Settings.Visibility == inquiry.VisibleOnReveal && !w.Revealed[ref]
		o.ownOnly = w.Settings.Visibility == inquiry.VisibleNever
	})
	if err != nil {
		o.items, o.at = nil, 0
	}
	o.cursor = min(o.cursor, max(len(o.items)-1, 0))
}

// othersHint is the compose screen's word on what others wrote here.
func (m *Screen) othersHint() string {
	m.refreshOthers()
	o := &m.others
	switch {
	case len(o.items) > 0:
		return m.say("others.hint", "n", len(o.items))
	case o.held:
		return m.say("guide.others_held")
	case o.ownOnly:
		return m.say("others.own_only")
	}
	return ""
}

func (m *Screen) openOthers() {
	m.others.at = 0 // agreements elsewhere ring no bell: read them now
	m.refreshOthers()
	if len(m.others.items) == 0 {
		m.notice = tui.Notice{Text: m.say("others.none")}
		switch {
		case m.others.held:
			m.notice = tui.Notice{Text: m.say("guide.others_held")}
		case m.others.ownOnly:
			m.notice = tui.Notice{Text: m.say("others.own_only")}
		}
		return
	}
	m.stage, m.reading = stageOthers, nil
	m.notice = tui.Notice{}
}

func (m *Screen) updateOthers(msg tea.Msg) (tea.Model, tea.Cmd) {
	o := &m.others
	if a, ok := msg.(agreedMsg); ok {
		m.agreementSaved(a)
		return m, nil
	}
	if m.updateReading(msg) {
		return m, nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	switch {
	case key.Matches(k, othersKeys.Choose):
		tui.MoveIn(&o.cursor, len(o.items), k, max((m.frame.Height-6)/3, 1)) // a page is a screenful of items
	case key.Matches(k, othersKeys.Agree):
		return m, m.toggleAgreement()
	case key.Matches(k, othersKeys.Read):
		if len(o.items) > 0 {
			item := o.items[o.cursor]
			m.readWhole(item.name+" · "+m.words().KindLabel(item.kind), item.text)
		}
	case key.Matches(k, othersKeys.BuildOn):
		if len(o.items) > 0 {
			item := o.items[o.cursor]
			m.compose.buildOn(item.id, m.say("others.label", "name", item.name, "kind", m.words().Kind(item.kind), "text", tui.Snippet(item.text, 40)))
			m.stage = stageGuide
			m.notice = tui.Notice{Text: m.say("others.build_how")}
		}
	case key.Matches(k, othersKeys.Back):
		m.stage = stageGuide
	}
	return m, nil
}

func (m *Screen) viewOthers() string {
	w, h, o := m.frame.Width, m.frame.Height, &m.others
	if m.reading != nil {
		return m.viewReading()
	}
	var b tui.Lines
	b.Line(tui.TwoSides(tui.Title.Render("Anchorage")+tui.Dim.Render(" · ")+m.say("others.title"),
		tui.Dim.Render(fmt.Sprintf("%d", len(o.items))), w))
	prompt := m.compose.form.Prompt()
	b.Line(tui.Fit(tui.Bold.Render(prompt.In(m.suit.lang).Text), w))
	b.Line(tui.Rule(w))
	// Each item takes three lines: who and what kind, then its words.
	room := max((h-6)/3, 1)
	first := min(max(o.cursor-room/2, 0), max(len(o.items)-room, 0))
	for i := first; i < len(o.items) && i < first+room; i++ {
		item := o.items[i]
		head := otherHead(m.words(), item, w-2) // after "▸ "
		lines := tui.Wrap(item.text, max(w-4, 10))
		if len(lines) > 2 {
			lines = lines[:2]
			lines[1] = tui.Fit(lines[1]+" …", max(w-4, 10))
		}
		for len(lines) < 2 {
			lines = append(lines, "")
		}
		if i == o.cursor {
			b.Line(tui.Fit(tui.Selected.Render("▸ "+head), w))
		} else {
			b.Line(tui.Fit(tui.Accent.Render("  "+head), w))
		}
		for _, l := range lines {
			b.Line("    " + l)
		}
	}
	b.Fill(h - 3)
	b.Line(m.notice.Lines(w))
	b.Fill(h - 1)
	k := othersKeys
	// The way back and the way out, however narrow; the rest by use.
	b.Line(tui.FooterKeeping(w, tui.KeyIn(m.words(), k.Back), m.keys(k.BuildOn, k.Agree, k.Read, k.Choose, listKeys.Open, tui.Leave)...))
	return b.String()
}
