package inquiry

import (
	"encoding/csv"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestExportCSVParsesBackOneRowPerLiveContribution(t *testing.T) {
	ws, events := sampleExportLog(t)
	records, err := csv.NewReader(strings.NewReader(exportOf(t, FormatCSV, ws, events))).ReadAll()
	if err != nil {
		t.Fatalf("the CSV export does not parse: %v", err)
	}
	if !reflect.DeepEqual(records[0], csvHeader) {
		t.Errorf("header: got %q", records[0])
	}
	if got, want := len(records), 1+19; got != want {
		t.Fatalf("got %d records, want %d (a header and the 19 live contributions)", got, want)
	}
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	for _, rec := range records[1:] {
		if len(rec) != len(csvHeader) {
			t.Errorf("row %s has %d columns, want %d", rec[1], len(rec), len(csvHeader))
		}
		if rec[col["id"]] == "c-10" {
			t.Errorf("the deleted contribution c-10 is in the CSV")
		}
	}
	// A multi-line contribution survives quoting, and every column is
	// where the header says.
	var sine []string
	for _, rec := range records {
		if rec[col["id"]] == "c-03" {
			sine = rec
		}
	}
	want := map[string]string{
		"seq": "9", "added_at": "2026-03-12T10:17:00Z", "edited_at": "", "phase": "Discover",
		"prompt_id": "discover/at-best", "participant_id": "p-sine", "participant": "Sìne",
		"organisation": "Community group or volunteer", "kind": "story",
		"themes": "Health and social care; Food and growing", "partner": "NHS / health and social care",
		"text":     "Our lunch club started with six people.\nNow it is forty, and the link worker refers people to us.\n\nNobody planned that: it grew.",
		"head_seq": strconv.FormatUint(ws.Head, 10), "head_hash": ws.HeadHash,
	}
	for name, value := range want {
		if sine == nil || sine[col[name]] != value {
			t.Errorf("c-03 %s: got %q, want %q", name, sine[col[name]], value)
		}
	}
}

func TestExportCSVNeutralisesFormulaCells(t *testing.T) {
	ws, events := sampleExportLog(t)
	records, err := csv.NewReader(strings.NewReader(exportOf(t, FormatCSV, ws, events))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]bool{}
	for _, rec := range records {
		for _, cell := range rec {
			cells[cell] = true
			if start := strings.TrimLeft(cell, " \t\r\n"); start != "" && strings.ContainsRune("=+-@", rune(start[0])) {
				t.Errorf("cell %q would be read as a formula", cell)
			}
		}
	}
	for _, want := range []string{
		`'=HYPERLINK("x") is how the last consultation reached us. Nobody clicked it.`,
		"'@kirsty",
		"'+1 to the quarterly meeting. I'll bring the young people's survey results.",
		"'- Share our room bookings with the health and social care partnership\n- Invite the link worker to the lunch club",
	} {
		if !cells[want] {
			t.Errorf("no neutralised cell %q", want)
		}
	}
}

func TestCSVCellNeutralisesEveryFormulaStart(t *testing.T) {
	cases := []struct{ in, want string }{
		{"=1+1", "'=1+1"},
		{"+44 1234", "'+44 1234"},
		{"-2", "'-2"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1+1", "' =1+1"},          // cleaned: the tab becomes a space
		{"\r=1+1", "'\n=1+1"},         // cleaned: the carriage return becomes a newline
		{"\x1b[31m=1+1", "'=1+1"},     // an escape sequence cannot hide the formula
		{"\x1b]0;t\x07@cmd", "'@cmd"}, // nor can an OSC string
		{"  =1+1", "'  =1+1"},         // a trimming import would expose it
		{"\n\n@cmd", "'\n\n@cmd"},     // and so would one dropping blank lines
		{"\tplain", " plain"},
		{"a = b", "a = b"},
		{"'quoted", "'quoted"},
		{"", ""},
	}
	for _, tc := range cases {
		if got := csvCell(tc.in); got != tc.want {
			t.Errorf("csvCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
