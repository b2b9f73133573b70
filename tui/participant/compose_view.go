package participant

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/words"
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

	above := []tui.Block{l.title, l.bar, l.rule, l.prompt, l.kinds, l.themes, l.commitment, l.building}
	below := []tui.Block{l.reframe, l.notice, l.yours, l.others, l.help}
	// The screen is kept until it changes, so it is built in a string of
	// its own size: an idle session holds no more than it shows.
	size := len(editor)
	for _, parts := range [2][]tui.Block{above, below} {
		for _, part := range parts {
			if part.Lines > 0 {
				size += len(part.Text) + 1
			}
		}
	}
	var b strings.Builder
	b.Grow(size)
	for _, part := range above {
		writeBlock(&b, part)
	}
	b.WriteString(editor)
	for _, part := range below {
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
	yours   yoursLine
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

// composeParts keeps each part of the guide screen for the key it was
// drawn from (see tui.Keep): each key holds all its part shows.
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
	w                 int
	title, code, name string
	resume            string // the resume code as the title says it (titleResume)
}

// barKey is the phase bar: the guide (which does not change once the
// workshop is open), where the person is in it, and the clock.
type barKey struct {
	w             int
	guide         *inquiry.Guide
	phase, prompt int
	clock         string
	waiting       bool
	say           words.Words
}

// promptKey names a prompt of the guide, and the room it has: a roomy
// prompt shows its help whole; lines, if not 0, is the most lines its
// words may take.
type promptKey struct {
	w             int
	roomy         bool
	lines         int
	guide         *inquiry.Guide
	phase, prompt int
	lang          string
}

// noticeKey is what just happened, on one line if one, else on two.
type noticeKey struct {
	w int
	n tui.Notice
	// most is the lines it may take; 0 for as many as the width allows
	// (tui.NoticeRows).
	most int
}

type textKey struct {
	w    int
	text string
}

type helpKey struct {
	w                               int
	editing, others, vote, voteOpen bool
	say                             words.Words
}

// composeLayout draws (or takes from composeParts) every part of the
// guide screen but the editor.
func (m *Screen) composeLayout() composeLayout {
	c, w, h, parts := &m.compose, m.frame.Width, m.frame.Height, &m.drawn.parts
	phase, prompt := c.form.At()
	l := composeLayout{w: w, h: h, commitmentCursor: -1}

	tk := titleKey{w: w, title: c.view.title, code: c.view.code, name: c.view.name, resume: m.titleResume()}
	l.title = tui.Keep(&parts.title, tk, drawTitle)
	bk := barKey{w: w, guide: c.view.guide, phase: phase, prompt: prompt, clock: m.countdown(), say: m.words()}
	if bk.clock == "" {
		bk.waiting = !m.view.reachable(phase, prompt)
	}
	l.bar = tui.Keep(&parts.bar, bk, drawPhaseBar)
	l.rule = tui.Keep(&parts.rule, w, tui.Rule)
	pk := promptKey{w: w, roomy: true, guide: c.view.guide, phase: phase, prompt: prompt, lang: m.suit.lang}
	l.prompt = tui.Keep(&parts.prompt, pk, drawPrompt)
	l.kinds = c.form.KindLine(w)
	if c.answers != "" {
		l.kinds = tui.NewBlock(drawAnswering(m.words(), c.answersLabel, w))
	}
	l.themes = c.form.ThemesLine(w)
	if line, cur := c.form.CommitmentLine(w); c.form.IsAction() {
		l.commitment = tui.NewBlock(line)
		if cur != nil {
			l.commitmentCursor = cur.X
		}
	}
	if c.buildsOn != "" && c.buildsOnLabel != "" {
		l.building = tui.NewBlock(tui.Fit(tui.Accent.Render(m.say("guide.building_on", "label", c.buildsOnLabel))+tui.Dim.Render("  "+m.say("guide.building_esc")), w))
	}

	if (c.answers != "" || c.form.Kind() == inquiry.Barrier) && c.form.Prompt().In(m.suit.lang).Reframe != "" {
		pk.roomy = false
		l.reframe = tui.Keep(&parts.reframe, pk, drawReframe)
	}
	l.notice = tui.Keep(&parts.notice, noticeKey{w: w, n: m.notice}, drawNotice)
	l.yours = tui.Keep(&parts.yours, textKey{w: w, text: m.yoursText()}, drawDim)
	if hint := m.othersHint(); hint != "" {
		l.others = tui.Keep(&parts.others, textKey{w: w, text: hint}, drawDim)
	}
	hk := helpKey{w: w, editing: c.editing != "", others: m.others.count > 0, vote: m.view.vote != nil, voteOpen: m.view.voteOpen, say: m.words()}
	l.help = tui.Keep(&parts.help, hk, drawHelp)

	// A short window goes without what is least needed, in this order,
	// until the editor has its rows; where the person is (the title and
	// the phase bar), the prompt's first line, the kind and the keys stay.
	for _, squeeze := range []func(){
		func() { l.rule = tui.Block{} },
		func() { l.others = tui.Block{} },
		func() { pk.roomy = false; l.prompt = tui.Keep(&parts.prompt, pk, drawPrompt) },
		func() { l.yours = tui.Block{} },
		func() { l.notice = tui.Keep(&parts.notice, noticeKey{w: w, n: m.notice, most: 2}, drawNotice) },
		func() { l.notice = tui.Keep(&parts.notice, noticeKey{w: w, n: m.notice, most: 1}, drawNotice) },
		func() { pk.lines = 1; l.prompt = tui.Keep(&parts.prompt, pk, drawPrompt) },
		func() { l.themes = tui.Block{} },
	} {
		if l.rows()+editorRows(h) <= h {
			break
		}
		squeeze()
	}
	return l
}

// editorRows is the fewest rows the editor is given in a window h rows
// high.
func editorRows(h int) int {
	if h >= 16 {
		return 3
	}
	return 1
}

// rows is how many rows the layout's parts take, the editor aside.
func (l *composeLayout) rows() int {
	n := 0
	for _, b := range []tui.Block{l.title, l.bar, l.rule, l.prompt, l.kinds, l.themes, l.commitment, l.building,
		l.reframe, l.notice, l.yours, l.others, l.help} {
		n += b.Lines
	}
	return n
}

// drawTitle is the screen's first line: Anchorage, the workshop, its code,
// who is writing and their resume code. A narrow line drops the code and
// then the name, never the resume code: without it a dropped connection
// means joining again as someone new (issue 10).
func drawTitle(k titleKey) string {
	left := tui.Title.Render("Anchorage") + tui.Dim.Render(" · ") + k.title
	right := k.resume
	for _, r := range [][]string{{k.code, k.name, k.resume}, {k.name, k.resume}} {
		if r := joinSome(r...); tui.Width(r)+titleRoom <= k.w {
			right = r
			break
		}
	}
	return tui.TwoSides(left, tui.Dim.Render(right), k.w)
}

// titleRoom is the columns the title line keeps for "Anchorage" and the
// start of the workshop's title beside what is on its right.
const titleRoom = len("Anchorage · ") + 4

// joinSome joins the words that are not empty with " · ".
func joinSome(words ...string) string {
	var some []string
	for _, w := range words {
		if w != "" {
			some = append(some, w)
		}
	}
	return strings.Join(some, " · ")
}

// drawPrompt is the phase's name and the prompt, with its help when there
// is room.
func drawPrompt(k promptKey) string {
	ph := k.guide.Phases[k.phase]
	phase, prompt := ph.In(k.lang), ph.Prompts[k.prompt].In(k.lang)
	var s tui.Lines
	s.Line(tui.Fit(tui.Accent.Render(strings.ToUpper(phase.Title))+tui.Dim.Render(firstSentence(phase.Summary)), k.w))
	text := tui.Wrap(prompt.Text, k.w)
	most := len(text)
	if !k.roomy {
		most = 3
	}
	if k.lines > 0 {
		most = min(most, k.lines)
	}
	if len(text) > most {
		text = text[:most]
		text[most-1] = tui.Fit(text[most-1]+" …", k.w)
	}
	for _, l := range text {
		s.Line(tui.Bold.Render(l))
	}
	if k.roomy && prompt.Help != "" {
		for _, l := range tui.Wrap(prompt.Help, k.w) {
			s.Line(tui.Dim.Render(l))
		}
	}
	if k.roomy {
		s.Line("")
	}
	return s.String()
}

// drawReframe invites a barrier to be turned into what would help.
func drawReframe(k promptKey) string {
	var s tui.Lines
	for i, l := range tui.Wrap("↳ "+k.guide.Phases[k.phase].Prompts[k.prompt].In(k.lang).Reframe, k.w) {
		if i < 2 {
			s.Line(tui.Barrier.Render(l))
		}
	}
	return s.String()
}

// drawPhaseBar shows the cycle with the current phase marked, and the
// prompt's place, in the one numbering every screen uses, so a person
// always knows how far they are.
func drawPhaseBar(k barKey) string {
	place := placeIn(k.say, k.guide, k.guide.PlaceAt(k.phase, k.prompt)) // "Design 2 · 7 of 11", as everyone says it
	count := tui.Dim.Render(place)
	switch {
	case k.clock != "":
		count = tui.Warn.Render(k.clock) + tui.Dim.Render(" · "+place)
	case k.waiting:
		count = tui.Warn.Render(k.say.Say("guide.waiting"))
	}
	var parts []string
	for i, phase := range k.guide.Phases {
		ph := phase.In(k.say.Lang())
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
	// Where the person is matters more than the bar: a line too narrow
	// for the clock and the place keeps the place, and cuts the bar.
	for _, right := range []string{count, tui.Dim.Render(place)} {
		if tui.Width(right)+2 <= k.w {
			return tui.TwoSides(bar, right, k.w)
		}
	}
	return tui.Fit(count, k.w)
}

// drawNotice is what just happened, on tui.NoticeRows lines at most (or
// one).
func drawNotice(k noticeKey) string {
	switch k.most {
	case 0:
		return k.n.LinesUpTo(k.w, tui.NoticeRows(k.w))
	case 1:
		return k.n.Line(k.w)
	}
	return k.n.LinesUpTo(k.w, k.most)
}

// drawDim is a line of explanation, cut to the width.
func drawDim(k textKey) string { return tui.Dim.Render(tui.Fit(k.text, k.w)) }

// yoursText says what this person has already given at this prompt,
// from the shared fold's counts (inquiry's OwnCount and LatestOwn): read
// again only when the prompt changes or the view has taken something in,
// not at every frame, and never by walking all they wrote.
func (m *Screen) yoursText() string {
	ref, y := m.compose.ref(), &m.drawn.yours
	if y.ok && y.ref == ref && y.head == m.view.head {
		return y.text
	}
	here, all := 0, 0
	var kind inquiry.Kind
	var latest string
	me := m.view.me
	err := m.s.Room.Read(m.view.id, func(w *inquiry.Workshop) {
		here, all = w.OwnCount(me, ref)
		if c := w.LatestOwn(me, ref); c != nil {
			kind, latest = c.Kind, tui.Snippet(c.Text, 30)
		}
	})
	if err != nil {
		return "" // read again at the next frame
	}
	text := m.say("guide.nothing_saved")
	if all > 0 {
		text = m.say("guide.yours", "here", here, "all", all)
	}
	if here > 0 {
		text += " · " + m.say("guide.latest", "kind", m.words().KindLabel(kind), "text", latest)
	}
	*y = yoursLine{ok: true, ref: ref, head: m.view.head, text: text}
	return text
}

// yoursLine is the line saying what the person has given, as last read:
// at which prompt, and at which of the view's events.
type yoursLine struct {
	ok   bool
	ref  inquiry.PromptRef
	head uint64
	text string
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

// drawHelp is the line of keys, naming only what can be done now, the
// most important first (a narrow line drops the last, and F1 lists them
// all): an open vote is what the room is doing, so it comes straight
// after saving.
func drawHelp(k helpKey) string {
	g := guideKeys
	if k.editing {
		return tui.Footer(k.w, tui.KeysIn(k.say, g.SaveChanges, g.CancelEdit, g.NextField, g.Yours, listKeys.OpenTyped, tui.Leave)...)
	}
	keys := []key.Binding{g.Save}
	if k.voteOpen {
		keys = append(keys, g.Vote)
	}
	keys = append(keys, g.Prompts)
	if k.others {
		keys = append(keys, g.Others)
	}
	keys = append(keys, g.Yours)
	if k.vote && !k.voteOpen {
		keys = append(keys, g.Vote)
	}
	// The form says tab under its themes; the line names it last.
	keys = append(keys, g.Choices)
	return tui.Footer(k.w, tui.KeysIn(k.say, append(keys, listKeys.OpenTyped, tui.Leave)...)...)
}
