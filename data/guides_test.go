package data

import (
	"errors"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/inquirytest"
)

func parsedGuide(t *testing.T, source string) inquiry.Guide {
	t.Helper()
	g, err := inquiry.ParseGuide("test.yaml", []byte(source))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestAddedGuidesFollowTheBuiltInsAndSurviveAReopen(t *testing.T) {
	dir := t.TempDir()
	clock := newClock()
	s := openStore(t, dir, withClock(clock))
	harbour := parsedGuide(t, inquirytest.WalkGuide)
	second := parsedGuide(t, strings.Replace(inquirytest.WalkGuide, "harbour-walk", "another-walk", 1))
	for _, g := range []inquiry.Guide{harbour, second} {
		src := strings.Replace(inquirytest.WalkGuide, "harbour-walk", g.ID, 1)
		if err := s.AddGuide(testContext(t), g, []byte(src)); err != nil {
			t.Fatalf("add %s: %v", g.ID, err)
		}
	}
	check := func(when string) {
		t.Helper()
		var ids []string
		for _, g := range s.Guides() {
			ids = append(ids, g.ID)
		}
		builtins := len(inquiry.Builtins())
		if len(ids) != builtins+2 || ids[0] != inquiry.DefaultGuideID || ids[builtins] != "harbour-walk" || ids[builtins+1] != "another-walk" {
			t.Errorf("%s: guides %v; want the built-ins, then harbour-walk and another-walk in the order added", when, ids)
		}
		g, ok := s.Guide("harbour-walk")
		if !ok || g.Title != "A walk round the harbour" || g.Phases[0].Prompts[0].Text != "What do you see working?" {
			t.Errorf("%s: Guide(harbour-walk) = %+v, %v", when, g, ok)
		}
		g.Phases[0].Title = "Scribbled on"
		if again, _ := s.Guide("harbour-walk"); again.Phases[0].Title != "Look" {
			t.Errorf("%s: a caller's change to a guide reached the store", when)
		}
		if src, ok := s.GuideSource("harbour-walk"); !ok || string(src) != inquirytest.WalkGuide {
			t.Errorf("%s: the source is %q, want the YAML as added, comments and all", when, src)
		}
		if src, ok := s.GuideSource(inquiry.DefaultGuideID); !ok || !strings.Contains(string(src), "id: "+inquiry.DefaultGuideID) {
			t.Errorf("%s: no source for the built-in guide", when)
		}
		if _, ok := s.Guide("no-such-guide"); ok {
			t.Errorf("%s: Guide found a guide nobody added", when)
		}
	}
	check("before closing")
	s.Close()
	s = openStore(t, dir, withClock(clock))
	check("after reopening")
}

func TestAddGuideRefusals(t *testing.T) {
	s := openStore(t, t.TempDir())
	harbour := parsedGuide(t, inquirytest.WalkGuide)
	builtin, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	tests := []struct {
		name   string
		guide  inquiry.Guide
		source string
		want   error
	}{
		{"a built-in's ID", builtin, "id: four-d", inquiry.ErrConflict},
		{"invalid", inquiry.Guide{ID: "empty", Title: "No phases"}, "id: empty", inquiry.ErrInvalid},
		{"too long a source", harbour, strings.Repeat("#", maxGuideSource+1), inquiry.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := s.AddGuide(testContext(t), tt.guide, []byte(tt.source)); !errors.Is(err, tt.want) {
				t.Errorf("AddGuide: %v, want %v", err, tt.want)
			}
		})
	}
	if n := len(s.Guides()); n != len(inquiry.Builtins()) {
		t.Errorf("%d guides after refusals, want only the built-ins", n)
	}
}

func TestReaddingAGuideReplacesItOnlyWhenNoOpenWorkshopUsesIt(t *testing.T) {
	s := openStore(t, t.TempDir())
	first := parsedGuide(t, inquirytest.WalkGuide)
	if err := s.AddGuide(testContext(t), first, []byte(inquirytest.WalkGuide)); err != nil {
		t.Fatal(err)
	}
	changedYAML := strings.Replace(inquirytest.WalkGuide, "What do you see working?", "What would you change?", 1)
	changed := parsedGuide(t, changedYAML)
	if err := s.AddGuide(testContext(t), changed, []byte(changedYAML)); err != nil {
		t.Fatalf("replace an unused guide: %v", err)
	}
	if g, _ := s.Guide("harbour-walk"); g.Phases[0].Prompts[0].Text != "What would you change?" {
		t.Errorf("the guide was not replaced")
	}

	ws, err := s.OpenWorkshop(testContext(t), host, inquiry.WorkshopDetails{Title: "Walk", Code: "walk-0001", Guide: changed})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddGuide(testContext(t), changed, []byte(changedYAML)); err != nil {
		t.Errorf("adding the very same guide again: %v, want no change and no error", err)
	}
	err = s.AddGuide(testContext(t), first, []byte(inquirytest.WalkGuide))
	if !errors.Is(err, inquiry.ErrConflict) || !strings.Contains(err.Error(), "walk-0001") {
		t.Errorf("replacing a guide an open workshop uses: %v; want ErrConflict naming walk-0001", err)
	}
	mustAppend(t, s, ws.ID, inquiry.Event{Type: inquiry.WorkshopClosed, Actor: host})
	if err := s.AddGuide(testContext(t), first, []byte(inquirytest.WalkGuide)); err != nil {
		t.Errorf("replacing a guide once its workshop closed: %v", err)
	}
}
