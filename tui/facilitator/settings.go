package facilitator

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// visibilities are the choices of what participants see of each other,
// in the order the settings form lists them, with what each means.
var visibilities = []struct {
	v           inquiry.Visibility
	label, says string
}{
	{inquiry.VisibleLive, "Live", "participants see each other's contributions as they arrive"},
	{inquiry.VisibleOnReveal, "On reveal", "held back until you reveal a prompt (v), so early voices do not steer later ones"},
	{inquiry.VisibleNever, "Off", "each participant sees only their own"},
}

// settingsForm changes what participants see of each other.
type settingsForm struct {
	visibility int // index into visibilities
	anonymous  bool
}

func (m *Screen) openSettings() {
	s := m.ws.Settings
	m.settings = settingsForm{anonymous: s.Anonymous}
	for i, v := range visibilities {
		if v.v == s.Visibility {
			m.settings.visibility = i
		}
	}
	m.mode, m.notice = modeSettings, tui.Notice{}
}

func (m *Screen) settingsKey(k tea.KeyPressMsg) tea.Cmd {
	f := &m.settings
	switch {
	case key.Matches(k, settingsKeys.Choose):
		tui.MoveIn(&f.visibility, len(visibilities), k, 1)
	case key.Matches(k, settingsKeys.Anonymous):
		f.anonymous = !f.anonymous
	case key.Matches(k, settingsKeys.Cancel):
		m.mode = modeRoom
	case key.Matches(k, settingsKeys.Save):
		m.mode = modeRoom
		want := inquiry.Settings{Visibility: visibilities[f.visibility].v, Anonymous: f.anonymous}
		if want == m.ws.Settings {
			m.notice = tui.Notice{Text: "The settings are as they were."}
			return nil
		}
		return m.record(inquiry.Event{Type: inquiry.SettingsChanged, Settings: &want}, "Participants now see: "+seeing(want)+".", nil)
	}
	return nil
}

func (m *Screen) settingsLines(w int) []string {
	f := &m.settings
	lines := []string{tui.Fit(tui.Accent.Render("▸ What participants see of each other"), w), ""}
	for i, v := range visibilities {
		mark, label := "  ( ) ", v.label
		if i == f.visibility {
			mark, label = tui.Accent.Render("  (●) "), tui.Bold.Render(label)
		}
		lines = append(lines, tui.Fit(mark+label+tui.Dim.Render(" — "+v.says), w))
	}
	box := "[ ]"
	if f.anonymous {
		box = tui.Accent.Render("[✓]")
	}
	lines = append(lines, "", tui.Fit("  "+box+" Anonymous"+tui.Dim.Render(" — others' contributions show without names (space)"), w))
	if len(m.ws.Revealed) > 0 {
		var refs []string
		for _, r := range promptRefs(m.ws.Guide) {
			if m.ws.Revealed[r] {
				refs = append(refs, shortPlace(m.ws.Guide, r))
			}
		}
		lines = append(lines, "", tui.Fit(tui.Dim.Render("  Revealed so far: "+strings.Join(refs, ", ")), w))
	}
	return lines
}

// seeing is the settings in a few words, for the header.
func seeing(s inquiry.Settings) string {
	out := "live"
	switch s.Visibility {
	case inquiry.VisibleOnReveal:
		out = "on reveal"
	case inquiry.VisibleNever:
		out = "own only"
	}
	if s.Anonymous {
		return out + ", anonymous"
	}
	return out + ", named"
}
