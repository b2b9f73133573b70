package inquiry

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// decodedExport is the JSON export as a reader's program would decode it.
type decodedExport struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	Head    struct {
		Seq  uint64 `json:"seq"`
		Hash string `json:"hash"`
	} `json:"head"`
	Workshop      map[string]any   `json:"workshop"`
	Guide         Guide            `json:"guide"`
	Participants  []map[string]any `json:"participants"`
	Contributions []struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	} `json:"contributions"`
	Tally []struct {
		Theme  string         `json:"theme"`
		Counts map[string]int `json:"counts"`
	} `json:"tally"`
	Events []Event `json:"events"`
}

func TestExportJSONRoundTripsTheLog(t *testing.T) {
	ws, events := sampleExportLog(t)
	var doc decodedExport
	if err := json.Unmarshal([]byte(exportOf(t, FormatJSON, ws, events)), &doc); err != nil {
		t.Fatalf("the JSON export does not decode: %v", err)
	}
	if doc.Format != "anchorage-export" || doc.Version != 1 {
		t.Errorf("format %q version %d", doc.Format, doc.Version)
	}
	replayed, err := Replay(doc.Events)
	if err != nil {
		t.Fatalf("the exported log does not replay: %v", err)
	}
	if got, want := replayed.Summary(), ws.Summary(); !reflect.DeepEqual(got, want) {
		t.Errorf("replayed summary:\n got %+v\nwant %+v", got, want)
	}
	if doc.Head.Seq != replayed.Head || doc.Head.Hash != replayed.HeadHash {
		t.Errorf("head %d %s, but the exported log ends at %d %s", doc.Head.Seq, doc.Head.Hash, replayed.Head, replayed.HeadHash)
	}
	if !reflect.DeepEqual(doc.Guide, ws.Guide) {
		t.Errorf("guide does not round-trip:\n got %+v\nwant %+v", doc.Guide, ws.Guide)
	}
	if doc.Workshop["closed_at"] != "2026-03-12T11:45:00Z" || doc.Workshop["code"] != "harbour-4821" || doc.Workshop["open"] != false {
		t.Errorf("workshop: %v", doc.Workshop)
	}
	if len(doc.Participants) != 5 || len(doc.Contributions) != 19 {
		t.Errorf("got %d participants and %d contributions, want 5 and 19", len(doc.Participants), len(doc.Contributions))
	}
	if n := len(doc.Tally); n != len(ws.Themes())+1 || doc.Tally[n-1].Theme != "" || doc.Tally[n-1].Counts["barrier"] != 1 {
		t.Errorf("tally should have a row per theme and the unthemed row last: %+v", doc.Tally)
	}
}

func TestExportJSONWritesNullForTimesThatNeverCame(t *testing.T) {
	l := newExportLog(t, exportStart, WorkshopDetails{ID: "w", Title: "T", Code: "oak-0001", Pacing: SelfPaced, Guide: exportGuide()})
	l.join(time.Minute, "p", "P", "")
	l.add(2*time.Minute, "c", "p", "design/in-the-way", Barrier, "No bus.", nil, "")
	var doc struct {
		Workshop      map[string]any   `json:"workshop"`
		Contributions []map[string]any `json:"contributions"`
	}
	if err := json.Unmarshal([]byte(exportOf(t, FormatJSON, l.ws, l.events)), &doc); err != nil {
		t.Fatal(err)
	}
	closedAt, present := doc.Workshop["closed_at"]
	if !present || closedAt != nil || doc.Workshop["open"] != true {
		t.Errorf("an open workshop: got closed_at %v (present %v), open %v", closedAt, present, doc.Workshop["open"])
	}
	c := doc.Contributions[0]
	if editedAt, present := c["edited_at"]; !present || editedAt != nil {
		t.Errorf("an unedited contribution: got edited_at %v (present %v)", editedAt, present)
	}
	if themes, ok := c["themes"].([]any); !ok || len(themes) != 0 {
		t.Errorf("a contribution without themes: got themes %#v, want []", c["themes"])
	}
}
