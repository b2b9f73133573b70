package tui

import (
	"slices"

	"github.com/anchorage/anchorage/inquiry"
)

// participantView is what one participant's screen needs from the log: the
// guide and their own contributions, not the whole room. It trusts the
// events (the store has checked them) and skips what it does not need, so a
// thousand participant sessions do not each hold the workshop.
type participantView struct {
	head   uint64
	id     string // the workshop's ID
	title  string
	code   string
	guide  inquiry.Guide
	themes []inquiry.Theme
	// suggester offers themes from the words typed; built once per workshop.
	suggester *inquiry.ThemeIndex
	open      bool
	// me is the participant's own ID once joined or recognised.
	me   string
	name string
	// identity is the keyed hash of this person's key in the workshop, to
	// recognise them coming back; "" without a key.
	identity string
	mine     []*inquiry.Contribution
}

func (v *participantView) apply(events []inquiry.Event) {
	for _, e := range events {
		if e.Seq <= v.head {
			continue
		}
		v.head = e.Seq
		switch e.Type {
		case inquiry.WorkshopOpened:
			d := e.Workshop
			v.id, v.title, v.code, v.guide, v.open = d.ID, d.Title, d.Code, d.Guide, true
			v.themes = append(slices.Clip(inquiry.DefaultThemes), d.Guide.Themes...)
			v.suggester = inquiry.NewThemeIndex(v.themes)
		case inquiry.WorkshopClosed:
			v.open = false
		case inquiry.ParticipantJoined:
			d := e.Participant
			if v.me == "" && v.identity != "" && d.Identity == v.identity {
				v.me = d.ID
			}
			if d.ID == v.me {
				v.name = d.Name.Text
			}
		case inquiry.ContributionAdded:
			if d := e.Contribution; d.Participant == v.me {
				v.mine = append(v.mine, &inquiry.Contribution{
					ID: d.ID, Participant: d.Participant, Prompt: d.Prompt, Kind: d.Kind,
					Text: d.Text.Text, Themes: d.Themes, Partner: d.Partner, AddedAt: e.At, Seq: e.Seq,
				})
			}
		case inquiry.ContributionEdited:
			if c := v.contribution(e.Contribution.ID); c != nil {
				d := e.Contribution
				c.Kind, c.Text, c.Themes, c.Partner, c.EditedAt = d.Kind, d.Text.Text, d.Themes, d.Partner, e.At
			}
		case inquiry.ContributionDeleted:
			if c := v.contribution(e.Target); c != nil {
				c.Deleted = true
			}
		}
	}
}

func (v *participantView) contribution(id string) *inquiry.Contribution {
	for _, c := range v.mine {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// live returns the participant's contributions that are not deleted, for
// one prompt or (with ref "") for all, in the order they were added.
func (v *participantView) live(ref inquiry.PromptRef) []*inquiry.Contribution {
	var out []*inquiry.Contribution
	for _, c := range v.mine {
		if !c.Deleted && (ref == "" || c.Prompt == ref) {
			out = append(out, c)
		}
	}
	return out
}

func (v *participantView) themeLabel(id string) string {
	for _, t := range v.themes {
		if t.ID == id {
			return t.Label
		}
	}
	return id
}
