package inquiry

import (
	"bytes"
	"encoding/json"
	"testing"
)

// The goldens hold a few contributions; a big workshop streams hundreds of
// participants, contributions and events an element at a time. Its file
// must still be one object laid out exactly as an indenting encoder lays
// it out: indenting its compact form again changes no byte.
func TestExportJSONOfABigWorkshopIsLaidOutAsOneIndentedObject(t *testing.T) {
	ws, events := largeExportLog(t, 500)
	out := []byte(exportOf(t, FormatJSON, ws, events))
	if !json.Valid(out) {
		t.Fatal("the export is not valid JSON")
	}
	var compact, again bytes.Buffer
	if err := json.Compact(&compact, out); err != nil {
		t.Fatalf("compact: %v", err)
	}
	if err := json.Indent(&again, compact.Bytes(), "", "  "); err != nil {
		t.Fatalf("indent: %v", err)
	}
	again.WriteByte('\n')
	if !bytes.Equal(again.Bytes(), out) {
		i := 0
		for i < len(out) && i < again.Len() && out[i] == again.Bytes()[i] {
			i++
		}
		t.Fatalf("the export's layout differs from an indenting encoder's at byte %d:\n%q\nwant\n%q",
			i, out[max(i-80, 0):min(i+80, len(out))], again.Bytes()[max(i-80, 0):min(i+80, again.Len())])
	}
	var doc struct {
		Contributions []json.RawMessage `json:"contributions"`
		Events        []json.RawMessage `json:"events"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("decode: %v", err)
	}
	if len(doc.Events) != len(events) {
		t.Errorf("the export has %d events, the log %d", len(doc.Events), len(events))
	}
	if want := ws.Tally().Contributions; len(doc.Contributions) != want {
		t.Errorf("the export has %d contributions, the workshop %d live", len(doc.Contributions), want)
	}
}
