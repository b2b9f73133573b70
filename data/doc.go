// Package data keeps Anchorage's workshops in an embedded Badger database
// and tells live sessions when something new has been committed.
//
// Each workshop is an append-only log of inquiry.Events. One committer
// goroutine owns every write to those logs: it checks each event against
// the workshop's state (the inquiry rules), stamps it (time, sequence
// number, salted digests of personal text, hash chain), writes a whole
// batch of concurrent Appends in one transaction with synchronous writes,
// and only then publishes the events to readers and rings the watchers'
// doorbells. Badger does not share fsyncs between concurrent commits, so
// batching is what lets a room of people submit at once without queueing
// behind each other's disk flushes.
//
// Key layout. Workshop IDs are 16 lower-case hex characters and sequence
// numbers are 8-byte big-endian integers, so byte order is numeric order
// and one workshop's prefix never matches another's:
//
//	e/<workshop ID>/<seq, 8 bytes big-endian>  an event, as JSON
//	f/<SHA256 key fingerprint>                 an enrolled facilitator, as JSON
//	s/secret                                   the installation secret, 32 bytes
//	g/<guide ID>                               an added guide: its YAML and the parsed guide
//	k/<workshop ID>/<SHA256 key fingerprint>   a scribe enrolled for a workshop
//	d/<workshop ID>/<participant ID>           a participant's draft (unsent text)
//	z/scrub                                    set by an erasure until its scrub is done
//
// Sequence numbers are assigned by the committer, gapless from 1 for each
// workshop; Badger's own Sequence is not used because it leaves gaps after
// a crash and hands numbers out in an order that is not commit order.
//
// Every log is read and replayed (verifying the chain and the rules) when
// the store opens, and kept in memory; readers share the events without
// copying. Events never change, with one exception: when the committer
// commits a ParticipantWithdrawn or ParticipantErased event it rewrites,
// in the same transaction, every stored event holding that participant's
// words to erased Words (the digest alone; the chain covers digests, so it
// still verifies), deletes their draft and resume code, and publishes new
// copies of the rewritten events in place of the old (readers holding the
// old ones keep them until they let go). It then scrubs the database
// files (see Store.scrub) so that no file keeps the words.
//
// Drafts and resume codes are kept outside the logs, so no transcript or
// export holds them. Drafts are written in the background, without a
// synchronous write of their own, except what a commit does to them: a
// contribution clears its prompt's text from its author's draft, and a
// merge of two participants moves one's draft to the other, in the
// commit's own transaction (see draft_commit.go). Resume codes are never
// written: they are derived from the log and the installation secret.
package data
