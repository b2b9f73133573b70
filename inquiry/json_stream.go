package inquiry

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// jsonStream writes the JSON export's one object a field at a time, and
// its long arrays (participants, contributions, events) an element at a
// time, in exactly the bytes an Encoder with SetIndent("", "  ") writes
// for the whole object: the two-space indent, HTML escaped, a newline at
// the end. Encoding the whole document at once builds all of it in
// memory, compact, and then again indented: for 10,000 contributions
// over 100 MB for a file of 16.
type jsonStream struct {
	w       *bufio.Writer
	scratch bytes.Buffer
	// field encodes a top-level field's value, element an array's
	// element: each indented for its depth, into scratch.
	field, element *json.Encoder
	fields         int
	err            error
}

func newJSONStream(w io.Writer) *jsonStream {
	s := &jsonStream{w: bufio.NewWriterSize(w, 64<<10)}
	s.field = json.NewEncoder(&s.scratch)
	s.field.SetIndent("  ", "  ")
	s.element = json.NewEncoder(&s.scratch)
	s.element.SetIndent("    ", "  ")
	s.w.WriteString("{\n")
	return s
}

// key starts a top-level field.
func (s *jsonStream) key(name string) {
	if s.fields > 0 {
		s.w.WriteString(",\n")
	}
	s.fields++
	s.w.WriteString(`  "`)
	s.w.WriteString(name) // our own names: plain ASCII, nothing to escape
	s.w.WriteString(`": `)
}

// value writes v as a top-level field.
func (s *jsonStream) value(name string, v any) {
	s.key(name)
	s.encode(s.field, v)
}

// encode writes v with enc, without the newline Encode ends it with.
func (s *jsonStream) encode(enc *json.Encoder, v any) {
	if s.err != nil {
		return
	}
	s.scratch.Reset()
	if err := enc.Encode(v); err != nil {
		s.err = err
		return
	}
	s.w.Write(bytes.TrimSuffix(s.scratch.Bytes(), []byte("\n")))
}

// array writes a top-level field that is an array of n elements, each
// elem(i); a nil array (null in the file) is nil itself, not n == 0. Pass
// elem a pointer into the array, as encoding the array would: a method
// on the pointer must see the same element.
func (s *jsonStream) array(name string, n int, isNil bool, elem func(i int) any) {
	s.key(name)
	switch {
	case isNil:
		s.w.WriteString("null")
		return
	case n == 0:
		s.w.WriteString("[]")
		return
	}
	s.w.WriteString("[")
	for i := range n {
		if i > 0 {
			s.w.WriteByte(',')
		}
		s.w.WriteString("\n    ")
		s.encode(s.element, elem(i))
	}
	s.w.WriteString("\n  ]")
}

// close ends the object and writes what is left to the writer.
func (s *jsonStream) close() error {
	s.w.WriteString("\n}\n")
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}
