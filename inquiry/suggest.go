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
// It runs as people type, so it avoids regular expressions; building the
// keyword index costs about as much as reading a short paragraph.
func SuggestThemes(text string, themes []Theme) []string {
	words := textWords(text)
	if len(words) == 0 {
		return nil
	}
	index := newKeywordIndex(themes)
	scores := make([]int, len(themes))
	for i, word := range words {
		for _, k := range index[word[0]] {
			if k.matchesAt(words, i) {
				scores[k.theme] += len(k.stems)
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
		ids = append(ids, themes[t].ID)
	}
	return ids
}

// keyword is one theme keyword split into the stems it matches.
type keyword struct {
	theme int
	stems []string
}

// keywordIndex holds the keywords by the first byte of their first stem,
// so each word of the text is compared with only a few of them.
type keywordIndex map[byte][]keyword

func newKeywordIndex(themes []Theme) keywordIndex {
	index := keywordIndex{}
	for t, theme := range themes {
		for _, k := range theme.Keywords {
			stems := keywordWords(k)
			if len(stems) == 0 {
				continue
			}
			first := stems[0][0]
			index[first] = append(index[first], keyword{theme: t, stems: stems})
		}
	}
	return index
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
// and "council's" is "council" "s".
func textWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// keywordWords splits a keyword into its stems the same way as the text
// it is matched against.
func keywordWords(keyword string) []string { return textWords(keyword) }
