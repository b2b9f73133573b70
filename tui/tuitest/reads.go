package tuitest

import "github.com/anchorage/anchorage/inquiry"

// EventReads is a room that notes where each read of its events starts,
// for tests that a screen opens from the shared fold and never reads the
// log from its start (the store keeps only a tail of it decoded).
type EventReads struct {
	*MemRoom
	// After are the sequence numbers each read started after, in order.
	After []uint64
}

// Events notes where the read starts, and reads.
func (r *EventReads) Events(id string, after uint64) []inquiry.Event {
	r.After = append(r.After, after)
	return r.MemRoom.Events(id, after)
}
