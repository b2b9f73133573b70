package participant

import "github.com/anchorage/anchorage/inquiry"

// takeIn folds into the view what the room recorded since the view last
// looked. If any of it touches others' words at the prompt on screen, or
// the whole room (see inquiry.Concern: the shared fold says which prompt
// a contribution acted on by its ID is at), it counts them again, and
// reads the page of them that is open; anything else, such as the words
// of a busy room at other prompts, reads nothing more.
func (m *Screen) takeIn() {
	events := m.s.Room.Events(m.view.id, m.view.head)
	if len(events) == 0 {
		return
	}
	o, ref := &m.others, m.othersRef()
	if ref != "" && o.ref == ref && !o.stale {
		head, me, open, say := m.view.head, m.view.me, m.stage == stageOthers, m.words()
		err := m.s.Room.Read(m.view.id, func(w *inquiry.Workshop) {
			for _, e := range events {
				if e.Seq > head && touchesOthers(w.Concern(e), ref) {
					o.read(say, w, me, ref, open)
					return
				}
			}
		})
		if err != nil {
			o.stale = true // read again at the next frame
		}
	}
	m.view.apply(events)
	if len(m.view.unshared) > 0 {
		// Nothing is lost if the read fails: the view keeps its own.
		_ = m.s.Room.Read(m.view.id, m.view.shareMine)
	}
}

// touchesOthers reports whether an event can change what others wrote at
// a prompt, as a participant there sees it: their count, words, agreements
// or what is shown at all.
func touchesOthers(c inquiry.Concern, ref inquiry.PromptRef) bool {
	return c.Room || c.Prompt == ref
}
