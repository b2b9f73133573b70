package participant

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// maxResumeAttempts is how many wrong resume codes a session may try.
const maxResumeAttempts = 5

// resumeForm is the join screen's other door: a resume code typed by
// someone who was here before without a key.
type resumeForm struct {
	open     bool
	input    textinput.Model
	attempts int
}

func newResumeForm() resumeForm {
	in := tui.NewLineInput("the code shown when you joined, like K7QM-3XPR", 12)
	in.Prompt = "resume code › "
	return resumeForm{input: in}
}

// updateResume handles the resume code being typed: enter looks it up.
func (m *Screen) updateResume(msg tea.Msg) (tea.Model, tea.Cmd) {
	f := &m.join.resume
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || !key.Matches(k, joinKeys.CarryOn, joinKeys.Anew) {
		var cmd tea.Cmd
		f.input, cmd = f.input.Update(msg)
		return m, cmd
	}
	if key.Matches(k, joinKeys.Anew) {
		f.open = false
		m.notice = tui.Notice{}
		return m, nil
	}
	code := strings.TrimSpace(f.input.Value())
	id, found := m.s.Room.Resume(m.view.id, code)
	if !found {
		f.attempts++
		f.input.SetValue("")
		if f.attempts >= maxResumeAttempts {
			return m, m.frame.End("That resume code was not recognised, and there have been too many tries. Ask the facilitator for help.")
		}
		m.notice = tui.Notice{Text: "This workshop does not know that resume code. Check it and try again, or press esc to join as someone new.", Bad: true}
		return m, nil
	}
	m.becomeKnown(id)
	if m.view.left {
		return m, m.frame.End("You withdrew from this workshop, so there is nothing to come back to.")
	}
	m.startGuide()
	m.notice = tui.Notice{Text: "Welcome back, " + m.view.name + ". Everything is as you left it."}
	return m, m.clock()
}

// becomeKnown makes the screen this participant's: it folds the log again
// knowing who they are, so their earlier contributions are theirs.
func (m *Screen) becomeKnown(id string) {
	fresh := view{me: id, identity: m.view.identity, share: m.view.share}
	fresh.apply(m.s.Room.Events(m.view.id, 0))
	fresh.news = nil // what happened while they were away is on the screen anyway
	m.view = fresh
}

// fetchResumeCode asks the store for this person's resume code, to show.
func (m *Screen) fetchResumeCode() {
	if code, err := m.s.Room.ResumeCode(m.view.id, m.view.me); err == nil {
		m.resumeCode = code
		m.frame.Keep = "resume " + code // even in a window too small for the rest
	}
}
