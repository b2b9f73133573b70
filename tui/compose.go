package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// composeField is the part of the guide screen that has the focus.
type composeField int

const (
	fieldText composeField = iota
	fieldKind
	fieldThemes
	fieldPartner
	fieldOwner // actions only: who will do it
	fieldDue   // actions only: by when
	composeFields
)

// composer is the guide screen's state: where the person is in the guide
// and the contribution they are writing or editing.
type composer struct {
	view          *participantView
	phase, prompt int
	editor        editor
	kind          int      // index into the prompt's kind choices
	themes        []string // chosen theme IDs
	themesTouched bool     // the person chose themes: stop suggesting
	themeCursor   int
	partner       int // index into the guide's partners, -1 for none
	focus         composeField
	editing       string // the contribution being edited; "" for a new one
	pendingID     string // the ID of a new contribution whose save failed, kept for the retry
	// sending is the contribution on its way to the store. The editor is
	// cleared as it goes, so the person can write on; a failure puts it
	// back.
	sending *outgoing
	drafts  map[inquiry.PromptRef]string
	// buildsOn is the contribution this one builds on, and how to name it.
	buildsOn, buildsOnLabel string
	// owner and due make an action a commitment.
	owner, due textinput.Model
}

// outgoing is a contribution being saved, with the choices to restore if
// the save fails.
type outgoing struct {
	event         inquiry.Event
	ref           inquiry.PromptRef
	kind, partner int
	themes        []string
	themesTouched bool
	editing       string
	buildsOn      string
	buildsLabel   string
	owner, due    string
}

func newComposer(v *participantView) composer {
	ed := newEditor("Type here. Enter saves; alt+enter starts a new line.", inquiry.MaxTextRunes)
	ed.Focus()
	c := composer{view: v, editor: ed, partner: -1, drafts: map[inquiry.PromptRef]string{}}
	c.owner = newLineInput("a person or an organisation", inquiry.MaxOwnerRunes)
	c.owner.Prompt = ""
	c.owner.SetWidth(28)
	c.owner.Blur()
	c.due = newLineInput("YYYY-MM-DD", 10)
	c.due.Prompt = ""
	c.due.Blur()
	return c
}

func (c *composer) ref() inquiry.PromptRef {
	if len(c.view.guide.Phases) == 0 {
		return ""
	}
	return c.view.guide.Ref(c.phase, c.prompt)
}

func (c *composer) promptDef() inquiry.Prompt {
	return c.view.guide.Phases[c.phase].Prompts[c.prompt]
}

// goTo moves to another prompt, keeping the unsent text of this one as a
// draft to come back to.
func (c *composer) goTo(phase, prompt int) {
	c.drafts[c.ref()] = c.editor.Value()
	c.phase, c.prompt = phase, prompt
	c.clear()
	c.editor.SetValue(c.drafts[c.ref()])
	c.suggest()
}

// neighbour is the prompt delta steps away through the whole guide.
func (c *composer) neighbour(delta int) (phase, prompt int, ok bool) {
	g := c.view.guide
	var flat [][2]int
	at := 0
	for p, ph := range g.Phases {
		for q := range ph.Prompts {
			if p == c.phase && q == c.prompt {
				at = len(flat)
			}
			flat = append(flat, [2]int{p, q})
		}
	}
	to := at + delta
	if to < 0 || to >= len(flat) {
		return 0, 0, false
	}
	return flat[to][0], flat[to][1], true
}

// position is the prompt's number in the whole guide and the total.
func (c *composer) position() (int, int) {
	n, at := 0, 0
	for p, ph := range c.view.guide.Phases {
		for q := range ph.Prompts {
			n++
			if p == c.phase && q == c.prompt {
				at = n
			}
		}
	}
	return at, n
}

// clear resets the contribution being written to an empty new one.
func (c *composer) clear() {
	c.editor.Reset()
	c.kind, c.themes, c.themesTouched, c.themeCursor, c.partner = 0, nil, false, 0, -1
	c.editing, c.pendingID = "", ""
	c.buildsOn, c.buildsOnLabel = "", ""
	c.owner.SetValue("")
	c.due.SetValue("")
	c.setFocus(fieldText)
}

// isAction reports whether the contribution being written is an action,
// which can carry an owner and a date.
func (c *composer) isAction() bool {
	return c.promptDef().KindChoices()[c.kind] == inquiry.Action
}

// cycleFocus moves the focus to the next (or previous) field, skipping
// the owner and date unless the contribution is an action.
func (c *composer) cycleFocus(delta int) {
	f := c.focus
	for {
		f = composeField(cycle(int(f), delta, int(composeFields)))
		if (f != fieldOwner && f != fieldDue) || c.isAction() {
			break
		}
	}
	c.setFocus(f)
}

// buildOn starts a contribution that builds on someone else's.
func (c *composer) buildOn(id, label string) {
	if c.editing != "" {
		return // an edit keeps what it built on
	}
	c.buildsOn, c.buildsOnLabel = id, label
	c.setFocus(fieldText)
}

// suggest offers themes from the words typed, until the person chooses.
func (c *composer) suggest() {
	if !c.themesTouched {
		c.themes = c.view.themeIndex().Suggest(c.editor.Value())
	}
}

func (c *composer) setFocus(f composeField) {
	c.focus = f
	c.editor.Blur()
	c.owner.Blur()
	c.due.Blur()
	switch f {
	case fieldText:
		c.editor.Focus()
	case fieldOwner:
		c.owner.Focus()
	case fieldDue:
		c.due.Focus()
	}
}

// load puts an existing contribution in the editor to be changed.
func (c *composer) load(con *inquiry.Contribution) {
	p, q, ok := c.view.guide.Locate(con.Prompt)
	if !ok {
		return
	}
	c.drafts[c.ref()] = c.editor.Value()
	c.phase, c.prompt = p, q
	c.clear()
	c.editing = con.ID
	c.buildsOn = con.BuildsOn // an edit cannot change it
	c.editor.SetValue(con.Text)
	c.owner.SetValue(con.Owner)
	c.due.SetValue(con.Due)
	c.kind = max(slices.Index(c.promptDef().KindChoices(), con.Kind), 0)
	c.themes, c.themesTouched = slices.Clone(con.Themes), true
	for i, partner := range c.view.guide.PartnerList() {
		if partner.ID == con.Partner {
			c.partner = i
		}
	}
}

// savedMsg reports the outcome of saving a contribution.
type savedMsg struct {
	sent  inquiry.Event
	event inquiry.Event
	err   error
}

func (m *Participant) updateCompose(msg tea.Msg) (tea.Model, tea.Cmd) {
	c := &m.compose
	switch msg := msg.(type) {
	case savedMsg:
		return m, m.saved(msg)
	case tea.PasteMsg:
		text := inquiry.CleanText(msg.Content)
		if n := inquiry.RuneCount(c.editor.Value()) + inquiry.RuneCount(text); n > inquiry.MaxTextRunes {
			m.notice = notice{text: fmt.Sprintf("Nothing was pasted: that would make %d characters, and a contribution holds up to %d. Paste a shorter part.", n, inquiry.MaxTextRunes), bad: true}
			return m, nil
		}
		c.setFocus(fieldText)
		c.editor.InsertString(text)
		c.suggest()
		m.saveDraft()
		return m, nil
	case tea.KeyPressMsg:
		if cmd, done := m.composeKey(msg); done {
			return m, cmd
		}
	}
	if c.focus != fieldText {
		return m, nil
	}
	if c.editor.Update(msg) {
		c.suggest()
		m.saveDraft()
	}
	return m, nil
}

// composeKey handles the keys the guide screen owns; done is false for
// keys that belong to the editor.
func (m *Participant) composeKey(k tea.KeyPressMsg) (cmd tea.Cmd, done bool) {
	c := &m.compose
	switch k.String() {
	case "enter":
		return m.save(), true
	case "tab":
		c.cycleFocus(1)
		return nil, true
	case "shift+tab":
		c.cycleFocus(-1)
		return nil, true
	case "pgdown":
		m.movePrompt(1)
		return nil, true
	case "pgup":
		m.movePrompt(-1)
		return nil, true
	case "ctrl+o":
		m.openMine()
		return nil, true
	case "ctrl+r":
		m.openOthers()
		return nil, true
	case "ctrl+t":
		return m.openVote(), true
	case "esc":
		if c.buildsOn != "" && c.editing == "" {
			c.buildsOn, c.buildsOnLabel = "", ""
			m.notice = notice{text: "Not building on it: this is a contribution of its own."}
			return nil, true
		}
		if c.editing != "" {
			c.clear()
			c.editor.SetValue(c.drafts[c.ref()])
			m.notice = notice{text: "Edit cancelled: the contribution is unchanged."}
		}
		c.setFocus(fieldText)
		return nil, true
	}
	if c.focus == fieldText {
		return nil, false
	}
	if c.focus == fieldOwner || c.focus == fieldDue {
		in := &c.owner
		if c.focus == fieldDue {
			in = &c.due
		}
		var cmd tea.Cmd
		*in, cmd = in.Update(k)
		return cmd, true
	}
	delta := map[string]int{"left": -1, "right": 1}[k.String()]
	switch c.focus {
	case fieldKind:
		if delta != 0 {
			c.kind = cycle(c.kind, delta, len(c.promptDef().KindChoices()))
			return nil, true
		}
	case fieldPartner:
		if delta != 0 {
			// Index -1 is "none", so cycle over one more than the list.
			c.partner = cycle(c.partner+1, delta, len(c.view.guide.PartnerList())+1) - 1
			return nil, true
		}
	case fieldThemes:
		switch {
		case delta != 0:
			c.themeCursor = cycle(c.themeCursor, delta, len(c.view.themes))
			return nil, true
		case k.String() == "space" || k.String() == "x":
			id := c.view.themes[c.themeCursor].ID
			if i := slices.Index(c.themes, id); i >= 0 {
				c.themes = slices.Delete(c.themes, i, i+1)
			} else {
				c.themes = append(c.themes, id)
			}
			c.themesTouched = true
			return nil, true
		}
	}
	if k.Text != "" {
		// Typing on a choice field goes to the text, not into the void.
		c.setFocus(fieldText)
		return nil, false
	}
	return nil, true
}

// movePrompt steps through the guide, as far as the pacing allows, and
// tells the room where this person now is.
func (m *Participant) movePrompt(delta int) {
	p, q, ok := m.compose.neighbour(delta)
	switch {
	case !ok && delta > 0:
		m.notice = notice{text: "This is the last prompt. Thank you: you can go back with pgup, or leave with ctrl+c."}
		return
	case !ok:
		m.notice = notice{text: "This is the first prompt."}
		return
	case !m.view.reachable(p, q):
		m.notice = notice{text: "The facilitator opens the next prompt for everyone: it will appear here when they do."}
		return
	}
	m.compose.goTo(p, q)
	m.saveDraft()
	m.notice = notice{}
	if m.move != nil {
		m.move(m.presence())
	}
}

// save sends the contribution in the editor to the store, as new or as
// an edit, and clears the editor for the next one.
func (m *Participant) save() tea.Cmd {
	c := &m.compose
	if c.sending != nil {
		m.notice = notice{text: "Still saving the last one: press enter again in a moment."}
		return nil
	}
	if !m.view.open {
		m.notice = notice{text: "The workshop is closed: nothing more can be saved. Your text is still here.", bad: true}
		return nil
	}
	if !m.view.reachable(c.phase, c.prompt) {
		m.notice = notice{text: "The facilitator has not opened this prompt yet: your text is kept until they do.", bad: true}
		return nil
	}
	text := strings.TrimSpace(inquiry.CleanText(c.editor.Value()))
	if text == "" {
		m.notice = notice{text: "Write something first, then press enter to save.", bad: true}
		return nil
	}
	if n := inquiry.RuneCount(text); n > inquiry.MaxTextRunes {
		m.notice = notice{text: fmt.Sprintf("That is %d characters; a contribution holds up to %d. Please shorten it.", n, inquiry.MaxTextRunes), bad: true}
		return nil
	}
	d := &inquiry.ContributionDetails{
		Participant: m.view.me, Prompt: c.ref(), Kind: c.promptDef().KindChoices()[c.kind],
		Text: inquiry.Words{Text: text}, Themes: slices.Clone(c.themes), BuildsOn: c.buildsOn,
	}
	if c.partner >= 0 {
		d.Partner = c.view.guide.PartnerList()[c.partner].ID
	}
	if c.isAction() {
		d.Owner = inquiry.Words{Text: inquiry.CleanLine(c.owner.Value())}
		d.Due = strings.TrimSpace(c.due.Value())
		if _, err := time.Parse(time.DateOnly, d.Due); d.Due != "" && err != nil {
			m.notice = notice{text: "The date should look like 2026-12-31 (year, month, day), or be left empty.", bad: true}
			c.setFocus(fieldDue)
			return nil
		}
	}
	e := inquiry.Event{Type: inquiry.ContributionAdded, Actor: m.s.Actor, Contribution: d}
	if c.editing != "" {
		e.Type, d.ID = inquiry.ContributionEdited, c.editing
	} else {
		if c.pendingID == "" {
			c.pendingID = m.s.newID()
		}
		d.ID = c.pendingID
	}
	c.sending = &outgoing{
		event: e, ref: c.ref(), kind: c.kind, partner: c.partner,
		themes: c.themes, themesTouched: c.themesTouched, editing: c.editing,
		buildsOn: c.buildsOn, buildsLabel: c.buildsOnLabel, owner: c.owner.Value(), due: c.due.Value(),
	}
	c.clear()
	m.notice = notice{text: "Saving…"}
	return m.appendCmd(e)
}

func (m *Participant) appendCmd(e inquiry.Event) tea.Cmd {
	room, ctx, ws := m.s.Room, m.s.context(), m.view.id
	return func() tea.Msg {
		ev, err := room.Append(ctx, ws, e)
		return savedMsg{sent: e, event: ev, err: err}
	}
}

// saved tells the person the outcome: "saved" only once the store has
// committed it durably; on failure the words go back where they were.
func (m *Participant) saved(msg savedMsg) tea.Cmd {
	c := &m.compose
	out := c.sending
	c.sending = nil
	if out == nil {
		return nil
	}
	if msg.err != nil {
		m.restore(out)
		m.notice = notice{text: "Not saved: " + friendly(msg.err) + " Your text is back in the editor; press enter to try again.", bad: true}
		return nil
	}
	m.view.apply(m.s.Room.Events(m.view.id, m.view.head))
	sent := msg.sent.Contribution
	if msg.event.Contribution != nil && msg.event.Contribution.Text.Text != sent.Text.Text {
		// An earlier try was saved after all, with other words: make the
		// saved contribution say what the person now asked for.
		edit := msg.sent
		edit.Type = inquiry.ContributionEdited
		c.sending = out
		return m.appendCmd(edit)
	}
	what := "Saved"
	if msg.sent.Type == inquiry.ContributionEdited {
		what = "Changes saved"
	}
	m.notice = notice{text: fmt.Sprintf("%s ✓ %s: “%s”", what, sent.Kind.Label(), snippet(sent.Text.Text, 40))}
	m.saveDraft() // what was sent is no longer a draft
	return nil
}

// restore puts a contribution whose save failed back: into the editor,
// before anything written since, with its choices, or into its prompt's
// draft if the person has moved on.
func (m *Participant) restore(out *outgoing) {
	c := &m.compose
	text := out.event.Contribution.Text.Text
	if out.ref != c.ref() {
		c.drafts[out.ref] = joinDraft(text, c.drafts[out.ref])
		return
	}
	c.editor.SetValue(joinDraft(text, c.editor.Value()))
	c.kind, c.partner, c.themes, c.themesTouched, c.editing = out.kind, out.partner, out.themes, out.themesTouched, out.editing
	c.buildsOn, c.buildsOnLabel = out.buildsOn, out.buildsLabel
	c.owner.SetValue(out.owner)
	c.due.SetValue(out.due)
	if out.event.Type == inquiry.ContributionAdded {
		c.pendingID = out.event.Contribution.ID // the retry must reuse it
	}
}

// joinDraft puts restored words before whatever was written since.
func joinDraft(restored, since string) string {
	if strings.TrimSpace(since) == "" {
		return restored
	}
	return restored + "\n" + since
}

// snippet is the start of a text on one line, for confirmations and lists.
func snippet(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n-1]) + "…"
}

// cycle moves i by delta within 0..n-1, wrapping at both ends.
func cycle(i, delta, n int) int {
	if n <= 0 {
		return 0
	}
	return ((i+delta)%n + n) % n
}
