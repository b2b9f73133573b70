package inquiry

import (
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"time"
)

// The values a snapshot is made of: unsigned and signed varints, flags,
// strings and byte strings with their length first, times, and lists and
// maps that say whether they are nil. A fold restored from a snapshot must
// be the fold that was written, down to a map that is empty rather than
// nil, so whatever the fold can hold either way is written so.

// snapWriter appends a snapshot's values.
type snapWriter struct{ b []byte }

func (e *snapWriter) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *snapWriter) int(v int64)   { e.b = binary.AppendVarint(e.b, v) }

func (e *snapWriter) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *snapWriter) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

func (e *snapWriter) bytes(b []byte) {
	e.uint(uint64(len(b)))
	e.b = append(e.b, b...)
}

// strs writes a list of strings. An empty list reads back as nil, as it
// does from the log's JSON, where empty lists are left out.
func (e *snapWriter) strs(list []string) {
	e.uint(uint64(len(list)))
	for _, s := range list {
		e.str(s)
	}
}

// length writes the length of a list or map that may be nil: 0 for nil,
// n+1 for one of n.
func (e *snapWriter) length(n int, isNil bool) {
	if isNil {
		e.uint(0)
	} else {
		e.uint(uint64(n) + 1)
	}
}

// strList writes a list of strings that may be nil or empty.
func (e *snapWriter) strList(list []string) {
	e.length(len(list), list == nil)
	for _, s := range list {
		e.str(s)
	}
}

// writeMap writes a map keyed by strings that may be nil, in key order, so
// the same state always gives the same bytes.
func writeMap[V any](e *snapWriter, m map[string]V, value func(V)) {
	e.length(len(m), m == nil)
	for _, k := range slices.Sorted(maps.Keys(m)) {
		e.str(k)
		value(m[k])
	}
}

// time writes an instant and its offset from UTC, which is all JSON keeps
// of a time's location; zero is written as offset 1, which no real one is
// (offsets are whole minutes).
func (e *snapWriter) time(t time.Time) {
	if t.IsZero() {
		e.int(1)
		return
	}
	_, offset := t.Zone()
	e.int(int64(offset))
	e.int(t.Unix())
	e.uint(uint64(t.Nanosecond()))
}

// snapReader reads what snapWriter wrote. The first error sticks: later
// reads give zero values, and the caller checks err once at the end.
type snapReader struct {
	b   []byte
	err error
}

func (r *snapReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("cut short or malformed at %s", what)
	}
	r.b = nil
}

func (r *snapReader) uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("a number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *snapReader) int() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("a number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length, refusing one longer than the bytes left could
// hold, so a damaged snapshot cannot ask for a huge allocation.
func (r *snapReader) count() int {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.fail("a length")
		return 0
	}
	return int(n)
}

// length reads what snapWriter.length wrote: the length, and whether the
// list or map is nil.
func (r *snapReader) length() (n int, isNil bool) {
	n = r.count()
	if n == 0 {
		return 0, true
	}
	return n - 1, false
}

func (r *snapReader) bool() bool {
	if len(r.b) == 0 || r.b[0] > 1 {
		r.fail("a flag")
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

func (r *snapReader) raw() []byte {
	n := r.count()
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *snapReader) str() string { return string(r.raw()) }

func (r *snapReader) strs() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = r.str()
	}
	return list
}

func (r *snapReader) strList() []string {
	n, isNil := r.length()
	if isNil {
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = r.str()
	}
	return list
}

// readMap reads what writeMap wrote.
func readMap[V any](r *snapReader, value func() V) map[string]V {
	n, isNil := r.length()
	if isNil {
		return nil
	}
	m := make(map[string]V, n)
	for range n {
		k := r.str()
		m[k] = value()
	}
	return m
}

// time reads what snapWriter.time wrote into the time a JSON decoder gives
// for the same instant and offset.
func (r *snapReader) time() time.Time {
	offset := r.int()
	if offset == 1 {
		return time.Time{}
	}
	t := time.Unix(r.int(), int64(r.uint()))
	if offset == 0 {
		return t.UTC()
	}
	// Rare: let the JSON decoder's own rules pick the location.
	var parsed time.Time
	if err := parsed.UnmarshalText([]byte(t.In(time.FixedZone("", int(offset))).Format(time.RFC3339Nano))); err != nil {
		r.fail("a time")
	}
	return parsed
}
