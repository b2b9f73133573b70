package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// facilitation is what only facilitators see: how far each person got,
// what was hidden and why, and what the facilitators did.
type facilitation struct {
	People []progress
	Hidden []hiddenItem
	Record []act
}

// progress is one person's part in the workshop.
type progress struct {
	Name, Organisation string
	Contributions      int
	// Reached is the furthest prompt they contributed to, as "Design 2".
	Reached string
	Note    string // scribed, withdrawn
}

type hiddenItem struct {
	When, Kind, Reason string
}

type act struct {
	When, Who, What string
}

func (b *builder) facilitation(events []inquiry.Event) *facilitation {
	f := &facilitation{}
	place := map[inquiry.PromptRef]int{} // each prompt's place in the guide
	for ph, phase := range b.ws.Guide.Phases {
		for q := range phase.Prompts {
			place[b.ws.Guide.Ref(ph, q)] = len(place)
		}
	}
	for _, p := range b.ws.Participants {
		if p.Erased {
			continue // nothing of an erased person
		}
		f.People = append(f.People, b.progress(p, place))
	}
	for _, c := range b.ws.Contributions {
		if c.Hidden && !c.Deleted && !c.Withdrawn && !c.Erased {
			f.Hidden = append(f.Hidden, hiddenItem{When: b.when(c.AddedAt), Kind: c.Kind.Label(), Reason: c.HiddenReason})
		}
	}
	for _, e := range events {
		if what := b.act(e); what != "" {
			f.Record = append(f.Record, act{When: b.when(e.At), Who: b.actor(e.Actor), What: what})
		}
	}
	return f
}

func (b *builder) progress(p *inquiry.Participant, place map[inquiry.PromptRef]int) progress {
	pr := progress{Name: p.Name, Organisation: p.Organisation}
	furthest := -1
	for _, c := range b.live {
		if c.Participant != p.ID {
			continue
		}
		pr.Contributions++
		if at, ok := place[c.Prompt]; ok && at > furthest {
			furthest = at
			pr.Reached = b.promptName(c.Prompt)
		}
	}
	switch {
	case p.Withdrawn:
		pr.Note = "withdrew " + b.when(p.WithdrawnAt)
	case p.Scribed:
		pr.Note = "without a terminal: a scribe entered what they said"
	}
	return pr
}

// promptName names a prompt by its phase and place in it: "Design 2".
func (b *builder) promptName(ref inquiry.PromptRef) string {
	p, q, ok := b.ws.Guide.Locate(ref)
	if !ok {
		return string(ref)
	}
	return fmt.Sprintf("%s %d", b.ws.Guide.Phases[p].Title, q+1)
}

// when is a time of day in UTC, with the date if it is not the day the
// workshop opened.
func (b *builder) when(t time.Time) string {
	t = t.UTC()
	if t.Format(time.DateOnly) == b.ws.OpenedAt.UTC().Format(time.DateOnly) {
		return clock(t)
	}
	return t.Format("2 January") + " " + clock(t)
}

// actor names who did something: a facilitator or scribe by the start of
// their key's fingerprint, a participant by name.
func (b *builder) actor(a inquiry.Actor) string {
	switch a.Role {
	case inquiry.RoleSystem:
		return "Anchorage"
	case inquiry.RoleParticipant:
		if p, ok := b.ws.Participant(a.ID); ok && p.Name != "" {
			return p.Name
		}
		return "a participant"
	}
	id := a.ID
	if rest, ok := strings.CutPrefix(id, "SHA256:"); ok && len(rest) > 8 {
		id = "SHA256:" + rest[:8]
	}
	return string(a.Role) + " " + id
}

// act says what a facilitator's event did, or "" for events the record
// leaves out (joins, contributions and ballots are people's own).
func (b *builder) act(e inquiry.Event) string {
	switch e.Type {
	case inquiry.WorkshopClosed:
		return "closed the workshop"
	case inquiry.PromptOpened:
		return "opened " + b.promptName(e.Pace.Prompt)
	case inquiry.TimeboxChanged:
		if e.Pace.EndsAt.IsZero() {
			return "ended the timebox"
		}
		return "moved the end of the timebox to " + b.when(e.Pace.EndsAt)
	case inquiry.SettingsChanged:
		return "set what participants see: " + seeing(*e.Settings)
	case inquiry.PromptRevealed:
		return "revealed the contributions to " + b.promptName(inquiry.PromptRef(e.Target))
	case inquiry.ThemesChanged:
		return "confirmed the themes of " + b.ref(e.Target)
	case inquiry.ThemeAdded:
		return "added the theme “" + e.Theme.Label + "”"
	case inquiry.ContributionMerged:
		return "merged " + b.ref(e.Target) + " into " + b.ref(e.Curation.Into)
	case inquiry.ContributionHighlighted:
		if e.Curation.Highlight {
			return "highlighted " + b.ref(e.Target)
		}
		return "stopped highlighting " + b.ref(e.Target)
	case inquiry.ContributionHidden:
		return "hid " + b.ref(e.Target) + " (" + e.Curation.Reason + ")"
	case inquiry.ContributionUnhidden:
		return "stopped hiding " + b.ref(e.Target)
	case inquiry.VoteOpened:
		return "opened the vote “" + e.Vote.Title + "”"
	case inquiry.VoteClosed:
		if v, ok := b.ws.Vote(e.Target); ok {
			return "closed the vote “" + v.Title + "”"
		}
	case inquiry.ParticipantWithdrawn:
		if e.Actor.Role == inquiry.RoleParticipant {
			return "withdrew, taking back what they said"
		}
		return "withdrew a participant at their request"
	case inquiry.ParticipantErased:
		return "erased a participant's name and words at their request"
	}
	return ""
}

// ref names a contribution by its kind and when it was added, never by its
// words: the record is about what was done, and the words may be hidden or
// gone.
func (b *builder) ref(id string) string {
	c, ok := b.ws.Contribution(id)
	if !ok {
		return "a contribution"
	}
	return "the " + string(c.Kind) + " from " + b.when(c.AddedAt)
}
