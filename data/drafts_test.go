package data

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

func TestDraftIsKeptOutsideTheLogAndSurvivesAReopen(t *testing.T) {
	dir := t.TempDir()
	clock := newClock()
	s := openStore(t, dir, withClock(clock))
	ws := openWorkshop(t, s, "harbour-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	other := inquiry.PromptRef("discover/barriers")
	texts := map[inquiry.PromptRef]string{bestPrompt: "Half a thought about the hub", other: "The bus stops at six"}
	if err := s.SaveDraft(ws.ID, "ann", Draft{Prompt: other, Texts: texts}); err != nil {
		t.Fatal(err)
	}
	texts[bestPrompt] = "Changed by the caller afterwards"

	check := func(when string) {
		t.Helper()
		d, ok := s.Draft(ws.ID, "ann")
		if !ok {
			t.Fatalf("%s: no draft", when)
		}
		if d.Prompt != other || d.Texts[bestPrompt] != "Half a thought about the hub" || d.Texts[other] != "The bus stops at six" || d.Saved.IsZero() {
			t.Errorf("%s: draft = %+v", when, d)
		}
		d.Texts[other] = "Changed by a reader"
		if again, _ := s.Draft(ws.ID, "ann"); again.Texts[other] != "The bus stops at six" {
			t.Errorf("%s: a reader's change to a draft reached the store", when)
		}
		if _, ok := s.Draft(ws.ID, "bob"); ok {
			t.Errorf("%s: a draft for someone who saved none", when)
		}
		var export bytes.Buffer
		w, err := s.Workshop(ws.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := inquiry.Export(&export, inquiry.FormatJSON, w, s.Events(ws.ID, 0)); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(export.String(), "Half a thought") || strings.Contains(eventsText(t, s.Events(ws.ID, 0)), "Half a thought") {
			t.Errorf("%s: the draft is in the log or the export", when)
		}
	}
	check("before closing")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openStore(t, dir, withClock(clock))
	check("after reopening")
}

func TestLaterDraftReplacesTheEarlier(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	for _, text := range []string{"first", "second"} {
		if err := s.SaveDraft(ws.ID, "ann", Draft{Prompt: bestPrompt, Texts: map[inquiry.PromptRef]string{bestPrompt: text}}); err != nil {
			t.Fatal(err)
		}
		if err := s.flushDrafts(); err != nil {
			t.Fatal(err)
		}
	}
	if d, _ := s.Draft(ws.ID, "ann"); d.Texts[bestPrompt] != "second" {
		t.Errorf("draft = %q, want the later one", d.Texts[bestPrompt])
	}
}

func TestSaveDraftRefusesWhatItCannotKeep(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	many := map[inquiry.PromptRef]string{}
	for i := range maxDraftPrompts + 1 {
		many[inquiry.PromptRef(strings.Repeat("p", i+1))] = "x"
	}
	tests := []struct {
		name        string
		workshop    string
		participant string
		draft       Draft
		want        error
	}{
		{"unknown workshop", "0123456789abcdef", "ann", Draft{}, inquiry.ErrNotFound},
		{"no participant", ws.ID, "", Draft{}, inquiry.ErrInvalid},
		{"too long", ws.ID, "ann", Draft{Texts: map[inquiry.PromptRef]string{bestPrompt: strings.Repeat("x", maxDraftBytes)}}, inquiry.ErrInvalid},
		{"too many prompts", ws.ID, "ann", Draft{Texts: many}, inquiry.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.SaveDraft(tt.workshop, tt.participant, tt.draft); !errors.Is(err, tt.want) {
				t.Errorf("SaveDraft: %v, want %v", err, tt.want)
			}
		})
	}
	s.Close()
	if err := s.SaveDraft(ws.ID, "ann", Draft{}); !errors.Is(err, ErrClosed) {
		t.Errorf("SaveDraft after Close: %v, want ErrClosed", err)
	}
}
