package sshserver

import (
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// TestPlainTextArrivesAtEveryMoment is the arrival matrix's plain-text
// column (issues 10 and 14): someone without a key asking for plain text
// with CODE+plain@HOST, new or coming back with a resume code, at every
// moment a workshop can be in, gets through the questions to one they
// can answer, where `where` says where they are; at a closed workshop
// they are told so in a sentence, and the session ends. Nothing is drawn
// but lines (checkStream).
func TestPlainTextArrivesAtEveryMoment(t *testing.T) {
	for _, m := range moments {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			a := prepare(t, m)
			for _, resuming := range []bool{false, true} {
				name := map[bool]string{false: "new", true: "with a resume code"}[resuming]
				t.Run(name, func(t *testing.T) {
					start := time.Now()
					p := openPlain(t, a.srv.addr, a.ws.Code+"+plain", "xterm-256color", nil, keyless())
					p.answer("", "press enter for English")
					if m.closed {
						p.waitFor(inquiry.ClosedSentence("Arrivals"))
						select {
						case <-p.done:
						case <-time.After(arrivalDeadline):
							t.Fatalf("the session at a closed workshop did not end within %s", arrivalDeadline)
						}
						p.checkStream()
						return
					}
					if resuming {
						p.answer(a.resume, "Type the resume code")
						p.waitFor("Welcome back, Coded")
					} else {
						p.answer("", "Type the resume code")
						p.answer("Plainly", "Your name or a pseudonym")
						p.answer("", "Where you are from")
						p.answer("yes", "I agree")
						if m.lobby {
							p.waitFor("A facilitator will let you in shortly")
							a.record(t, inquiry.Event{Type: inquiry.ParticipantAdmitted, Target: a.idOf(t, "Plainly")})
							p.waitFor("A facilitator has let you in.")
						}
					}
					p.answer("where")
					p.waitFor("You are in the workshop “Arrivals”.")
					p.waitFor("\r\n> ")
					if took := time.Since(start); took > arrivalDeadline {
						t.Errorf("arriving took %s, beyond the deadline of %s", took.Round(time.Millisecond), arrivalDeadline)
					}
					p.checkStream()
				})
			}
		})
	}
}
