package inquiry

import "strings"

// The parts of the markdown report that name people beyond the
// participants: the facilitation team by the names their events carry,
// who edited what, and who agreed with what.

// team lists the facilitators and scribes who acted, for the header:
// "Morag Maclean (facilitator); Ailsa (scribe)".
func (r *markdownReport) team() string {
	var names []string
	for _, m := range r.ws.Team() {
		names = append(names, r.teamMember(Actor{Role: m.Role, ID: m.ID}))
	}
	return strings.Join(names, "; ")
}

// teamMember names a facilitator or scribe: by name and role, or without
// a name by role and the start of their key's fingerprint.
func (r *markdownReport) teamMember(a Actor) string {
	switch a.Role {
	case RoleSystem:
		return "Anchorage"
	case RoleParticipant:
		return mdLine(r.labels.name(a.ID))
	}
	role := string(a.Role)
	if a.Role == "" {
		role = string(RoleFacilitator)
	}
	name := r.ws.ActorName(a)
	if name == ShortFingerprint(a.ID) {
		return role + " " + mdLine(name)
	}
	return mdLine(name) + " (" + role + ")"
}

// byline names a facilitator or scribe in a sentence about a
// contribution: "the scribe Ailsa Ross", or without a name "a scribe".
func (r *markdownReport) byline(a Actor) string {
	switch {
	case a.Role == RoleParticipant || a.Role == RoleSystem:
		return r.teamMember(a)
	case r.ws.ActorName(a) == ShortFingerprint(a.ID):
		return roleNoun(a.Role)
	}
	return "the " + strings.TrimPrefix(roleNoun(a.Role), "a ") + " " + mdLine(r.ws.ActorName(a))
}

// editor says who last edited a contribution, when not its author: " by
// Ailsa (scribe)".
func (r *markdownReport) editor(c *Contribution) string {
	a, ok := r.editedBy[c.ID]
	if !ok || (a.Role == RoleParticipant && a.ID == c.Participant) {
		return ""
	}
	return " by " + r.byline(a)
}

// agreement writes who agreed with a transcript entry without writing,
// and how many contributions build on it.
func (r *markdownReport) agreement(c *Contribution) {
	if who := r.ws.Agreements(c.ID); len(who) > 0 {
		names := make([]string, len(who))
		for i, id := range who {
			names[i] = mdLine(r.labels.name(id))
		}
		r.printf(" · agreed by %s", strings.Join(names, ", "))
	}
	n := 0
	for _, b := range r.ws.BuiltOn(c.ID) {
		if b.Live() {
			n++
		}
	}
	if n > 0 {
		r.printf(" · %s on it", Plural(n, "contribution builds", "contributions build"))
	}
}
