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

// Prioritising: a dot vote over some kinds of contribution. The form
// opens one; the vote pane shows the results live, best first; d again
// closes it after asking.

// voteField is the part of the vote form that has the focus.
type voteField int

const (
	voteTitle voteField = iota
	voteKinds
	voteDots
	voteFields
)

// maxFormDots is the most dots the form offers; the rules allow more, but
// a room rarely wants more than ten each.
const maxFormDots = 10

type voteForm struct {
	title      textinput.Model
	kinds      []inquiry.Kind // ticked; none means every kind
	kindCursor int
	dots       int
	focus      voteField
	id         string // chosen once, so a retried open is the same vote
}

// dotVote opens the vote form, or asks to close the vote that is open.
func (m *Screen) dotVote() {
	if v := m.ws.OpenVote(); v != nil {
		m.side = paneVote
		id, title := v.ID, v.Title // the answer comes in a later Read
		m.confirm(fmt.Sprintf("Close the vote “%s”? Dots can no longer move; everyone then sees the results.", title), "close the vote",
			func(m *Screen) tea.Cmd {
				return m.record(inquiry.Event{Type: inquiry.VoteClosed, Target: id}, "Closed the vote “"+title+"”: everyone now sees the results.", nil)
			})
		return
	}
	title := tui.NewLineInput("Which of these matter most? (enter keeps this)", inquiry.MaxTitleRunes)
	title.Prompt = ""
	title.SetWidth(48)
	m.voteForm = voteForm{title: title, kinds: []inquiry.Kind{inquiry.Opportunity}, dots: 3, id: tui.NewID()}
	m.mode, m.notice = modeVoteForm, tui.Notice{}
}

func (m *Screen) voteKey(k tea.KeyPressMsg) tea.Cmd {
	f := &m.voteForm
	keys := voteFormKeys
	switch {
	case key.Matches(k, keys.Cancel):
		m.mode = modeRoom
		return nil
	case key.Matches(k, keys.Open):
		return m.openVote()
	case key.Matches(k, keys.Next):
		f.setFocus((f.focus + 1) % voteFields)
		return nil
	case key.Matches(k, keys.Last):
		f.setFocus((f.focus + voteFields - 1) % voteFields)
		return nil
	}
	delta := 0
	if key.Matches(k, keys.Choose) {
		delta = map[string]int{"left": -1, "right": 1}[k.String()]
	}
	switch f.focus {
	case voteTitle:
		var cmd tea.Cmd
		f.title, cmd = f.title.Update(k)
		return cmd
	case voteKinds:
		switch {
		case delta != 0:
			f.kindCursor = tui.Cycle(f.kindCursor, delta, len(inquiry.Kinds))
		case key.Matches(k, keys.Tick):
			kind := inquiry.Kinds[f.kindCursor]
			if i := slices.Index(f.kinds, kind); i >= 0 {
				f.kinds = slices.Delete(f.kinds, i, i+1)
			} else {
				f.kinds = append(f.kinds, kind)
			}
		}
	case voteDots:
		switch {
		case delta != 0:
			f.dots = min(max(f.dots+delta, 1), maxFormDots)
		case len(k.String()) == 1 && k.String() >= "1" && k.String() <= "9":
			f.dots = int(k.String()[0] - '0')
		}
	}
	return nil
}

func (f *voteForm) setFocus(to voteField) {
	f.focus = to
	if to == voteTitle {
		f.title.Focus()
	} else {
		f.title.Blur()
	}
}

// kindsInOrder are the ticked kinds in the order kinds are always shown.
func (f *voteForm) kindsInOrder() []inquiry.Kind {
	var out []inquiry.Kind
	for _, k := range inquiry.Kinds {
		if slices.Contains(f.kinds, k) {
			out = append(out, k)
		}
	}
	return out
}

func (m *Screen) openVote() tea.Cmd {
	f := &m.voteForm
	kinds := f.kindsInOrder()
	title := inquiry.CleanLine(f.title.Value())
	if title == "" {
		title = "Which " + strings.ToLower(kindsLabel(kinds)) + " matter most?"
	}
	v := inquiry.Vote{ID: f.id, Title: title, Kinds: kinds, Dots: f.dots}
	done := fmt.Sprintf("Vote open: %d dots each. “%s”", f.dots, title)
	return m.record(inquiry.Event{Type: inquiry.VoteOpened, Vote: &v}, done, func(m *Screen, ok bool) {
		if ok {
			m.mode, m.side = modeRoom, paneVote
			if m.pane != paneFeed {
				m.pane = paneVote
			}
		}
	})
}

// kindsLabel names the kinds a vote is over: "Opportunities and barriers",
// or "All contributions".
func kindsLabel(kinds []inquiry.Kind) string {
	if len(kinds) == 0 || len(kinds) == len(inquiry.Kinds) {
		return "All contributions"
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = k.Plural()
		if i > 0 {
			names[i] = strings.ToLower(names[i])
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func (m *Screen) voteFormLines(w int) []string {
	f := &m.voteForm
	candidates := 0
	for _, k := range inquiry.Kinds {
		if len(f.kinds) == 0 || slices.Contains(f.kinds, k) {
			candidates += m.tally.Totals[k]
		}
	}
	var kinds []string
	for i, k := range inquiry.Kinds {
		item := " " + k.Label()
		if slices.Contains(f.kinds, k) {
			item = "✓" + k.Label()
		}
		switch {
		case i == f.kindCursor && f.focus == voteKinds:
			item = tui.Selected.Render(item)
		case slices.Contains(f.kinds, k):
			item = tui.Accent.Render(item)
		default:
			item = tui.Dim.Render(item)
		}
		kinds = append(kinds, item)
	}
	f.title.SetWidth(max(w-11, 1))
	lines := []string{
		tui.Fit(tui.Accent.Render("▸ Open a dot vote"), w),
		"",
		tui.Fit(tui.FieldMark(f.focus == voteTitle, "Question")+" "+f.title.View(), w),
		tui.Fit(tui.FieldMark(f.focus == voteKinds, "Over    ")+" "+strings.Join(kinds, " "), w),
		tui.Fit(tui.FieldMark(f.focus == voteDots, "Dots    ")+" ◂ "+tui.Accent.Render(fmt.Sprint(f.dots))+" ▸ each", w),
		"",
	}
	say := fmt.Sprintf("%s to vote on now (%s). Everyone sees them while the vote is open, whatever the settings.",
		inquiry.Plural(candidates, "contribution", "contributions"), strings.ToLower(kindsLabel(f.kindsInOrder())))
	for _, l := range tui.Wrap(say, w-2) {
		lines = append(lines, "  "+tui.Dim.Render(l))
	}
	return lines
}

// shownVote is the vote the vote pane shows: the open one, else the last.
func (m *Screen) shownVote() *inquiry.VoteState {
	if v := m.ws.OpenVote(); v != nil {
		return v
	}
	if n := len(m.ws.Votes); n > 0 {
		return m.ws.Votes[n-1]
	}
	return nil
}

// voteLines are a vote's results, best first, as rows of dots.
func (m *Screen) voteLines(w, h int) []string {
	title := "Dot vote"
	if m.pane == paneVote {
		title = tui.Accent.Render("▸ " + title)
	} else {
		title = tui.Bold.Render("  " + title)
	}
	v := m.shownVote()
	if v == nil {
		return []string{tui.Fit(title, w), tui.Dim.Render(tui.Fit("  No vote yet: d opens one.", w))}
	}
	state, hint := tui.Good.Render("open"), "d closes it"
	if !v.Open {
		state, hint = tui.Dim.Render("closed "+clock(v.ClosedAt)), "d opens a new vote"
	}
	lines := []string{tui.Fit(title+tui.Dim.Render(" · ")+state, w)}
	for i, l := range tui.Wrap(v.Title, w-2) {
		if i < 2 {
			lines = append(lines, "  "+tui.Bold.Render(l))
		}
	}
	lines = append(lines, tui.Fit(tui.Dim.Render(fmt.Sprintf("  %d dots each · %d of %d voted", v.Dots, v.Voters(), m.index.active)), w))
	results := m.results
	if len(results) == 0 {
		return append(lines, tui.Dim.Render(tui.Fit("  No dots placed yet ("+hint+").", w)))
	}
	// One dot a dot while they fit; scaled to the most placed beyond that.
	barRoom := max(w-14, 4)
	scale := max(results[0].Dots, barRoom)
	m.scroll[paneVote] = min(m.scroll[paneVote], max(len(results)-1, 0))
	for i, r := range results[m.scroll[paneVote]:] {
		if len(lines)+3 > h {
			break
		}
		name, text := "", ""
		if c, ok := m.ws.Contribution(r.Contribution); ok {
			name, text = m.participantName(c.Participant), quote(c, w-8)
		}
		dots := tui.Good.Render(bar("●", r.Dots, scale, barRoom)) + " " + fmt.Sprint(r.Dots)
		lines = append(lines,
			tui.Fit(fmt.Sprintf("  %2d ", m.scroll[paneVote]+i+1)+dots+tui.Dim.Render(" · "+name), w),
			tui.Fit("     "+text, w))
	}
	return append(lines, tui.Dim.Render(tui.Fit("  "+hint, w)))
}
