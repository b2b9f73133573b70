package plain

import (
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Writing a contribution is a question a step: the words, then the kind,
// for an action who and by when, the themes and the partner. Each step
// says what enter does: the choice the form would make (the first kind,
// the suggested themes, no partner), or, when changing a contribution,
// what it has now.

// draft is the contribution being written.
type draft struct {
	ref     inquiry.PromptRef
	step    step
	text    string
	kind    inquiry.Kind
	themes  []string
	partner string
	owner   string
	due     string
	// buildsOn is the contribution it builds on.
	buildsOn string
	// editing is the contribution being changed; "" for a new one.
	editing string
	// answers is the barrier a reframe answers.
	answers string
	// id is a new contribution's, chosen once, so that a retry is not a
	// second contribution.
	id string
}

type step int

const (
	stepKind step = iota
	stepOwner
	stepDue
	stepThemes
	stepPartner
	stepSave
)

// startContribution begins a new contribution with its words, building
// on another's if buildsOn names one.
func (m *Screen) startContribution(ref inquiry.PromptRef, text, buildsOn string) {
	pr, _ := m.room.guide.Prompt(ref)
	m.draft = draft{ref: ref, text: text, kind: pr.KindChoices()[0], id: tui.NewID(), buildsOn: buildsOn}
}

// nextStep asks the next question the contribution needs, or saves it.
func (m *Screen) nextStep() tea.Cmd {
	d := &m.draft
	pr, _ := m.room.guide.Prompt(d.ref)
	for ; d.step < stepSave; d.step++ {
		switch d.step {
		case stepKind:
			if d.kind != inquiry.Reframe && len(pr.KindChoices()) > 1 {
				m.askKind(pr.KindChoices())
				return nil
			}
		case stepOwner:
			if d.kind == inquiry.Action {
				m.askOwner()
				return nil
			}
		case stepDue:
			if d.kind == inquiry.Action {
				m.askDue()
				return nil
			}
		case stepThemes:
			if d.kind != inquiry.Reframe {
				m.askThemes()
				return nil
			}
		case stepPartner:
			if d.kind != inquiry.Reframe {
				m.askPartner()
				return nil
			}
		}
	}
	return m.saveContribution()
}

// then moves the contribution on to its next step.
func (m *Screen) then() tea.Cmd {
	m.draft.step++
	return m.nextStep()
}

func (m *Screen) askKind(kinds []inquiry.Kind) {
	options := make([]string, len(kinds))
	for i, k := range kinds {
		options[i] = m.w.Kind(k)
	}
	m.ask(choice{label: m.w.Say("write.kind"), options: options, byDefault: max(slices.Index(kinds, m.draft.kind), 0),
		chosen: func(i int) tea.Cmd {
			m.draft.kind = kinds[i]
			return m.then()
		}})
}

func (m *Screen) askOwner() {
	ask := m.w.Say("write.owner")
	if m.draft.owner != "" {
		ask = m.w.Say("write.owner_keep", "owner", m.draft.owner)
	}
	m.pose(question{lines: []string{ask}, answer: func(s string) tea.Cmd {
		if owner := inquiry.CleanLine(s); owner != "" {
			if inquiry.RuneCount(owner) > inquiry.MaxOwnerRunes {
				m.retry(m.w.Count("write.owner_long", inquiry.MaxOwnerRunes))
				return nil
			}
			m.draft.owner = owner
		}
		return m.then()
	}})
}

func (m *Screen) askDue() {
	ask := m.w.Say("write.due")
	if m.draft.due != "" {
		ask = m.w.Say("write.due_keep", "due", m.draft.due)
	}
	m.pose(question{lines: []string{ask}, answer: func(s string) tea.Cmd {
		if s != "" {
			if _, err := time.Parse(time.DateOnly, s); err != nil {
				m.retry(m.w.Say("write.due_bad"))
				return nil
			}
			m.draft.due = s
		}
		return m.then()
	}})
}

// askThemes lists every theme, then what was suggested or chosen.
func (m *Screen) askThemes() {
	var themes []inquiry.Theme
	suggested := m.draft.themes
	_ = m.s.Room.Read(m.room.id, func(w *inquiry.Workshop) {
		themes = w.Themes()
		if m.draft.editing == "" {
			suggested = w.Suggester().Suggest(m.draft.text)
		}
	})
	options := make([]string, len(themes))
	var named []string
	for i, t := range themes {
		options[i] = m.w.Theme(t)
		if slices.Contains(suggested, t.ID) {
			named = append(named, strconv.Itoa(i+1)+" "+options[i])
		}
	}
	how := m.w.Say("write.themes_none")
	switch {
	case m.draft.editing != "" && len(named) > 0:
		how = m.w.Say("write.themes_keep", "themes", strings.Join(named, ", "))
	case len(named) > 0:
		how = m.w.Say("write.themes_suggested", "themes", strings.Join(named, ", "))
	}
	m.pose(question{lines: []string{m.list(m.w.Say("write.themes"), options), how}, answer: func(s string) tea.Cmd {
		switch {
		case s == "":
			m.draft.themes = suggested
		case s == "0":
			m.draft.themes = nil
		default:
			picked, ok := numbers(s, len(themes))
			if !ok {
				m.retry(m.w.Count("write.themes_retry", len(themes)))
				return nil
			}
			m.draft.themes = nil
			for _, i := range picked {
				if !slices.Contains(m.draft.themes, themes[i].ID) {
					m.draft.themes = append(m.draft.themes, themes[i].ID)
				}
			}
		}
		return m.then()
	}})
}

func (m *Screen) askPartner() {
	partners := m.room.guide.PartnerList()
	options := make([]string, len(partners))
	current := -1
	for i, p := range partners {
		options[i] = m.w.Partner(p)
		if p.ID == m.draft.partner {
			current = i
		}
	}
	c := choice{label: m.w.Say("write.partner"), options: options, byDefault: current,
		onEnter: m.w.Say("write.partner_none"), chosen: func(i int) tea.Cmd {
			m.draft.partner = ""
			if i >= 0 {
				m.draft.partner = partners[i].ID
			}
			return m.then()
		}}
	m.ask(c)
}

// saveContribution sends the contribution to the store.
func (m *Screen) saveContribution() tea.Cmd {
	d := m.draft
	details := &inquiry.ContributionDetails{
		ID: d.id, Participant: m.room.me, Prompt: d.ref, Kind: d.kind, Text: inquiry.Words{Text: d.text},
		Themes: d.themes, Partner: d.partner, BuildsOn: d.buildsOn, Answers: d.answers,
	}
	if d.kind == inquiry.Action {
		details.Owner, details.Due = inquiry.Words{Text: d.owner}, d.due
	}
	e := inquiry.Event{Type: inquiry.ContributionAdded, Actor: m.s.Actor, Contribution: details}
	if d.editing != "" {
		e.Type, details.ID = inquiry.ContributionEdited, d.editing
	}
	return m.save(e, func(m *Screen, got inquiry.Event, err error) tea.Cmd {
		if err != nil {
			m.say(m.w.Say("write.not_saved", "why", m.friendly(err)))
			m.room.drafts[d.ref] = d.text
			m.storeDrafts()
			m.draft = draft{}
			m.backToPrompt()
			return nil
		}
		m.draft = draft{}
		if d.editing == "" && d.answers == "" {
			m.dropDraft(d.ref)
		}
		switch {
		case d.answers != "":
			m.say(m.w.Say("write.saved_reframe"))
		case d.editing != "":
			m.say(m.w.Say("write.changed", "kind", m.w.Kind(d.kind), "text", snippet(d.text)))
		default:
			m.say(m.w.Say("write.saved", "kind", m.w.Kind(d.kind), "text", snippet(d.text)))
		}
		if pr, _ := m.room.guide.Prompt(d.ref); d.editing == "" && d.kind == inquiry.Barrier && pr.Reframe != "" {
			m.askReframe(d, got.Contribution.ID)
			return nil
		}
		m.backToPrompt()
		return nil
	})
}

// askReframe turns a barrier just saved towards what could be done: the
// prompt's reframe question, answered as a reframe of that barrier.
func (m *Screen) askReframe(barrier draft, id string) {
	reframe := m.promptWords(barrier.ref).Reframe
	m.pose(question{lines: []string{m.w.Say("write.reframe", "question", reframe), m.w.Say("write.reframe_how")}, words: true,
		answer: func(s string) tea.Cmd {
			if s == "" {
				m.backToPrompt()
				return nil
			}
			m.draft = draft{ref: barrier.ref, step: stepSave, text: s, kind: inquiry.Reframe, answers: id,
				themes: barrier.themes, partner: barrier.partner, id: tui.NewID()}
			return m.nextStep()
		}})
}

// snippet is the start of someone's words, to name a contribution by.
func snippet(text string) string { return tui.Snippet(text, 60) }
