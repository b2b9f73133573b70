package participant

import (
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/words"
)

// Reframing a barrier: after someone saves a barrier at a prompt that
// asks what would need to be true for it not to be in the way, the next
// contribution answers it. It is saved as a reframe (inquiry.Reframe)
// linked to its barrier, counted as a reframe and never as a barrier,
// and shown under its barrier in their own list and in others'.

// offerReframe turns the editor to the reframe of a barrier just saved,
// when its prompt asks for one and the person has not moved on since.
func (m *Screen) offerReframe(sent inquiry.Event, out *outgoing) {
	c := &m.compose
	d := sent.Contribution
	if sent.Type != inquiry.ContributionAdded || d.Kind != inquiry.Barrier || out.ref != c.ref() ||
		c.editing != "" || c.buildsOn != "" || c.answers != "" || c.form.Prompt().In(m.suit.lang).Reframe == "" {
		return
	}
	c.answers, c.answersLabel = d.ID, c.barrierLabel(d.ID)
	m.notice = tui.Notice{Text: m.say("guide.saved_barrier", "text", tui.Snippet(d.Text.Text, 30))}
}

// barrierLabel names a barrier this person wrote, to show what a reframe
// answers; "" for anyone else's.
func (c *composer) barrierLabel(id string) string {
	if id == "" || c.view == nil {
		return ""
	}
	w := c.view.words()
	if b := c.view.contribution(id); b != nil {
		return w.Say("others.your_barrier", "text", tui.Snippet(b.Text, 30))
	}
	return w.Say("others.a_barrier")
}

// drawAnswering is the line that says the contribution being written is
// a reframe, in place of the choice of kind.
func drawAnswering(say words.Words, label string, w int) string {
	line := tui.Accent.Render(" " + say.Say("guide.reframe_of", "barrier", label))
	if hint := tui.Dim.Render(" · " + say.Say("guide.reframe_esc")); tui.Width(line)+tui.Width(hint) <= w {
		line += hint
	}
	return tui.Fit(line, w)
}

// mineInOrder is this person's live contributions, each reframe under the
// barrier of theirs it answers, the rest in the order they were added.
func (v *view) mineInOrder() []*inquiry.Contribution {
	live := v.live("")
	under := map[string][]*inquiry.Contribution{}
	barriers := map[string]bool{}
	for _, c := range live {
		if c.Kind == inquiry.Barrier {
			barriers[c.ID] = true
		}
	}
	for _, c := range live {
		if c.Answers != "" && barriers[c.Answers] {
			under[c.Answers] = append(under[c.Answers], c)
		}
	}
	out := make([]*inquiry.Contribution, 0, len(live))
	for _, c := range live {
		if c.Answers != "" && barriers[c.Answers] {
			continue // placed under its barrier
		}
		out = append(out, c)
		out = append(out, under[c.ID]...)
	}
	return out
}
