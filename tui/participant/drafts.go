package participant

import (
	"maps"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
)

// A person's unsent words are kept as a draft on the server, for every
// prompt, so that neither a dropped line nor a restart loses them.

// restoreDraft puts back the unsent text this person left, and takes them
// to where they were, as far as the pacing allows.
func (m *Screen) restoreDraft() {
	d, ok := m.s.Room.Draft(m.view.id, m.view.me)
	if !ok {
		return
	}
	c := &m.compose
	maps.Copy(c.drafts, d.Texts)
	if p, q, found := m.view.guide.Locate(d.Prompt); found && m.view.reachable(p, q) && m.view.pacing != inquiry.FacilitatorPaced {
		c.form.GoTo(p, q)
	}
	c.form.SetWords(c.drafts[c.ref()])
}

// saveDraft keeps the unsent text of every prompt, so a dropped line or a
// server restart does not lose it. The store keeps it in memory and
// writes it out in the background, so calling this as people type is
// cheap.
func (m *Screen) saveDraft() {
	c := &m.compose
	if m.view.me == "" || c.view == nil {
		return
	}
	texts := map[inquiry.PromptRef]string{}
	for ref, text := range c.drafts {
		if strings.TrimSpace(text) != "" {
			texts[ref] = text
		}
	}
	if text := c.form.Words(); strings.TrimSpace(text) != "" && c.editing == "" {
		texts[c.ref()] = text
	} else {
		delete(texts, c.ref())
	}
	_ = m.s.Room.SaveDraft(m.view.id, m.view.me, inquiry.Draft{Prompt: c.ref(), Texts: texts})
}
