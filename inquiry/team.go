package inquiry

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The facilitation team: the facilitators and scribes who acted in a
// workshop. They are known by their key's fingerprint (Actor.ID), which
// every event keeps; their names come from the log too, from the Name the
// server puts on their events (Actor.Name), so that a transcript or an
// export made from the log alone names them.

// TeamMember is a facilitator or scribe who acted in the workshop.
type TeamMember struct {
	Role Role
	// ID is their key's fingerprint ("SHA256:...").
	ID string
	// Name is the name their latest named event gave, or "" if none did.
	Name string
	// FirstAt is when they first acted in the workshop.
	FirstAt time.Time
}

// teamIndex is the team in the order they first acted.
type teamIndex struct {
	members []TeamMember
	byID    map[string]int
}

// checkActorName allows a name only on a facilitator's or scribe's
// events, as one line of a name's length. The rules for participants'
// names (a visible letter, no role's name) are for telling people apart
// from the team, so they do not apply to the team's own names.
func checkActorName(a Actor, replay bool) error {
	if a.Name == "" {
		return nil
	}
	if a.Role != RoleFacilitator && a.Role != RoleScribe {
		return fmt.Errorf("%w: only a facilitator or scribe is named on their events; a participant is named when they join", ErrInvalid)
	}
	if cleaningFor(replay).line(a.Name) != a.Name || RuneCount(a.Name) > MaxNameRunes {
		return fmt.Errorf("%w: the name of %s %s is not one line of 1 to %d characters without invisible characters",
			ErrInvalid, a.Role, ShortFingerprint(a.ID), MaxNameRunes)
	}
	return nil
}

// noteActor adds an event's facilitator or scribe to the team, and takes
// the name the event gives them.
func (w *Workshop) noteActor(e Event) {
	a := e.Actor
	if (a.Role != RoleFacilitator && a.Role != RoleScribe) || a.ID == "" {
		return
	}
	t := &w.team
	i, ok := t.byID[a.ID]
	if !ok {
		if t.byID == nil {
			t.byID = map[string]int{}
		}
		i = len(t.members)
		t.byID[a.ID] = i
		t.members = append(t.members, TeamMember{Role: a.Role, ID: a.ID, FirstAt: e.At})
	}
	if a.Name != "" {
		t.members[i].Name = a.Name
	}
}

// Team is everyone who facilitated or scribed in the workshop, in the
// order they first acted.
func (w *Workshop) Team() []TeamMember {
	return slices.Clone(w.team.members)
}

// ActorName names whoever did something, as screens and exports show
// them: a participant by the name they gave ("" once erased), a
// facilitator or scribe by their name, or without one by the start of
// their key's fingerprint, and the server as Anchorage.
func (w *Workshop) ActorName(a Actor) string {
	switch a.Role {
	case RoleSystem:
		return "Anchorage"
	case RoleParticipant:
		if p, ok := w.participants[a.ID]; ok {
			return p.Name
		}
		return ""
	}
	if i, ok := w.team.byID[a.ID]; ok && w.team.members[i].Name != "" {
		return w.team.members[i].Name
	}
	if a.Name != "" {
		return a.Name
	}
	return ShortFingerprint(a.ID)
}

// ShortFingerprint is the start of a key's fingerprint, enough to tell
// keys apart on a screen: "SHA256:q8Vn0jH4".
func ShortFingerprint(id string) string {
	if rest, ok := strings.CutPrefix(id, "SHA256:"); ok && len(rest) > 8 {
		return "SHA256:" + rest[:8]
	}
	return id
}
