package participant

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
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
		if !m.looking {
			m.notice = tui.Notice{}
		}
		return m, nil
	}
	code := strings.TrimSpace(f.input.Value())
	switch {
	case code == "" && !m.looking:
		m.notice = tui.Notice{Text: "Type your resume code first, or press esc to join as someone new.", Bad: true}
		return m, nil
	case code == "":
		return m, nil
	}
	f.input.SetValue("")
	if m.looking {
		m.queue(code)
		return m, nil
	}
	return m, m.lookUpResume(code)
}

// resumeFound carries on as the person a resume code belongs to, or says
// why not.
func (m *Screen) resumeFound(msg resumeFoundMsg) tea.Cmd {
	m.looking = false
	f := &m.join.resume
	switch {
	case msg.err == nil:
	case abandoned(msg.err):
		return nil
	case errors.Is(msg.err, inquiry.ErrBlocked):
		return m.refuse(inquiry.RemovedSentence)
	case errors.Is(msg.err, inquiry.ErrNotAllowed):
		return m.frame.End("You withdrew from this workshop, so there is nothing to come back to.")
	case errors.Is(msg.err, inquiry.ErrTooManyCodes):
		m.notice = tui.Notice{Text: msg.err.Error(), Bad: true}
		m.queued = nil
		return nil
	default:
		f.attempts++
		if f.attempts >= maxResumeAttempts {
			return m.frame.End("That resume code was not recognised, and there have been too many tries. Ask the facilitator for help.")
		}
		m.notice = tui.Notice{Text: "This workshop does not know that resume code. Check it and try again, or press esc to join as someone new.", Bad: true}
		return m.nextCode(m.lookUpResume)
	}
	m.queued = nil
	if err := m.becomeKnown(msg.id); err != nil {
		return m.unreadable(err)
	}
	switch {
	case m.view.removed != "":
		return m.refuse(m.view.removed)
	case m.view.left:
		return m.frame.End("You withdrew from this workshop, so there is nothing to come back to.")
	}
	return m.arrive(m.welcomeBack)
}

// fetchResumeCode asks the store for this person's resume code, to show.
func (m *Screen) fetchResumeCode() {
	if code, err := m.s.Room.ResumeCode(m.view.id, m.view.me); err == nil {
		m.resumeCode = code
	}
}
