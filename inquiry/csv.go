package inquiry

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"
)

// csvHeader is the CSV export's first row. The order is part of the
// format: people build spreadsheets on it, so add columns only at the end.
//
// head_seq and head_hash repeat the log's head on every row. A CSV file has
// nowhere else to say it that survives being opened, sorted and filtered
// in a spreadsheet, and RFC 4180 has no comment lines. The columns after
// them came with facilitation; those after merged_from with agreements,
// named facilitators and undone merges; answers (the barrier a reframe
// answers) and place (the prompt's place, as every screen names it) last.
var csvHeader = []string{
	"seq", "id", "added_at", "edited_at", "phase", "prompt_id", "prompt",
	"participant_id", "participant", "organisation", "kind", "themes",
	"partner", "text", "head_seq", "head_hash",
	"builds_on", "owner", "due", "themes_accepted", "highlighted", "dots",
	"scribed", "merged_from",
	"agreements", "agreed_by", "built_on_by", "entered_by", "unmerged_from",
	"answers", "place", "language",
}

// writeCSV writes one row per live contribution (see Contribution.Live),
// in the order they were added, after a header row. Lines end in CRLF as
// RFC 4180 asks.
func writeCSV(w io.Writer, ws *Workshop) error {
	out := csv.NewWriter(w)
	out.UseCRLF = true
	labels := newExportLabels(ws)
	dots := ws.dotsReceived()
	head := strconv.FormatUint(ws.Head, 10)
	row := make([]string, len(csvHeader))
	if err := out.Write(csvHeader); err != nil {
		return err
	}
	for _, c := range ws.Contributions {
		if !c.Live() {
			continue
		}
		var phase, promptText, place string
		if p, q, ok := ws.Guide.Locate(c.Prompt); ok {
			phase = ws.Guide.Phases[p].Title
			promptText = ws.Guide.Phases[p].Prompts[q].Text
			place = ws.Guide.PlaceAt(p, q).String()
		}
		row = append(row[:0],
			strconv.FormatUint(c.Seq, 10),
			c.ID,
			csvTime(c.AddedAt),
			csvTime(c.EditedAt),
			phase,
			string(c.Prompt),
			promptText,
			c.Participant,
			labels.name(c.Participant),
			labels.organisation(c.Participant),
			string(c.Kind),
			strings.Join(labels.themeLabels(c), "; "),
			labels.partner(c),
			c.Text,
			head,
			ws.HeadHash,
			c.BuildsOn,
			c.Owner,
			c.Due,
			yesNo(c.ThemesAccepted),
			yesNo(c.Highlighted),
			strconv.Itoa(dots[c.ID]),
			yesNo(c.ScribedBy != ""),
			strings.Join(labels.mergedFrom[c.ID], "; "),
			strconv.Itoa(len(ws.Agreements(c.ID))),
			strings.Join(labels.agreedBy(ws, c), "; "),
			strings.Join(builtOnBy(ws, c), "; "),
			enteredBy(ws, c),
			c.UnmergedFrom,
			c.Answers,
			place,
			labels.language(c.Participant),
		)
		for i := range row {
			row[i] = csvCell(row[i])
		}
		if err := out.Write(row); err != nil {
			return err
		}
	}
	out.Flush()
	return out.Error()
}

// yesNo is a flag as a spreadsheet filter shows it.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// csvTime is an RFC 3339 time in UTC, or "" for a time that never came.
func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// csvCell makes a cell safe to open in a spreadsheet. Text is cleaned again
// in case anything unclean reached the log, and cleaned first, so that an
// escape sequence cannot hide what the cell starts with. A cell starting
// with =, +, -, @, tab or carriage return would be read as a formula, which
// can fetch URLs or run commands when the file is opened, so it gets a
// leading apostrophe: spreadsheets then take the cell as text. Leading
// spaces and line breaks are looked past, because an import that trims
// them (an option in common spreadsheets) would expose the formula.
func csvCell(s string) string {
	s = CleanText(s)
	start := strings.TrimLeft(s, " \t\r\n")
	if start != s && (s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	if start != "" && strings.IndexByte("=+-@", start[0]) >= 0 {
		return "'" + s
	}
	return s
}
