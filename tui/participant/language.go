package participant

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/words"
)

// The join screen's two ways to suit the person: plain text (ctrl+p), for
// a screen reader or a dumb terminal, announced on the first line the
// screen sends; and the language (ctrl+g), which the client's LANG or
// LC_ALL chooses first, and which is recorded when they join.

// suitKeys are the join screen's keys for plain text and the language.
var suitKeys = struct{ Plain, Language key.Binding }{
	Plain:    bind("ctrl+p", "plain text", "ctrl+p"),
	Language: bind("ctrl+g", "language", "ctrl+g"),
}

// suiting is what the person chose of those: their language, whether they
// chose it, and whether they asked for plain text.
type suiting struct {
	lang   string
	chosen bool
	plain  bool
}

// suitingFor starts with the language the session's environment asks for,
// if the catalogue speaks it.
func suitingFor(s tui.Session) suiting {
	if code, ok := s.Catalogue.Match(s.Language); ok && s.Language != "" {
		return suiting{lang: code}
	}
	return suiting{lang: inquiry.DefaultLanguage}
}

// words are the catalogue's words in the person's language.
func (m *Screen) words() words.Words { return m.s.Catalogue.In(m.suit.lang) }

// say is the message under key in the person's language, its words
// filled in (see words.Words.Say).
func (m *Screen) say(key string, args ...any) string { return m.words().Say(key, args...) }

// count is the message under key for the count n, in the person's
// language (see words.Words.Count).
func (m *Screen) count(key string, n int, args ...any) string {
	return m.words().Count(key, n, args...)
}

// keys are bindings as the person's line of keys says them.
func (m *Screen) keys(bindings ...key.Binding) []key.Binding {
	return tui.KeysIn(m.words(), bindings...)
}

// friendly says what went wrong with something the store was asked, in
// the person's language.
func (m *Screen) friendly(err error) string { return tui.FriendlyIn(m.words(), err) }

// relabel puts the person's language on what the screen made before it
// was chosen, or that it keeps: the frame's words, the inputs'
// placeholders, the words the view tells news in.
func (m *Screen) relabel() {
	w := m.words()
	m.frame.Speak(w, w.Say("session.bye"), w.Say("session.shutdown"))
	m.frame.Keep = m.titleResume()
	if m.code != nil {
		m.code.Placeholder = w.Say("code.placeholder")
	}
	if m.join != nil {
		m.join.name.Placeholder = w.Say("join.name_placeholder")
		m.join.resume.input.Placeholder = w.Say("resume.placeholder")
		m.join.resume.input.Prompt = w.Say("resume.prompt") + " "
	}
	m.view.say = w
}

// words are the words the view tells news in: the person's language once
// the screen has set it, English before.
func (v *view) words() words.Words {
	if v.say == (words.Words{}) {
		return (*words.Catalogue)(nil).In(inquiry.DefaultLanguage)
	}
	return v.say
}

// suitKey handles the two keys on the join code and join form screens.
func (m *Screen) suitKey(msg tea.Msg) (tea.Cmd, bool) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || (m.stage != stageCode && m.stage != stageJoin) {
		return nil, false
	}
	switch {
	case key.Matches(k, suitKeys.Plain):
		m.suit.plain = true
		return m.frame.End(m.words().Say("join.plain_switch")), true
	case key.Matches(k, suitKeys.Language):
		langs := m.s.Catalogue.Languages()
		next := 0
		for i, l := range langs {
			if l.Code == m.suit.lang {
				next = (i + 1) % len(langs)
			}
		}
		m.suit.lang, m.suit.chosen = langs[next].Code, true
		m.relabel()
		return nil, true
	}
	return nil, false
}

// speakAsBefore puts the screen in the language the person joined in,
// for someone coming back who has not chosen one on this visit. English
// as they joined in does not outrank the language this client asks for:
// it is also what someone who never chose joined in.
func (m *Screen) speakAsBefore() {
	lang := m.view.language
	if m.suit.chosen || lang == "" || lang == inquiry.DefaultLanguage || lang == m.suit.lang {
		return
	}
	if code, ok := m.s.Catalogue.Match(lang); ok {
		m.suit.lang = code
		m.relabel()
	}
}

// plainLine is the first line's announcement of plain text.
func (m *Screen) plainLine() string { return m.words().Say("join.plain_key") }

// languageLine says the language chosen, and how to change it.
func (m *Screen) languageLine() string {
	return m.words().Say("join.language_key", "language", m.words().Name())
}

// Handoff reports whether the person asked for plain text, with the
// workshop's code if they reached it and the language if they chose one
// (otherwise plain text asks, offering the client's first).
func (m *Screen) Handoff() (tui.Handoff, bool) {
	if !m.suit.plain {
		return tui.Handoff{}, false
	}
	h := tui.Handoff{Code: m.view.code}
	if m.suit.chosen {
		h.Language = m.suit.lang
	}
	return h, true
}
