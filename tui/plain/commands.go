package plain

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// The commands that work at every question, each a word in English and
// in the person's language: a line that is just that word is the command,
// whatever the question.
var commands = []struct {
	english, key string
	run          func(*Screen) tea.Cmd
}{
	{"help", "plain.command.help", (*Screen).help},
	{"where", "plain.command.where", (*Screen).where},
	{"again", "plain.command.again", func(m *Screen) tea.Cmd { m.again(); return nil }},
	{"leave", "plain.command.leave", (*Screen).leave},
}

// command runs the command the line is, if it is one.
func (m *Screen) command(line string) (tea.Cmd, bool) {
	said := fold(line)
	if said == "" {
		return nil, false
	}
	for _, c := range commands {
		if said == c.english || m.means(c.key, said) {
			return c.run(m), true
		}
	}
	return nil, false
}

// means reports whether a folded answer is one of the words (separated by
// commas) a message gives.
func (m *Screen) means(key, said string) bool {
	for _, word := range strings.Split(m.w.Say(key), ",") {
		if fold(word) == said {
			return true
		}
	}
	return false
}

// word is the first of a message's words: how the screen names a command.
func (m *Screen) word(key string) string {
	first, _, _ := strings.Cut(m.w.Say(key), ",")
	return strings.TrimSpace(first)
}

// help says what can be typed at every question, then what this question
// takes.
func (m *Screen) help() tea.Cmd {
	m.say(m.w.Say("plain.help.commands", "help", m.word("plain.command.help"), "where", m.word("plain.command.where"),
		"again", m.word("plain.command.again"), "leave", m.word("plain.command.leave")))
	m.say(m.w.Say("plain.help.choices"))
	if m.q.help != "" {
		m.say(m.q.help)
	}
	return nil
}

// where says where the person is: the workshop, the prompt, the clock.
func (m *Screen) where() tea.Cmd {
	if m.room.id == "" {
		m.say(m.w.Say("plain.where.nowhere"))
		return nil
	}
	m.say(m.w.Say("plain.where.workshop", "title", m.room.title))
	if m.room.me == "" {
		m.say(m.w.Say("plain.where.joining"))
		return nil
	}
	if m.at.ref != "" {
		m.say(m.w.Say("plain.where.prompt", "place", m.place(m.at.ref)), m.promptWords(m.at.ref).Text)
	}
	if left := m.clock.left(m, m.at.ref); left != "" {
		m.say(left)
	}
	if m.room.resumeCode != "" && m.s.IdentityFor == nil {
		m.say(m.w.Say("plain.where.resume", "code", m.room.resumeCode))
	}
	return nil
}
