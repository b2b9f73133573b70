package words

import (
	"slices"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// formNames are the plural forms as CLDR names them, and as message files
// write them.
var formNames = map[plural.Form]string{
	plural.Zero: "zero", plural.One: "one", plural.Two: "two",
	plural.Few: "few", plural.Many: "many", plural.Other: "other",
}

// formOrder is the order forms are listed in messages to a person.
var formOrder = []plural.Form{plural.Zero, plural.One, plural.Two, plural.Few, plural.Many, plural.Other}

// formNamed is the form a message file names, and whether it is one.
func formNamed(name string) (plural.Form, bool) {
	for f, n := range formNames {
		if n == name {
			return f, true
		}
	}
	return 0, false
}

// formFor is the plural form a whole number takes in a language.
func formFor(tag language.Tag, n int) plural.Form {
	if n < 0 {
		n = -n
	}
	return plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)
}

// formsNeeded are the plural forms whole numbers take in a language, in
// formOrder: CLDR's rules repeat within the first thousand (Welsh's "many"
// is 6 alone, Gaelic's "one" 1 and 11), so every form a count on a screen
// can take shows up there.
func formsNeeded(tag language.Tag) []plural.Form {
	seen := map[plural.Form]bool{}
	for n := range 1001 {
		seen[formFor(tag, n)] = true
	}
	var out []plural.Form
	for _, f := range formOrder {
		if seen[f] {
			out = append(out, f)
		}
	}
	return slices.Clip(out)
}
