package plain

import (
	"maps"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// at is where the person is in the guide.
type at struct {
	ref           inquiry.PromptRef
	phase, prompt int
	// follow is a prompt the facilitator opened while the person was busy
	// with something else: they go to it when they are done.
	follow inquiry.PromptRef
}

// startGuide takes a person who has joined (or come back) into the guide:
// where the room is in a facilitator-led workshop, where they left off in
// a self-paced one.
func (m *Screen) startGuide() tea.Cmd {
	r := &m.room
	m.s.Actor = inquiry.Actor{Role: inquiry.RoleParticipant, ID: r.me}
	r.interest.knowMe(r.me)
	if m.s.IdentityFor == nil {
		if code, err := m.s.Room.ResumeCode(r.id, r.me); err == nil {
			r.resumeCode = code
			m.say(m.w.Say("resume.yours", "code", code))
		}
	}
	d, _ := m.s.Room.Draft(r.id, r.me)
	r.drafts = maps.Clone(d.Texts)
	if r.drafts == nil {
		r.drafts = map[inquiry.PromptRef]string{}
	}
	waiting, current := false, inquiry.PromptRef("")
	_ = m.s.Room.Read(r.id, func(w *inquiry.Workshop) {
		if p, ok := w.Participant(r.me); ok {
			waiting = p.Waiting
		}
		current = w.Current.Prompt
		m.clock.follow(w.Timebox())
	})
	start := inquiry.PromptRef("")
	switch {
	case r.pacing == inquiry.FacilitatorPaced:
		start = current
	case m.reachable(d.Prompt):
		start = d.Prompt
	}
	if _, _, ok := r.guide.Locate(start); !ok {
		start = r.guide.Ref(0, 0)
	}
	m.goTo(start)
	r.move, r.leave = m.s.Enter(r.id, m.presence())
	if waiting {
		m.waitToBeLetIn()
		return m.clock.arm()
	}
	if r.pacing == inquiry.FacilitatorPaced && current == "" {
		m.say(m.w.Say("guide.not_opened"))
	}
	m.showPrompt()
	return m.clock.arm()
}

func (m *Screen) presence() inquiry.Presence {
	return inquiry.Presence{Session: m.s.ID, Role: inquiry.RoleParticipant, Participant: m.room.me,
		Name: m.room.name, Prompt: m.at.ref, Since: time.Now()}
}

// goTo moves to a prompt and tells the room.
func (m *Screen) goTo(ref inquiry.PromptRef) {
	p, q, ok := m.room.guide.Locate(ref)
	if !ok {
		return
	}
	m.at.ref, m.at.phase, m.at.prompt = ref, p, q
	if m.room.move != nil {
		m.room.move(m.presence())
	}
}

// place says where a prompt is: "Design, prompt 2 of 3; 7 of 11 in all".
func (m *Screen) place(ref inquiry.PromptRef) string {
	pl, ok := m.room.guide.Place(ref)
	if !ok {
		return string(ref)
	}
	phase := m.room.guide.Phases[pl.PhaseIndex].In(m.w.Lang()).Title
	return m.w.Say("guide.place", "phase", phase, "n", pl.InPhase, "of", pl.PhasePrompts, "at", pl.InGuide, "total", pl.GuidePrompts)
}

// promptWords are a prompt's words in the person's language, or the
// guide's own where the guide does not give them.
func (m *Screen) promptWords(ref inquiry.PromptRef) inquiry.PromptWords {
	pr, _ := m.room.guide.Prompt(ref)
	return pr.In(m.w.Lang())
}

// reachable reports whether the person may write at a prompt: any when
// the workshop is self-paced; up to the one the facilitator opened when
// they lead it.
func (m *Screen) reachable(ref inquiry.PromptRef) bool {
	if _, _, ok := m.room.guide.Locate(ref); !ok {
		return false
	}
	if m.room.pacing != inquiry.FacilitatorPaced {
		return true
	}
	var current inquiry.PromptRef
	_ = m.s.Room.Read(m.room.id, func(w *inquiry.Workshop) { current = w.Current.Prompt })
	return current != "" && m.index(ref) <= m.index(current)
}

// index is a prompt's position in the whole guide, from 0.
func (m *Screen) index(ref inquiry.PromptRef) int {
	pl, _ := m.room.guide.Place(ref)
	return pl.InGuide - 1
}

// showPrompt says the prompt the person is at, then asks for their words.
func (m *Screen) showPrompt() { m.askWords(m.w.Say("guide.write"), true) }

// promptLines say the prompt: where it is, its words, its help, and what
// others wrote there.
func (m *Screen) promptLines() []string {
	ref := m.at.ref
	words := m.promptWords(ref)
	lines := []string{m.w.Say("guide.heading", "place", m.place(ref)), words.Text}
	if words.Help != "" {
		lines = append(lines, m.w.Say("guide.help", "help", words.Help))
	}
	if n, held := m.othersHere(); n > 0 {
		lines = append(lines, m.w.Count("guide.others", n))
	} else if held {
		lines = append(lines, m.w.Say("guide.others_held"))
	}
	return lines
}

// askWords asks for a contribution at the prompt, or the menu; whole says
// the prompt first. Again always says the prompt.
func (m *Screen) askWords(ask string, whole bool) {
	ref := m.at.ref
	prompt := m.promptLines()
	lines := []string{ask}
	if text := m.room.drafts[ref]; text != "" && m.line.empty() {
		m.line.text = text
		lines = append(lines, m.w.Say("guide.unsent"))
	}
	if whole {
		m.say(prompt...)
	}
	m.pose(question{lines: lines, draft: ref, free: true, help: m.w.Say("plain.help.write"), answer: func(s string) tea.Cmd {
		if s == "" {
			m.menu()
			return nil
		}
		// Words that cannot be saved yet go back on the line, to keep.
		if !m.reachable(ref) {
			m.retry(m.w.Say("guide.not_yet"))
			m.line.text = s
			return nil
		}
		if n := inquiry.RuneCount(s); n > inquiry.MaxTextRunes {
			m.retry(m.w.Count("write.too_long", inquiry.MaxTextRunes, "length", n))
			m.line.text = s
			return nil
		}
		m.startContribution(ref, s, "")
		return m.nextStep()
	}})
	m.q.again = append(prompt, lines...)
}

// backToPrompt is where every errand ends: at the prompt, ready for more
// words, or at the prompt the facilitator opened meanwhile.
func (m *Screen) backToPrompt() {
	if ref := m.at.follow; ref != "" {
		m.at.follow = ""
		if ref != m.at.ref {
			m.goTo(ref)
			m.showPrompt()
			return
		}
	}
	m.askWords(m.w.Say("guide.write_more"), false)
}

// menu offers everything else there is to do at a prompt.
func (m *Screen) menu() {
	options := []string{
		m.w.Say("plain.menu.write"), m.w.Say("plain.menu.next"), m.w.Say("plain.menu.previous"),
		m.w.Say("plain.menu.others"), m.w.Say("plain.menu.mine"), m.w.Say("plain.menu.vote"), m.w.Say("plain.menu.leave"),
	}
	m.ask(choice{label: m.w.Say("plain.menu.label"), options: options, byDefault: 0, onEnter: m.w.Say("plain.menu.enter"), free: true, chosen: func(i int) tea.Cmd {
		switch i {
		case 1, 2:
			m.step(map[int]int{1: 1, 2: -1}[i])
		case 3:
			m.readOthers()
		case 4:
			m.readMine()
		case 5:
			m.openVote()
		case 6:
			return m.leave()
		default:
			m.askWords(m.w.Say("guide.write"), false)
		}
		return nil
	}})
}

// step moves to the next prompt (delta 1) or the one before (-1), as far
// as the pacing allows.
func (m *Screen) step(delta int) {
	places := m.room.guide.Places()
	to := m.index(m.at.ref) + delta
	switch {
	case to >= len(places):
		m.say(m.w.Say("guide.last"))
	case to < 0:
		m.say(m.w.Say("guide.first"))
	case !m.reachable(places[to].Ref):
		m.say(m.w.Say("guide.wait_for_next"))
	default:
		m.goTo(places[to].Ref)
		m.showPrompt()
		return
	}
	m.menu()
}

// othersHere counts what others wrote at the prompt that the person may
// read (the shared fold keeps the count: a prompt of thousands is not
// walked each time it is said), and says whether words are held back
// until the facilitator reveals them.
func (m *Screen) othersHere() (n int, held bool) {
	ref, me := m.at.ref, m.room.me
	_ = m.s.Room.Read(m.room.id, func(w *inquiry.Workshop) {
		n = w.OthersCount(ref, me)
		held = w.Settings.Visibility == inquiry.VisibleOnReveal && !w.Revealed[ref]
	})
	return n, held
}

// keepDraft keeps the words being typed for a prompt, so that neither a
// dropped line nor leaving loses them; the store holds drafts in memory,
// so this is cheap at every key.
func (m *Screen) keepDraft() {
	r := &m.room
	ref := m.q.draft
	if r.me == "" || ref == "" || r.drafts == nil {
		return
	}
	if strings.TrimSpace(m.line.text) == "" {
		delete(r.drafts, ref)
	} else {
		r.drafts[ref] = m.line.text
	}
	m.storeDrafts()
}

// dropDraft forgets a prompt's unsent words once they are saved.
func (m *Screen) dropDraft(ref inquiry.PromptRef) {
	if _, ok := m.room.drafts[ref]; ok {
		delete(m.room.drafts, ref)
		m.storeDrafts()
	}
}

func (m *Screen) storeDrafts() {
	r := &m.room
	_ = m.s.Room.SaveDraft(r.id, r.me, inquiry.Draft{Prompt: m.at.ref, Texts: maps.Clone(r.drafts)})
}

// ordinal numbers a list item for a person: "1.".
func ordinal(i int) string { return strconv.Itoa(i+1) + "." }
