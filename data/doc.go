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
//	n/<workshop ID>                            the header of a workshop's latest snapshot, as JSON
//	m/<workshop ID>/<SHA-256, 32 bytes>        a part of a snapshot, under its hash
//
// Sequence numbers are assigned by the committer, gapless from 1 for each
// workshop; Badger's own Sequence is not used because it leaves gaps after
// a crash and hands numbers out in an order that is not commit order.
//
// A start restores each workshop from its latest snapshot (snapshot.go),
// with the writers' allowances as its events spent them
// (snapshot_limits.go), and folds the events after it, verifying the
// chain and the rules, or
// replays the whole log when there is no snapshot fit to use; the chain
// behind a snapshot is replayed whole in the background once the store is
// open (verify.go). Only each workshop's newest events are kept decoded in
// memory (tail.go), shared by readers without copying; older ones are read
// back and checked against the chain when a rare reader asks. Readers
// share one fold of each workshop (read.go); the committer keeps its own.
// Events never change, with one exception: when the committer
// commits a ParticipantWithdrawn or ParticipantErased event it rewrites,
// in the same transaction, every stored event holding that participant's
// words to erased Words (the digest alone; the chain covers digests, so it
// still verifies), deletes their draft and resume code, and publishes new
// copies of the rewritten events in place of the old (readers holding the
// old ones keep them until they let go). The same write deletes the
// workshop's snapshots, which hold the words too. It then scrubs the
// database files (see Store.scrub) so that no file keeps the words.
//
// Drafts and resume codes are kept outside the logs, so no transcript or
// export holds them. Drafts are written in the background, without a
// synchronous write of their own, except what a commit does to them: a
// contribution clears its prompt's text from its author's draft, and a
// merge of two participants moves one's draft to the other, in the
// commit's own transaction (see draft_commit.go). Resume codes are never
// written: they are derived from the log and the installation secret.
package data
