package inquiry

import (
	"strings"
	"testing"
	"time"
)

func TestExportMarkdownShowsWhoDeleted(t *testing.T) {
	l := newExportLog(t, exportStart, WorkshopDetails{ID: "w", Title: "T", Code: "oak-0001", Pacing: SelfPaced, Guide: exportGuide()})
	l.join(0, "p", "P", "")
	l.add(1*time.Minute, "mine", "p", "design/build-on", Opportunity, "Withdrawn by me.", nil, "")
	l.add(2*time.Minute, "theirs", "p", "design/build-on", Opportunity, "Taken down.", nil, "")
	l.remove(3*time.Minute, "mine", Actor{Role: RoleParticipant, ID: "p"})
	l.remove(4*time.Minute, "theirs", exportFacilitator)
	md := exportOf(t, FormatMarkdown, l.ws, l.events)
	for _, want := range []string{"- **10:01** · *(deleted by the author)*", "- **10:02** · *(deleted by a facilitator)*"} {
		if !strings.Contains(md, want) {
			t.Errorf("transcript lacks %q", want)
		}
	}
	if strings.Contains(md, "Withdrawn by me") || strings.Contains(md, "Taken down") {
		t.Errorf("deleted words appear in the report")
	}
}

func TestExportMarkdownSaysWhenTheWorkshopRan(t *testing.T) {
	cases := []struct {
		name   string
		closed time.Duration // 0: still open
		want   []string
	}{
		{"still open", 0, []string{
			"- **When:** 12 March 2026, from 10:00 UTC (still open when this report was made)",
		}},
		{"closed the same day", 7 * time.Hour, []string{
			"- **When:** 12 March 2026, 10:00 to 17:00 UTC",
		}},
		{"closed the next day", 26 * time.Hour, []string{
			"- **When:** 12 March 2026, 10:00 to 13 March 2026, 12:00 UTC",
			"- **13 March 09:00 · P** · barrier", // a time on another day gives the date
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := newExportLog(t, exportStart, WorkshopDetails{ID: "w", Title: "T", Code: "oak-0001", Pacing: FacilitatorPaced, Guide: exportGuide()})
			l.join(time.Minute, "p", "P", "")
			l.add(2*time.Minute, "c1", "p", "design/in-the-way", Barrier, "No bus.", nil, "")
			if tc.closed > 23*time.Hour {
				l.add(23*time.Hour, "c2", "p", "design/in-the-way", Barrier, "Still no bus.", nil, "")
			}
			if tc.closed > 0 {
				l.close(tc.closed)
			}
			md := exportOf(t, FormatMarkdown, l.ws, l.events)
			for _, want := range append(tc.want, "- **Pacing:** led by the facilitator, prompt by prompt") {
				if !strings.Contains(md, want) {
					t.Errorf("report lacks %q", want)
				}
			}
		})
	}
}
