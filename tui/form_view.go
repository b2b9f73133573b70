package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui/words"
)

// The contribution form's lines, for a screen to lay out with its own:
// the kind and partner, the themes, for an action who and by when, and
// the editor in whatever rows are left.

// formParts keeps the form's choice lines for the inputs they show.
type formParts struct {
	kinds  Kept[kindsKey]
	themes Kept[themesKey]
	// list is the workshop's themes as the themes line last showed them.
	list *themeList
	// mark is the editor as last drawn by EditorView.
	mark editorMark
	// commitment is an action's who and by when, as last drawn.
	commitment commitmentDrawn
}

// kindsKey is all the kind and partner line shows: the guide (which does
// not change once the workshop is open) and the prompt in it, the chosen
// kind and partner, and which of them has the focus.
type kindsKey struct {
	w                  int
	guide              *inquiry.Guide
	phase, prompt      int
	kind, partner      int
	focusKind, focusPt bool
	say                words.Words
}

// themesKey is all the themes line shows.
type themesKey struct {
	w       int
	focused bool
	chosen  string // the chosen theme IDs, joined
	touched bool
	cursor  int
	themes  *themeList
	say     words.Words
}

// themeList is the workshop's themes as a kept line shows them: made anew
// when a theme is added (themes are only ever added), never changed, so a
// key may hold it.
type themeList struct{ all []inquiry.Theme }

// themeList is the workshop's themes now, as the last list if none has
// been added since.
func (f *ContributionForm) themeList() *themeList {
	all := f.choices.Themes()
	if l := f.drawn.list; l != nil && len(l.all) == len(all) {
		return l
	}
	// Not a copy: a taxonomy only grows, by appending past what this list
	// holds, so what it holds is never changed.
	f.drawn.list = &themeList{all: slices.Clip(all)}
	return f.drawn.list
}

// KindLine shows the kinds the prompt asks for, the chosen one marked, and
// the partner the contribution concerns.
func (f *ContributionForm) KindLine(w int) Block {
	k := kindsKey{w: w, guide: f.choices.Guide(), phase: f.phase, prompt: f.prompt, kind: f.kind, partner: f.partner,
		focusKind: f.focus == FieldKind, focusPt: f.focus == FieldPartner, say: f.say}
	return Keep(&f.drawn.kinds, k, drawKindLine)
}

func drawKindLine(k kindsKey) string {
	var kinds []string
	for i, kind := range k.guide.Phases[k.phase].Prompts[k.prompt].KindChoices() {
		label := k.say.KindLabel(kind)
		switch {
		case i == k.kind && k.focusKind:
			kinds = append(kinds, Selected.Render(" "+label+" "))
		case i == k.kind:
			kinds = append(kinds, Bold.Render("["+label+"]"))
		default:
			kinds = append(kinds, Dim.Render(" "+label+" "))
		}
	}
	partner := k.say.Say("form.partner_none")
	if k.partner >= 0 {
		partner = k.say.Partner(k.guide.PartnerList()[k.partner])
	}
	partnerPart := FieldMark(k.focusPt, k.say.Say("form.partner")) + " ◂ " + Accent.Render(partner) + " ▸"
	return Fit(FieldMark(k.focusKind, k.say.Say("form.kind"))+" "+strings.Join(kinds, "")+"   "+partnerPart, k.w)
}

// ThemesLine shows the chosen themes; with the focus on it, a strip of
// every theme to move along and tick.
func (f *ContributionForm) ThemesLine(w int) Block {
	k := themesKey{w: w, focused: f.focus == FieldThemes, chosen: strings.Join(f.themes, "\x00"),
		touched: f.themesTouched, cursor: f.themeCursor, themes: f.themeList(), say: f.say}
	return Keep(&f.drawn.themes, k, drawThemesLine)
}

func drawThemesLine(k themesKey) string {
	label := FieldMark(k.focused, k.say.Say("form.themes")) + " "
	themes := k.themes.all
	var chosen []string
	if k.chosen != "" {
		chosen = strings.Split(k.chosen, "\x00")
	}
	if !k.focused {
		var names []string
		for _, id := range chosen {
			for _, t := range themes {
				if t.ID == id {
					names = append(names, k.say.Theme(t))
				}
			}
		}
		if len(names) == 0 {
			return Fit(label+Dim.Render(k.say.Say("form.themes_none")), k.w)
		}
		note := ""
		if !k.touched {
			note = Dim.Render(" " + k.say.Say("form.themes_suggested"))
		}
		return Fit(label+Accent.Render(strings.Join(names, ", "))+note, k.w)
	}
	// Start the strip a little before the cursor so it stays in view.
	var items []string
	for i := max(k.cursor-1, 0); i < len(themes); i++ {
		t := themes[i]
		ticked := slices.Contains(chosen, t.ID)
		item := k.say.Theme(t)
		if ticked {
			item = "✓" + item
		}
		switch {
		case i == k.cursor:
			item = Selected.Render(item)
		case ticked:
			item = Accent.Render(item)
		}
		items = append(items, item)
	}
	return Fit(label+"◂ "+strings.Join(items, Dim.Render(" · ")), k.w)
}

// Redraw forgets the lines the form keeps, so that it draws them afresh.
func (f *ContributionForm) Redraw() { f.drawn = formParts{} }

// CommitmentLine is who will do an action and by when, with the cursor
// when one of them has the focus; "" for any other kind. It is kept until
// the inputs, the focus or the width change: drawing the two inputs took
// a fifth of the server's processor while people typed at an action
// prompt, and a typed word changes neither.
func (f *ContributionForm) CommitmentLine(w int) (string, *tea.Cursor) {
	if !f.IsAction() {
		return "", nil
	}
	d, k := &f.drawn.commitment, commitmentKey{w: w, lang: f.say.Lang(), focus: f.focus, inputs: f.inputs}
	if !d.ok || d.key != k {
		d.ok, d.key = true, k
		d.line, d.cursor = f.drawCommitment(w)
		d.draws++
	}
	if d.cursor == nil {
		return d.line, nil
	}
	cursor := *d.cursor // the caller moves it
	return d.line, &cursor
}

// commitmentKey is all the who-and-by-when line shows: the width, the
// language, the field with the focus, and the inputs as they were last
// changed.
type commitmentKey struct {
	w      int
	lang   string
	focus  FormField
	inputs uint64
}

// commitmentDrawn is the who-and-by-when line as last drawn.
type commitmentDrawn struct {
	ok     bool
	key    commitmentKey
	line   string
	cursor *tea.Cursor
	// draws counts the times it was drawn, for tests.
	draws int
}

func (f *ContributionForm) drawCommitment(w int) (string, *tea.Cursor) {
	who := FieldMark(f.focus == FieldOwner, f.say.Say("form.who")) + " "
	when := "  " + FieldMark(f.focus == FieldDue, f.say.Say("form.by_when")) + " "
	var cursor *tea.Cursor
	c := f.commitment()
	switch f.focus {
	case FieldOwner:
		cursor = OffsetCursor(c.owner.Cursor(), Width(who), 0)
	case FieldDue:
		cursor = OffsetCursor(c.due.Cursor(), Width(who)+Width(c.owner.View())+Width(when), 0)
	}
	return Fit(who+c.owner.View()+when+c.due.View(), w), cursor
}

// editorMark is what the editor showed when last drawn: the same text,
// cursor, scroll and focus draw the same rows.
type editorMark struct {
	ok      bool
	text    []rune
	cursor  int
	top     int
	focused bool
}

// EditorView draws the editor in w x h cells, with the terminal's cursor
// when the words have the focus.
func (f *ContributionForm) EditorView(w, h int) (string, *tea.Cursor) {
	f.editor.SetWidth(w)
	f.editor.SetHeight(h)
	var cursor *tea.Cursor
	if f.focus == FieldText {
		cursor = OffsetCursor(f.editor.Cursor(), 0, 0)
	}
	view := f.editor.View(newStyles())
	m := &f.drawn.mark
	m.ok, m.cursor, m.top, m.focused = true, f.editor.cursor, f.editor.top, f.editor.focused
	m.text = append(m.text[:0], f.editor.text...)
	return view, cursor
}

// EditorDrawn reports whether the editor is as EditorView last drew it, so
// that a screen can keep what it drew around it.
func (f *ContributionForm) EditorDrawn() bool {
	m, e := &f.drawn.mark, &f.editor
	return m.ok && e.cursor == m.cursor && e.top == m.top && e.focused == m.focused && slices.Equal(e.text, m.text)
}

// fieldMark labels a choice field, marked when it has the focus, so the
// writer can see where they are without colour.
func FieldMark(focused bool, label string) string {
	if focused {
		return Accent.Render("▸" + label)
	}
	return Dim.Render(" " + label)
}

// FieldLabel marks the focused field so the person can see where they are
// without colour.
func FieldLabel(focused bool, label string) string {
	if focused {
		return Accent.Render("▸ " + label)
	}
	return Dim.Render("  " + label)
}
