package inquiry

import (
	"errors"
	"strings"
	"testing"
)

// A removal may give its reason: one line, kept beside the act in the
// facilitation record; anything else is refused and changes nothing.
func TestRemovalKeepsItsReason(t *testing.T) {
	l := baseLog(t)
	because := func(reason string) Event {
		e := blocked(facilitator, bob.ID)
		e.Curation = &Curation{Reason: reason}
		return e
	}
	for _, bad := range []string{"", "two\nlines", strings.Repeat("x", MaxReasonRunes+1)} {
		if err := l.replay().Check(because(bad)); !errors.Is(err, ErrInvalid) {
			t.Errorf("a removal because %q: %v, want ErrInvalid", bad, err)
		}
	}
	l.append(because("posted the same advert forty times"))
	md := exportOf(t, FormatMarkdown, l.replay(), l.events)
	if want := "blocked them from joining again (reason: posted the same advert forty times)"; !strings.Contains(md, want) {
		t.Errorf("the facilitation record does not say %q", want)
	}
}
