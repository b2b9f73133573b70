package inquiry

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// exportOf runs Export and fails the test on an error.
func exportOf(t testing.TB, f Format, ws *Workshop, events []Event) string {
	t.Helper()
	var b bytes.Buffer
	if err := Export(&b, f, ws, events); err != nil {
		t.Fatalf("Export %s: %v", f, err)
	}
	return b.String()
}

func TestParseFormatAcceptsWhatPeopleType(t *testing.T) {
	cases := []struct {
		in   string
		want Format
	}{
		{"markdown", FormatMarkdown},
		{"Markdown", FormatMarkdown},
		{"md", FormatMarkdown},
		{"MD", FormatMarkdown},
		{"csv", FormatCSV},
		{" CSV ", FormatCSV},
		{"json", FormatJSON},
		{"JSON", FormatJSON},
	}
	for _, tc := range cases {
		got, err := ParseFormat(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestParseFormatNamesTheFormatsItKnows(t *testing.T) {
	for _, in := range []string{"", "pdf", "markdownx", "xlsx"} {
		_, err := ParseFormat(in)
		if !errors.Is(err, ErrInvalid) {
			t.Fatalf("ParseFormat(%q): got %v, want ErrInvalid", in, err)
		}
		for _, name := range []string{"markdown", "md", "csv", "json", strconv.Quote(in)} {
			if !strings.Contains(err.Error(), name) {
				t.Errorf("ParseFormat(%q) error %q does not mention %s", in, err, name)
			}
		}
	}
}

func TestFormatExtension(t *testing.T) {
	want := map[Format]string{FormatMarkdown: ".md", FormatCSV: ".csv", FormatJSON: ".json", "pdf": ""}
	for f, ext := range want {
		if got := f.Extension(); got != ext {
			t.Errorf("%q.Extension() = %q, want %q", f, got, ext)
		}
	}
}

func TestExportMatchesGoldenFiles(t *testing.T) {
	ws, events := sampleExportLog(t)
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			compareExportGolden(t, "sample.export"+f.Extension()+".golden", []byte(exportOf(t, f, ws, events)))
		})
	}
}

func TestExportStatesTheChainHeadInEveryFormat(t *testing.T) {
	ws, events := sampleExportLog(t)
	last := events[len(events)-1]
	if ws.Head != last.Seq || ws.HeadHash != last.Hash {
		t.Fatalf("fixture: workshop head %d %s, log ends at %d %s", ws.Head, ws.HeadHash, last.Seq, last.Hash)
	}
	want := map[Format][]string{
		FormatMarkdown: {fmt.Sprintf("- **Log head:** event %d, hash `%s`", last.Seq, last.Hash), fmt.Sprintf("up to and including event %d", last.Seq)},
		FormatCSV:      {fmt.Sprintf(",%d,%s,", last.Seq, last.Hash)},
		FormatJSON:     {fmt.Sprintf("\"head\": {\n    \"seq\": %d,\n    \"hash\": %q\n  }", last.Seq, last.Hash)},
	}
	for _, f := range Formats {
		out := exportOf(t, f, ws, events)
		for _, s := range want[f] {
			if !strings.Contains(out, s) {
				t.Errorf("%s export does not state the head as %q", f, s)
			}
		}
	}
}
func TestExportRefusesALogThatDoesNotEndAtTheWorkshopsHead(t *testing.T) {
	ws, events := sampleExportLog(t)
	tampered := append([]Event(nil), events...)
	tampered[len(tampered)-1].Hash = strings.Repeat("0", 64)
	cases := []struct {
		name   string
		ws     *Workshop
		events []Event
	}{
		{"no workshop", nil, events},
		{"an empty workshop", &Workshop{}, nil},
		{"no events", ws, nil},
		{"a log cut short", ws, events[:len(events)-1]},
		{"a log ending in another hash", ws, tampered},
	}
	for _, tc := range cases {
		for _, f := range Formats {
			var b bytes.Buffer
			err := Export(&b, f, tc.ws, tc.events)
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("%s, %s: got %v, want ErrInvalid", tc.name, f, err)
			}
			if b.Len() != 0 {
				t.Errorf("%s, %s: wrote %d bytes before refusing", tc.name, f, b.Len())
			}
		}
	}
}

func TestExportRefusesAnUnknownFormat(t *testing.T) {
	ws, events := sampleExportLog(t)
	for _, f := range []Format{"pdf", ""} {
		var b bytes.Buffer
		if err := Export(&b, f, ws, events); !errors.Is(err, ErrInvalid) || b.Len() != 0 {
			t.Errorf("format %q: got %v and %d bytes, want ErrInvalid and nothing written", f, err, b.Len())
		}
	}
}

func TestExportTakesAFormatAsTyped(t *testing.T) {
	ws, events := sampleExportLog(t)
	if got, want := exportOf(t, "MD", ws, events), exportOf(t, FormatMarkdown, ws, events); got != want {
		t.Errorf("Export with format \"MD\" differs from markdown")
	}
}

// failingWriter accepts n bytes, then fails.
type failingWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		written := w.n
		w.n = 0
		return written, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestExportReportsWriteErrors(t *testing.T) {
	ws, events := sampleExportLog(t)
	for _, f := range Formats {
		for _, after := range []int{0, 100, 5000} {
			if err := Export(&failingWriter{n: after}, f, ws, events); !errors.Is(err, errDiskFull) {
				t.Errorf("%s, writer failing after %d bytes: got %v, want the write error", f, after, err)
			}
		}
	}
}

func BenchmarkExportMarkdown(b *testing.B) { benchmarkExport(b, FormatMarkdown) }
func BenchmarkExportCSV(b *testing.B)      { benchmarkExport(b, FormatCSV) }
func BenchmarkExportJSON(b *testing.B)     { benchmarkExport(b, FormatJSON) }

func benchmarkExport(b *testing.B, f Format) {
	ws, events := largeExportLog(b, 10_000)
	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		if err := Export(&out, f, ws, events); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(out.Len()))
}

func TestExportLeavesDeletedContributionsOutOfTheSynthesisAndTally(t *testing.T) {
	ws, events := sampleExportLog(t)
	const deleted = "Ask the health board to fund a link worker."
	md := exportOf(t, FormatMarkdown, ws, events)
	if strings.Contains(md, deleted) {
		t.Errorf("the markdown report quotes the deleted contribution")
	}
	// It keeps its place in the transcript, without words or author.
	if !strings.Contains(md, "- **10:53** · *(deleted by the author)*") {
		t.Errorf("the transcript does not mark where the deleted contribution was")
	}
	synthesis := md[strings.Index(md, "## Synthesis"):strings.Index(md, "## Participants")]
	if !strings.Contains(synthesis, "| Health and social care | 1 | 0 |") {
		t.Errorf("the synthesis should count one live opportunity on health and social care:\n%s", synthesis)
	}
	if !strings.Contains(md, "- **Dev**, NHS / health and social care: 3 contributions") {
		t.Errorf("Dev made four contributions and deleted one: the participants list should say 3")
	}
	if strings.Contains(exportOf(t, FormatCSV, ws, events), deleted) {
		t.Errorf("the CSV export includes the deleted contribution")
	}
	var doc decodedExport
	if err := json.Unmarshal([]byte(exportOf(t, FormatJSON, ws, events)), &doc); err != nil {
		t.Fatal(err)
	}
	for _, c := range doc.Contributions {
		if c.ID == "c-10" {
			t.Errorf("the JSON contributions include the deleted c-10")
		}
	}
	for _, r := range doc.Tally {
		if r.Theme == "health-social-care" && r.Counts["opportunity"] != 1 {
			t.Errorf("the JSON tally counts %d opportunities on health and social care, want 1", r.Counts["opportunity"])
		}
	}
}
