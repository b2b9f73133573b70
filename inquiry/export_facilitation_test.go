package inquiry

import (
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestFacilitatedExportMatchesGoldenFiles(t *testing.T) {
	ws, events := facilitatedExportLog(t)
	for _, f := range Formats {
		t.Run(string(f), func(t *testing.T) {
			compareExportGolden(t, "facilitated.export"+f.Extension()+".golden", []byte(exportOf(t, f, ws, events)))
		})
	}
}

// facilitatedExports are the three exports of the facilitated fixture.
type facilitatedExports struct {
	md   string
	rows map[string]map[string]string // CSV: contribution ID to column to cell
	doc  map[string]any               // JSON, decoded generically
	raw  string                       // JSON as written
}

func exportFacilitated(t *testing.T) facilitatedExports {
	t.Helper()
	ws, events := facilitatedExportLog(t)
	x := facilitatedExports{md: exportOf(t, FormatMarkdown, ws, events), raw: exportOf(t, FormatJSON, ws, events), rows: map[string]map[string]string{}}
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
	if err := json.Unmarshal([]byte(x.raw), &x.doc); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	return x
}

// section is the markdown from a heading to the next heading of its level.
func section(md, heading string) string {
	i := strings.Index(md, heading+"\n")
	if i < 0 {
		return ""
	}
	rest := md[i+len(heading):]
	level := heading[:strings.IndexByte(heading, ' ')+1]
	if j := strings.Index(rest, "\n"+level); j >= 0 {
		return rest[:j]
	}
	return rest
}

// jsonList finds the objects of a JSON array whose key has the value.
func jsonFind(t *testing.T, doc map[string]any, list, key, value string) map[string]any {
	t.Helper()
	items, _ := doc[list].([]any)
	for _, item := range items {
		if m, ok := item.(map[string]any); ok && m[key] == value {
			return m
		}
	}
	return nil
}

func TestExportLeavesAHiddenContributionOutButKeepsItsHideEvent(t *testing.T) {
	x := exportFacilitated(t)
	const words = "Nurse J. at the practice is the only one who ever helps."
	if strings.Contains(x.md, "Nurse J.") {
		t.Errorf("the report quotes the hidden contribution")
	}
	if !strings.Contains(section(x.md, "## Transcript"), "- **10:37** · *(hidden by a facilitator: Names a member of staff.)*") {
		t.Errorf("the transcript does not keep the hidden contribution's place and reason")
	}
	if _, ok := x.rows["c-08"]; ok {
		t.Errorf("the CSV has the hidden contribution")
	}
	if jsonFind(t, x.doc, "contributions", "id", "c-08") != nil {
		t.Errorf("the JSON contributions have the hidden one")
	}
	h := jsonFind(t, x.doc, "hidden", "contribution", "c-08")
	if h == nil || h["reason"] != "Names a member of staff." || h["hidden_at"] != "2026-03-12T10:38:00Z" {
		t.Errorf("the JSON hidden list: %v", x.doc["hidden"])
	}
	var hideEvent, addEvent bool
	for _, e := range x.doc["events"].([]any) {
		ev := e.(map[string]any)
		if ev["type"] == string(ContributionHidden) && ev["target"] == "c-08" {
			hideEvent = ev["curation"].(map[string]any)["reason"] == "Names a member of staff."
		}
		if c, ok := ev["contribution"].(map[string]any); ok && c["id"] == "c-08" {
			addEvent = c["text"].(map[string]any)["text"] == words
		}
	}
	if !hideEvent || !addEvent {
		t.Errorf("the JSON log should keep the hide event (%v) and the words as added (%v)", hideEvent, addEvent)
	}
}

func TestExportListsCommitmentsAsATable(t *testing.T) {
	x := exportFacilitated(t)
	want := "\n\n| Action | Owner | Due | Recorded by |\n| --- | --- | --- | --- |\n" +
		"| Share our room bookings with the health and social care partnership. | Morag, Glenbrae Community Trust | 1 May 2026 | Morag |\n" +
		"| Set up a quarterly meeting between the locality team and the three anchors. | Kilbrannan Council locality team | 30 June 2026 | Alan R. |\n" +
		"| Write to the bus company about the evening service. | Table 3 | no date | Table 3 |\n"
	if got := section(x.md, "## Commitments"); got != want {
		t.Errorf("commitments, soonest first, undated last, Sìne's withdrawn one left out:\n got %q\nwant %q", got, want)
	}
	if r := x.rows["c-10"]; r["owner"] != "Kilbrannan Council locality team" || r["due"] != "2026-06-30" {
		t.Errorf("CSV c-10: owner %q due %q", r["owner"], r["due"])
	}
	if c := jsonFind(t, x.doc, "contributions", "id", "c-12"); c["owner"] != "Table 3" || c["due"] != "" {
		t.Errorf("JSON c-12: %v", c)
	}
	if !strings.Contains(x.md, "· owner: Kilbrannan Council locality team · due 30 June 2026") {
		t.Errorf("the transcript does not give the action's owner and date")
	}
}

func TestExportGivesVoteResults(t *testing.T) {
	x := exportFacilitated(t)
	// Sìne withdrew, and her dots with her; Morag moved hers. Equal dots
	// share a rank, in the order the contributions were added.
	want := "| Rank | Contribution | By | Dots |\n| ---: | --- | --- | ---: |\n" +
		"| 1 | Bring back the evening bus so people can get to the hall. | Table 3 | 4 |\n" +
		"| 2 | Asset transfer of the old library, so it stays open for the whole community. | Morag | 3 |\n" +
		"| 2 | A link worker based in the anchor, paid for jointly by the health board and the council. | Dev | 3 |\n" +
		"| 4 | \\+1, and the council could offer a five-year lease first. | Alan R. | 2 |\n"
	priorities := section(x.md, "## Priorities")
	if !strings.Contains(priorities, want) {
		t.Errorf("vote results:\n%s\nwant\n%s", priorities, want)
	}
	if !strings.Contains(priorities, "*A dot vote over opportunities, 3 dots each: opened 10:50, closed 10:58. 3 of 3 participants placed dots, and 1 of 1 table through a scribe.*") {
		t.Errorf("the vote's facts are missing:\n%s", priorities)
	}
	v := jsonFind(t, x.doc, "votes", "id", "v-1")
	wantResults := []any{
		map[string]any{"contribution": "c-09", "dots": 4.0, "rank": 1.0},
		map[string]any{"contribution": "c-04", "dots": 3.0, "rank": 2.0},
		map[string]any{"contribution": "c-07", "dots": 3.0, "rank": 2.0},
		map[string]any{"contribution": "c-05", "dots": 2.0, "rank": 4.0},
	}
	if v == nil || !reflect.DeepEqual(v["results"], wantResults) || v["open"] != false || v["voters"] != 4.0 {
		t.Errorf("JSON vote: %v", v)
	}
	// c-04 has 3 dots from v-1 and 2 from v-2.
	for id, dots := range map[string]string{"c-09": "4", "c-04": "5", "c-05": "2", "c-01": "0"} {
		if got := x.rows[id]["dots"]; got != dots {
			t.Errorf("CSV %s dots = %q, want %s", id, got, dots)
		}
	}
}

func TestExportLinksAContributionToTheOneItBuildsOn(t *testing.T) {
	x := exportFacilitated(t)
	if !strings.Contains(x.md, "· builds on Morag’s opportunity at 10:32, “Asset transfer of the old library, so it…”") {
		t.Errorf("the transcript does not link c-05 to c-04")
	}
	if x.rows["c-05"]["builds_on"] != "c-04" {
		t.Errorf("CSV builds_on = %q", x.rows["c-05"]["builds_on"])
	}
	if c := jsonFind(t, x.doc, "contributions", "id", "c-05"); c["builds_on"] != "c-04" {
		t.Errorf("JSON c-05 builds_on = %v", c["builds_on"])
	}
}

func TestExportShowsWithdrawalsAndErasuresWithoutTheirWords(t *testing.T) {
	x := exportFacilitated(t)
	gone := []string{
		"Everyone on the estate knows the caretaker", "Start a lunch club at the library", // Sìne's
		"My gran would not have got through", "Kirsty", // Kirsty's, name and all
	}
	for _, words := range gone {
		for format, out := range map[string]string{"markdown": x.md, "json": x.raw} {
			if strings.Contains(out, words) {
				t.Errorf("the %s export still has %q", format, words)
			}
		}
	}
	transcript := section(x.md, "## Transcript")
	for _, want := range []string{
		"- **10:14** · *(withdrawn by the author)*",
		"- **11:08** · *(withdrawn by the author)*",
		"- **10:16** · *(erased at the author's request)*",
	} {
		if !strings.Contains(transcript, want) {
			t.Errorf("the transcript lacks %q", want)
		}
	}
	people := section(x.md, "## Participants")
	for _, want := range []string{
		"- **Sìne**, Community group or volunteer: 0 contributions, joined 10:03, withdrew 11:10 and took back what they said",
		"- *A participant whose name and words were erased at their request, 11:15.*",
	} {
		if !strings.Contains(people, want) {
			t.Errorf("the participants lack %q:\n%s", want, people)
		}
	}
	for _, id := range []string{"c-02", "c-13", "c-14"} {
		if _, ok := x.rows[id]; ok {
			t.Errorf("the CSV has %s", id)
		}
	}
	sine := jsonFind(t, x.doc, "participants", "id", "p-sine")
	kirsty := jsonFind(t, x.doc, "participants", "id", "p-kirsty")
	if sine["withdrawn_at"] != "2026-03-12T11:10:00Z" || sine["name"] != "Sìne" || kirsty["erased_at"] != "2026-03-12T11:15:00Z" || kirsty["name"] != "" {
		t.Errorf("JSON participants: Sìne %v, Kirsty %v", sine, kirsty)
	}
	if !strings.Contains(section(x.md, "## Facilitation record"), "· Sìne · withdrew, taking back what they said") {
		t.Errorf("the record does not say Sìne withdrew")
	}
}

func TestExportMarksScribingMergesAndCuration(t *testing.T) {
	x := exportFacilitated(t)
	transcript := section(x.md, "## Transcript")
	for _, want := range []string{
		"- **10:15 · Table 3** · story · themes: Health and social care · partner: NHS / health and social care · *(entered by the scribe Ailsa Ross for Table 3)*",
		"themes: Empowerment and asset transfer *(confirmed by a facilitator)*",
		"· *(1 duplicate merged into it)*",
		"- **10:35 · Alan R.** · opportunity · *(a duplicate, merged into Morag’s opportunity at 10:32, “Asset transfer of the old library, so it…”)*",
		"· *highlighted by a facilitator*",
	} {
		if !strings.Contains(transcript, want) {
			t.Errorf("the transcript lacks %q", want)
		}
	}
	if !strings.Contains(section(x.md, "### Highlighted by the facilitators"), "A link worker based in the anchor") {
		t.Errorf("the synthesis does not lead with the highlight")
	}
	if !strings.Contains(x.md, "- **Seeing each other:** others' contributions were held back until a facilitator revealed them\n") {
		t.Errorf("the header does not say contributions were held back")
	}
	record := section(x.md, "## Facilitation record")
	for _, want := range []string{
		"- **10:01** · Catriona Bell (facilitator) · set what participants see: others' contributions were held back until a facilitator revealed them",
		"- **10:10** · Catriona Bell (facilitator) · opened Discover 1 · 1 of 6: “Tell us about a time",
		"· ended the timebox",
		"· revealed the contributions to Design 1 · 3 of 6: “What opportunities could we build on?”",
		"· hid an opportunity from 10:37 (reason: Names a member of staff.)",
		"· added the theme “Transport”",
		"· merged Alan R.’s opportunity at 10:35, “Take over the old library as a community…” into Morag’s opportunity at 10:32",
		"· opened the vote “Which opportunities should we take forward first?”: 3 dots each, over opportunities",
		"· erased a participant's name and words at their request",
	} {
		if !strings.Contains(record, want) {
			t.Errorf("the facilitation record lacks %q", want)
		}
	}
	if strings.Contains(record, "Dots") || strings.Contains(record, "placed") {
		t.Errorf("the record should leave ballots to the priorities")
	}
	c04, c03 := x.rows["c-04"], x.rows["c-03"]
	if c04["merged_from"] != "c-06" || c04["themes_accepted"] != "yes" || c03["scribed"] != "yes" || x.rows["c-07"]["highlighted"] != "yes" {
		t.Errorf("CSV: c-04 %v, c-03 %v", c04, c03)
	}
	if _, ok := x.rows["c-06"]; ok {
		t.Errorf("the CSV has the merged-away duplicate c-06")
	}
	if c := jsonFind(t, x.doc, "contributions", "id", "c-03"); c["scribed_by"] != exportScribe.ID {
		t.Errorf("JSON c-03 scribed_by = %v", c["scribed_by"])
	}
	if th := jsonFind(t, x.doc, "themes", "id", "transport"); th == nil || th["added"] != true {
		t.Errorf("JSON themes: the added theme %v", th)
	}
	ws := x.doc["workshop"].(map[string]any)
	if !reflect.DeepEqual(ws["settings"], map[string]any{"visibility": "reveal", "anonymous": false}) ||
		!reflect.DeepEqual(ws["revealed"], []any{"discover/at-best", "design/build-on"}) ||
		!reflect.DeepEqual(ws["current"], map[string]any{"prompt": "deliver/commit", "place": "Deliver 1 · 5 of 6", "ends_at": nil, "paused_at": nil}) {
		t.Errorf("JSON workshop: %v", ws)
	}
}

func TestFacilitatedExportReplaysToTheSameWorkshop(t *testing.T) {
	ws, events := facilitatedExportLog(t)
	var doc struct {
		Events []Event `json:"events"`
	}
	if err := json.Unmarshal([]byte(exportOf(t, FormatJSON, ws, events)), &doc); err != nil {
		t.Fatal(err)
	}
	replayed, err := Replay(doc.Events)
	if err != nil {
		t.Fatalf("the exported log, words erased, does not replay: %v", err)
	}
	if !reflect.DeepEqual(replayed, ws) {
		t.Errorf("the exported log replays to a different workshop than the one exported")
	}
}
