package participant

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// viewCompose draws the guide screen: where the person is in the cycle,
// the prompt, the choices for the contribution, the editor and what has
// just happened. It fits any size from MinWidth x MinHeight up, dropping
// the help text and the phase bar's words first.
//
// Each part is kept (composeParts) until what it shows changes, and the
// whole screen is kept until a part, the editor or the size changes: a
// typed key redraws the editor and at most a line or two, and a message
// that changes nothing on the screen redraws nothing.
func (m *Screen) viewCompose() (string, *tea.Cursor) {
	c, d := &m.compose, &m.drawn
	l := m.composeLayout()
	if d.ok && l == d.layout && c.form.EditorDrawn() {
		return d.content, d.cursor
	}

	topLines := l.title.Lines + l.bar.Lines + l.rule.Lines + l.prompt.Lines + l.kinds.Lines + l.themes.Lines
	var cursor *tea.Cursor
	if l.commitment.Lines > 0 {
		_, cursor = c.form.CommitmentLine(l.w)
		cursor = tui.OffsetCursor(cursor, 0, topLines)
		topLines += l.commitment.Lines
	}
	topLines += l.building.Lines
	bottomLines := l.reframe.Lines + l.notice.Lines + l.yours.Lines + l.others.Lines + l.help.Lines
	// The editor takes whatever rows the rest leaves.
	editor, edCursor := c.form.EditorView(l.w, max(l.h-topLines-bottomLines, 1))
	if edCursor != nil {
		cursor = tui.OffsetCursor(edCursor, 0, topLines)
	}

	var b strings.Builder
	b.Grow(4 * l.w * l.h)
	for _, part := range []tui.Block{l.title, l.bar, l.rule, l.prompt, l.kinds, l.themes, l.commitment, l.building} {
		writeBlock(&b, part)
	}
	b.WriteString(editor)
	for _, part := range []tui.Block{l.reframe, l.notice, l.yours, l.others, l.help} {
		if part.Lines > 0 {
			b.WriteByte('\n')
			b.WriteString(part.Text)
		}
	}

	d.layout, d.ok = l, true
	d.content, d.cursor = b.String(), cursor
	return d.content, d.cursor
}

// writeBlock writes a part of the screen and the line break after it; a
// part of no lines (one not shown) writes nothing.
func writeBlock(b *strings.Builder, part tui.Block) {
	if part.Lines == 0 {
		return
	}
	b.WriteString(part.Text)
	b.WriteByte('\n')
}

// composeDrawn is the guide screen as last drawn, and what it was drawn
// from (with the form's editor as it drew it), to draw it again only when
// one of those has changed.
type composeDrawn struct {
	ok      bool
	layout  composeLayout
	content string
	cursor  *tea.Cursor
	parts   composeParts
}

// composeLayout is every part of the guide screen but the editor, as
// drawn for the screen's present state, and the size they are laid out
// in. Two equal layouts (and the same editor) are the same screen.
type composeLayout struct {
	w, h                                 int
	title, bar, rule, prompt, kinds      tui.Block
	themes, commitment, building         tui.Block
	reframe, notice, yours, others, help tui.Block
	commitmentCursor                     int // the owner or date field's cursor, -1 if neither has the focus
}

// composeParts keeps each part of the guide screen for the inputs it
// shows. Every key names all that its part depends on.
type composeParts struct {
	title   tui.Kept[titleKey]
	bar     tui.Kept[barKey]
	rule    tui.Kept[int]
	prompt  tui.Kept[promptKey]
	reframe tui.Kept[promptKey]
	notice  tui.Kept[noticeKey]
	yours   tui.Kept[textKey]
	others  tui.Kept[textKey]
	help    tui.Kept[helpKey]
}

type titleKey struct {
	w                         int
	title, code, name, resume string
}

type barKey struct {
	w, phase, prompt int
	clock            string
	waiting          bool
}

// promptKey names a prompt of the guide, which does not change once the
// workshop is open.
type promptKey struct {
	w     int
	roomy bool
	ref   inquiry.PromptRef
}

type noticeKey struct {
	w int
	n tui.Notice
}

type textKey struct {
	w    int
	text string
}

type helpKey struct {
	w                     int
	editing, others, vote bool
}

// composeLayout draws (or takes from composeParts) every part of the
// guide screen but the editor.
func (m *Screen) composeLayout() composeLayout {
	c, w, h, parts := &m.compose, m.frame.Width, m.frame.Height, &m.drawn.parts
	ref := c.ref()
	phase, prompt := c.form.At()
	roomy := h >= 20
	l := composeLayout{w: w, h: h, commitmentCursor: -1}

	tk := titleKey{w: w, title: c.view.title, code: c.view.code, name: c.view.name}
	if w >= 70 {
		tk.resume = m.resumeCode
	}
	l.title = parts.title.Get(tk, func() string {
		right := tk.code
		if tk.name != "" {
			right += " · " + tk.name
		}
		if tk.resume != "" {
			right += " · resume " + tk.resume
		}
		return tui.TwoSides(tui.Title.Render("Anchorage")+tui.Dim.Render(" · ")+tk.title, tui.Dim.Render(right), w)
	})
	bk := barKey{w: w, phase: phase, prompt: prompt, clock: m.countdown()}
	if bk.clock == "" {
		bk.waiting = !m.view.reachable(phase, prompt)
	}
	l.bar = parts.bar.Get(bk, func() string { return m.phaseBar(bk) })
	l.rule = parts.rule.Get(w, func() string { return tui.Rule(w) })
	pk := promptKey{w: w, roomy: roomy, ref: ref}
	l.prompt = parts.prompt.Get(pk, func() string { return m.promptLines(w, roomy) })
	l.kinds = c.form.KindLine(w)
	l.themes = c.form.ThemesLine(w)
	if line, cur := c.form.CommitmentLine(w); c.form.IsAction() {
		l.commitment = tui.NewBlock(line)
		if cur != nil {
			l.commitmentCursor = cur.X
		}
	}
	if c.buildsOn != "" && c.buildsOnLabel != "" {
		l.building = tui.NewBlock(tui.Fit(tui.Accent.Render("↳ building on "+c.buildsOnLabel)+tui.Dim.Render("  (esc: not building on it)"), w))
	}

	if c.form.Kind() == inquiry.Barrier && c.form.Prompt().Reframe != "" {
		l.reframe = parts.reframe.Get(promptKey{w: w, ref: ref}, func() string { return m.reframeLines(w) })
	}
	l.notice = parts.notice.Get(noticeKey{w: w, n: m.notice}, func() string { return m.notice.Lines(w) })
	yours := m.yoursText()
	l.yours = parts.yours.Get(textKey{w: w, text: yours}, func() string { return tui.Dim.Render(tui.Fit(yours, w)) })
	if hint := m.othersHint(); hint != "" {
		l.others = parts.others.Get(textKey{w: w, text: hint}, func() string { return tui.Dim.Render(tui.Fit(hint, w)) })
	}
	hk := helpKey{w: w, editing: c.editing != "", others: len(m.others.items) > 0, vote: m.view.vote != nil}
	l.help = parts.help.Get(hk, func() string { return m.composeHelp(hk) })
	return l
}

// promptLines are the phase's name and the prompt, with its help when
// there is room.
func (m *Screen) promptLines(w int, roomy bool) string {
	c := &m.compose
	prompt := c.form.Prompt()
	at, _ := c.form.At()
	phase := c.view.guide.Phases[at]
	var s tui.Lines
	s.Line(tui.Fit(tui.Accent.Render(strings.ToUpper(phase.Title))+tui.Dim.Render(firstSentence(phase.Summary)), w))
	for i, l := range tui.Wrap(prompt.Text, w) {
		if i < 3 || roomy {
			s.Line(tui.Bold.Render(l))
		}
	}
	if roomy && prompt.Help != "" {
		for i, l := range tui.Wrap(prompt.Help, w) {
			if i < 3 {
				s.Line(tui.Dim.Render(l))
			}
		}
	}
	if roomy {
		s.Line("")
	}
	return s.String()
}

// reframeLines invite a barrier to be turned into what would help.
func (m *Screen) reframeLines(w int) string {
	var s tui.Lines
	for i, l := range tui.Wrap("↳ "+m.compose.form.Prompt().Reframe, w) {
		if i < 2 {
			s.Line(tui.Barrier.Render(l))
		}
	}
	return s.String()
}

// phaseBar shows the cycle with the current phase marked, and the prompt's
// number, so a person always knows how far they are.
func (m *Screen) phaseBar(k barKey) string {
	c := &m.compose
	at, n := c.form.Position()
	count := tui.Dim.Render(fmt.Sprintf("prompt %d of %d", at, n))
	switch {
	case k.clock != "":
		count = tui.Warn.Render(k.clock) + tui.Dim.Render(fmt.Sprintf(" · %d of %d", at, n))
	case k.waiting:
		count = tui.Warn.Render("waiting for the facilitator")
	}
	var parts []string
	for i, ph := range c.view.guide.Phases {
		switch {
		case i == k.phase:
			parts = append(parts, tui.Accent.Render("● "+ph.Title))
		case i < k.phase:
			parts = append(parts, tui.Good.Render("✓ ")+tui.Dim.Render(ph.Title))
		default:
			parts = append(parts, tui.Dim.Render("○ "+ph.Title))
		}
	}
	bar := strings.Join(parts, tui.Dim.Render(" ─ "))
	return tui.TwoSides(bar, count, k.w)
}

// yoursText says what this person has already given at this prompt.
func (m *Screen) yoursText() string {
	ref := m.compose.ref()
	here, all := 0, 0
	var last *inquiry.Contribution
	for _, c := range m.view.mine {
		if c.Deleted || c.Withdrawn {
			continue
		}
		all++
		if c.Prompt == ref {
			here++
			last = c
		}
	}
	if all == 0 {
		return "Nothing saved yet."
	}
	text := fmt.Sprintf("Yours: %d here, %d in all", here, all)
	if last != nil {
		text += fmt.Sprintf(" · latest: %s “%s”", last.Kind.Label(), tui.Snippet(last.Text, 30))
	}
	return text
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

// composeHelp is the help line, naming only what can be done now.
func (m *Screen) composeHelp(k helpKey) string {
	g := guideKeys
	if k.editing {
		return tui.Footer(k.w, g.SaveChanges, g.CancelEdit, g.NextField, g.Yours)
	}
	keys := []key.Binding{g.Save, g.Choices, g.Prompts, g.Yours}
	if k.others {
		keys = append(keys, g.Others)
	}
	if k.vote {
		keys = append(keys, g.Vote)
	}
	return tui.Footer(k.w, append(keys, tui.Leave)...)
}
