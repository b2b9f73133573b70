package inquiry

import "slices"

// The parts of the JSON export that facilitation adds.

func newJSONPace(g Guide, t Timebox) *jsonPace {
	if t.Prompt == "" {
		return nil
	}
	place, _ := g.Place(t.Prompt)
	return &jsonPace{Prompt: t.Prompt, Place: place.String(), EndsAt: jsonTime(t.EndsAt), PausedAt: jsonTime(t.PausedAt)}
}

// revealedInGuideOrder lists the revealed prompts in the order of the
// guide, so the file does not depend on a map's order.
func revealedInGuideOrder(ws *Workshop) []PromptRef {
	refs := []PromptRef{}
	for p, phase := range ws.Guide.Phases {
		for q := range phase.Prompts {
			if ref := ws.Guide.Ref(p, q); ws.Revealed[ref] {
				refs = append(refs, ref)
			}
		}
	}
	return refs
}

func newJSONVote(v *VoteState) jsonVote {
	out := jsonVote{
		ID: v.ID, Title: v.Title, Kinds: orEmpty(v.Kinds), Dots: v.Dots, Open: v.Open,
		OpenedAt: v.OpenedAt.UTC(), ClosedAt: jsonTime(v.ClosedAt), Voters: v.Voters(),
		Results: []jsonVoteResult{}, Prompt: v.Prompt, Highlighted: v.Highlighted,
		Turnout: jsonTurnout(v.Turnout()),
	}
	for _, r := range v.Results() {
		out.Results = append(out.Results, jsonVoteResult{Contribution: r.Contribution, Dots: r.Dots, Rank: r.Rank})
	}
	return out
}

// hiddenContributions lists the contributions hidden now, with the reason
// and who hid them, from the event that last hid each. Their words are
// not repeated here: they stay in the event log only.
func hiddenContributions(ws *Workshop, events []Event) []jsonHidden {
	last := map[string]Event{}
	for _, e := range events {
		if e.Type == ContributionHidden {
			last[e.Target] = e
		}
	}
	out := []jsonHidden{}
	for _, c := range ws.Contributions {
		if e, ok := last[c.ID]; ok && c.Hidden && !c.gone() {
			out = append(out, jsonHidden{Contribution: c.ID, Reason: c.HiddenReason, HiddenAt: e.At.UTC(), By: e.Actor})
		}
	}
	return out
}

// orEmpty is a list, or an empty one rather than nil, so the file says []
// and not null.
func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return slices.Clip(list)
}
