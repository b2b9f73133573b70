package data

import (
	"errors"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/inquiry"
)

func TestScribeIsRecognisedOnlyInTheirWorkshop(t *testing.T) {
	dir := t.TempDir()
	clock := newClock()
	s := openStore(t, dir, withClock(clock))
	ws := openWorkshop(t, s, "harbour-0001")
	other := openWorkshop(t, s, "castle-0001")
	jo, kim := newKey(t), newKey(t)
	if err := s.EnrolScribe(testContext(t), ws.ID, jo, "Jo at table 3"); err != nil {
		t.Fatal(err)
	}
	if err := s.EnrolScribe(testContext(t), ws.ID, kim, "Kim"); err != nil {
		t.Fatal(err)
	}
	if err := s.EnrolScribe(testContext(t), ws.ID, jo, "Jo, flipchart"); err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		t.Helper()
		if !s.IsScribe(ws.ID, jo) || !s.IsScribe(ws.ID, kim) {
			t.Errorf("%s: enrolled scribes are not recognised", when)
		}
		if s.IsScribe(other.ID, jo) || s.IsScribe(ws.ID, newKey(t)) || s.IsScribe(ws.ID, nil) || s.IsFacilitator(jo) {
			t.Errorf("%s: a scribe is recognised where they were not enrolled", when)
		}
		all := s.Scribes(ws.ID)
		if len(all) != 2 || all[0].Name != "Jo, flipchart" || all[1].Name != "Kim" || all[0].Fingerprint == "" {
			t.Errorf("%s: scribes = %+v; want Jo (renamed, first enrolled) then Kim", when, all)
		}
		if len(s.Scribes(other.ID)) != 0 {
			t.Errorf("%s: another workshop has scribes", when)
		}
		if name, ok := s.ScribeName(ws.ID, gossh.FingerprintSHA256(jo)); name != "Jo, flipchart" || !ok {
			t.Errorf("%s: ScribeName(Jo) = %q, %v", when, name, ok)
		}
		if _, ok := s.ScribeName(other.ID, gossh.FingerprintSHA256(jo)); ok {
			t.Errorf("%s: Jo has a scribe's name in a workshop she was not enrolled for", when)
		}
	}
	check("before closing")
	s.Close()
	for _, form := range []string{string(jo.Marshal()), strings.Fields(string(gossh.MarshalAuthorizedKey(jo)))[1]} {
		if files := filesHolding(t, dir, form); len(files) > 0 {
			t.Errorf("the scribe's key itself is stored in %v; only its fingerprint should be", files)
		}
	}
	s = openStore(t, dir, withClock(clock))
	check("after reopening")
}

func TestEnrolScribeRefusals(t *testing.T) {
	s := openStore(t, t.TempDir())
	ws := openWorkshop(t, s, "harbour-0001")
	closed := openWorkshop(t, s, "castle-0001")
	mustAppend(t, s, closed.ID, inquiry.Event{Type: inquiry.WorkshopClosed, Actor: host})
	tests := []struct {
		name     string
		workshop string
		name2    string
		nokey    bool
		want     error
	}{
		{"unknown workshop", "0123456789abcdef", "Jo", false, inquiry.ErrNotFound},
		{"closed workshop", closed.ID, "Jo", false, inquiry.ErrClosed},
		{"no key", ws.ID, "Jo", true, inquiry.ErrInvalid},
		{"name too long", ws.ID, "A name far too long to show on anybody's screen", false, inquiry.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key := newKey(t)
			if tt.nokey {
				key = nil
			}
			if err := s.EnrolScribe(testContext(t), tt.workshop, key, tt.name2); !errors.Is(err, tt.want) {
				t.Errorf("EnrolScribe: %v, want %v", err, tt.want)
			}
		})
	}
}
