package inquiry

import "strings"

// facilitationRecord writes, in order, what the facilitators did (pacing,
// settings, curation, votes, erasures) and who withdrew: every such act is
// an event in the log, and the report says who did it and when. Ballots
// are left to the priorities: each is one person's choice, not an act on
// the room.
func (r *markdownReport) facilitationRecord() {
	var lines []string
	for _, e := range r.events {
		if what := r.act(e); what != "" {
			lines = append(lines, "- **"+r.when(e.At)+"** · "+r.actor(e.Actor)+" · "+what)
		}
	}
	if len(lines) == 0 {
		return
	}
	r.printf("## Facilitation record\n\n")
	r.printf("What the facilitators did, and who withdrew, in order, from the event log. " +
		"Facilitators and scribes are named by the start of their key's fingerprint.\n\n")
	r.printf("%s\n\n", strings.Join(lines, "\n"))
}

// actor names who did something: a facilitator or scribe by the start of
// their key's fingerprint, a participant by name.
func (r *markdownReport) actor(a Actor) string {
	switch a.Role {
	case RoleSystem:
		return "Anchorage"
	case RoleParticipant:
		if name := r.labels.name(a.ID); name != "" {
			return mdLine(name)
		}
		return "a participant"
	}
	id := a.ID
	if rest, ok := strings.CutPrefix(id, "SHA256:"); ok && len(rest) > 8 {
		id = "SHA256:" + rest[:8]
	}
	return string(a.Role) + " " + mdLine(id)
}

// act says what an event did, or "" for events the record leaves out.
func (r *markdownReport) act(e Event) string {
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
		return "moved the end of the timebox to " + r.when(e.Pace.EndsAt)
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
		return "opened the vote “" + mdLine(e.Vote.Title) + "”: " + countNoun(e.Vote.Dots, "dot", "dots") + " each, over " + voteKinds(e.Vote.Kinds)
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
	}
	return r.standingAct(e)
}

// promptName names a prompt by its phase and text.
func (r *markdownReport) promptName(ref PromptRef) string {
	p, q, ok := r.ws.Guide.Locate(ref)
	if !ok {
		return mdLine(string(ref))
	}
	phase := r.ws.Guide.Phases[p]
	return mdLine(phase.Title) + ": “" + mdLine(phase.Prompts[q].Text) + "”"
}

// aKind is a kind with its article: "an opportunity", "a barrier".
func aKind(k Kind) string {
	if strings.ContainsRune("aeiou", rune(k[0])) {
		return "an " + string(k)
	}
	return "a " + string(k)
}
