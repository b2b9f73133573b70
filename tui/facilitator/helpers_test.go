package facilitator

import (
	"fmt"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// addContribution records a contribution with themes, as its author's
// screen would, and returns its ID.
func addContribution(t *testing.T, store tui.Room, ws, who string, prompt inquiry.PromptRef, kind inquiry.Kind, text string, themes ...string) string {
	t.Helper()
	id := fmt.Sprintf("c-%s-%d", who, time.Now().UnixNano())
	tuitest.Contribute(t, store, ws, who, id, prompt, kind, text, themes...)
	return id
}
