package facilitator

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
)

// Curation of the picked-out contribution, from its details: confirm or
// change its themes, merge it into the one it repeats, highlight it, hide
// it for a reason or show it again. Each is an event with the
// facilitator's name on it.

// curateKey handles the keys of the details view; done is false for keys
// that are not curation.
func (m *Screen) curateKey(k tea.KeyPressMsg) (cmd tea.Cmd, done bool) {
	c := m.pickedOut()
	if c == nil {
		return nil, false
	}
	d := detailKeys
	if !key.Matches(k, d.Accept, d.Themes, d.Merge, d.Unmerge, d.Highlight, d.Hide) {
		return nil, false
	}
	if c.Deleted {
		m.notice = tui.Notice{Text: "Its author deleted it: there is nothing left to curate.", Bad: true}
		return nil, true
	}
	if c.Withdrawn || c.Erased {
		m.notice = tui.Notice{Text: "Its author has left the workshop, so it can no longer be curated.", Bad: true}
		return nil, true
	}
	switch {
	case key.Matches(k, d.Accept):
		return m.acceptThemes(c), true
	case key.Matches(k, d.Themes):
		m.openThemes(c)
		return nil, true
	case key.Matches(k, d.Merge):
		return m.startMerge(c), true
	case key.Matches(k, d.Unmerge):
		return m.unmerge(c), true
	case key.Matches(k, d.Highlight):
		return m.highlight(c), true
	}
	return m.hide(c), true
}

// quote is a contribution's words, short, for notices and questions.
func quote(c *inquiry.Contribution, n int) string {
	if c.Text == "" {
		return "(words erased)"
	}
	return "“" + tui.Snippet(c.Text, n) + "”"
}

func (m *Screen) acceptThemes(c *inquiry.Contribution) tea.Cmd {
	if c.ThemesAccepted {
		m.notice = tui.Notice{Text: "Its themes are already confirmed: t changes them."}
		return nil
	}
	themes := m.confirmable(c)
	e := inquiry.Event{Type: inquiry.ThemesChanged, Target: c.ID, Curation: &inquiry.Curation{Themes: themes}}
	return m.record(e, "Confirmed the themes of "+quote(c, 30)+": "+m.themeNames(themes)+".", nil)
}

// confirmable are the themes a confirms: the contribution's own, or for
// one with none yet, what its words suggest.
func (m *Screen) confirmable(c *inquiry.Contribution) []string {
	if len(c.Themes) > 0 {
		return slices.Clone(c.Themes)
	}
	return m.ws.Suggester().Suggest(c.Text)
}

func (m *Screen) highlight(c *inquiry.Contribution) tea.Cmd {
	e := inquiry.Event{Type: inquiry.ContributionHighlighted, Target: c.ID, Curation: &inquiry.Curation{Highlight: !c.Highlighted}}
	done := "Highlighted ★ " + quote(c, 40) + "."
	if c.Highlighted {
		done = "No longer highlighted: " + quote(c, 40) + "."
	}
	return m.record(e, done, nil)
}

// hide asks why before hiding: the author is told the reason. A hidden
// contribution is shown again at once: nothing is lost by that.
func (m *Screen) hide(c *inquiry.Contribution) tea.Cmd {
	if c.Hidden {
		return m.record(inquiry.Event{Type: inquiry.ContributionUnhidden, Target: c.ID}, "Shown again: "+quote(c, 40)+".", nil)
	}
	id, words := c.ID, quote(c, 30) // the answer comes in a later Read
	m.askLine("Why hide it? ", "a reason its author will read", "hide it", inquiry.MaxReasonRunes,
		func(m *Screen, typed string) tea.Cmd {
			reason := inquiry.CleanLine(typed)
			if reason == "" {
				m.notice = tui.Notice{Text: "Not hidden: a hidden contribution needs a reason its author can read.", Bad: true}
				return nil
			}
			e := inquiry.Event{Type: inquiry.ContributionHidden, Target: id, Curation: &inquiry.Curation{Reason: reason}}
			return m.record(e, "Hidden from the room and the report: "+words+". Its author is told why.", nil)
		})
	return nil
}

// startMerge lets the facilitator pick, in the feed, the contribution this
// one repeats.
func (m *Screen) startMerge(c *inquiry.Contribution) tea.Cmd {
	if c.MergedInto != "" {
		m.notice = tui.Notice{Text: "It is already merged into another: u undoes that merge first.", Bad: true}
		return nil
	}
	m.merging, m.mode, m.pane, m.detail = c.ID, modeMerge, paneFeed, false
	m.notice = tui.Notice{Text: "Merging " + quote(c, 30) + " into another: pick it with ↑↓."}
	return nil
}

func (m *Screen) mergeKey(k tea.KeyPressMsg) tea.Cmd {
	if delta, ok := tui.Move(k, pageStep); ok && key.Matches(k, mergeKeys.Pick) {
		m.move(delta)
		return nil
	}
	switch {
	case key.Matches(k, mergeKeys.Cancel):
		m.mode, m.merging = modeRoom, ""
		m.notice = tui.Notice{Text: "Nothing was merged."}
	case key.Matches(k, mergeKeys.Merge):
		dup, ok := m.ws.Contribution(m.merging)
		into := m.pickedOut()
		switch {
		case !ok || into == nil:
			m.mode, m.merging = modeRoom, ""
		case into.ID == dup.ID:
			m.notice = tui.Notice{Text: "Pick the other one: the contribution this one repeats.", Bad: true}
		case into.Hidden || into.MergedInto != "" || into.Withdrawn || into.Erased:
			m.notice = tui.Notice{Text: "Pick one that is shown: nothing can be merged into a hidden, merged or withdrawn one.", Bad: true}
		default:
			m.mode, m.merging = modeRoom, ""
			// The answer comes in a later Read: keep what it needs, not the
			// contributions.
			what := quote(dup, 30) + " into " + quote(into, 30)
			e := inquiry.Event{Type: inquiry.ContributionMerged, Target: dup.ID, Curation: &inquiry.Curation{Into: into.ID}}
			m.confirm("Merge "+what+"? Both stay in the transcript; only the second is shown (u on the first undoes it).",
				"merge", func(m *Screen) tea.Cmd { return m.record(e, "Merged "+what+".", nil) })
		}
	}
	return nil
}

// unmerge undoes the merge of a duplicate: it is shown, counted and voted
// for on its own again. Nothing is lost either way, so it asks nothing.
func (m *Screen) unmerge(c *inquiry.Contribution) tea.Cmd {
	if c.MergedInto == "" {
		m.notice = tui.Notice{Text: "It is not merged into another: u undoes a merge on a contribution marked merged."}
		return nil
	}
	into := c.MergedInto
	words := quote(c, 30)
	if was, ok := m.ws.Contribution(into); ok {
		words += ", no longer merged into " + quote(was, 30)
	}
	e := inquiry.Event{Type: inquiry.ContributionUnmerged, Target: c.ID, Curation: &inquiry.Curation{Into: into}}
	return m.record(e, "Shown on its own again: "+words+".", nil)
}

// themeNames are theme labels joined for reading.
func (m *Screen) themeNames(ids []string) string {
	var names []string
	for _, id := range ids {
		if t, ok := m.ws.Theme(id); ok {
			names = append(names, t.Label)
		}
	}
	return orNone(strings.Join(names, ", "))
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
