package inquiry

// standingAct says what an event of standing (see standing.go) did, for
// the facilitation record, or "" for other events.
func (r *markdownReport) standingAct(e Event) string {
	switch e.Type {
	case ParticipantBlocked:
		return "removed " + mdLine(r.labels.name(e.Target)) + " from the workshop, hid what they wrote and blocked them from joining again" + blockReason(e)
	case LobbyOpened:
		return "held new participants in a lobby until a facilitator lets them in"
	case LobbyClosed:
		return "stopped holding new participants in a lobby, and let in everyone waiting"
	case ParticipantAdmitted:
		return "let " + mdLine(r.labels.name(e.Target)) + " in from the lobby"
	case WaitingAdmitted:
		return "let everyone waiting in from the lobby"
	}
	return ""
}
