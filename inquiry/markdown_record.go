package inquiry

import (
	"fmt"
	"strings"
	"time"
)

// facilitationRecord writes, in order, what the facilitators did (pacing,
// settings, curation, votes, erasures) and who withdrew: every such act is
// an event in the log, and the report says who did it and when. Ballots
// are left to the priorities: each is one person's choice, not an act on
// the room.
func (r *markdownReport) facilitationRecord() {
	var lines []string
	// The clock is followed through the log, so a pause can say how much
	// time was left when it came.
	var clock Timebox
	for _, e := range r.events {
		if what := r.act(e, clock); what != "" {
			lines = append(lines, "- **"+r.when(e.At)+"** · "+r.actor(e.Actor)+" · "+what)
		}
		clock.Follow(e)
	}
	if len(lines) == 0 {
		return
	}
	r.printf("## Facilitation record\n\n")
	r.printf("What the facilitators and scribes did, and who withdrew, in order, from the event log. " +
		"Facilitators and scribes are named as the log names them; one who gave no name, by the start of their key's fingerprint.\n\n")
	r.printf("%s\n\n", strings.Join(lines, "\n"))
}

// actor names who did something: a participant by name, a facilitator or
// scribe as teamMember does.
func (r *markdownReport) actor(a Actor) string {
	if a.Role == RoleParticipant {
		if name := r.labels.name(a.ID); name != "" {
			return mdLine(name)
		}
		return "a participant"
	}
	return r.teamMember(a)
}

// act says what an event did, or "" for events the record leaves out;
// clock is the timebox as it stood before the event.
func (r *markdownReport) act(e Event, clock Timebox) string {
	switch e.Type {
	case PromptOpened:
		what := "opened " + r.promptName(e.Pace.Prompt)
		if !e.Pace.EndsAt.IsZero() {
			what += ", with a timebox until " + r.when(e.Pace.EndsAt)
		}
		return what
	case TimeboxChanged:
		if e.Pace.EndsAt.IsZero() {
			return "ended the timebox"
		}
		if clock.Paused() {
			return "changed the paused timebox to " + minutesLeft(clock.Remaining(clock.PausedAt)+e.Pace.EndsAt.Sub(clock.EndsAt)) + " left"
		}
		return "moved the end of the timebox to " + r.when(e.Pace.EndsAt)
	case TimeboxPaused:
		return "paused the timebox with " + minutesLeft(clock.Remaining(e.At)) + " left"
	case TimeboxResumed:
		return "resumed the timebox: it now ends at " + r.when(e.At.Add(clock.Remaining(e.At)))
	case SettingsChanged:
		return "set what participants see: " + seeingEachOther(*e.Settings)
	case PromptRevealed:
		return "revealed the contributions to " + r.promptName(PromptRef(e.Target))
	case ThemesChanged:
		if len(e.Curation.Themes) == 0 {
			return "confirmed " + r.ref(e.Target) + " as unthemed"
		}
		labels := make([]string, len(e.Curation.Themes))
		for i, id := range e.Curation.Themes {
			labels[i] = mdLine(r.labels.themes[id])
		}
		return "confirmed the themes of " + r.ref(e.Target) + " as " + strings.Join(labels, "; ")
	case ThemeAdded:
		return "added the theme “" + mdLine(e.Theme.Label) + "”"
	case ContributionMerged:
		return "merged " + r.ref(e.Target) + " into " + r.ref(e.Curation.Into)
	case ContributionUnmerged:
		return "undid the merge of " + r.ref(e.Target) + " into " + r.ref(e.Curation.Into) + ": both are shown again"
	case ContributionHighlighted:
		if e.Curation.Highlight {
			return "highlighted " + r.ref(e.Target)
		}
		return "stopped highlighting " + r.ref(e.Target)
	case ContributionHidden:
		what := r.ref(e.Target)
		if c, ok := r.ws.Contribution(e.Target); ok && c.Hidden {
			// Still hidden: say what it was, not that it is hidden.
			what = aKind(c.Kind) + " from " + r.when(c.AddedAt)
		}
		return "hid " + what + " (reason: " + mdLine(e.Curation.Reason) + ")"
	case ContributionUnhidden:
		return "stopped hiding " + r.ref(e.Target)
	case VoteOpened:
		return "opened the vote “" + mdLine(e.Vote.Title) + "”: " + Plural(e.Vote.Dots, "dot", "dots") + " each, over " + r.voteScope(*e.Vote)
	case VoteClosed:
		if v, ok := r.ws.Vote(e.Target); ok {
			return "closed the vote “" + mdLine(v.Title) + "”"
		}
	case ParticipantWithdrawn:
		if e.Actor.Role == RoleParticipant {
			return "withdrew, taking back what they said"
		}
		return "withdrew " + mdLine(r.labels.name(e.Target)) + " at their request, taking back what they said"
	case ParticipantErased:
		return "erased a participant's name and words at their request"
	case OrganisationChanged:
		if e.Actor.Role != RoleParticipant {
			return "gave " + mdLine(r.labels.name(e.Target)) + "’s organisation as " + organisationPhrase(e.Profile.Organisation)
		}
	case ContributionEdited:
		switch e.Actor.Role {
		case RoleScribe:
			return "corrected " + r.ref(e.Contribution.ID) + ", which they had entered"
		case RoleFacilitator:
			return "edited " + r.ref(e.Contribution.ID)
		}
	case ContributionDeleted:
		switch e.Actor.Role {
		case RoleScribe:
			return "deleted " + aKind(r.kindOf(e.Target)) + " they had entered for " + r.authorOf(e.Target)
		case RoleFacilitator:
			return "deleted " + aKind(r.kindOf(e.Target)) + " by " + r.authorOf(e.Target)
		}
	case ParticipantsMerged, ResumeCodeReissued:
		return r.peopleAct(e)
	}
	return r.standingAct(e)
}

// minutesLeft is a time left as "4:30".
func minutesLeft(d time.Duration) string {
	s := int(max(d, 0) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// organisationPhrase is an organisation type in a sentence.
func organisationPhrase(org string) string {
	if org == "" {
		return "not given"
	}
	return "“" + mdLine(org) + "”"
}

// kindOf and authorOf describe a contribution that may since be gone.
func (r *markdownReport) kindOf(id string) Kind {
	if c, ok := r.ws.Contribution(id); ok {
		return c.Kind
	}
	return Kind("contribution")
}

func (r *markdownReport) authorOf(id string) string {
	if c, ok := r.ws.Contribution(id); ok {
		return mdLine(r.labels.name(c.Participant))
	}
	return "a participant"
}

// promptName names a prompt by its place and text.
func (r *markdownReport) promptName(ref PromptRef) string {
	place, ok := r.ws.Guide.Place(ref)
	if !ok {
		return mdLine(string(ref))
	}
	prompt, _ := r.ws.Guide.Prompt(ref)
	return mdLine(place.String()) + ": “" + mdLine(prompt.Text) + "”"
}

// aKind is a kind with its article: "an opportunity", "a barrier".
func aKind(k Kind) string {
	if strings.ContainsRune("aeiou", rune(k[0])) {
		return "an " + string(k)
	}
	return "a " + string(k)
}
