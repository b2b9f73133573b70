package tui

import (
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// The contribution form's lines, for a screen to lay out with its own:
// the kind and partner, the themes, for an action who and by when, and
// the editor in whatever rows are left.

// formParts keeps the form's choice lines for the inputs they show.
type formParts struct {
	kinds  Kept[formKindsKey]
	themes Kept[formThemesKey]
	// mark is the editor as last drawn by EditorView.
	mark editorMark
}

type formKindsKey struct {
	w                  int
	ref                inquiry.PromptRef
	kind, partner      int
	focusKind, focusPt bool
}

type formThemesKey struct {
	w         int
	focused   bool
	chosen    string // the chosen theme IDs, joined
	touched   bool
	cursor    int
	available int // themes are only ever added, so their number names the list
}

// KindLine shows the kinds the prompt asks for, the chosen one marked, and
// the partner the contribution concerns.
func (f *ContributionForm) KindLine(w int) Block {
	k := formKindsKey{w: w, ref: f.Ref(), kind: f.kind, partner: f.partner,
		focusKind: f.focus == FieldKind, focusPt: f.focus == FieldPartner}
	return f.drawn.kinds.Get(k, func() string { return f.kindLine(w) })
}

func (f *ContributionForm) kindLine(w int) string {
	var kinds []string
	for i, k := range f.Prompt().KindChoices() {
		label := k.Label()
		switch {
		case i == f.kind && f.focus == FieldKind:
			kinds = append(kinds, Selected.Render(" "+label+" "))
		case i == f.kind:
			kinds = append(kinds, Bold.Render("["+label+"]"))
		default:
			kinds = append(kinds, Dim.Render(" "+label+" "))
		}
	}
	partner := "none"
	if f.partner >= 0 {
		partner = f.choices.Guide().PartnerList()[f.partner].Label
	}
	partnerPart := FieldMark(f.focus == FieldPartner, "Partner") + " ◂ " + Accent.Render(partner) + " ▸"
	return Fit(FieldMark(f.focus == FieldKind, "Kind")+" "+strings.Join(kinds, "")+"   "+partnerPart, w)
}

// ThemesLine shows the chosen themes; with the focus on it, a strip of
// every theme to move along and tick.
func (f *ContributionForm) ThemesLine(w int) Block {
	k := formThemesKey{w: w, focused: f.focus == FieldThemes, chosen: strings.Join(f.themes, "\x00"),
		touched: f.themesTouched, cursor: f.themeCursor, available: len(f.choices.Themes())}
	return f.drawn.themes.Get(k, func() string { return f.themesLine(w) })
}

func (f *ContributionForm) themesLine(w int) string {
	label := FieldMark(f.focus == FieldThemes, "Themes") + " "
	themes := f.choices.Themes()
	if f.focus != FieldThemes {
		var names []string
		for _, id := range f.themes {
			for _, t := range themes {
				if t.ID == id {
					names = append(names, t.Label)
				}
			}
		}
		if len(names) == 0 {
			return Fit(label+Dim.Render("none yet (tab to choose)"), w)
		}
		note := ""
		if !f.themesTouched {
			note = Dim.Render(" (suggested from the words)")
		}
		return Fit(label+Accent.Render(strings.Join(names, ", "))+note, w)
	}
	// Start the strip a little before the cursor so it stays in view.
	var items []string
	for i := max(f.themeCursor-1, 0); i < len(themes); i++ {
		t := themes[i]
		ticked := slices.Contains(f.themes, t.ID)
		item := t.Label
		if ticked {
			item = "✓" + item
		}
		switch {
		case i == f.themeCursor:
			item = Selected.Render(item)
		case ticked:
			item = Accent.Render(item)
		}
		items = append(items, item)
	}
	return Fit(label+"◂ "+strings.Join(items, Dim.Render(" · ")), w)
}

// CommitmentLine is who will do an action and by when, with the cursor
// when one of them has the focus; "" for any other kind.
func (f *ContributionForm) CommitmentLine(w int) (string, *tea.Cursor) {
	if !f.IsAction() {
		return "", nil
	}
	who := FieldMark(f.focus == FieldOwner, "Who") + " "
	when := "  " + FieldMark(f.focus == FieldDue, "By when") + " "
	var cursor *tea.Cursor
	switch f.focus {
	case FieldOwner:
		cursor = OffsetCursor(f.owner.Cursor(), Width(who), 0)
	case FieldDue:
		cursor = OffsetCursor(f.due.Cursor(), Width(who)+Width(f.owner.View())+Width(when), 0)
	}
	return Fit(who+f.owner.View()+when+f.due.View(), w), cursor
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
