package words

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
)

// Words are a catalogue's messages in one language, ready to be said. The
// zero value is not usable: get one from Catalogue.In.
type Words struct {
	b, en *book
}

// Lang is the language's code.
func (w Words) Lang() string { return w.b.lang }

// Name is the language's name in itself.
func (w Words) Name() string { return w.b.name }

// Has reports whether there is a message under key, in this language or
// in English.
func (w Words) Has(key string) bool {
	_, ok := w.message(key)
	return ok
}

// Say is the message under key with its words filled in: args are names
// and values in turn ("kind", "Barrier", "text", "…"), as log/slog takes
// them. A key with no message says the key itself, so a mistake shows.
func (w Words) Say(key string, args ...any) string {
	m, ok := w.message(key)
	if !ok {
		return key
	}
	text := m.text
	if m.forms != nil {
		text = m.forms[formFor(w.b.tag, 0)]
	}
	return fill(text, args)
}

// Count is the message under key in the plural form n takes in the
// language, with {n} and the other words filled in.
func (w Words) Count(key string, n int, args ...any) string {
	m, ok := w.message(key)
	if !ok {
		return key
	}
	text := m.text
	if m.forms != nil {
		tag := w.b.tag
		if _, own := w.b.messages[key]; !own {
			tag = w.en.tag
		}
		text = m.forms[formFor(tag, n)]
	}
	return fill(text, append([]any{"n", n}, args...))
}

// Texts are the language's own messages by key, each a list of its words
// (one for each plural form of a message with a count), without English
// where the language has none: for checks that compare what languages
// say, such as a screen in Welsh showing no English.
func (w Words) Texts() map[string][]string {
	out := make(map[string][]string, len(w.b.messages))
	for key, m := range w.b.messages {
		out[key] = m.texts()
	}
	return out
}

// message finds a message in the language, or failing that in English.
func (w Words) message(key string) (message, bool) {
	if m, ok := w.b.messages[key]; ok {
		return m, true
	}
	m, ok := w.en.messages[key]
	return m, ok
}

// fill puts the values of args (names and values in turn) in place of the
// names in braces.
func fill(text string, args []any) string {
	if !strings.Contains(text, "{") {
		return text
	}
	pairs := make([]string, 0, len(args))
	for i := 0; i+1 < len(args); i += 2 {
		pairs = append(pairs, "{"+fmt.Sprint(args[i])+"}", value(args[i+1]))
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

func value(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	}
	return fmt.Sprint(v)
}

// Kind is a kind of contribution as the language names it.
func (w Words) Kind(k inquiry.Kind) string { return w.or("kind."+string(k), string(k)) }

// KindLabel is a kind of contribution as a list or a heading names it,
// with a capital: "Opportunity", "Reframe"; as inquiry labels it for a
// kind the catalogue does not know.
func (w Words) KindLabel(k inquiry.Kind) string { return w.or("kind_label."+string(k), k.Label()) }

// Key is what a key does, as a line of keys says it in the language:
// does is the English ("back to writing"), and the message's key is
// "key." and its words joined by hyphens ("key.back-to-writing"). Words
// the catalogue does not have are said as given.
func (w Words) Key(does string) string { return w.or("key."+slug(does), does) }

// Theme is a theme's label in the language; a theme the catalogue does not
// know (a guide's own, one a facilitator added) as it was labelled.
func (w Words) Theme(t inquiry.Theme) string { return w.or("theme."+t.ID, t.Label) }

// Partner is a partner's label in the language, or as labelled.
func (w Words) Partner(p inquiry.Partner) string { return w.or("partner."+p.ID, p.Label) }

// Organisation is one of inquiry.OrganisationTypes in the language, or as
// given.
func (w Words) Organisation(label string) string {
	return w.or("organisation."+slug(label), label)
}

func (w Words) or(key, otherwise string) string {
	if !w.Has(key) {
		return otherwise
	}
	return w.Say(key)
}

// slug is a label as a key's last word: "NHS / health and social care"
// is "nhs-health-and-social-care".
func slug(label string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(label) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
