package facilitator

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// promptPicker chooses a prompt of the guide to open for everyone, or to
// reveal.
type promptPicker struct {
	cursor  int  // index into promptRefs
	timebox bool // open with the prompt's own timebox
}

// openPicker shows the guide's prompts, the next one picked out.
func (m *Screen) openPicker() {
	m.picker = promptPicker{cursor: max(m.nextPrompt(), 0), timebox: true}
	if m.nextPrompt() < 0 {
		m.picker.cursor = len(promptRefs(m.ws.Guide)) - 1
	}
	m.mode, m.notice = modePrompts, tui.Notice{}
}

func (m *Screen) pickerKey(k tea.KeyPressMsg) tea.Cmd {
	p := &m.picker
	refs := promptRefs(m.ws.Guide)
	switch {
	case tui.MoveIn(&p.cursor, len(refs), k, pageStep):
	case key.Matches(k, pickerKeys.Timebox):
		p.timebox = !p.timebox
	case key.Matches(k, pickerKeys.Open):
		m.mode = modeRoom
		return m.openPrompt(refs[p.cursor], p.timebox)
	case key.Matches(k, pickerKeys.Reveal):
		return m.reveal(refs[p.cursor])
	case key.Matches(k, pickerKeys.Back):
		m.mode = modeRoom
	}
	return nil
}

// pickerLines list the guide's prompts by phase, with their timeboxes,
// which is open now and which are revealed.
func (m *Screen) pickerLines(w, h int) []string {
	g, p := m.ws.Guide, &m.picker
	timebox := "on: each prompt's own (t turns it off)"
	if !p.timebox {
		timebox = "off (t turns it on)"
	}
	head := []string{
		tui.Fit(tui.Accent.Render("▸ Open a prompt for everyone"), w),
		tui.Fit(tui.Dim.Render("  Timebox "+timebox), w),
	}
	var rows []string
	at, i := 0, 0
	for ph, phase := range g.Phases {
		rows = append(rows, tui.Fit("  "+tui.Bold.Render(phase.Title), w))
		for q, prompt := range phase.Prompts {
			ref := g.Ref(ph, q)
			tags := []string{g.PlaceAt(ph, q).Progress()}
			if prompt.Timebox > 0 {
				tags = append(tags, minutes(time.Duration(prompt.Timebox)))
			}
			if ref == m.ws.Current.Prompt {
				tags = append(tags, tui.Good.Render("● open now"))
			}
			if m.ws.Revealed[ref] {
				tags = append(tags, "revealed")
			}
			mark := "    "
			if i == p.cursor {
				mark, at = tui.Accent.Render("  ▸ "), len(rows)
			}
			right := tui.Dim.Render(strings.Join(tags, " · "))
			rows = append(rows, tui.TwoSides(mark+fmt.Sprintf("%d ", q+1)+prompt.Text, right, w))
			i++
		}
	}
	room := max(h-len(head), 1)
	first := min(max(at-room/2, 0), max(len(rows)-room, 0))
	return append(head, rows[first:min(first+room, len(rows))]...)
}

// reveal shows participants the held-back contributions to a prompt.
func (m *Screen) reveal(ref inquiry.PromptRef) tea.Cmd {
	if ref == "" {
		m.openPicker()
		m.notice = tui.Notice{Text: "No prompt is open for everyone: pick the prompt to reveal and press v."}
		return nil
	}
	done := "Revealed " + fullPlace(m.ws.Guide, ref) + ": participants now see each other's contributions to it."
	if m.ws.Settings.Visibility != inquiry.VisibleOnReveal {
		done = "Revealed " + fullPlace(m.ws.Guide, ref) + " (it shows once the setting is \"on reveal\"; s changes it)."
	}
	return m.record(inquiry.Event{Type: inquiry.PromptRevealed, Target: string(ref)}, done, nil)
}
