package command

import (
	"slices"
	"testing"

	"github.com/spf13/cobra"
)

func TestFreeTextFlagsTakeTheWordsSSHSplit(t *testing.T) {
	root := &cobra.Command{Use: "anchorage"}
	Add(root, Env{})
	for _, tc := range []struct{ args, want []string }{
		{
			[]string{"workshop", "new", "--title", "Partnerships", "in", "Ayrshire"},
			[]string{"workshop", "new", "--title=Partnerships in Ayrshire"},
		},
		{
			[]string{"workshop", "new", "--title", "Ayrshire", "-", "the", "second", "evening", "--guide", "four-d", "--code", "ayr-0002"},
			[]string{"workshop", "new", "--title=Ayrshire - the second evening", "--guide", "four-d", "--code", "ayr-0002"},
		},
		{
			[]string{"workshop", "new", "--title=Partnerships", "in", "Ayrshire"},
			[]string{"workshop", "new", "--title=Partnerships in Ayrshire"},
		},
		{ // quoted for the far end: one word already
			[]string{"workshop", "new", "--title", "Partnerships in Ayrshire", "--pacing", "facilitator"},
			[]string{"workshop", "new", "--title=Partnerships in Ayrshire", "--pacing", "facilitator"},
		},
		{
			[]string{"scribe", "add", "harbour-4821", "--name", "Jo", "at", "table", "3"},
			[]string{"scribe", "add", "harbour-4821", "--name=Jo at table 3"},
		},
		{
			[]string{"card", "harbour-4821", "--date", "Thursday", "12", "March,", "10:00", "--format", "html"},
			[]string{"card", "harbour-4821", "--date=Thursday 12 March, 10:00", "--format", "html"},
		},
		{ // a flag that is not free text is left as it was
			[]string{"export", "harbour-4821", "--format", "csv", "extra"},
			[]string{"export", "harbour-4821", "--format", "csv", "extra"},
		},
		{ // nothing after it: for cobra to say so
			[]string{"workshop", "new", "--title"},
			[]string{"workshop", "new", "--title"},
		},
	} {
		if got := joinWords(root, tc.args); !slices.Equal(got, tc.want) {
			t.Errorf("joinWords(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}
