package sshserver

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

// Keys as a terminal sends them.
const (
	keyEnter    = "\r"
	keyTab      = "\t"
	keyPageDown = "\x1b[6~"
)

// stepsTo is how many prompts forward (pgdown presses) the first prompt of
// the default guide whose default kind is kind lies from the start.
func stepsTo(t *testing.T, kind inquiry.Kind) int {
	t.Helper()
	g, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	n := 0
	for _, ph := range g.Phases {
		for _, pr := range ph.Prompts {
			if pr.KindChoices()[0] == kind {
				return n
			}
			n++
		}
	}
	t.Fatalf("the default guide has no prompt that asks first for %s", kind)
	return 0
}

// joinAndContribute takes a participant from the join form to a saved
// opportunity and a saved barrier, typing as a person would.
func joinAndContribute(t *testing.T, typeText func(string), waitFor func(...string), name, opportunity, barrier string) {
	t.Helper()
	waitFor("Your name or pseudonym", "will see it")
	typeText(name + keyEnter) // the name, then on to the organisation
	typeText(keyTab + " ")    // to consent, ticked
	typeText(keyEnter)
	waitFor("Welcome, " + name)

	toOpportunity := stepsTo(t, inquiry.Opportunity)
	typeText(strings.Repeat(keyPageDown, toOpportunity))
	waitFor("[Opportunity]")
	typeText(opportunity + keyEnter)
	waitFor("Saved ✓ Opportunity")

	typeText(strings.Repeat(keyPageDown, stepsTo(t, inquiry.Barrier)-toOpportunity))
	waitFor("[Barrier]", "↳ What would need to be true")
	typeText(barrier + keyEnter)
	waitFor("Saved ✓ Barrier")
}

func TestWorkshopEndToEnd(t *testing.T) {
	alice := newKey(t)
	dataDir := t.TempDir()
	srv := startServer(t, dataDir, withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Harbour talk" --code harbour-talk`)

	facilitator := openTerminal(t, srv.addr, "harbour-talk", 100, 30, withKeys(alice))
	facilitator.waitFor("Harbour talk", "Waiting for the first contribution", "No opportunities or barriers yet")

	// The participant has a key of their own: it must get them nowhere
	// near the facilitator's screens or commands.
	annKey := newKey(t)
	ann := openTerminal(t, srv.addr, "harbour-talk", 80, 24, withKeys(annKey))
	const (
		opportunity = "The health centre could lend its community room every Tuesday"
		barrier     = "NHS funding comes in one-year cycles, so projects stop just as they work"
	)
	joinAndContribute(t, ann.typeText, ann.waitFor, "Ann", opportunity, barrier)

	facilitator.waitFor("2 contributions: 1 opportunity, 1 barrier",
		"“The health centre could lend its community room", "“NHS funding comes in one-year cycles",
		"Ann (Design")
	facilitator.waitFor("Health and social care", "█ 1", "░ 1")

	exports := map[string]string{}
	for _, format := range []string{"markdown", "csv", "json"} {
		r := run(t, srv.addr, "alice", "export harbour-talk --format "+format, withKeys(alice))
		if r.status != 0 {
			t.Fatalf("export --format %s: %+v", format, r)
		}
		for _, words := range []string{opportunity, barrier} {
			if !strings.Contains(r.stdout, words) {
				t.Errorf("the %s export lacks %q:\n%s", format, words, r.stdout)
			}
		}
		exports[format] = r.stdout
	}
	checkCSVExport(t, exports["csv"], opportunity, barrier)
	checkJSONExport(t, exports["json"])

	refused := run(t, srv.addr, "harbour-talk", "export harbour-talk --format csv", withKeys(annKey))
	if refused.status == 0 || refused.stdout != "" || !strings.Contains(refused.stderr, "not a facilitator") {
		t.Fatalf("a participant's key ran export: %+v", refused)
	}

	// A real restart on the same folder: everything is still there, and
	// exports come out the same.
	srv.stop()
	again := startServer(t, dataDir, withFacilitators(t, alice))
	if err := again.store.Verify(again.mustWorkshop(t, "harbour-talk").ID); err != nil {
		t.Fatalf("the log after a restart: %v", err)
	}
	for format, before := range exports {
		after := run(t, again.addr, "alice", "export harbour-talk --format "+format, withKeys(alice))
		if after.status != 0 || after.stdout != before {
			t.Errorf("the %s export changed across a restart (exit %d)", format, after.status)
		}
	}
	watching := openTerminal(t, again.addr, "harbour-talk", 100, 30, withKeys(alice))
	watching.waitFor("2 contributions: 1 opportunity, 1 barrier", "NHS funding comes in one-year cycles")
}

func (ts *testServer) mustWorkshop(t *testing.T, code string) inquiry.Summary {
	t.Helper()
	w, ok := ts.store.ByCode(code)
	if !ok {
		t.Fatalf("no workshop %q", code)
	}
	return w
}

func checkCSVExport(t *testing.T, export, opportunity, barrier string) {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(export)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV export does not parse: %v", err)
	}
	if len(rows) != 3 {
		t.Fatalf("the CSV export has %d rows, want a header and two contributions", len(rows))
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for i, want := range []struct{ kind, text string }{{"opportunity", opportunity}, {"barrier", barrier}} {
		row := rows[i+1]
		if row[col["kind"]] != want.kind || row[col["text"]] != want.text || row[col["participant"]] != "Ann" {
			t.Errorf("CSV row %d = %v, want Ann's %s", i+1, row, want.kind)
		}
	}
}

func checkJSONExport(t *testing.T, export string) {
	t.Helper()
	var doc struct {
		Head   struct{ Seq uint64 } `json:"head"`
		Events []inquiry.Event      `json:"events"`
	}
	if err := json.NewDecoder(bytes.NewReader([]byte(export))).Decode(&doc); err != nil {
		t.Fatalf("the JSON export does not decode: %v", err)
	}
	ws, err := inquiry.Replay(doc.Events)
	if err != nil {
		t.Fatalf("the JSON export's log does not replay: %v", err)
	}
	if ws.Head != doc.Head.Seq || ws.Summary().Contributions != 2 {
		t.Fatalf("the JSON export's log replays to head %d with %d contributions; it states head %d",
			ws.Head, ws.Summary().Contributions, doc.Head.Seq)
	}
}
