package participant

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// composer is the guide screen's state: where the person is in the guide,
// the contribution they are writing or editing, and what they left unsent
// at other prompts.
type composer struct {
	view *view
	form tui.ContributionForm
	// editing is the contribution being edited; "" for a new one.
	editing string
	// sending is the contribution on its way to the store. The form is
	// cleared as it goes, so the person can write on; a failure puts it
	// back.
	sending *outgoing
	drafts  map[inquiry.PromptRef]string
	// buildsOn is the contribution this one builds on, and how to name it.
	buildsOn, buildsOnLabel string
	// answers is the barrier this contribution reframes, and how to name
	// it (see reframe.go); "" for a contribution of its own.
	answers, answersLabel string
}

// outgoing is a contribution being saved, with the form as it was, to
// restore if the save fails.
type outgoing struct {
	event       inquiry.Event
	ref         inquiry.PromptRef
	kept        tui.Snapshot
	editing     string
	buildsOn    string
	buildsLabel string
	answers     string
	answersText string
}

func newComposer(v *view) composer {
	w := v.words()
	form := tui.NewContributionForm(viewChoices{v}, w.Say("guide.editor_placeholder"), false)
	form.Speak(w, w.Say("guide.editor_placeholder"))
	return composer{view: v, form: form, drafts: map[inquiry.PromptRef]string{}}
}

// viewChoices are a participant's choices for the form: the guide and
// themes their view folded, and the workshop's shared theme index.
type viewChoices struct{ v *view }

func (c viewChoices) Guide() *inquiry.Guide              { return c.v.guide }
func (c viewChoices) Themes() []inquiry.Theme            { return c.v.themes }
func (c viewChoices) SuggestThemes(text string) []string { return c.v.themeIndex().Suggest(text) }

// ready reports whether the composer has been made: it is made when the
// person reaches the guide (startGuide), so before they have joined there
// is no prompt on screen to ask it about.
func (c *composer) ready() bool { return c.view != nil }

// ref is the prompt on screen. Only a ready composer has one.
func (c *composer) ref() inquiry.PromptRef { return c.form.Ref() }

// goTo moves to another prompt, keeping the unsent text of this one as a
// draft to come back to.
func (c *composer) goTo(phase, prompt int) {
	c.drafts[c.ref()] = c.form.Words()
	c.form.GoTo(phase, prompt)
	c.clear()
	c.form.SetWords(c.drafts[c.ref()])
}

// clear resets the contribution being written to an empty new one.
func (c *composer) clear() {
	c.form.Clear()
	c.editing = ""
	c.buildsOn, c.buildsOnLabel = "", ""
	c.answers, c.answersLabel = "", ""
}

// buildOn starts a contribution that builds on someone else's.
func (c *composer) buildOn(id, label string) {
	if c.editing != "" {
		return // an edit keeps what it built on
	}
	c.buildsOn, c.buildsOnLabel = id, label
	c.form.SetFocus(tui.FieldText)
}

// load puts an existing contribution in the form to be changed.
func (c *composer) load(con *inquiry.Contribution) {
	c.drafts[c.ref()] = c.form.Words()
	if !c.form.Load(con) {
		return
	}
	c.editing, c.buildsOnLabel = con.ID, ""
	c.buildsOn = con.BuildsOn // an edit cannot change it
	c.answers, c.answersLabel = con.Answers, c.barrierLabel(con.Answers)
}

// savedMsg reports the outcome of saving a contribution.
type savedMsg struct {
	sent  inquiry.Event
	event inquiry.Event
	err   error
}

func (m *Screen) updateCompose(msg tea.Msg) (tea.Model, tea.Cmd) {
	c := &m.compose
	switch msg := msg.(type) {
	case savedMsg:
		return m, m.saved(msg)
	case tea.PasteMsg:
		if problem := c.form.Paste(msg.Content); problem != "" {
			m.notice = tui.Notice{Text: problem, Bad: true}
			return m, nil
		}
		m.saveDraft()
	case tea.KeyPressMsg:
		if cmd, done := m.composeKey(msg); done {
			return m, cmd
		}
		cmd, edited := c.form.Key(msg)
		if edited {
			m.saveDraft()
			m.noteFull(msg)
		}
		return m, cmd
	}
	return m, nil
}

// composeKey handles the keys the guide screen owns; done is false for
// keys that belong to the form.
func (m *Screen) composeKey(k tea.KeyPressMsg) (cmd tea.Cmd, done bool) {
	c := &m.compose
	g := guideKeys
	switch {
	case key.Matches(k, g.Save):
		return m.save(), true
	case key.Matches(k, g.Prompts):
		delta := 1
		if k.String() == "pgup" {
			delta = -1
		}
		m.movePrompt(delta)
		return nil, true
	case key.Matches(k, g.Yours):
		m.openMine()
		return nil, true
	case key.Matches(k, g.Others):
		m.openOthers()
		return nil, true
	case key.Matches(k, g.Vote):
		return m.openVote(), true
	case key.Matches(k, g.Back):
		if c.answers != "" && c.editing == "" {
			c.answers, c.answersLabel = "", ""
			m.notice = tui.Notice{Text: m.say("guide.not_reframe")}
			return nil, true
		}
		if c.buildsOn != "" && c.editing == "" {
			c.buildsOn, c.buildsOnLabel = "", ""
			m.notice = tui.Notice{Text: m.say("guide.not_building")}
			return nil, true
		}
		if c.editing != "" {
			c.clear()
			c.form.SetWords(c.drafts[c.ref()])
			m.notice = tui.Notice{Text: m.say("guide.edit_cancelled")}
		}
		c.form.SetFocus(tui.FieldText)
		return nil, true
	}
	return nil, false
}

// movePrompt steps through the guide, as far as the pacing allows, and
// tells the room where this person now is.
func (m *Screen) movePrompt(delta int) {
	p, q, ok := m.compose.form.Neighbour(delta)
	switch {
	case !ok && delta > 0:
		m.notice = tui.Notice{Text: m.say("guide.last_keys")}
		return
	case !ok:
		m.notice = tui.Notice{Text: m.say("guide.first")}
		return
	case !m.view.reachable(p, q):
		m.notice = tui.Notice{Text: m.say("guide.next_unopened")}
		return
	}
	m.compose.goTo(p, q)
	m.saveDraft()
	m.notice = tui.Notice{}
	if m.move != nil {
		m.move(m.presence())
	}
}

// save sends the contribution in the editor to the store, as new or as
// an edit, and clears the editor for the next one.
func (m *Screen) save() tea.Cmd {
	c := &m.compose
	if c.sending != nil {
		m.notice = tui.Notice{Text: m.say("guide.still_saving")}
		return nil
	}
	if !m.view.open {
		m.notice = tui.Notice{Text: m.say("guide.closed"), Bad: true}
		return nil
	}
	if !m.view.reachable(c.form.At()) {
		m.notice = tui.Notice{Text: m.say("guide.unopened"), Bad: true}
		return nil
	}
	d, problem := c.form.Contribution(m.view.me)
	if problem != "" {
		m.notice = tui.Notice{Text: problem, Bad: true}
		return nil
	}
	d.BuildsOn = c.buildsOn
	if c.answers != "" {
		d.Kind, d.Answers = inquiry.Reframe, c.answers // an edit keeps both
	}
	e := inquiry.Event{Type: inquiry.ContributionAdded, Actor: m.s.Actor, Contribution: d}
	if c.editing != "" {
		e.Type, d.ID = inquiry.ContributionEdited, c.editing
	} else {
		d.ID = c.form.PendingID(tui.NewID)
	}
	c.sending = &outgoing{event: e, ref: c.ref(), kept: c.form.Snapshot(), editing: c.editing,
		buildsOn: c.buildsOn, buildsLabel: c.buildsOnLabel, answers: c.answers, answersText: c.answersLabel}
	c.clear()
	m.saveDraft() // the words are on their way: no longer a draft to restore
	m.notice = tui.Notice{Text: m.say("guide.saving")}
	return m.appendCmd(e)
}

func (m *Screen) appendCmd(e inquiry.Event) tea.Cmd {
	room, ctx, ws := m.s.Room, m.s.Ctx(), m.view.id
	return func() tea.Msg {
		ev, err := room.Append(ctx, ws, e)
		return savedMsg{sent: e, event: ev, err: err}
	}
}

// saved tells the person the outcome: "saved" only once the store has
// committed it durably; on failure the words go back where they were.
func (m *Screen) saved(msg savedMsg) tea.Cmd {
	c := &m.compose
	out := c.sending
	c.sending = nil
	if out == nil {
		return nil
	}
	if msg.err != nil {
		m.restore(out)
		m.saveDraft() // unsaved again: kept as a draft
		m.notice = tui.Notice{Text: m.say("guide.not_saved", "why", m.friendly(msg.err)), Bad: true}
		return nil
	}
	m.takeIn()
	sent := msg.sent.Contribution
	if msg.event.Contribution != nil && msg.event.Contribution.Text.Text != sent.Text.Text {
		// An earlier try was saved after all, with other words: make the
		// saved contribution say what the person now asked for.
		edit := msg.sent
		edit.Type = inquiry.ContributionEdited
		c.sending = out
		return m.appendCmd(edit)
	}
	saved := "guide.saved"
	if msg.sent.Type == inquiry.ContributionEdited {
		saved = "guide.changes_saved"
	}
	m.notice = tui.Notice{Text: m.say(saved, "kind", m.words().KindLabel(sent.Kind)), Quote: sent.Text.Text}
	m.offerReframe(msg.sent, out)
	m.saveDraft() // what was sent is no longer a draft
	return nil
}

// restore puts a contribution whose save failed back: into the editor,
// before anything written since, with its choices, or into its prompt's
// draft if the person has moved on.
func (m *Screen) restore(out *outgoing) {
	c := &m.compose
	text := out.event.Contribution.Text.Text
	if out.ref != c.ref() {
		c.drafts[out.ref] = joinDraft(text, c.drafts[out.ref])
		return
	}
	c.form.Restore(out.kept, joinDraft(text, c.form.Words()))
	c.editing, c.buildsOn, c.buildsOnLabel = out.editing, out.buildsOn, out.buildsLabel
	c.answers, c.answersLabel = out.answers, out.answersText
}

// joinDraft puts restored words before whatever was written since.
func joinDraft(restored, since string) string {
	if strings.TrimSpace(since) == "" {
		return restored
	}
	return restored + "\n" + since
}
