package inquiry

import "time"

// Summary is a workshop at a glance, for lists and choosers.
type Summary struct {
	ID            string    `json:"id"`
	Title         string    `json:"title"`
	Code          string    `json:"code"`
	Guide         string    `json:"guide"`
	Open          bool      `json:"open"`
	OpenedAt      time.Time `json:"opened_at"`
	Participants  int       `json:"participants"`
	Contributions int       `json:"contributions"`
	// TextBytes is how many bytes of people's words the log holds (see
	// Workshop.TextBytes), for the store's budget.
	TextBytes int64 `json:"text_bytes"`
}

// Summary returns the workshop at a glance. Only live contributions are
// counted (see Contribution.Live); the count is kept as events are folded,
// so a summary costs nothing however large the workshop.
func (w *Workshop) Summary() Summary {
	return Summary{
		ID: w.ID, Title: w.Title, Code: w.Code, Guide: w.Guide.ID, Open: w.Open,
		OpenedAt: w.OpenedAt, Participants: len(w.Participants) - w.merged, Contributions: w.counts.live,
		TextBytes: w.standing.textBytes,
	}
}

// Presence is one live session in a workshop: who, and where in the guide.
// It is not part of the transcript; it lasts as long as the connection.
type Presence struct {
	// Session identifies the connection; one person may have several.
	Session string
	Role    Role
	// Participant is the participant's ID once they have joined.
	Participant string
	Name        string
	// Prompt is where they are in the guide; empty before they start.
	Prompt PromptRef
	Since  time.Time
}
