package participant

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/words"
)

// othersList is what others have written at the prompt on screen, as far
// as this person may see it: how many, counted by the shared fold however
// many the prompt holds, and, only while the screen listing them is open,
// one page of them. Nothing is read again unless something touching
// others' words at this prompt (or the whole room) was folded since:
// contributions elsewhere in a busy workshop cost this screen nothing.
type othersList struct {
	ref inquiry.PromptRef
	// stale says an event touching others' words at ref came in since
	// the last read.
	stale bool
	count int
	held  bool // held back until the facilitator reveals them
	// ownOnly says the facilitator has chosen that each person sees only
	// their own contributions.
	ownOnly bool
	// offset is where the page starts among what inquiry's OthersPage
	// gives, newest first (a multiple of othersPageSize); items are the
	// page, nil while the list is closed.
	offset int
	items  []otherItem
	cursor int
	// agreeing says an agreement (+1) is on its way to the store.
	agreeing bool
	// reads counts what the screen has read of others' words.
	reads othersReads
}

// othersReads counts the screen's reads of others' words, for tests to
// tell a screen that reads only what an event changed from one that
// reads everything again.
type othersReads struct {
	counts int // times "Others here: N" was counted
	pages  int // pages of the list built
	items  int // items in those pages
}

// othersPageSize is how many of others' contributions a page of the list
// holds: a few screens' worth, read when the person opens the list or
// moves past either end of the page.
const othersPageSize = 50

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

// othersRef is the prompt whose others' words the screen shows; "" before
// the person is in the guide.
func (m *Screen) othersRef() inquiry.PromptRef {
	if m.view.me == "" || m.compose.view == nil {
		return ""
	}
	return m.compose.ref()
}

// refreshOthers reads others' words at the prompt on screen again if the
// prompt has changed, or something touching them has, since the last
// read.
func (m *Screen) refreshOthers() {
	o, ref := &m.others, m.othersRef()
	if ref == "" || o.ref == ref && !o.stale {
		return
	}
	m.readOthers(ref)
}

// readOthers counts others' words at a prompt, and reads the page on
// screen if the list is open.
func (m *Screen) readOthers(ref inquiry.PromptRef) {
	o, me, open, say := &m.others, m.view.me, m.stage == stageOthers, m.words()
	if err := m.s.Room.Read(m.view.id, func(w *inquiry.Workshop) { o.read(say, w, me, ref, open) }); err != nil {
		o.ref, o.count, o.items = "", 0, nil // read again at the next frame
	}
}

// read counts others' words at a prompt, and reads the page if the list
// is open; the list closed, it keeps no page. say is the person's
// language, which names someone anonymous.
func (o *othersList) read(say words.Words, w *inquiry.Workshop, me string, ref inquiry.PromptRef, open bool) {
	if ref != o.ref {
		o.offset, o.cursor, o.items = 0, 0, nil
	}
	o.ref, o.stale = ref, false
	o.count = w.OthersCount(ref, me)
	o.held = w.Settings.Visibility == inquiry.VisibleOnReveal && !w.Revealed[ref]
	o.ownOnly = w.Settings.Visibility == inquiry.VisibleNever
	o.reads.counts++
	if !open {
		o.items = nil
		return
	}
	picked := ""
	if o.cursor < len(o.items) {
		picked = o.items[o.cursor].id
	}
	o.fill(say, w, me, o.offset)
	o.cursor = max(min(o.cursor, len(o.items)-1), 0)
	for i, item := range o.items {
		if item.id == picked {
			o.cursor = i // the one picked stays picked while others arrive
		}
	}
}

// fill reads the page at offset, or the nearest one with anything on it:
// others' words may have gone since, or a page may hold only reframes,
// each shown under its barrier on another.
func (o *othersList) fill(say words.Words, w *inquiry.Workshop, me string, offset int) {
	last := max(o.count-1, 0) / othersPageSize * othersPageSize
	offset = min(offset, last)
	for _, at := range append([]int{offset}, pagesAround(offset, last)...) {
		o.offset, o.items = at, othersPage(say, w, me, o.ref, at, othersPageSize, o.items[:0])
		o.reads.pages++
		o.reads.items += len(o.items)
		if len(o.items) > 0 {
			return
		}
	}
}

// pagesAround are the other pages' offsets up to last, nearest first.
func pagesAround(offset, last int) []int {
	var out []int
	for d := othersPageSize; offset+d <= last || offset-d >= 0; d += othersPageSize {
		if offset+d <= last {
			out = append(out, offset+d)
		}
		if offset-d >= 0 {
			out = append(out, offset-d)
		}
	}
	return out
}

// turnPage reads the next page (dir 1) or the previous one (-1), putting
// the cursor on its first or last item.
func (m *Screen) turnPage(dir int) {
	o, me, say := &m.others, m.view.me, m.words()
	offset := o.offset + dir*othersPageSize
	err := m.s.Room.Read(m.view.id, func(w *inquiry.Workshop) { o.fill(say, w, me, offset) })
	switch {
	case err != nil:
		m.notice = tui.Notice{Text: m.say("others.not_read", "why", m.friendly(err)), Bad: true}
	case dir > 0:
		o.cursor = 0
	default:
		o.cursor = max(len(o.items)-1, 0)
	}
}

// moveInOthers moves the cursor by a key, onto the next or the previous
// page past either end of this one.
func (m *Screen) moveInOthers(k tea.KeyPressMsg) {
	o := &m.others
	delta, _ := tui.Move(k, 1)
	switch to := o.cursor + delta; {
	case to >= 0 && to < len(o.items):
		o.cursor = to
	case to >= len(o.items) && o.offset+othersPageSize < o.count:
		m.turnPage(1)
	case to < 0 && o.offset > 0:
		m.turnPage(-1)
	}
}

// othersHint is the compose screen's word on what others wrote here.
func (m *Screen) othersHint() string {
	m.refreshOthers()
	o := &m.others
	switch {
	case o.count > 0:
		return m.say("others.hint", "n", o.count)
	case o.held:
		return m.say("guide.others_held")
	case o.ownOnly:
		return m.say("others.own_only")
	}
	return ""
}

// openOthers opens the list of what others wrote at the prompt, read
// afresh, at the page and the item last picked there.
func (m *Screen) openOthers() {
	ref := m.othersRef()
	if ref == "" {
		return
	}
	m.stage = stageOthers
	m.readOthers(ref)
	if len(m.others.items) == 0 {
		m.stage, m.others.items = stageGuide, nil
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
		m.moveInOthers(k)
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
			m.stage, o.items = stageGuide, nil
			m.notice = tui.Notice{Text: m.say("others.build_how")}
		}
	case key.Matches(k, othersKeys.Back):
		m.stage, o.items = stageGuide, nil
	}
	return m, nil
}

func (m *Screen) viewOthers() string {
	w, h, o := m.frame.Width, m.frame.Height, &m.others
	if m.reading != nil {
		return m.viewReading()
	}
	var b tui.Lines
	b.Line(screenTitle(m.say("others.title"), tui.Dim.Render(fmt.Sprintf("%d", o.count)), w))
	prompt := m.compose.form.Prompt()
	b.Line(tui.Fit(tui.Bold.Render(prompt.In(m.suit.lang).Text), w))
	b.Line(tui.Rule(w))
	notice, keep := m.noticeLines(w)
	// Each item takes three lines: who and what kind, then its words.
	room := max((h-4-keep)/3, 1)
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
	b.Fill(h - 1 - keep)
	b.Line(notice)
	b.Fill(h - 1)
	k := othersKeys
	// The way back and the way out, however narrow; the rest by use.
	b.Line(tui.FooterKeeping(w, tui.KeyIn(m.words(), k.Back), m.keys(k.BuildOn, k.Agree, k.Read, k.Choose, listKeys.Open, tui.Leave)...))
	return b.String()
}
