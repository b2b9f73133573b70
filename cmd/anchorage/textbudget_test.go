package main

import "testing"

func TestTextBudgetIsReadInMegabytes(t *testing.T) {
	for in, want := range map[string]int64{"": 0, "64": 64 << 20, " 1 ": 1 << 20, "0": -1} {
		if got, err := textBudget(in); err != nil || got != want {
			t.Errorf("textBudget(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"-1", "lots", "1.5", "64MB"} {
		if _, err := textBudget(bad); err == nil {
			t.Errorf("textBudget(%q) accepted", bad)
		}
	}
}
