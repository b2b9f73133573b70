package inquiry

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSuggestions is how many themes SuggestThemes offers: enough to catch a
// contribution that spans topics, few enough to read at a glance.
const maxSuggestions = 3

// shortStem is the longest stem that must match a whole word. Short stems
// are too easily the start of an unrelated word ("gp" of "gpu", "care" of
// "career", "land" of "landlord"), so they match only the word itself or
// its plural with "s" or "es".
const shortStem = 4

// SuggestThemes suggests up to three themes for a contribution's text, as
// theme IDs, best first. It works offline from each theme's keywords: a
// keyword is one or more stems, each matching at the start of a word
// ("volunteer" matches "volunteering"), and a keyword of several words
// ("social care") matches those words in a row. Each match scores the
// number of words in the keyword; themes with equal scores keep the order
// of the list given, so the same text always gets the same suggestions.
// It returns nil when nothing matches.
//
// Suggesting runs as people type: a screen that suggests for the same
// theme list again and again can build a ThemeIndex once and reuse it.
func SuggestThemes(text string, themes []Theme) []string {
	return NewThemeIndex(themes).Suggest(text)
}

// ThemeIndex is a theme list's keywords, ready to match text against. It
// does not change once built, so one index can serve many sessions.
type ThemeIndex struct {
	ids []string
	// byStem holds the keywords by their first stem, so each word of the
	// text is looked up by its own prefixes instead of compared with every
	// keyword.
	byStem map[string][]keyword
	// longest is the length in bytes of the longest first stem: no longer
	// prefix of a word can find anything.
	longest int
}

// keyword is one theme keyword split into the stems it matches.
type keyword struct {
	theme int
	stems []string
}

// NewThemeIndex prepares a theme list's keywords for Suggest.
func NewThemeIndex(themes []Theme) *ThemeIndex {
	x := &ThemeIndex{ids: make([]string, len(themes)), byStem: map[string][]keyword{}}
	for t, theme := range themes {
		x.ids[t] = theme.ID
		for _, k := range theme.Keywords {
			stems := keywordWords(k)
			if len(stems) == 0 {
				continue
			}
			first := stems[0]
			x.byStem[first] = append(x.byStem[first], keyword{theme: t, stems: stems})
			x.longest = max(x.longest, len(first))
		}
	}
	return x
}

// Suggest is SuggestThemes for the index's theme list.
func (x *ThemeIndex) Suggest(text string) []string {
	words := textWords(text)
	if len(words) == 0 {
		return nil
	}
	scores := make([]int, len(x.ids))
	for i, word := range words {
		for n := 1; n <= min(len(word), x.longest); n++ {
			for _, k := range x.byStem[word[:n]] {
				if k.matchesAt(words, i) {
					scores[k.theme] += len(k.stems)
				}
			}
		}
	}
	var found []int
	for t, score := range scores {
		if score > 0 {
			found = append(found, t)
		}
	}
	// A stable sort keeps the list order among equal scores.
	slices.SortStableFunc(found, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
	var ids []string
	for _, t := range found[:min(len(found), maxSuggestions)] {
		ids = append(ids, x.ids[t])
	}
	return ids
}

// matchesAt reports whether the keyword's stems begin the words at i.
func (k keyword) matchesAt(words []string, i int) bool {
	if i+len(k.stems) > len(words) {
		return false
	}
	for j, stem := range k.stems {
		if !stemMatches(words[i+j], stem) {
			return false
		}
	}
	return true
}

// stemMatches reports whether word begins with stem, under the whole-word
// rule for short stems.
func stemMatches(word, stem string) bool {
	if !strings.HasPrefix(word, stem) {
		return false
	}
	if utf8.RuneCountInString(stem) > shortStem {
		return true
	}
	rest := word[len(stem):]
	return rest == "" || rest == "s" || rest == "es"
}

// textWords splits text into lower-case words of letters and digits.
// Everything else separates words, so "co-production" is "co" "production"
// and "council's" is "council" "s". The words share the lowered text's
// memory; ASCII, the common case, is judged without decoding runes.
func textWords(text string) []string {
	lower := strings.ToLower(text)
	words := make([]string, 0, len(lower)/6+1)
	start := -1
	for i := 0; i < len(lower); {
		c, size := lower[i], 1
		var inWord bool
		if c < utf8.RuneSelf {
			inWord = 'a' <= c && c <= 'z' || '0' <= c && c <= '9'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(lower[i:])
			inWord = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			words = append(words, lower[start:i])
			start = -1
		}
		i += size
	}
	if start >= 0 {
		words = append(words, lower[start:])
	}
	return words
}

// keywordWords splits a keyword into its stems the same way as the text
// it is matched against.
func keywordWords(keyword string) []string { return textWords(keyword) }
