package data

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// A draft never outlives its save. Drafts are written in the background,
// at most once every draftInterval, so the draft on disk can still hold
// the words of a contribution just committed: a crash then, and the
// person reconnects to words they had already saved. So the committer
// writes what a batch does to drafts in the batch's own transaction (a
// contribution clears its prompt's text from its author's draft; a merge
// moves the merged-away participant's draft to the one kept), holding
// off the background writer meanwhile. And Draft never gives back text
// for a prompt where its author added a contribution after the draft was
// saved (see Store.unsent), whatever is on disk.

// draftOp is what one committed event does to drafts: a contribution
// (author, prompt, at) or a merge of two participants (from, into).
type draftOp struct {
	workshopID string
	author     string
	prompt     inquiry.PromptRef
	at         time.Time
	from, into string
	merge      bool
}

// draftOps lists what a batch's accepted events do to drafts. Only
// participants typing at a terminal have drafts: what a scribe enters
// changes none.
func draftOps(outcomes []outcome) []draftOp {
	var ops []draftOp
	for _, o := range outcomes {
		if o.value == nil {
			continue
		}
		switch e := o.event; {
		case e.Type == inquiry.ContributionAdded && e.Actor.Role == inquiry.RoleParticipant:
			ops = append(ops, draftOp{workshopID: o.workshopID, author: e.Contribution.Participant, prompt: e.Contribution.Prompt, at: e.At})
		case e.Type == inquiry.ParticipantsMerged:
			ops = append(ops, draftOp{workshopID: o.workshopID, from: e.Merge.From, into: e.Merge.Into, merge: true})
		}
	}
	return ops
}

// apply does the op to drafts as get finds them, through set and drop.
func (op draftOp) apply(get func(key string) (Draft, bool), set func(key string, d Draft), drop func(key string)) {
	if !op.merge {
		k := string(draftKey(op.workshopID, op.author))
		if d, ok := get(k); ok {
			if kept, changed := withoutSent(d, op.prompt, op.at); changed {
				set(k, kept)
			}
		}
		return
	}
	from, into := string(draftKey(op.workshopID, op.from)), string(draftKey(op.workshopID, op.into))
	a, aok := get(from)
	b, bok := get(into)
	if aok || bok {
		set(into, joinDrafts(a, b))
	}
	drop(from)
}

// draftEntries works out the writes that put a batch's draft ops into
// its transaction, from the drafts as they stand (read from the database
// if need be). The caller holds drafts.flushMu until the batch is written
// and applyDraftOps has run, so no background write lands in between.
func (s *Store) draftEntries(ops []draftOp) []entry {
	type result struct {
		d  Draft
		ok bool
	}
	work := map[string]result{}
	get := func(k string) (Draft, bool) {
		if r, ok := work[k]; ok {
			return r.d, r.ok
		}
		return s.loadDraft(k)
	}
	for _, op := range ops {
		op.apply(get,
			func(k string, d Draft) { work[k] = result{d, true} },
			func(k string) { work[k] = result{} })
	}
	var entries []entry
	for _, k := range slices.Sorted(maps.Keys(work)) {
		r := work[k]
		if !r.ok {
			entries = append(entries, entry{key: []byte(k), delete: true})
			continue
		}
		value, err := json.Marshal(r.d)
		if err != nil {
			// A draft is strings and a time: it always encodes. Leave it to
			// the background writer, and Draft's check, if it did not.
			s.log.Warn("cannot encode a draft", "err", err)
			continue
		}
		entries = append(entries, entry{key: []byte(k), value: value})
	}
	return entries
}

// applyDraftOps brings the drafts in memory in step with a committed
// batch. A draft saved since draftEntries read it is changed too: the
// ops hold for it as they did for the one written (words saved after the
// contribution stay), and what a merge joined is marked to be written
// again.
func (s *Store) applyDraftOps(ops []draftOp) {
	d := &s.drafts
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, op := range ops {
		op.apply(
			func(k string) (Draft, bool) {
				v, ok := d.saved[k]
				return v, ok && !d.gone[k]
			},
			func(k string, v Draft) {
				d.saved[k] = v
				delete(d.absent, k)
				if op.merge {
					d.dirty[k] = true
				}
			},
			d.forgetLocked)
	}
}

// withoutSent is a draft without its text for a prompt where its author
// added a contribution at a moment after the draft was saved, and whether
// there was such text.
func withoutSent(d Draft, ref inquiry.PromptRef, at time.Time) (Draft, bool) {
	if _, ok := d.Texts[ref]; !ok || !d.Saved.Before(at) {
		return d, false
	}
	d.Texts = maps.Clone(d.Texts)
	delete(d.Texts, ref)
	return d, true
}

// joinDrafts is one person's two drafts as one: the text of both at
// every prompt, the older first, and where they were in the newer.
func joinDrafts(a, b Draft) Draft {
	older, newer := a, b
	if a.Saved.After(b.Saved) {
		older, newer = b, a
	}
	out := Draft{Prompt: newer.Prompt, Saved: newer.Saved, Texts: maps.Clone(older.Texts)}
	if out.Texts == nil {
		out.Texts = map[inquiry.PromptRef]string{}
	}
	for ref, text := range newer.Texts {
		if before := out.Texts[ref]; strings.TrimSpace(before) != "" && before != text {
			text = before + "\n" + text
		}
		out.Texts[ref] = text
	}
	if out.Prompt == "" {
		out.Prompt = older.Prompt
	}
	return out
}

// unsent is a draft without the text of prompts where the participant
// added a contribution after the draft was saved: those words were sent.
func (s *Store) unsent(workshopID, participantID string, d Draft) Draft {
	if len(d.Texts) == 0 {
		return d
	}
	var sent []inquiry.PromptRef
	err := s.Read(workshopID, func(w *inquiry.Workshop) {
		for ref := range d.Texts {
			if w.AddedAfter(participantID, ref, d.Saved) {
				sent = append(sent, ref)
			}
		}
	})
	if err != nil {
		s.log.Warn("cannot check a draft against the log", "workshop", workshopID, "err", err)
	}
	for _, ref := range sent {
		delete(d.Texts, ref)
	}
	return d
}

// retireMerged refuses drafts for participants merged into another, as
// the merge's commit did before a restart. It runs as the store opens,
// when the state of each workshop loaded is the readers' fold (the
// committer copies it once it runs).
func (s *Store) retireMerged() {
	for id, l := range s.logs {
		for _, p := range l.read.w.Participants {
			if p.Merged() {
				s.drafts.forget(id, p.ID)
			}
		}
	}
}
