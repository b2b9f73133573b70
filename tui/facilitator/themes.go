package facilitator

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// themePicker changes the themes of a contribution: tick as many as fit,
// or add a new theme to the workshop on the way.
type themePicker struct {
	target string // the contribution
	ticked []string
	cursor int
	// A new theme being written: its label and optional keywords.
	adding          bool
	label, keywords textinput.Model
	onKeywords      bool
}

func (m *Screen) openThemes(c *inquiry.Contribution) {
	m.themes = themePicker{target: c.ID, ticked: slices.Clone(c.Themes)}
	m.mode, m.notice = modeThemes, tui.Notice{}
}

func (m *Screen) themesKey(k tea.KeyPressMsg) tea.Cmd {
	p := &m.themes
	if p.adding {
		return m.newThemeKey(k)
	}
	all := m.ws.Themes()
	keys := themeKeys
	switch {
	case key.Matches(k, keys.Move):
		tui.MoveIn(&p.cursor, len(all), k, 1)
	case key.Matches(k, keys.Tick):
		id := all[p.cursor].ID
		if i := slices.Index(p.ticked, id); i >= 0 {
			p.ticked = slices.Delete(p.ticked, i, i+1)
		} else {
			p.ticked = append(p.ticked, id)
		}
	case key.Matches(k, keys.New):
		p.adding, p.onKeywords = true, false
		p.label = tui.NewLineInput("a short name, such as Youth work", inquiry.MaxNameRunes)
		p.label.Prompt = "New theme › "
		p.keywords = tui.NewLineInput("optional: words that suggest it, with commas", inquiry.MaxTitleRunes)
		p.keywords.Prompt = "Keywords  › "
		p.keywords.Blur()
	case key.Matches(k, keys.Cancel):
		m.mode = modeRoom
		m.notice = tui.Notice{Text: "Themes unchanged."}
	case key.Matches(k, keys.Save):
		c, ok := m.ws.Contribution(p.target)
		if !ok {
			m.mode = modeRoom
			return nil
		}
		themes := slices.Clone(p.ticked)
		m.mode = modeRoom
		e := inquiry.Event{Type: inquiry.ThemesChanged, Target: c.ID, Curation: &inquiry.Curation{Themes: themes}}
		return m.record(e, "Themes of "+quote(c, 30)+": "+m.themeNames(themes)+".", nil)
	}
	return nil
}

func (m *Screen) newThemeKey(k tea.KeyPressMsg) tea.Cmd {
	p := &m.themes
	switch {
	case key.Matches(k, themeKeys.Back):
		p.adding = false
		return nil
	case key.Matches(k, themeKeys.Keywords):
		p.onKeywords = !p.onKeywords
		if p.onKeywords {
			p.label.Blur()
			p.keywords.Focus()
		} else {
			p.keywords.Blur()
			p.label.Focus()
		}
		return nil
	case key.Matches(k, themeKeys.Add):
		return m.addTheme()
	}
	var cmd tea.Cmd
	if p.onKeywords {
		p.keywords, cmd = p.keywords.Update(k)
	} else {
		p.label, cmd = p.label.Update(k)
	}
	return cmd
}

// addTheme adds the theme being written to the workshop and ticks it.
func (m *Screen) addTheme() tea.Cmd {
	p := &m.themes
	label := inquiry.CleanLine(p.label.Value())
	if label == "" {
		m.notice = tui.Notice{Text: "Give the new theme a name first.", Bad: true}
		return nil
	}
	t := inquiry.Theme{ID: m.themeID(label), Label: label}
	for _, word := range strings.Split(p.keywords.Value(), ",") {
		if word = strings.TrimSpace(inquiry.CleanLine(word)); word != "" {
			t.Keywords = append(t.Keywords, strings.ToLower(word))
		}
	}
	return m.record(inquiry.Event{Type: inquiry.ThemeAdded, Theme: &t}, "Added the theme “"+label+"” to the workshop.", func(m *Screen, ok bool) {
		if !ok || m.mode != modeThemes {
			return
		}
		p := &m.themes
		p.adding = false
		if !slices.Contains(p.ticked, t.ID) {
			p.ticked = append(p.ticked, t.ID)
		}
		for i, th := range m.ws.Themes() {
			if th.ID == t.ID {
				p.cursor = i
			}
		}
	})
}

// themeID derives a theme's ID from its label: lower-case letters and
// digits joined by hyphens, made unique in the workshop.
func (m *Screen) themeID(label string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(label) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	base := strings.Trim(b.String(), "-")
	if len(base) > 32 {
		base = strings.Trim(base[:32], "-")
	}
	if base == "" {
		base = "theme"
	}
	id := base
	for n := 2; ; n++ {
		if _, taken := m.ws.Theme(id); !taken {
			return id
		}
		id = fmt.Sprintf("%s-%d", base, n)
	}
}

func (m *Screen) themesLines(w, h int) ([]string, int) {
	p := &m.themes
	c, ok := m.ws.Contribution(p.target)
	if !ok {
		return nil, -1
	}
	head := []string{tui.Fit(tui.Accent.Render("▸ Themes for ")+quote(c, w), w)}
	state := "not yet confirmed"
	if c.ThemesAccepted {
		state = "confirmed"
	}
	head = append(head, tui.Fit(tui.Dim.Render("  Now: "+m.themeNames(c.Themes)+" ("+state+")"), w))
	var foot []string
	cursorRow := -1
	if p.adding {
		p.label.SetWidth(max(w-tui.Width(p.label.Prompt)-3, 1))
		p.keywords.SetWidth(max(w-tui.Width(p.keywords.Prompt)-3, 1))
		foot = []string{
			"",
			tui.Fit("  "+p.label.View(), w),
			tui.Fit("  "+p.keywords.View(), w),
		}
		if label := inquiry.CleanLine(p.label.Value()); label != "" {
			foot = append(foot, tui.Fit(tui.Dim.Render("  Its ID will be "+m.themeID(label)), w))
		}
		cursorRow = 1
		if p.onKeywords {
			cursorRow = 2
		}
	}
	all := m.ws.Themes()
	room := max(h-len(head)-len(foot), 1)
	first := min(max(p.cursor-room/2, 0), max(len(all)-room, 0))
	lines := head
	for i := first; i < len(all) && i < first+room; i++ {
		box := "[ ]"
		if slices.Contains(p.ticked, all[i].ID) {
			box = tui.Accent.Render("[✓]")
		}
		line := "  " + box + " " + all[i].Label
		if i == p.cursor && !p.adding {
			line = tui.Accent.Render("▸ ") + box + " " + tui.Bold.Render(all[i].Label)
		}
		lines = append(lines, tui.Fit(line, w))
	}
	for len(lines) < h-len(foot) {
		lines = append(lines, "")
	}
	if cursorRow >= 0 {
		cursorRow += len(lines)
	}
	return append(lines, foot...), cursorRow
}
