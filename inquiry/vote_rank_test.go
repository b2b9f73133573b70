package inquiry

import (
	"slices"
	"testing"
)

func TestRanksShareARankOnEqualDots(t *testing.T) {
	cases := []struct {
		dots []int
		want []int
	}{
		{nil, []int{}},
		{[]int{5}, []int{1}},
		{[]int{5, 3, 1}, []int{1, 2, 3}},
		{[]int{5, 3, 3, 1}, []int{1, 2, 2, 4}},
		{[]int{2, 2, 2}, []int{1, 1, 1}},
	}
	for _, tc := range cases {
		results := make([]VoteResult, len(tc.dots))
		for i, d := range tc.dots {
			results[i] = VoteResult{Dots: d}
		}
		if got := Ranks(results); !slices.Equal(got, tc.want) {
			t.Errorf("Ranks(%v) = %v, want %v", tc.dots, got, tc.want)
		}
	}
}
