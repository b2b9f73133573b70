package main

import (
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

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

func TestWriteAllowanceIsABurstAndARate(t *testing.T) {
	for in, want := range map[string]inquiry.Allowance{
		"": {}, "off": {Burst: -1}, "10/6s": {Burst: 10, Every: 6 * time.Second}, " 3/1m ": {Burst: 3, Every: time.Minute},
	} {
		if got, err := writeAllowance(in); err != nil || got != want {
			t.Errorf("writeAllowance(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"10", "0/6s", "-1/6s", "10/0s", "10/soon", "lots", "6s/10"} {
		if _, err := writeAllowance(bad); err == nil || !strings.Contains(err.Error(), "--write-allowance") {
			t.Errorf("writeAllowance(%q) = %v, want a refusal naming the flag", bad, err)
		}
	}
}
