package inquiry

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestBuiltinGuidesParseAndValidate(t *testing.T) {
	guides := Builtins()
	var ids []string
	for _, g := range guides {
		ids = append(ids, g.ID)
		if err := g.Validate(); err != nil {
			t.Errorf("built-in guide %s does not validate: %v", g.ID, err)
		}
		if g.Summary == "" {
			t.Errorf("built-in guide %s has no summary to show when choosing a guide", g.ID)
		}
		for p, ph := range g.Phases {
			if n := len(ph.Prompts); n < 2 || n > 3 {
				t.Errorf("%s phase %s has %d prompts, want 2 or 3", g.ID, ph.ID, n)
			}
			for q, pr := range ph.Prompts {
				if len(pr.Kinds) == 0 {
					t.Errorf("%s prompt %s asks for no particular kind", g.ID, g.Ref(p, q))
				}
				if slices.Contains(pr.Kinds, Barrier) && pr.Reframe == "" {
					t.Errorf("%s prompt %s asks for barriers but offers no reframe", g.ID, g.Ref(p, q))
				}
			}
		}
	}
	want := []string{"four-d", "anchor-roles", "difference-made"}
	if !slices.Equal(ids, want) {
		t.Errorf("Builtins() = %v, want %v (the default first)", ids, want)
	}
	if ids[0] != DefaultGuideID {
		t.Errorf("the first built-in guide is %s, want the default %s", ids[0], DefaultGuideID)
	}
}

func TestDefaultGuideFollowsTheFourDCycle(t *testing.T) {
	g, ok := BuiltinGuide(DefaultGuideID)
	if !ok {
		t.Fatalf("BuiltinGuide(%q) not found", DefaultGuideID)
	}
	var phases []string
	for _, ph := range g.Phases {
		phases = append(phases, ph.ID)
	}
	if want := []string{"discover", "dream", "design", "deliver"}; !slices.Equal(phases, want) {
		t.Fatalf("four-d phases = %v, want %v", phases, want)
	}
	wantKinds := map[string][]Kind{
		"discover": {Story, Strength},
		"dream":    {Aspiration},
		"design":   {Opportunity, Barrier},
		"deliver":  {Action},
	}
	for _, ph := range g.Phases {
		asked := map[Kind]bool{}
		for _, pr := range ph.Prompts {
			for _, k := range pr.Kinds {
				asked[k] = true
			}
		}
		for _, k := range wantKinds[ph.ID] {
			if !asked[k] {
				t.Errorf("four-d phase %s never asks for %s", ph.ID, k)
			}
		}
	}
	barrier, ok := g.Prompt("design/barriers")
	if !ok {
		t.Fatal("four-d has no design/barriers prompt")
	}
	if !barrier.Allows(Barrier) || barrier.Reframe == "" {
		t.Errorf("design/barriers = %+v, want a barrier prompt with a reframe", barrier)
	}
	if _, ok := g.Prompt("design/opportunities"); !ok {
		t.Error("four-d has no design/opportunities prompt")
	}
}

func TestAnchorRolesFitsTwentyMinutes(t *testing.T) {
	g, ok := BuiltinGuide("anchor-roles")
	if !ok {
		t.Fatal("anchor-roles is not built in")
	}
	var total Duration
	for _, ph := range g.Phases {
		for _, pr := range ph.Prompts {
			total += pr.Timebox
		}
	}
	if total.String() != "20m" {
		t.Errorf("anchor-roles timeboxes add up to %s, want 20m", total)
	}
}

func TestBuiltinGuideUnknownIsNotFound(t *testing.T) {
	if g, ok := BuiltinGuide("no-such-guide"); ok {
		t.Errorf("BuiltinGuide(no-such-guide) = %s, true; want not found", g.ID)
	}
}

func TestBuiltinsAreCopiesCallersCanChange(t *testing.T) {
	g, _ := BuiltinGuide(DefaultGuideID)
	g.Phases[0].Title = "changed"
	g.Phases[0].Prompts[0].Kinds[0] = Barrier
	again, _ := BuiltinGuide(DefaultGuideID)
	if again.Phases[0].Title == "changed" || again.Phases[0].Prompts[0].Kinds[0] == Barrier {
		t.Error("changing a returned guide changed the built-in one")
	}
}

func TestGuideRoundTripsThroughJSONAndYAML(t *testing.T) {
	for _, g := range Builtins() {
		data, err := json.Marshal(g)
		if err != nil {
			t.Fatalf("marshal %s to JSON: %v", g.ID, err)
		}
		var back Guide
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("unmarshal %s from JSON: %v", g.ID, err)
		}
		if !reflect.DeepEqual(back, g) {
			t.Errorf("%s changed on a JSON round trip:\n got %+v\nwant %+v", g.ID, back, g)
		}
		data, err = yaml.Marshal(g)
		if err != nil {
			t.Fatalf("marshal %s to YAML: %v", g.ID, err)
		}
		back, err = ParseGuide(g.ID+".yaml", data)
		if err != nil {
			t.Fatalf("parse %s written as YAML: %v\n%s", g.ID, err, data)
		}
		if !reflect.DeepEqual(back, g) {
			t.Errorf("%s changed on a YAML round trip:\n got %+v\nwant %+v", g.ID, back, g)
		}
	}
}

func TestOrganisationTypesFitTheJoinScreen(t *testing.T) {
	if len(OrganisationTypes) == 0 || OrganisationTypes[len(OrganisationTypes)-1] != "Other" {
		t.Errorf("OrganisationTypes = %v, want a list ending in Other", OrganisationTypes)
	}
	seen := map[string]bool{}
	for _, o := range OrganisationTypes {
		if RuneCount(o) > 40 || RuneCount(o) > MaxNameRunes || CleanLine(o) != o || o == "" {
			t.Errorf("organisation type %q is not one short clean line", o)
		}
		if seen[o] {
			t.Errorf("organisation type %q is listed twice", o)
		}
		seen[o] = true
	}
}
