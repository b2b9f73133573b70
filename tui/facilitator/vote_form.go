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

// The form that opens a dot vote: its question, the kinds it is over
// (reframes too), whether it is limited to one prompt or to the
// highlighted contributions, and the dots each. It says how many
// contributions the ballot would hold, as inquiry.Workshop.PreviewBallot
// counts them: the ballot every participant and scribe then sees.

// voteField is the part of the vote form that has the focus.
type voteField int

const (
	voteTitle voteField = iota
	voteKinds
	votePrompt
	voteHighlighted
	voteDots
	voteFields
)

// maxFormDots is the most dots the form offers; the rules allow more, but
// a room rarely wants more than ten each.
const maxFormDots = 10

type voteForm struct {
	title       textinput.Model
	kinds       []inquiry.Kind // ticked; none means every kind
	kindCursor  int
	prompt      int // index into promptRefs, -1 for any prompt
	highlighted bool
	dots        int
	focus       voteField
	id          string // chosen once, so a retried open is the same vote
}

// openVoteForm opens the form, over opportunities at any prompt.
func (m *Screen) openVoteForm() {
	title := tui.NewLineInput("Which of these matter most? (enter keeps this)", inquiry.MaxTitleRunes)
	title.Prompt = ""
	title.SetWidth(48)
	m.voteForm = voteForm{title: title, kinds: []inquiry.Kind{inquiry.Opportunity}, prompt: -1, dots: 3, id: tui.NewID()}
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
	tick := key.Matches(k, keys.Tick)
	switch f.focus {
	case voteTitle:
		var cmd tea.Cmd
		f.title, cmd = f.title.Update(k)
		return cmd
	case voteKinds:
		switch {
		case delta != 0:
			f.kindCursor = tui.Cycle(f.kindCursor, delta, len(inquiry.AllKinds))
		case tick:
			kind := inquiry.AllKinds[f.kindCursor]
			if i := slices.Index(f.kinds, kind); i >= 0 {
				f.kinds = slices.Delete(f.kinds, i, i+1)
			} else {
				f.kinds = append(f.kinds, kind)
			}
		}
	case votePrompt:
		// -1, any prompt, then each prompt of the guide in order.
		f.prompt = tui.Cycle(f.prompt+1, delta, len(promptRefs(m.ws.Guide))+1) - 1
	case voteHighlighted:
		if tick || delta != 0 {
			f.highlighted = !f.highlighted
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
	for _, k := range inquiry.AllKinds {
		if slices.Contains(f.kinds, k) {
			out = append(out, k)
		}
	}
	return out
}

// vote is the vote the form describes, with title its question.
func (m *Screen) formVote(title string) inquiry.Vote {
	f := &m.voteForm
	v := inquiry.Vote{ID: f.id, Title: title, Kinds: f.kindsInOrder(), Dots: f.dots, Highlighted: f.highlighted}
	if refs := promptRefs(m.ws.Guide); f.prompt >= 0 && f.prompt < len(refs) {
		v.Prompt = refs[f.prompt]
	}
	return v
}

func (m *Screen) openVote() tea.Cmd {
	f := &m.voteForm
	title := inquiry.CleanLine(f.title.Value())
	if title == "" {
		title = "Which " + strings.ToLower(kindsLabel(f.kindsInOrder())) + " matter most?"
	}
	v := m.formVote(title)
	if v.Highlighted && len(m.ws.PreviewBallot(v)) == 0 {
		m.notice = tui.Notice{Text: "Nothing it is over is highlighted, so its ballot would be empty: highlight some first (* in the details).", Bad: true}
		return nil
	}
	done := fmt.Sprintf("Vote open: %s each. “%s”", inquiry.Plural(f.dots, "dot", "dots"), title)
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
	if len(kinds) == 0 || len(kinds) == len(inquiry.AllKinds) {
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

// limits says in words what a vote is over: its kinds, its prompt, and
// whether only the highlighted ones.
func limits(g inquiry.Guide, v inquiry.Vote) string {
	s := strings.ToLower(kindsLabel(v.Kinds))
	if v.Prompt != "" {
		s += " at " + fullPlace(g, v.Prompt)
	}
	if v.Highlighted {
		s += ", highlighted ones only"
	}
	return s
}

func (m *Screen) voteFormLines(w int) []string {
	f := &m.voteForm
	var kinds []string
	for i, k := range inquiry.AllKinds {
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
	prompt := "any prompt"
	if refs := promptRefs(m.ws.Guide); f.prompt >= 0 && f.prompt < len(refs) {
		prompt = fullPlace(m.ws.Guide, refs[f.prompt])
		if p, ok := m.ws.Guide.Prompt(refs[f.prompt]); ok {
			prompt += ": " + p.Text
		}
	}
	box := "[ ]"
	if f.highlighted {
		box = tui.Accent.Render("[✓]")
	}
	f.title.SetWidth(max(w-11, 1))
	lines := []string{
		tui.Fit(tui.Accent.Render("▸ Open a dot vote"), w),
		"",
		tui.Fit(tui.FieldMark(f.focus == voteTitle, "Question")+" "+f.title.View(), w),
	}
	// The kinds wrap rather than hide: each can be read and ticked.
	row := tui.FieldMark(f.focus == voteKinds, "Over    ")
	for i, item := range kinds {
		if i > 0 && tui.Width(row)+1+tui.Width(item) > w {
			lines = append(lines, row)
			row = strings.Repeat(" ", 9)
		}
		row += " " + item
	}
	lines = append(lines, tui.Fit(row, w),
		tui.Fit(tui.FieldMark(f.focus == votePrompt, "Prompt  ")+" ◂ "+tui.Accent.Render(prompt)+" ▸", w),
		tui.Fit(tui.FieldMark(f.focus == voteHighlighted, "Only    ")+" "+box+" the highlighted ones (★)", w),
		tui.Fit(tui.FieldMark(f.focus == voteDots, "Dots    ")+" ◂ "+tui.Accent.Render(fmt.Sprint(f.dots))+" ▸ each", w),
		"")
	v := m.formVote("")
	ballot := len(m.ws.PreviewBallot(v))
	say := fmt.Sprintf("%s on the ballot now (%s). Everyone sees them while the vote is open, whatever the settings.",
		inquiry.Plural(ballot, "contribution", "contributions"), limits(m.ws.Guide, v))
	if v.Highlighted {
		say += " The ballot is fixed when the vote opens."
	}
	for _, l := range tui.Wrap(say, w-2) {
		lines = append(lines, "  "+tui.Dim.Render(l))
	}
	return lines
}
