package words

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// TestEveryMessageIsInEveryLanguage checks the built-in catalogue: every
// key English has, every language has, with every plural form CLDR says
// the language needs and no other, and the words to fill in that English
// has.
func TestEveryMessageIsInEveryLanguage(t *testing.T) {
	c := Builtin()
	en := c.books["en"]
	if got := c.Languages(); len(got) != 3 || got[0].Name != "English" || got[1].Name != "Gàidhlig" || got[2].Name != "Cymraeg" {
		t.Fatalf("the built-in languages are %+v, want English, Gàidhlig, Cymraeg", got)
	}
	for _, lang := range []string{"gd", "cy"} {
		b := c.books[lang]
		needed := formsNeeded(b.tag)
		for key, ref := range en.messages {
			m, ok := b.messages[key]
			if !ok {
				t.Errorf("%s has no message %s", lang, key)
				continue
			}
			if (ref.forms == nil) != (m.forms == nil) {
				t.Errorf("%s: %s has a count in one language and not the other", lang, key)
				continue
			}
			for _, f := range needed {
				if ref.forms != nil && m.forms[f] == "" {
					t.Errorf("%s: %s has no %s form", lang, key, formNames[f])
				}
			}
			for _, text := range m.texts() {
				for name := range placeholders(text) {
					if !placeholders(ref.texts()...)[name] {
						t.Errorf("%s: %s fills in {%s}, which English does not", lang, key, name)
					}
				}
			}
		}
		if n := c.Missing(lang); n != 0 {
			t.Errorf("%s lacks %d messages", lang, n)
		}
	}
}

// TestPluralFormsFollowCLDR checks the forms each language's counts take,
// as a Welsh or Gaelic speaker says them.
func TestPluralFormsFollowCLDR(t *testing.T) {
	tests := []struct {
		lang  string
		forms map[int]plural.Form
		need  []plural.Form
	}{
		{"en", map[int]plural.Form{0: plural.Other, 1: plural.One, 2: plural.Other, 11: plural.Other}, []plural.Form{plural.One, plural.Other}},
		{"cy", map[int]plural.Form{0: plural.Zero, 1: plural.One, 2: plural.Two, 3: plural.Few, 4: plural.Other, 6: plural.Many, 7: plural.Other, 100: plural.Other},
			[]plural.Form{plural.Zero, plural.One, plural.Two, plural.Few, plural.Many, plural.Other}},
		{"gd", map[int]plural.Form{0: plural.Other, 1: plural.One, 2: plural.Two, 3: plural.Few, 10: plural.Few, 11: plural.One, 12: plural.Two, 19: plural.Few, 20: plural.Other},
			[]plural.Form{plural.One, plural.Two, plural.Few, plural.Other}},
	}
	for _, tt := range tests {
		tag := language.Make(tt.lang)
		for n, want := range tt.forms {
			if got := formFor(tag, n); got != want {
				t.Errorf("%s: %d takes form %s, want %s", tt.lang, n, formNames[got], formNames[want])
			}
		}
		if got := formsNeeded(tag); !slices.Equal(got, tt.need) {
			t.Errorf("%s needs forms %s, want %s", tt.lang, formList(got), formList(tt.need))
		}
	}
	cy := Builtin().In("cy")
	if got := cy.Count("vote.saved", 2); !strings.Contains(got, "2 ddot") {
		t.Errorf("two dots in Welsh: %q", got)
	}
	gd := Builtin().In("gd")
	if one, eleven := gd.Count("vote.saved", 1), gd.Count("vote.saved", 11); one == gd.Count("vote.saved", 3) || !strings.Contains(eleven, "11") {
		t.Errorf("Gaelic's one (%q) and few must differ; eleven takes the one form: %q", one, eleven)
	}
}

func TestSayFillsInWordsAndFallsBack(t *testing.T) {
	w := Builtin().In("en")
	if got := w.Say("write.saved", "kind", "story", "text", "The hall"); got != "Saved: story, “The hall”." {
		t.Errorf("Say = %q", got)
	}
	if got := w.Count("mine.heading", 1); got != "Your 1 contribution:" {
		t.Errorf("Count(1) = %q", got)
	}
	if got := w.Say("no.such.message"); got != "no.such.message" {
		t.Errorf("a missing key says %q, want the key", got)
	}
	if fr := Builtin().In("fr"); fr.Lang() != "en" {
		t.Errorf("a language the catalogue lacks speaks %s, want English", fr.Lang())
	}
	cy := Builtin().In("cy")
	if cy.Kind("barrier") != "rhwystr" || cy.Organisation("NHS / health and social care") != "GIG / iechyd a gofal cymdeithasol" {
		t.Errorf("labels in Welsh: %q, %q", cy.Kind("barrier"), cy.Organisation("NHS / health and social care"))
	}
}

func TestTheEnvironmentChoosesALanguage(t *testing.T) {
	tests := []struct {
		env  []string
		want string
	}{
		{[]string{"LANG=cy_GB.UTF-8"}, "cy"},
		{[]string{"LANG=en_GB.UTF-8", "LC_ALL=gd_GB.utf8"}, "gd"},
		{[]string{"LANG=cy_GB", "LC_MESSAGES=gd_GB@latin"}, "gd"},
		{[]string{"LANG=C.UTF-8"}, ""},
		{[]string{"LANG=POSIX"}, ""},
		{[]string{"TERM=dumb"}, ""},
		{[]string{"LANG=\x1b[2J"}, ""},
	}
	for _, tt := range tests {
		if got := FromEnviron(tt.env); got != tt.want {
			t.Errorf("FromEnviron(%q) = %q, want %q", tt.env, got, tt.want)
		}
	}
	if code, ok := Builtin().Match("cy-GB"); !ok || code != "cy" {
		t.Errorf("Match(cy-GB) = %s, %v", code, ok)
	}
}

// TestAFacilitatorsFileLaysOverALanguage loads a folder with a Welsh file
// of a facilitator's own: its messages replace the built-in ones, the
// rest stay, and the built-in catalogue is untouched.
func TestAFacilitatorsFileLaysOverALanguage(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "cy.yaml", "language: cy\nname: Cymraeg (ein un ni)\nmessages:\n  session.bye: Da bo chi.\n")
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	cy := c.In("cy")
	if cy.Say("session.bye") != "Da bo chi." || cy.Name() != "Cymraeg (ein un ni)" || cy.Kind("barrier") != "rhwystr" {
		t.Errorf("after laying over: %q, %q, %q", cy.Say("session.bye"), cy.Name(), cy.Kind("barrier"))
	}
	if Builtin().In("cy").Say("session.bye") == "Da bo chi." {
		t.Error("loading a folder changed the built-in catalogue")
	}
}

func TestABadMessageFileIsNamedWithItsLine(t *testing.T) {
	tests := []struct {
		name, file, content, want string
	}{
		{"unknown key", "cy.yaml", "language: cy\nname: Cymraeg\nmessages:\n  session.byee: Hwyl.\n", "cy.yaml:4: session.byee: no such message"},
		{"a missing form", "cy.yaml", "language: cy\nname: Cymraeg\nmessages:\n  mine.heading:\n    one: \"{n}\"\n    other: \"{n}\"\n", "cy.yaml:5: mine.heading: Cymraeg needs the plural forms zero, one, two, few, many, other: zero is missing"},
		{"a form English lacks", "en.yaml", "language: en\nname: English\nmessages:\n  mine.heading:\n    one: \"{n}\"\n    few: \"{n}\"\n    other: \"{n}\"\n", "English has no plural form few"},
		{"a word English does not fill in", "cy.yaml", "language: cy\nname: Cymraeg\nmessages:\n  session.bye: \"Hwyl, {name}.\"\n", "{name} is not a word this message fills in"},
		{"escape sequences", "cy.yaml", "language: cy\nname: Cymraeg\nmessages:\n  session.bye: \"Hwyl\\e[2J\"\n", "without control characters"},
		{"a stray brace", "cy.yaml", "language: cy\nname: Cymraeg\nmessages:\n  session.bye: \"Hwyl {\"\n", "a { must start a word to fill in"},
		{"the wrong file name", "wales.yaml", "language: cy\nname: Cymraeg\nmessages:\n  session.bye: Hwyl.\n", "must be named cy.yaml"},
		{"not a language", "Welsh.yaml", "language: Welsh\nname: Cymraeg\nmessages: {}\n", "language must be a language code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, tt.file, tt.content)
			_, err := Load(dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Load = %v, want an error containing %q", err, tt.want)
			}
		})
	}
	if _, err := Load(t.TempDir()); err == nil || !strings.Contains(err.Error(), "no message files") {
		t.Errorf("an empty folder: %v", err)
	}
}

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestTheFullScreensLabelsComeFromTheCatalogue: what keys do and the
// kinds' names, as lines of keys and lists show them, in the language,
// and as given where the catalogue has no words for them.
func TestTheFullScreensLabelsComeFromTheCatalogue(t *testing.T) {
	en, cy, gd := Builtin().In("en"), Builtin().In("cy"), Builtin().In("gd")
	tests := []struct{ got, want string }{
		{en.Key("back to writing"), "back to writing"},
		{cy.Key("back to writing"), "yn ôl i ysgrifennu"},
		{gd.Key("agree (+1)"), "aontaich (+1)"},
		{cy.Key("juggle"), "juggle"},
		{en.KindLabel("reframe"), "Reframe"},
		{gd.KindLabel("barrier"), "Cnap-starra"},
		{cy.KindLabel("wish"), "Wish"},
		{cy.Count("vote.dots_saved", 2), "Mae eich 2 ddot wedi'u cadw ✓ Gallwch eu symud nes i'r bleidlais gau."},
		{gd.Count("vote.left", 3, "left", 1), "1 de 3 air fhàgail"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
	if texts := cy.Texts(); len(texts["vote.dots_saved"]) != 6 || texts["key.back"][0] != "yn ôl" {
		t.Errorf("Texts gives %q and %q", texts["vote.dots_saved"], texts["key.back"])
	}
}
