package inquiry

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// welshGuide is goodGuide with the prompt and its phase given in Welsh and
// Gaelic too, Gaelic in part.
const welshGuide = `id: test-guide
title: A test guide
phases:
  - id: discover
    title: Discover
    languages:
      cy:
        title: Darganfod
    prompts:
      - id: best
        text: Tell us about a time it worked.
        help: Big or small.
        kinds: [story, strength]
        timebox: 10m
        languages:
          cy:
            text: Dywedwch wrthym am adeg pan weithiodd.
            help: Mawr neu fach.
          gd:
            text: Innis dhuinn mu àm a dh'obraich e.
`

func TestAGuideGivesItsWordsInSeveralLanguages(t *testing.T) {
	g, err := ParseGuide("test.yaml", []byte(welshGuide))
	if err != nil {
		t.Fatalf("ParseGuide: %v", err)
	}
	pr, _ := g.Prompt("discover/best")
	ph := g.Phases[0]
	tests := []struct {
		lang, text, help, phase string
	}{
		{"cy", "Dywedwch wrthym am adeg pan weithiodd.", "Mawr neu fach.", "Darganfod"},
		// Gaelic gives the text alone: the help and the phase fall back.
		{"gd", "Innis dhuinn mu àm a dh'obraich e.", "Big or small.", "Discover"},
		{"en", "Tell us about a time it worked.", "Big or small.", "Discover"},
		// A language the guide does not speak gets its own.
		{"fr", "Tell us about a time it worked.", "Big or small.", "Discover"},
	}
	for _, tt := range tests {
		w := pr.In(tt.lang)
		if w.Text != tt.text || w.Help != tt.help || ph.In(tt.lang).Title != tt.phase {
			t.Errorf("in %s: %+v, phase %q; want %q, %q, %q", tt.lang, w, ph.In(tt.lang).Title, tt.text, tt.help, tt.phase)
		}
	}
	if got := strings.Join(g.Languages(), " "); got != "en cy gd" {
		t.Errorf("Languages = %s, want the guide's own first, then cy gd", got)
	}
}

func TestAGuideInAnotherLanguageFallsBackToIt(t *testing.T) {
	src := strings.Replace(welshGuide, "title: A test guide\n", "title: A test guide\nlanguage: gd\n", 1)
	src = strings.Replace(src, "          gd:\n            text: Innis dhuinn mu àm a dh'obraich e.\n", "          en:\n            text: In English.\n", 1)
	g, err := ParseGuide("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("ParseGuide: %v", err)
	}
	if g.FirstLanguage() != "gd" || strings.Join(g.Languages(), " ") != "gd cy en" {
		t.Errorf("a guide in Gaelic: first %s, languages %v", g.FirstLanguage(), g.Languages())
	}
	if pr, _ := g.Prompt("discover/best"); pr.In("fr").Text != pr.Text || pr.In("en").Text != "In English." {
		t.Errorf("in French %q, in English %q", pr.In("fr").Text, pr.In("en").Text)
	}
}

func TestGuideLanguageMistakesAreNamedWithTheirLine(t *testing.T) {
	replace := func(old, new string) string {
		if !strings.Contains(welshGuide, old) {
			t.Fatalf("test edits a line the guide lacks: %q", old)
		}
		return strings.Replace(welshGuide, old, new, 1)
	}
	cases := []malformedGuide{
		{"a language that is not a code", replace("          gd:\n", "          Gaelic:\n"), 19, "phases[0].prompts[0].languages.Gaelic", "is not a language code"},
		{"the guide's own language", replace("          gd:\n", "          en:\n"), 19, "phases[0].prompts[0].languages.en", "the guide's own language"},
		{"a field no language has", replace("            help: Mawr neu fach.\n", "            helpp: Mawr neu fach.\n"), 18, "phases[0].prompts[0].languages.cy.helpp", "unknown field: expected one of text, help, reframe"},
		{"a translation of nothing", replace("            help: Mawr neu fach.\n", "            reframe: Beth fyddai'n helpu?\n"), 18, "phases[0].prompts[0].languages.cy.reframe", "no reframe here to translate"},
		{"escape sequences in a translation", replace("title: Darganfod", `title: "Darganfod\e[2J"`), 8, "phases[0].languages.cy.title", "control characters"},
		{"a bad guide language", "language: Welsh\n" + welshGuide, 1, "language", "is not a language code"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseGuide("guide.yaml", []byte(c.yaml))
			var ge *GuideError
			if !errors.As(err, &ge) {
				t.Fatalf("ParseGuide error = %v, want a *GuideError", err)
			}
			if ge.Line != c.line || ge.Field != c.field || !strings.Contains(ge.Msg, c.msg) {
				t.Errorf("ParseGuide error = %#v\nwant line %d, field %q, message containing %q", ge, c.line, c.field, c.msg)
			}
		})
	}
}

// TestAGuideWithoutLanguagesIsWrittenAsBefore checks that guides and logs
// made before languages came read and hash as they did: a guide that
// gives none writes no trace of them.
func TestAGuideWithoutLanguagesIsWrittenAsBefore(t *testing.T) {
	g, err := ParseGuide("test.yaml", []byte(goodGuide))
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(g)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("language")) {
		t.Errorf("a guide without languages gained a field: %s", data)
	}
	if g.FirstLanguage() != "en" || len(g.Languages()) != 1 {
		t.Errorf("a guide without languages: first %s, all %v", g.FirstLanguage(), g.Languages())
	}
}

func TestTheDefaultGuideSpeaksGaelicAndWelsh(t *testing.T) {
	g, _ := BuiltinGuide(DefaultGuideID)
	if got := strings.Join(g.Languages(), " "); got != "en cy gd" {
		t.Fatalf("the default guide speaks %s, want en cy gd", got)
	}
	for p, ph := range g.Phases {
		for q, pr := range ph.Prompts {
			for _, lang := range []string{"cy", "gd"} {
				w := pr.Languages[lang]
				if w.Text == "" || (pr.Help != "") != (w.Help != "") || (pr.Reframe != "") != (w.Reframe != "") || ph.Languages[lang].Title == "" {
					t.Errorf("phases[%d].prompts[%d] in %s: %+v, phase %+v", p, q, lang, w, ph.Languages[lang])
				}
			}
		}
	}
}

func TestAParticipantsLanguageIsRecordedAndExported(t *testing.T) {
	l := &testLog{t: t}
	l.append(opened())
	morag := Actor{Role: RoleParticipant, ID: "p-morag"}
	join := joined(morag, "Morag")
	join.Participant.Language = "cy"
	l.append(join)
	l.append(added(morag, "c-1", morag.ID, "discover/best-time", Story, "Roedd y neuadd ar agor bob dydd."))
	w := l.replay()

	bad := joined(Actor{Role: RoleParticipant, ID: "p-x"}, "X")
	bad.Participant.Language = "Welsh\x1b[2J"
	if err := w.Check(bad); !errors.Is(err, ErrInvalid) {
		t.Errorf("a join in language %q: %v, want ErrInvalid", bad.Participant.Language, err)
	}
	if p, _ := w.Participant(morag.ID); p.Language != "cy" {
		t.Fatalf("the fold has Morag in %q, want cy", p.Language)
	}

	var md, js, cs bytes.Buffer
	for f, out := range map[Format]*bytes.Buffer{FormatMarkdown: &md, FormatJSON: &js, FormatCSV: &cs} {
		if err := Export(out, f, w, l.events); err != nil {
			t.Fatalf("export %s: %v", f, err)
		}
	}
	if !strings.Contains(md.String(), "**Morag**, Local authority: 1 contribution, joined") || !strings.Contains(md.String(), ", in Cymraeg") {
		t.Errorf("the markdown report does not say Morag took part in Cymraeg:\n%s", md.String())
	}
	var export struct {
		Participants []struct{ Name, Language string }
	}
	if err := json.Unmarshal(js.Bytes(), &export); err != nil || len(export.Participants) != 1 || export.Participants[0].Language != "cy" {
		t.Errorf("the JSON export's participants: %+v (%v)", export.Participants, err)
	}
	rows, err := csv.NewReader(&cs).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("CSV: %v, %d rows", err, len(rows))
	}
	if col := len(rows[0]) - 1; rows[0][col] != "language" || rows[1][col] != "cy" {
		t.Errorf("the CSV's last column: %q, %q; want language, cy", rows[0][col], rows[1][col])
	}
	// The words stay as they were written.
	if !strings.Contains(md.String(), "Roedd y neuadd ar agor bob dydd.") || rows[1][13] != "Roedd y neuadd ar agor bob dydd." {
		t.Error("an export changed the words")
	}
}
