package inquiry

import "time"

// Draft is what a person had typed but not sent, and where they were: kept
// so that someone whose connection drops comes back to it. Drafts are kept
// outside the workshop's log, so they are never in its transcript or
// exports.
type Draft struct {
	// Prompt is where the person was.
	Prompt PromptRef `json:"prompt"`
	// Texts is the unsent text in the editor, per prompt.
	Texts map[PromptRef]string `json:"texts,omitempty"`
	// Saved is when the draft was saved; the store fills it in when zero.
	Saved time.Time `json:"saved"`
}
