package inquiry

import "testing"

func TestReframedBarrierFollowsMergesAndLeavesOutBarriersNotShown(t *testing.T) {
	l := reframeLog(t)
	l.append(added(bob, "c-6", bob.ID, "design/barriers", Barrier, "Nobody answers the phone."))
	l.append(reframing(alice, "r-1", alice.ID, "design/barriers", "c-6", "One number that always answers."))
	l.append(reframing(alice, "r-2", alice.ID, "design/each-side", "c-2", "Meet halfway."))
	l.append(merged(facilitator, "c-6", "c-1"))
	l.append(hidden(facilitator, "c-2", "Off topic."))
	w := l.replay()
	get := func(id string) *Contribution {
		c, ok := w.Contribution(id)
		if !ok {
			t.Fatalf("no contribution %s", id)
		}
		return c
	}
	cases := []struct {
		reframe, under string // "" for none
	}{
		{"r-1", "c-1"}, // its barrier was merged into c-1
		{"r-2", ""},    // its barrier is hidden
		{"c-5", ""},    // not a reframe
	}
	for _, tc := range cases {
		b, ok := w.ReframedBarrier(get(tc.reframe))
		switch {
		case tc.under == "" && ok:
			t.Errorf("%s is quoted under %s, want on its own", tc.reframe, b.ID)
		case tc.under != "" && (!ok || b.ID != tc.under):
			t.Errorf("%s is quoted under %v (%v), want under %s", tc.reframe, b, ok, tc.under)
		}
	}
}
