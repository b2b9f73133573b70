// Package words is the message catalogue: every word a participant's
// screen shows, in each language Anchorage speaks (English, Gàidhlig and
// Cymraeg to begin with), with the plural forms each language needs.
//
// Each language is one file in messages/, embedded in the server: a
// language code, the language's name in itself, and its messages by key.
// Keys are named by the screen and what the words are for ("join.name.ask",
// "vote.saved"), so a screen's words are found together. A message with a
// count is a set of plural forms, as CLDR names them (zero, one, two,
// few, many, other), and only the forms the language uses: Welsh has all
// six, Gaelic one, two, few and other, English one and other. Which form
// a count takes comes from CLDR's rules (golang.org/x/text/feature/plural).
// Words to fill in are named in braces: "Saved: {kind}, “{text}”."
//
// A facilitator can lay their own file over a language (Load, serve
// --messages DIR): its messages replace the built-in ones, and a message
// it leaves out keeps the built-in one. A file is checked as it is read,
// against English: no unknown keys, the plural forms the language needs,
// no words to fill in that English does not have, nothing a terminal
// would act on. A language a screen asks for that has no message under a
// key falls back to English.
package words
