package inquiry

import (
	"strings"
	"testing"
)

func TestPlaceNamesAPromptTheSameWayForEveryone(t *testing.T) {
	g, ok := BuiltinGuide(DefaultGuideID)
	if !ok {
		t.Fatal("no default guide")
	}
	tests := []struct {
		ref              PromptRef
		full, short, of  string
		phase, inGuide   int
		inPhase, ofPhase int
	}{
		{"discover/best-time", "Discover 1 · 1 of 11", "Discover 1", "1 of 11", 0, 1, 1, 3},
		{"dream/together", "Dream 2 · 5 of 11", "Dream 2", "5 of 11", 1, 5, 2, 2},
		{"design/barriers", "Design 2 · 7 of 11", "Design 2", "7 of 11", 2, 7, 2, 3},
		{"deliver/keep-going", "Deliver 3 · 11 of 11", "Deliver 3", "11 of 11", 3, 11, 3, 3},
	}
	for _, tt := range tests {
		t.Run(string(tt.ref), func(t *testing.T) {
			p, ok := g.Place(tt.ref)
			if !ok {
				t.Fatalf("no place for %s", tt.ref)
			}
			if p.String() != tt.full || p.Short() != tt.short || p.Progress() != tt.of {
				t.Errorf("place reads %q, %q, %q; want %q, %q, %q", p.String(), p.Short(), p.Progress(), tt.full, tt.short, tt.of)
			}
			if p.Ref != tt.ref || p.PhaseIndex != tt.phase || p.InGuide != tt.inGuide || p.InPhase != tt.inPhase || p.PhasePrompts != tt.ofPhase || p.GuidePrompts != 11 {
				t.Errorf("place = %+v", p)
			}
			phase, prompt, _ := g.Locate(tt.ref)
			if at := g.PlaceAt(phase, prompt); at != p {
				t.Errorf("PlaceAt = %+v, Place = %+v", at, p)
			}
		})
	}
	if _, ok := g.Place("design/nowhere"); ok {
		t.Errorf("a prompt the guide does not have has a place")
	}
	places := g.Places()
	if len(places) != 11 {
		t.Fatalf("Places lists %d prompts, want 11", len(places))
	}
	for i, p := range places {
		if want, _ := g.Place(p.Ref); p != want || p.InGuide != i+1 {
			t.Errorf("Places[%d] = %+v, want %+v", i, p, want)
		}
	}
}

func TestEveryExportNamesPromptsByTheirPlace(t *testing.T) {
	ws, events := sampleExportLog(t)
	md := exportOf(t, FormatMarkdown, ws, events)
	for _, p := range ws.Guide.Places() {
		prompt, _ := ws.Guide.Prompt(p.Ref)
		if heading := "#### " + p.String() + ": " + mdLine(prompt.Text) + "\n"; !strings.Contains(md, heading) {
			t.Errorf("the transcript has no heading %q", heading)
		}
	}

	x := exportGathered(t)
	const place = "Design 2 · 4 of 6"
	for id, row := range x.rows {
		if row["place"] != place {
			t.Errorf("CSV %s is at %q, want %q", id, row["place"], place)
		}
	}
	for _, c := range x.doc.Contribution {
		if c["place"] != place {
			t.Errorf("JSON %v is at %v, want %q", c["id"], c["place"], place)
		}
	}

	facilitated := exportFacilitated(t)
	if !strings.Contains(section(facilitated.md, "## Facilitation record"), "opened Deliver 1 · 5 of 6: “What will you do, and by when?”") {
		t.Errorf("the facilitation record does not name the opened prompt by its place")
	}
}
