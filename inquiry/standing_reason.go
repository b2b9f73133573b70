package inquiry

import "fmt"

// A removal may say why (Curation.Reason on ParticipantBlocked): the
// facilitation record keeps the reason beside the act, as it does a hidden
// contribution's. It is optional, so that logs made before it replay.

// checkBlockReason allows a removal's reason as one line, as a hiding's.
func checkBlockReason(e Event) error {
	if e.Curation == nil {
		return nil
	}
	r := e.Curation.Reason
	if r == "" || CleanLine(r) != r || RuneCount(r) > MaxReasonRunes {
		return fmt.Errorf("%w: the reason for removing someone is one line of up to %d characters", ErrInvalid, MaxReasonRunes)
	}
	return nil
}

// blockReason is a removal's reason as the record adds it, or "".
func blockReason(e Event) string {
	if e.Curation == nil || e.Curation.Reason == "" {
		return ""
	}
	return " (reason: " + mdLine(e.Curation.Reason) + ")"
}
