package inquiry

// Ranks are the ranks of a vote's results, in the order Results gives
// them: equal dots share a rank and the next rank counts everyone above
// it (1, 2, 2, 4), as the markdown report ranks them.
//
// Every screen and export should take ranks from here, so that they agree;
// issue 11 makes the rule one place for all of them.
func Ranks(results []VoteResult) []int {
	ranks := make([]int, len(results))
	for i, r := range results {
		ranks[i] = i + 1
		if i > 0 && r.Dots == results[i-1].Dots {
			ranks[i] = ranks[i-1]
		}
	}
	return ranks
}
