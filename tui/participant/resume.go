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
	return resumeForm{input: tui.NewLineInput("", 12)} // its words: relabel
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
		m.notice = tui.Notice{Text: m.say("resume.empty"), Bad: true}
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
		return m.frame.End(m.say("resume.left"))
	case errors.Is(msg.err, inquiry.ErrTooManyCodes):
		m.notice = tui.Notice{Text: m.tooManyCodes(msg.err), Bad: true}
		m.queued = nil
		return nil
	default:
		f.attempts++
		if f.attempts >= maxResumeAttempts {
			return m.frame.End(m.say("resume.too_many"))
		}
		m.notice = tui.Notice{Text: m.say("resume.wrong"), Bad: true}
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
		return m.frame.End(m.say("resume.left"))
	}
	return m.arrive(m.welcomeBack)
}

// fetchResumeCode asks the store for this person's resume code, to show.
func (m *Screen) fetchResumeCode() {
	if code, err := m.s.Room.ResumeCode(m.view.id, m.view.me); err == nil {
		m.resumeCode = code
		m.frame.Keep = m.titleResume() // even in a window too small for the rest
	}
}

// titleResume is the resume code as the title line says it, in the
// person's language; "" when there is none.
func (m *Screen) titleResume() string {
	if m.resumeCode == "" {
		return ""
	}
	return m.say("guide.title_resume", "code", m.resumeCode)
}
