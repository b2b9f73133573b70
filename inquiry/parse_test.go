package inquiry

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// goodGuide is a small valid guide; the malformed cases below change one
// thing in it. Its ten lines are: 1 id, 2 title, 3 phases, 4 the phase,
// 5 its title, 6 prompts, 7 the prompt, 8 text, 9 kinds, 10 timebox.
const goodGuide = `id: test-guide
title: A test guide
phases:
  - id: discover
    title: Discover
    prompts:
      - id: best
        text: Tell us about a time it worked.
        kinds: [story, strength]
        timebox: 10m
`

func TestParseGuideReadsAGoodGuide(t *testing.T) {
	g, err := ParseGuide("test.yaml", []byte(goodGuide))
	if err != nil {
		t.Fatalf("ParseGuide: %v", err)
	}
	pr, ok := g.Prompt("discover/best")
	if !ok {
		t.Fatal("prompt discover/best not found")
	}
	if pr.Text != "Tell us about a time it worked." || time.Duration(pr.Timebox) != 10*time.Minute ||
		len(pr.Kinds) != 2 || pr.Kinds[0] != Story {
		t.Errorf("prompt = %+v", pr)
	}
}

func TestParseGuideTrimsBlockScalars(t *testing.T) {
	src := strings.Replace(goodGuide, "        text: Tell us about a time it worked.\n",
		"        text: |\n          Tell us about\n          a time.\n", 1)
	g, err := ParseGuide("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("ParseGuide: %v", err)
	}
	if got := g.Phases[0].Prompts[0].Text; got != "Tell us about\na time." {
		t.Errorf("text = %q, want the block without its final line break", got)
	}
}

// malformedGuides are broken guide files, each with the line and field
// its error must name and a part of the message.
var malformedGuides = func() []malformedGuide {
	replace := func(old, new string) string {
		if !strings.Contains(goodGuide, old) {
			panic("test case edits a line the good guide lacks: " + old)
		}
		return strings.Replace(goodGuide, old, new, 1)
	}
	secondPhase := goodGuide + `  - id: discover
    title: Again
    prompts:
      - id: best
        text: Once more.
`
	secondPrompt := goodGuide + `      - id: best
        text: Once more.
`
	return []malformedGuide{
		{"unclosed list", replace("title: A test guide", "title: [A test guide"), 2, "", "not valid YAML: did not find expected ',' or ']'"},
		{"bad indentation", replace("    title: Discover", "      title: Discover"), 5, "", "not valid YAML: mapping values are not allowed"},
		{"character that starts nothing", replace("    title: Discover", "    title: @Discover"), 5, "", "not valid YAML"},
		{"unknown field", replace("        timebox: 10m", "        colour: blue"), 10, "phases[0].prompts[0].colour", "unknown field"},
		{"unknown top-level field", "author: me\n" + goodGuide, 1, "author", "unknown field"},
		{"field given twice", replace("title: A test guide", "title: A test guide\ntitle: Again"), 3, "title", "appears twice"},
		{"list where text belongs", replace("    title: Discover", "    title: [a, b]"), 5, "phases[0].title", "expected text"},
		{"text where a list belongs", replace("kinds: [story, strength]", "kinds: story"), 9, "phases[0].prompts[0].kinds", "expected a list"},
		{"fields where a list belongs", replace("phases:\n", "phases:\n  discover: x\nignored:\n"), 4, "phases", "expected a list"},
		{"list where fields belong", "- id: test-guide\n", 1, "", "a guide is a set of fields"},
		{"bad kind", replace("kinds: [story, strength]", "kinds: [story, wish]"), 9, "phases[0].prompts[0].kinds[1]", `unknown kind "wish": a prompt can ask for opportunity, barrier, strength, aspiration, action or story`},
		{"kind twice", replace("kinds: [story, strength]", "kinds: [story, story]"), 9, "phases[0].prompts[0].kinds[1]", "listed twice"},
		{"duplicate phase id", secondPhase, 11, "phases[1].id", `phase "discover" appears twice`},
		{"duplicate prompt id", secondPrompt, 11, "phases[0].prompts[1].id", `prompt "best" appears twice`},
		{"missing title", replace("title: A test guide\n", ""), 1, "title", "needs a title"},
		{"missing phase title", replace("    title: Discover\n", ""), 4, "phases[0].title", "needs a title"},
		{"empty phases", "id: test-guide\ntitle: A test guide\nphases: []\n", 3, "phases", "at least one phase"},
		{"no phases at all", "id: test-guide\ntitle: A test guide\n", 1, "phases", "at least one phase"},
		{"phase without prompts", "id: test-guide\ntitle: T\nphases:\n  - id: a\n    title: A\n", 4, "phases[0].prompts", "at least one prompt"},
		{"bad id", replace("id: test-guide", "id: Test Guide"), 1, "id", "is not an ID"},
		{"bad timebox", replace("timebox: 10m", "timebox: soon"), 10, "phases[0].prompts[0].timebox", `"soon" is not a duration`},
		{"timebox without unit", replace("timebox: 10m", "timebox: 10"), 10, "phases[0].prompts[0].timebox", "not a duration"},
		{"timebox too long", replace("timebox: 10m", "timebox: 25h"), 10, "phases[0].prompts[0].timebox", "between 0 and 24h"},
		{"bad partner id", goodGuide + "partners:\n  - id: local-authority\n    label: Council\n  - id: NHS Board\n    label: NHS\n", 14, "partners[1].id", "is not an ID"},
		{"partner without label", goodGuide + "partners:\n  - id: council\n", 12, "partners[0].label", "needs a label"},
		{"theme clashing with a default", goodGuide + "themes:\n  - id: housing\n    label: Homes\n", 12, "themes[0].id", "already taken"},
		{"escape sequence in a prompt", replace("text: Tell us about a time it worked.", `text: "Tell us about a time it worked.\e[2J"`), 8, "phases[0].prompts[0].text", "control characters"},
		{"hostile field name", replace("        timebox: 10m", `        "\e]0;pwned\a": x`), 10, `phases[0].prompts[0]."\x1b]0;pwned\a"`, "unknown field"},
		{"alias", replace("    title: Discover", "    title: &t Discover\n    summary: *t"), 6, "phases[0].summary", "aliases"},
		{"nesting too deep", "id: " + strings.Repeat("[", 20000), 0, "", "exceeded max depth"},
		{"nesting deep but closed", "id: " + strings.Repeat("[", 9990) + strings.Repeat("]", 9990), 1, "id", "expected text, found a list"},
		{"two documents", goodGuide + "---\nid: other\n", 11, "", "one guide"},
		// Garbage after a first value is not a second document: say where.
		{"garbage after a value", "hello world\n: : :\n", 2, "", "not valid YAML"},
		{"garbage after a mapping", "{}\n}\n", 2, "", "not valid YAML"},
		{"garbage after the guide", goodGuide + "}}}\n", 11, "", "not valid YAML"},
		{"empty file", "", 0, "", "empty"},
	}
}()

type malformedGuide struct {
	name  string
	yaml  string
	line  int
	field string
	msg   string // a part of the message
}

func TestParseGuideReportsFileLineAndField(t *testing.T) {
	for _, c := range malformedGuides {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseGuide("guide.yaml", []byte(c.yaml))
			var ge *GuideError
			if !errors.As(err, &ge) {
				t.Fatalf("ParseGuide error = %v (%T), want a *GuideError", err, err)
			}
			if ge.File != "guide.yaml" || ge.Line != c.line || ge.Field != c.field || !strings.Contains(ge.Msg, c.msg) {
				t.Errorf("ParseGuide error = %#v\nwant file guide.yaml, line %d, field %q, message containing %q", ge, c.line, c.field, c.msg)
			}
			want := "guide.yaml"
			if c.line > 0 {
				want += fmt.Sprintf(":%d", c.line)
			}
			if c.field != "" {
				want += ": " + c.field
			}
			if got := err.Error(); !strings.HasPrefix(got, want+": ") || !strings.HasSuffix(got, ge.Msg) {
				t.Errorf("error string = %q, want %q followed by the message", got, want+": ")
			}
		})
	}
}

func TestParseGuideRefusesAHugeFile(t *testing.T) {
	big := goodGuide + "summary: " + strings.Repeat("x", maxGuideBytes) + "\n"
	_, err := ParseGuide("big.yaml", []byte(big))
	var ge *GuideError
	if !errors.As(err, &ge) || !strings.Contains(ge.Msg, "at most") {
		t.Errorf("ParseGuide of a %d-byte file = %v, want a GuideError about size", len(big), err)
	}
}

func TestDurationIsWrittenAsPeopleWriteIt(t *testing.T) {
	cases := []struct {
		d    time.Duration
		text string
	}{
		{0, "0s"},
		{10 * time.Minute, "10m"},
		{90 * time.Second, "1m30s"},
		{time.Hour + 30*time.Minute, "1h30m"},
		{2 * time.Hour, "2h"},
		{1500 * time.Millisecond, "1.5s"},
	}
	for _, c := range cases {
		d := Duration(c.d)
		if got := d.String(); got != c.text {
			t.Errorf("Duration(%v).String() = %q, want %q", c.d, got, c.text)
		}
		data, err := json.Marshal(d)
		if err != nil || string(data) != `"`+c.text+`"` {
			t.Errorf("json.Marshal(%v) = %s, %v; want %q", c.d, data, err, c.text)
		}
		var back Duration
		if err := json.Unmarshal(data, &back); err != nil || back != d {
			t.Errorf("json.Unmarshal(%s) = %v, %v; want %v", data, back, err, c.d)
		}
	}
}

func TestDurationRefusesNumbersAndNonsenseInJSON(t *testing.T) {
	for _, in := range []string{`600000000000`, `"ten minutes"`, `"10"`, `{}`, `""`} {
		var d Duration
		if err := json.Unmarshal([]byte(in), &d); err == nil {
			t.Errorf("json.Unmarshal(%s) = %v, nil; want an error", in, d)
		}
	}
}

func TestPromptWithoutTimeboxOmitsItInJSON(t *testing.T) {
	data, err := json.Marshal(Prompt{ID: "p", Text: "t"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "timebox") {
		t.Errorf("json = %s, want no timebox when there is none", data)
	}
}
