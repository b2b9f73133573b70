package tui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// viewCompose draws the guide screen: where the person is in the cycle,
// the prompt, the choices for the contribution, the editor and what has
// just happened. It fits any size from minWidth x minHeight up, dropping
// the help text and the phase bar's words first.
func (m *Participant) viewCompose() (string, *tea.Cursor) {
	c, st, w, h := &m.compose, m.st, m.width, m.height
	prompt := c.promptDef()
	phase := c.view.guide.Phases[c.phase]
	roomy := h >= 20

	var top screen
	right := c.view.code
	if c.view.name != "" {
		right += " · " + c.view.name
	}
	if m.resumeCode != "" && w >= 70 {
		right += " · resume " + m.resumeCode
	}
	top.line(twoSides(st.title.Render("Anchorage")+st.dim.Render(" · ")+c.view.title, st.dim.Render(right), w))
	top.line(m.phaseBar(w))
	top.line(st.rule(w))
	top.line(fit(st.accent.Render(strings.ToUpper(phase.Title))+st.dim.Render(firstSentence(phase.Summary)), w))
	for i, l := range wrap(prompt.Text, w) {
		if i < 3 || roomy {
			top.line(st.bold.Render(l))
		}
	}
	if roomy && prompt.Help != "" {
		for i, l := range wrap(prompt.Help, w) {
			if i < 3 {
				top.line(st.dim.Render(l))
			}
		}
	}
	if roomy {
		top.line("")
	}
	top.line(m.kindLine(w))
	top.line(m.themesLine(w))
	var fieldCursor *tea.Cursor
	if c.isAction() {
		line, cur := m.commitmentLine(w)
		if cur != nil {
			fieldCursor = offsetCursor(cur, 0, top.n)
		}
		top.line(line)
	}
	if c.buildsOn != "" && c.buildsOnLabel != "" {
		top.line(fit(st.accent.Render("↳ building on "+c.buildsOnLabel)+st.dim.Render("  (esc: not building on it)"), w))
	}

	var bottom screen
	if k := prompt.KindChoices()[c.kind]; k == inquiry.Barrier && prompt.Reframe != "" {
		for i, l := range wrap("↳ "+prompt.Reframe, w) {
			if i < 2 {
				bottom.line(st.barrier.Render(l))
			}
		}
	}
	bottom.line(m.noticeLine(w))
	bottom.line(m.yoursLine(w))
	if hint := m.othersHint(); hint != "" {
		bottom.line(st.dim.Render(fit(hint, w)))
	}
	bottom.line(m.composeHelp(w))

	edHeight := max(h-top.n-bottom.n, 1)
	// The editor takes whatever rows the rest leaves; sizing it here keeps
	// that arithmetic in one place.
	c.editor.SetWidth(w)
	c.editor.SetHeight(edHeight)
	var out screen
	out.line(top.String())
	cursor := fieldCursor
	if c.focus == fieldText {
		cursor = offsetCursor(c.editor.Cursor(), 0, out.n)
	}
	out.line(c.editor.View(st))
	out.fill(top.n + edHeight)
	out.line(bottom.String())
	return out.String(), cursor
}

// phaseBar shows the cycle with the current phase marked, and the prompt's
// number, so a person always knows how far they are.
func (m *Participant) phaseBar(w int) string {
	c, st := &m.compose, m.st
	at, n := c.position()
	count := st.dim.Render(fmt.Sprintf("prompt %d of %d", at, n))
	switch clock := m.countdown(); {
	case clock != "":
		count = st.warn.Render(clock) + st.dim.Render(fmt.Sprintf(" · %d of %d", at, n))
	case !m.view.reachable(c.phase, c.prompt):
		count = st.warn.Render("waiting for the facilitator")
	}
	var parts []string
	for i, ph := range c.view.guide.Phases {
		switch {
		case i == c.phase:
			parts = append(parts, st.accent.Render("● "+ph.Title))
		case i < c.phase:
			parts = append(parts, st.good.Render("✓ ")+st.dim.Render(ph.Title))
		default:
			parts = append(parts, st.dim.Render("○ "+ph.Title))
		}
	}
	bar := strings.Join(parts, st.dim.Render(" ─ "))
	return twoSides(bar, count, w)
}

// kindLine shows the kinds this prompt asks for, the chosen one marked,
// and the partner the contribution concerns.
func (m *Participant) kindLine(w int) string {
	c, st := &m.compose, m.st
	var kinds []string
	for i, k := range c.promptDef().KindChoices() {
		label := k.Label()
		switch {
		case i == c.kind && c.focus == fieldKind:
			kinds = append(kinds, st.selected.Render(" "+label+" "))
		case i == c.kind:
			kinds = append(kinds, st.bold.Render("["+label+"]"))
		default:
			kinds = append(kinds, st.dim.Render(" "+label+" "))
		}
	}
	partner := "none"
	if c.partner >= 0 {
		partner = c.view.guide.PartnerList()[c.partner].Label
	}
	partnerPart := fieldMark(st, c.focus == fieldPartner, "Partner") + " ◂ " + st.accent.Render(partner) + " ▸"
	return fit(fieldMark(st, c.focus == fieldKind, "Kind")+" "+strings.Join(kinds, "")+"   "+partnerPart, w)
}

// themesLine shows the chosen themes; with the focus on it, a strip of
// every theme to move along and tick.
func (m *Participant) themesLine(w int) string {
	c, st := &m.compose, m.st
	label := fieldMark(st, c.focus == fieldThemes, "Themes") + " "
	if c.focus != fieldThemes {
		if len(c.themes) == 0 {
			return fit(label+st.dim.Render("none yet (tab to choose)"), w)
		}
		names := make([]string, len(c.themes))
		for i, id := range c.themes {
			names[i] = c.view.themeLabel(id)
		}
		note := ""
		if !c.themesTouched {
			note = st.dim.Render(" (suggested from your words)")
		}
		return fit(label+st.accent.Render(strings.Join(names, ", "))+note, w)
	}
	// Start the strip a little before the cursor so it stays in view.
	var items []string
	for i := max(c.themeCursor-1, 0); i < len(c.view.themes); i++ {
		t := c.view.themes[i]
		ticked := slices.Contains(c.themes, t.ID)
		item := t.Label
		if ticked {
			item = "✓" + item
		}
		switch {
		case i == c.themeCursor:
			item = st.selected.Render(item)
		case ticked:
			item = st.accent.Render(item)
		}
		items = append(items, item)
	}
	return fit(label+"◂ "+strings.Join(items, st.dim.Render(" · ")), w)
}

// fieldMark labels a choice field, marked when it has the focus.
func fieldMark(st styles, focused bool, label string) string {
	if focused {
		return st.accent.Render("▸" + label)
	}
	return st.dim.Render(" " + label)
}

// yoursLine says what this person has already given at this prompt.
func (m *Participant) yoursLine(w int) string {
	st := m.st
	here := m.view.live(m.compose.ref())
	all := len(m.view.live(""))
	if all == 0 {
		return st.dim.Render(fit("Nothing saved yet.", w))
	}
	text := fmt.Sprintf("Yours: %d here, %d in all", len(here), all)
	if len(here) > 0 {
		last := here[len(here)-1]
		text += fmt.Sprintf(" · latest: %s “%s”", last.Kind.Label(), snippet(last.Text, 30))
	}
	return st.dim.Render(fit(text, w))
}

// twoSides puts left and right on one line, cutting left if both do not fit.
func twoSides(left, right string, w int) string {
	rw := width(right)
	if rw+2 > w {
		return fit(left, w)
	}
	left = fit(left, w-rw-1)
	return left + strings.Repeat(" ", w-width(left)-rw) + right
}

// firstSentence is " · " and the first sentence of a summary, to name a
// phase in a few words; "" when there is no summary.
func firstSentence(s string) string {
	if s == "" {
		return ""
	}
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i]
	}
	return " · " + strings.TrimSuffix(s, ".")
}

// commitmentLine is the owner and date of an action, with the cursor when
// one of them has the focus.
func (m *Participant) commitmentLine(w int) (string, *tea.Cursor) {
	c, st := &m.compose, m.st
	who := fieldMark(st, c.focus == fieldOwner, "Who") + " "
	when := "  " + fieldMark(st, c.focus == fieldDue, "By when") + " "
	var cursor *tea.Cursor
	switch c.focus {
	case fieldOwner:
		cursor = offsetCursor(c.owner.Cursor(), width(who), 0)
	case fieldDue:
		cursor = offsetCursor(c.due.Cursor(), width(who)+width(c.owner.View())+width(when), 0)
	}
	return fit(who+c.owner.View()+when+c.due.View(), w), cursor
}

// composeHelp is the help line, naming only what can be done now.
func (m *Participant) composeHelp(w int) string {
	c, st := &m.compose, m.st
	if c.editing != "" {
		return st.helpLine(w, "enter", "save changes", "esc", "cancel edit", "tab", "next field", "ctrl+o", "yours")
	}
	pairs := []string{"enter", "save", "tab", "choices", "pgdn/pgup", "prompts", "ctrl+o", "yours"}
	if len(m.others.items) > 0 {
		pairs = append(pairs, "ctrl+r", "others")
	}
	if m.view.vote != nil {
		pairs = append(pairs, "ctrl+t", "vote")
	}
	return st.helpLine(w, append(pairs, "ctrl+c", "leave")...)
}
