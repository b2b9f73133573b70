package inquiry

// ClosedSentence is what someone arriving at a closed workshop is told in
// place of a screen where nothing could be saved: participants and scribes
// alike, however they came in.
func ClosedSentence(title string) string {
	return "The workshop “" + title + "” has closed: nothing more can be added. " +
		"Everything saved is kept, and the facilitators have the report."
}
