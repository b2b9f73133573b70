package inquiry

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestGatheredExportMatchesGoldenFiles(t *testing.T) {
	ws, events := gatheredExportLog(t)
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			compareExportGolden(t, "gathered.export"+f.Extension()+".golden", []byte(exportOf(t, f, ws, events)))
		})
	}
}

// gatheredExports are the three exports of the gathered fixture, read as a
// person or a program would read them.
type gatheredExports struct {
	md   string
	rows map[string]map[string]string // CSV: contribution ID to column to cell
	doc  struct {
		Participants []map[string]any `json:"participants"`
		Contribution []map[string]any `json:"contributions"`
		Tally        []map[string]any `json:"tally"`
		Totals       map[string]any   `json:"totals"`
		Workshop     map[string]any   `json:"workshop"`
	}
}

func exportGathered(t *testing.T) gatheredExports {
	t.Helper()
	ws, events := gatheredExportLog(t)
	x := gatheredExports{md: exportOf(t, FormatMarkdown, ws, events), rows: map[string]map[string]string{}}
	records, err := csv.NewReader(strings.NewReader(exportOf(t, FormatCSV, ws, events))).ReadAll()
	if err != nil {
		t.Fatalf("CSV: %v", err)
	}
	for _, rec := range records[1:] {
		row := map[string]string{}
		for i, name := range records[0] {
			row[name] = rec[i]
		}
		x.rows[row["id"]] = row
	}
	if err := json.Unmarshal([]byte(exportOf(t, FormatJSON, ws, events)), &x.doc); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	return x
}

func TestReportShowsEachReframeUnderItsBarrier(t *testing.T) {
	x := exportGathered(t)
	synthesis := section(x.md, "## Synthesis")
	third := section(synthesis, "#### Third sector")
	barrier := strings.Index(third, "“Funding arrives in one-year pots")
	tests := []struct {
		name string
		ok   bool
	}{
		{"the table has a column of barriers reframed", strings.Contains(synthesis, "| Theme | Opportunities | Barriers | Barriers reframed |")},
		{"third sector: one barrier, reframed", strings.Contains(synthesis, "| Third sector | 0 | 1 | 1 |")},
		{"the barrier is quoted", barrier >= 0},
		{"Sìne's reframe is nested under it", strings.Index(third, "\n  - reframed: “A fund that runs as long as the locality plan") > barrier},
		{"Morag's reframe of her own barrier is nested under it", strings.Contains(third, "\n  - reframed: “Funders would need to trust us with five years")},
		{"a duplicate's reframe is gathered under the barrier it was merged into", strings.Contains(third, "\n  - reframed: “Ten-year funding for the anchors.” — Bram")},
		{"a scribed table's reframe says so", strings.Contains(synthesis, "  - reframed: “One page, and an officer who helps fill it in.” — Table 2 *(scribed)*")},
		{"a reframe is not quoted as a barrier", !strings.Contains(synthesis, "- “A fund that runs")},
		{"a reframe whose barrier was deleted is still quoted", strings.Contains(section(synthesis, "#### Reframes of barriers no longer shown (1)"), "“A named officer for each anchor, with a direct line.” — Sìne")},
		{"and says which barrier it answered", strings.Contains(synthesis, "reframes a contribution since deleted")},
		{"the count says how many reframes", strings.Contains(x.md, "5 reframes")},
	}
	for _, tt := range tests {
		if !tt.ok {
			t.Errorf("%s:\n%s", tt.name, synthesis)
		}
	}

	transcript := section(x.md, "## Transcript")
	order := []string{
		"- **10:10 · Morag** · barrier",
		"  - **10:12 · Sìne** · reframe",
		"  - **10:13 · Morag** · reframe",
		"- **10:15 · Alan R.** · barrier",
		"- **10:17 · Bram** · barrier",
		"  - **10:18 · Table 2** · reframe",
		"- **10:20 · Sìne** · barrier",
		"  - **10:21 · Bram** · reframe",
		"- **10:24** · *(deleted by the author)*",
		"  - **10:25 · Sìne** · reframe",
	}
	at := 0
	for _, line := range order {
		i := strings.Index(transcript[at:], "\n"+line)
		if i < 0 {
			t.Fatalf("the transcript does not have %q after what came before:\n%s", line, transcript)
		}
		at += i + 1
	}
	if !strings.Contains(transcript, "\n    A fund that runs as long as the locality plan") {
		t.Errorf("a nested reframe's words are not indented under it:\n%s", transcript)
	}
}

func TestCSVAndJSONNameTheBarrierAReframeAnswers(t *testing.T) {
	x := exportGathered(t)
	for id, want := range map[string]string{"r-01": "c-01", "r-03": "c-03", "r-04": "c-04", "r-05": "c-05", "c-01": ""} {
		if got := x.rows[id]["answers"]; got != want {
			t.Errorf("CSV %s answers %q, want %q", id, got, want)
		}
		var found bool
		for _, c := range x.doc.Contribution {
			if c["id"] == id {
				found = true
				if c["answers"] != want {
					t.Errorf("JSON %s answers %v, want %q", id, c["answers"], want)
				}
			}
		}
		if !found {
			t.Errorf("JSON has no contribution %s", id)
		}
	}
	if got := x.rows["r-01"]["kind"]; got != "reframe" {
		t.Errorf("CSV kind of a reframe is %q", got)
	}
	kinds, _ := x.doc.Totals["kinds"].(map[string]any)
	if kinds["barrier"] != 4.0 || kinds["reframe"] != 5.0 {
		t.Errorf("JSON totals by kind %v: want 4 barriers and 5 reframes", kinds)
	}
	for _, row := range x.doc.Tally {
		if row["theme"] == "third-sector" && row["reframed"] != 1.0 {
			t.Errorf("JSON tally row for third sector says %v barriers reframed, want 1", row["reframed"])
		}
	}
}
