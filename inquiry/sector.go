package inquiry

import (
	"slices"
	"strings"
)

// Sector is a group of kinds of organisation that a report compares side
// by side: where community anchors and public services see partnership
// differently.
type Sector struct {
	ID    string
	Label string
}

// The sectors, in the order they are shown. Others is always last: it
// takes every kind of organisation not named here, people who did not say,
// and any sector too small to be shown on its own.
var (
	SectorCommunity = Sector{ID: "community", Label: "Community anchors and groups"}
	SectorCouncil   = Sector{ID: "council", Label: "Councils"}
	SectorHealth    = Sector{ID: "health", Label: "Health and social care"}
	SectorThird     = Sector{ID: "third-sector", Label: "Third sector"}
	SectorOthers    = Sector{ID: "others", Label: "Others"}
)

// Sectors lists every sector in the order they are shown, Others last.
var Sectors = []Sector{SectorCommunity, SectorCouncil, SectorHealth, SectorThird, SectorOthers}

// SmallGroup is the fewest people a sector must have to be shown on its
// own. A smaller group is counted under Others, so that nobody can be
// picked out from what their sector said.
const SmallGroup = 5

// SectorOf is the sector of a participant's kind of organisation, as given
// on the join screen (see OrganisationTypes). A community group or
// volunteer stands with the community anchors: both speak for the
// community side of a partnership. Anything else, or nothing, is Others.
func SectorOf(organisation string) Sector {
	switch strings.ToLower(strings.TrimSpace(organisation)) {
	case "community anchor organisation", "community group or volunteer":
		return SectorCommunity
	case "local authority":
		return SectorCouncil
	case "nhs / health and social care":
		return SectorHealth
	case "third sector organisation":
		return SectorThird
	}
	return SectorOthers
}

// SectorGroups says which sectors a set of people can be shown by without
// anyone being picked out. Every sector in Shown has at least SmallGroup
// people, Others included; Folded are the sectors that had someone but
// were counted under Others instead.
type SectorGroups struct {
	// Shown are the sectors shown on their own, in Sectors order, each with
	// its number of people. Others, when shown, is last and counts everyone
	// in a folded sector too.
	Shown []SectorPeople
	// Folded are the sectors with at least one person that are counted
	// under Others, in Sectors order. Others itself is never listed.
	Folded []Sector
	// Withheld is set when the people are too few to be split at all:
	// everyone together is fewer than SmallGroup (but at least one), so
	// nothing is shown by sector.
	Withheld bool

	of map[string]Sector // a sector's ID → the sector it is shown as
}

// SectorPeople is a sector and how many people it counts.
type SectorPeople struct {
	Sector Sector
	People int
}

// ShownAs is the sector whose column counts a person of sector s: s itself
// if it is shown, Others if it was folded. ok is false when the split is
// withheld.
func (g SectorGroups) ShownAs(s Sector) (Sector, bool) {
	if g.Withheld {
		return Sector{}, false
	}
	shown, ok := g.of[s.ID]
	return shown, ok
}

// GroupSectors decides how people can be shown by sector. A sector with
// fewer than SmallGroup people is folded into Others. If Others is then
// itself smaller than SmallGroup but not empty, hiding it alone would not
// be enough: a reader who knows the whole room's count could subtract the
// sectors shown and find it. So the smallest sector still shown (the later
// one on a tie) is folded into Others too, and again, until Others is big
// enough or nothing else is shown. If even everyone together is fewer than
// SmallGroup, the split is withheld.
func GroupSectors(people []*Participant) SectorGroups {
	count := make(map[string]int, len(Sectors))
	for _, p := range people {
		count[SectorOf(p.Organisation).ID]++
	}
	var shown []SectorPeople
	g := SectorGroups{of: map[string]Sector{}}
	others := count[SectorOthers.ID]
	for _, s := range Sectors[:len(Sectors)-1] {
		switch n := count[s.ID]; {
		case n >= SmallGroup:
			shown = append(shown, SectorPeople{s, n})
		case n > 0:
			g.Folded = append(g.Folded, s)
			others += n
		}
	}
	for others > 0 && others < SmallGroup && len(shown) > 0 {
		smallest := 0
		for i, sp := range shown {
			if sp.People <= shown[smallest].People {
				smallest = i
			}
		}
		g.Folded = append(g.Folded, shown[smallest].Sector)
		others += shown[smallest].People
		shown = slices.Delete(shown, smallest, smallest+1)
	}
	if others > 0 && others < SmallGroup {
		return SectorGroups{Withheld: true}
	}
	// Folded sectors are listed in Sectors order, however they were folded.
	slices.SortFunc(g.Folded, func(a, b Sector) int { return sectorIndex(a) - sectorIndex(b) })
	if others > 0 {
		shown = append(shown, SectorPeople{SectorOthers, others})
	}
	g.Shown = shown
	for _, sp := range shown {
		g.of[sp.Sector.ID] = sp.Sector
	}
	for _, s := range g.Folded {
		g.of[s.ID] = SectorOthers
	}
	g.of[SectorOthers.ID] = SectorOthers
	return g
}

func sectorIndex(s Sector) int {
	return slices.IndexFunc(Sectors, func(t Sector) bool { return t.ID == s.ID })
}

// SectorSplit is the workshop's live contributions by theme as each sector
// saw them, with the small-group rule applied (see GroupSectors).
type SectorSplit struct {
	// Groups are the sectors shown, over the people counted: those who
	// made at least one live contribution and have not withdrawn or been
	// erased. Someone who said nothing adds nothing to a column, and
	// counting them would make a small group look large.
	Groups SectorGroups
	// Rows are the themes of Tally.Rows, in that order, the unthemed row
	// last; empty when the split is withheld.
	Rows []SectorRow
}

// SectorRow is one theme's count of contributions by kind for each sector
// shown: Sectors[i] counts for Groups.Shown[i].
type SectorRow struct {
	Theme   Theme
	Sectors []map[Kind]int
}

// Sum is the row's count for the i-th sector shown over the given kinds,
// or over every kind if none are given.
func (r SectorRow) Sum(i int, kinds ...Kind) int {
	return TallyRow{Counts: r.Sectors[i]}.Sum(kinds...)
}

// SplitBySector counts the workshop's live contributions by theme and
// sector. Like the tally, a contribution with several themes counts once
// in each of their rows. It is a pass over the contributions, for a report
// or a pane that refreshes at most once a second, not for every event.
func (w *Workshop) SplitBySector() SectorSplit {
	var people []*Participant
	for _, p := range w.Participants {
		if !p.Left() && slices.ContainsFunc(w.authored[p.ID], (*Contribution).Live) {
			people = append(people, p)
		}
	}
	split := SectorSplit{Groups: GroupSectors(people)}
	if split.Groups.Withheld || len(split.Groups.Shown) == 0 {
		return split
	}
	column := make(map[string]int, len(split.Groups.Shown))
	for i, sp := range split.Groups.Shown {
		column[sp.Sector.ID] = i
	}
	rows := w.Tally().Rows()
	index := make(map[string]int, len(rows))
	for i, r := range rows {
		index[r.Theme.ID] = i
		split.Rows = append(split.Rows, SectorRow{Theme: r.Theme, Sectors: make([]map[Kind]int, len(split.Groups.Shown))})
		for j := range split.Rows[i].Sectors {
			split.Rows[i].Sectors[j] = make(map[Kind]int, len(Kinds))
		}
	}
	for _, c := range w.Contributions {
		p, ok := w.participants[c.Participant]
		if !c.Live() || !ok {
			continue
		}
		shown, _ := split.Groups.ShownAs(SectorOf(p.Organisation))
		col := column[shown.ID]
		themes := c.Themes
		if len(themes) == 0 {
			themes = []string{""} // the unthemed row has no ID
		}
		for _, id := range themes {
			if i, ok := index[id]; ok {
				split.Rows[i].Sectors[col][c.Kind]++
			}
		}
	}
	return split
}
