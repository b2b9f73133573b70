package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/anchorage/anchorage/inquiry"
)

// envWriteAllowance is --write-allowance's environment variable.
const envWriteAllowance = "ANCHORAGE_WRITE_ALLOWANCE"

// writeAllowance reads how fast one participant may write, as given: ""
// for the default (inquiry.DefaultAllowance), "off" for no limit (a load
// test, or a room that pastes long prepared lists), or a burst and a
// steady rate, "10/6s": ten at once, then one every six seconds.
func writeAllowance(s string) (inquiry.Allowance, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "":
		return inquiry.Allowance{}, nil
	case "off":
		return inquiry.Allowance{Burst: -1}, nil
	}
	burst, every, ok := strings.Cut(s, "/")
	n, err := strconv.Atoi(burst)
	d, derr := time.ParseDuration(every)
	if !ok || err != nil || derr != nil || n < 1 || d <= 0 {
		return inquiry.Allowance{}, fmt.Errorf("--write-allowance (or %s) is a burst and a steady rate, like 10/6s (ten at once, then one every six seconds), or off; not %q", envWriteAllowance, s)
	}
	return inquiry.Allowance{Burst: n, Every: d}, nil
}
