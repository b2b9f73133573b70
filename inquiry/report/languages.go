package report

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/anchorage/anchorage/inquiry"
)

// languagesSpoken says in which languages people took part, as counts:
// "12 took part in English and 5 in Cymraeg". Nobody is named by language,
// and the small-group rule of the sector split holds here too: when any
// language was chosen by fewer than inquiry.SmallGroup people, it says
// nothing at all. Folding a small group into "other languages", as the
// sector split folds sectors, would not hide it: with two or three
// languages to choose from, "others" is that one group. It also says
// nothing when everyone whose language was recorded took part in one.
// People whose join recorded no language (a scribed table) are not counted.
func languagesSpoken(present []*inquiry.Participant) string {
	counts := map[string]int{}
	for _, p := range present {
		if p.Language != "" {
			counts[p.Language]++
		}
	}
	if len(counts) < 2 {
		return ""
	}
	type spoken struct {
		name   string
		people int
	}
	var all []spoken
	for code, n := range counts {
		if n < inquiry.SmallGroup {
			return ""
		}
		all = append(all, spoken{inquiry.LanguageName(code), n})
	}
	slices.SortFunc(all, func(a, b spoken) int { return cmp.Or(b.people-a.people, cmp.Compare(a.name, b.name)) })
	parts := []string{fmt.Sprintf("%d took part in %s", all[0].people, all[0].name)}
	for _, s := range all[1:] {
		parts = append(parts, fmt.Sprintf("%d in %s", s.people, s.name))
	}
	return list(parts)
}
