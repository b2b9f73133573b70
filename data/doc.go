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
//
// Sequence numbers are assigned by the committer, gapless from 1 for each
// workshop; Badger's own Sequence is not used because it leaves gaps after
// a crash and hands numbers out in an order that is not commit order.
//
// Every log is read and replayed (verifying the chain and the rules) when
// the store opens, and kept in memory: committed events never change, so
// readers share them without copying.
package data
