package command

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
)

// anonymousWorkshop opens a workshop on the default guide, has Morag (a
// council officer) join and say something, and makes it anonymous.
func anonymousWorkshop(t *testing.T, s *data.Store) string {
	t.Helper()
	ctx := context.Background()
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	sum, err := s.OpenWorkshop(ctx, facilitator, inquiry.WorkshopDetails{Title: "Harbour talk", Code: "harbour-4821", Pacing: inquiry.SelfPaced, Guide: guide})
	if err != nil {
		t.Fatal(err)
	}
	ws, err := s.Workshop(sum.ID)
	if err != nil {
		t.Fatal(err)
	}
	ref := ws.Guide.Ref(0, 0)
	prompt, _ := ws.Guide.Prompt(ref)
	morag := inquiry.Actor{Role: inquiry.RoleParticipant, ID: "p-morag"}
	for _, e := range []inquiry.Event{
		{Type: inquiry.ParticipantJoined, Actor: morag, Participant: &inquiry.ParticipantDetails{
			ID: "p-morag", Name: inquiry.Words{Text: "Morag"}, Organisation: "Local authority", ConsentAt: sum.OpenedAt}},
		{Type: inquiry.ContributionAdded, Actor: morag, Contribution: &inquiry.ContributionDetails{
			ID: "c-1", Participant: "p-morag", Prompt: ref, Kind: prompt.Kinds[0], Text: inquiry.Words{Text: "The hall <b>is</b> open six days a week."}}},
		{Type: inquiry.SettingsChanged, Actor: facilitator, Settings: &inquiry.Settings{Visibility: inquiry.VisibleLive, Anonymous: true}},
	} {
		if _, err := s.Append(ctx, sum.ID, e); err != nil {
			t.Fatal(err)
		}
	}
	return sum.Code
}

func TestExportHTMLForEachAudience(t *testing.T) {
	s := datatest.Open(t)
	code := anonymousWorkshop(t, s)

	facilitators := runOn(t, s, false, "", "export", code, "--format", "html")
	if facilitators.status != 0 || !strings.HasPrefix(facilitators.stdout, "<!DOCTYPE html>") {
		t.Fatalf("export --format html: %+v", facilitators)
	}
	for _, want := range []string{"The hall &lt;b&gt;is&lt;/b&gt; open six days a week.", "Morag", `data-section="facilitators"`} {
		if !strings.Contains(facilitators.stdout, want) {
			t.Errorf("the facilitators' report (the default) lacks %q", want)
		}
	}
	participants := runOn(t, s, false, "", "export", code, "--format", "HTML", "--audience", "participants")
	if participants.status != 0 || !strings.Contains(participants.stdout, "The hall &lt;b&gt;is&lt;/b&gt; open") {
		t.Fatalf("export --audience participants: %+v", participants)
	}
	for _, never := range []string{"Morag", `data-section="facilitators"`} {
		if strings.Contains(participants.stdout, never) {
			t.Errorf("the participants' report of an anonymous workshop shows %q", never)
		}
	}

	out := filepath.Join(t.TempDir(), "report.html")
	if r := runOn(t, s, true, "", "export", code, "--format", "html", "--audience", "participants", "--output", out); r.status != 0 || r.stdout != "" {
		t.Fatalf("export --output: %+v", r)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != participants.stdout {
		t.Errorf("the file holds another report than stdout did (%v)", err)
	}
}

func TestExportRefusesAnUnknownAudienceOrAnAudienceForText(t *testing.T) {
	s := datatest.Open(t)
	code := anonymousWorkshop(t, s)
	cases := []struct {
		args []string
		says string
	}{
		{[]string{"export", code, "--format", "html", "--audience", "funders"}, `audience "funders": choose facilitators or participants`},
		{[]string{"export", code, "--format", "markdown", "--audience", "participants"}, "--audience is for --format html"},
		{[]string{"export", code, "--format", "pdf"}, `export format "pdf": choose markdown (or md), csv, json or html`},
	}
	for _, tc := range cases {
		r := runOn(t, s, false, "", tc.args...)
		if r.status != 2 || r.stdout != "" || !strings.Contains(r.stderr, tc.says) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and %q", strings.Join(tc.args, " "), r.status, r.stdout, r.stderr, tc.says)
		}
	}
}
