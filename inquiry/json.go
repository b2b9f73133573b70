package inquiry

import (
	"bytes"
	"cmp"
	"encoding/json"
	"io"
	"strconv"
	"time"
)

// The JSON export's format name and version. The version goes up when a
// field changes meaning or goes away; new fields may appear without it.
const (
	jsonFormatName    = "anchorage-export"
	jsonFormatVersion = 1
)

type jsonHead struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

type jsonWorkshop struct {
	ID       string       `json:"id"`
	Title    string       `json:"title"`
	Code     string       `json:"code"`
	Pacing   Pacing       `json:"pacing"`
	Open     bool         `json:"open"`
	OpenedAt time.Time    `json:"opened_at"`
	ClosedAt *time.Time   `json:"closed_at"`
	Settings jsonSettings `json:"settings"`
	Current  *jsonPace    `json:"current"`
	Revealed []PromptRef  `json:"revealed"`
}

type jsonSettings struct {
	Visibility Visibility `json:"visibility"`
	Anonymous  bool       `json:"anonymous"`
}

type jsonPace struct {
	Prompt   PromptRef  `json:"prompt"`
	Place    string     `json:"place"`
	EndsAt   *time.Time `json:"ends_at"`
	PausedAt *time.Time `json:"paused_at"`
}

type jsonTeamMember struct {
	Role    Role      `json:"role"`
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	FirstAt time.Time `json:"first_at"`
}

type jsonLabel struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type jsonTheme struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Added bool   `json:"added"`
}

type jsonParticipant struct {
	ID            string     `json:"id"`
	Name          string     `json:"name"`
	Organisation  string     `json:"organisation"`
	JoinedAt      time.Time  `json:"joined_at"`
	ConsentAt     time.Time  `json:"consent_at"`
	Contributions int        `json:"contributions"`
	Scribed       bool       `json:"scribed"`
	WithdrawnAt   *time.Time `json:"withdrawn_at"`
	ErasedAt      *time.Time `json:"erased_at"`
	MergedInto    string     `json:"merged_into"`
	MergedAt      *time.Time `json:"merged_at"`
	// RemovedAt is when a facilitator removed and blocked them.
	RemovedAt *time.Time `json:"removed_at,omitempty"`
	// Language is the code of the language they took part in, when their
	// join recorded one.
	Language string `json:"language,omitempty"`
}

type jsonContribution struct {
	ID             string     `json:"id"`
	Seq            uint64     `json:"seq"`
	Participant    string     `json:"participant"`
	Prompt         PromptRef  `json:"prompt"`
	Place          string     `json:"place"`
	Kind           Kind       `json:"kind"`
	Text           string     `json:"text"`
	Themes         []string   `json:"themes"`
	Partner        string     `json:"partner"`
	AddedAt        time.Time  `json:"added_at"`
	EditedAt       *time.Time `json:"edited_at"`
	BuildsOn       string     `json:"builds_on"`
	Answers        string     `json:"answers"`
	Owner          string     `json:"owner"`
	Due            string     `json:"due"`
	ThemesAccepted bool       `json:"themes_accepted"`
	Highlighted    bool       `json:"highlighted"`
	ScribedBy      string     `json:"scribed_by"`
	MergedFrom     []string   `json:"merged_from"`
	Dots           int        `json:"dots"`
	Agreements     []string   `json:"agreements"`
	BuiltOnBy      []string   `json:"built_on_by"`
	EnteredBy      string     `json:"entered_by"`
	UnmergedFrom   string     `json:"unmerged_from"`
}

type jsonVote struct {
	ID          string           `json:"id"`
	Title       string           `json:"title"`
	Kinds       []Kind           `json:"kinds"`
	Dots        int              `json:"dots"`
	Open        bool             `json:"open"`
	OpenedAt    time.Time        `json:"opened_at"`
	ClosedAt    *time.Time       `json:"closed_at"`
	Voters      int              `json:"voters"`
	Results     []jsonVoteResult `json:"results"`
	Prompt      PromptRef        `json:"prompt"`
	Highlighted bool             `json:"highlighted"`
	Turnout     jsonTurnout      `json:"turnout"`
}

type jsonTurnout struct {
	Voted       int `json:"voted"`
	Voters      int `json:"voters"`
	TablesVoted int `json:"tables_voted"`
	Tables      int `json:"tables"`
}

type jsonVoteResult struct {
	Contribution string `json:"contribution"`
	Dots         int    `json:"dots"`
	Rank         int    `json:"rank"`
}

type jsonHidden struct {
	Contribution string    `json:"contribution"`
	Reason       string    `json:"reason"`
	HiddenAt     time.Time `json:"hidden_at"`
	By           Actor     `json:"by"`
}

type jsonTallyRow struct {
	Theme    string     `json:"theme"`
	Label    string     `json:"label"`
	Counts   kindCounts `json:"counts"`
	Total    int        `json:"total"`
	Reframed int        `json:"reframed"`
}

type jsonTotals struct {
	Participants  int        `json:"participants"`
	Contributions int        `json:"contributions"`
	Kinds         kindCounts `json:"kinds"`
}

func newJSONTallyRow(r TallyRow) jsonTallyRow {
	return jsonTallyRow{Theme: r.Theme.ID, Label: r.Theme.Label, Counts: kindCounts(r.Counts), Total: r.Sum(), Reframed: r.Reframed}
}

// kindCounts is a count per kind, written with every kind present and in
// the order of AllKinds rather than a map's alphabetical order, so the file
// reads the way the screens do.
type kindCounts map[Kind]int

// MarshalJSON writes the counts as an object keyed by kind, in AllKinds
// order.
func (k kindCounts) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, kind := range AllKinds {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(string(kind))
		if err != nil {
			return nil, err
		}
		b.Write(key)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(k[kind]))
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// writeJSON writes the workshop, what it folds to and the log it came from
// as one indented object, streamed (jsonStream). The order of the fields
// here is their order in the file; README.md documents them one by one.
func writeJSON(w io.Writer, ws *Workshop, events []Event) error {
	labels := newExportLabels(ws)
	tally := ws.Tally()
	out := newJSONStream(w)
	out.value("format", jsonFormatName)
	out.value("version", jsonFormatVersion)
	out.value("head", jsonHead{Seq: ws.Head, Hash: ws.HeadHash})
	out.value("workshop", jsonWorkshop{
		ID: ws.ID, Title: ws.Title, Code: ws.Code, Pacing: ws.Pacing, Open: ws.Open,
		OpenedAt: ws.OpenedAt.UTC(), ClosedAt: jsonTime(ws.ClosedAt),
		Settings: jsonSettings{Visibility: cmp.Or(ws.Settings.Visibility, VisibleLive), Anonymous: ws.Settings.Anonymous},
		Current:  newJSONPace(ws.Guide, ws.Timebox()),
		Revealed: revealedInGuideOrder(ws),
	})
	out.value("guide", &ws.Guide)
	themes := ws.Themes()
	jsonThemes := make([]jsonTheme, 0, len(themes))
	for i, t := range themes {
		added := i >= len(themes)-len(ws.AddedThemes)
		jsonThemes = append(jsonThemes, jsonTheme{ID: t.ID, Label: t.Label, Added: added})
	}
	out.value("themes", jsonThemes)
	partners := []jsonLabel{}
	for _, p := range ws.Guide.PartnerList() {
		partners = append(partners, jsonLabel{ID: p.ID, Label: p.Label})
	}
	out.value("partners", partners)
	team := []jsonTeamMember{}
	for _, m := range ws.Team() {
		team = append(team, jsonTeamMember{Role: m.Role, ID: m.ID, Name: m.Name, FirstAt: m.FirstAt.UTC()})
	}
	out.value("team", team)
	out.array("participants", len(ws.Participants), false, func(i int) any {
		p := ws.Participants[i]
		return &jsonParticipant{
			ID: p.ID, Name: p.Name, Organisation: p.Organisation,
			JoinedAt: p.JoinedAt.UTC(), ConsentAt: p.ConsentAt.UTC(),
			Contributions: labels.contributed[p.ID], Scribed: p.Scribed,
			WithdrawnAt: jsonTime(p.WithdrawnAt), ErasedAt: jsonTime(p.ErasedAt),
			MergedInto: p.MergedInto, MergedAt: jsonTime(p.MergedAt),
			RemovedAt: jsonTime(p.BlockedAt), Language: p.Language,
		}
	})
	live := make([]*Contribution, 0, tally.Contributions)
	for _, c := range ws.Contributions {
		if c.Live() {
			live = append(live, c)
		}
	}
	dots := ws.dotsReceived()
	places := map[PromptRef]string{}
	for _, p := range ws.Guide.Places() {
		places[p.Ref] = p.String()
	}
	out.array("contributions", len(live), false, func(i int) any {
		c := live[i]
		return &jsonContribution{
			ID: c.ID, Seq: c.Seq, Participant: c.Participant, Prompt: c.Prompt, Place: places[c.Prompt],
			Kind: c.Kind, Text: c.Text, Themes: orEmpty(c.Themes), Partner: c.Partner,
			AddedAt: c.AddedAt.UTC(), EditedAt: jsonTime(c.EditedAt),
			BuildsOn: c.BuildsOn, Answers: c.Answers, Owner: c.Owner, Due: c.Due,
			ThemesAccepted: c.ThemesAccepted, Highlighted: c.Highlighted, ScribedBy: c.ScribedBy,
			MergedFrom: orEmpty(labels.mergedFrom[c.ID]), Dots: dots[c.ID],
			Agreements: orEmpty(ws.Agreements(c.ID)), BuiltOnBy: orEmpty(builtOnBy(ws, c)),
			EnteredBy: enteredBy(ws, c), UnmergedFrom: c.UnmergedFrom,
		}
	})
	rows := make([]jsonTallyRow, 0, len(tally.Themes)+1)
	for _, r := range tally.Themes {
		rows = append(rows, newJSONTallyRow(r))
	}
	out.value("tally", append(rows, newJSONTallyRow(tally.Unthemed)))
	out.value("totals", jsonTotals{
		Participants: len(ws.People()), Contributions: tally.Contributions,
		Kinds: kindCounts(tally.Totals),
	})
	votes := make([]jsonVote, 0, len(ws.Votes))
	for _, v := range ws.Votes {
		votes = append(votes, newJSONVote(v))
	}
	out.value("votes", votes)
	out.value("hidden", hiddenContributions(ws, events))
	// The events go out exactly as given: re-encoding a time in another
	// zone would change the bytes their hashes cover.
	out.array("events", len(events), events == nil, func(i int) any { return &events[i] })
	return out.close()
}

// jsonTime is a time in UTC, or nil (written as null) for one that never
// came.
func jsonTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}
