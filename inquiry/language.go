package inquiry

import "regexp"

// Languages. A guide's words are in one language, and may be given in
// others too (see Guide.Language and Prompt.Languages); a participant
// takes part in one, recorded when they join (ParticipantDetails.Language)
// and named in exports. A language is written as its ISO 639 code, lower
// case: "en", "gd", "cy".

// DefaultLanguage is the language of a guide that does not name its own.
const DefaultLanguage = "en"

// languageCode is what a language code looks like: two or three lower-case
// letters, the ISO 639 code without a region (a workshop does not need to
// tell Scottish English from Welsh English).
var languageCode = regexp.MustCompile(`^[a-z]{2,3}$`)

// ValidLanguage reports whether code is written as a language code.
func ValidLanguage(code string) bool { return languageCode.MatchString(code) }

// languageNames are the names of the languages Anchorage speaks, each in
// itself, for reports that say which language someone took part in.
var languageNames = map[string]string{"en": "English", "gd": "Gàidhlig", "cy": "Cymraeg"}

// LanguageName is a language's name in itself ("Cymraeg"), or its code
// for a language Anchorage does not know by name.
func LanguageName(code string) string {
	if name, ok := languageNames[code]; ok {
		return name
	}
	return code
}
