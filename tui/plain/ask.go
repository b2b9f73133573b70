package plain

import (
	"strconv"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/anchorage/anchorage/inquiry"
)

// question is what the line the person types answers.
type question struct {
	// lines ask it; again says them again, or again's own lines if it
	// has them (the whole prompt, for the words written at it).
	lines, again []string
	// answer takes the line, trimmed.
	answer func(string) tea.Cmd
	// draft is the prompt whose words are being written, kept as a draft
	// as they are typed; "" for any other question.
	draft inquiry.PromptRef
	// words marks a question answered with people's words, whose line
	// breaks a paste may send as enter (see pasteGap); one with a draft
	// is one too.
	words bool
	// help says more about this question, after the commands.
	help string
	// free marks the questions of someone between errands (their words at
	// a prompt, the menu), whom the facilitator's opening a prompt moves
	// at once; lobby the question of someone waiting to be let in.
	free, lobby bool
}

// pose asks a question.
func (m *Screen) pose(q question) {
	m.q = q
	m.say(q.lines...)
}

// again asks the question again.
func (m *Screen) again() {
	if m.q.again != nil {
		m.say(m.q.again...)
		return
	}
	m.say(m.q.lines...)
}

// retry tells the person what was wrong with their answer; the question
// stands.
func (m *Screen) retry(why string) { m.say(why) }

// choice is a question whose answer is one of a numbered list.
type choice struct {
	// label and options make the list: "Kind: 1 strength, 2 story."
	label   string
	options []string
	// byDefault is the option enter chooses, -1 for none; onEnter, if
	// given, says what enter does in words ("to not say") rather than by
	// the option's name.
	byDefault int
	onEnter   string
	// chosen takes the option's index, or -1 for enter when byDefault is -1.
	chosen func(int) tea.Cmd
	help   string
	free   bool
}

// ask poses a choice: the list on one line, then what to type.
func (m *Screen) ask(c choice) {
	m.pose(question{lines: []string{m.list(c.label, c.options), m.howToChoose(c)}, help: c.help, free: c.free, answer: func(s string) tea.Cmd {
		if s == "" {
			return c.chosen(c.byDefault)
		}
		i, ok := pick(s, c.options)
		if !ok {
			m.retry(m.w.Count("plain.choice.retry", len(c.options), "how", m.howToChoose(c)))
			return nil
		}
		return c.chosen(i)
	}})
}

// list is a numbered list on one line: "Kind: 1 strength, 2 story."
func (m *Screen) list(label string, options []string) string {
	items := make([]string, len(options))
	for i, o := range options {
		items[i] = strconv.Itoa(i+1) + " " + o
	}
	return m.w.Say("plain.choice.list", "label", label, "items", strings.Join(items, ", "))
}

// howToChoose says what to type, and what enter does.
func (m *Screen) howToChoose(c choice) string {
	if c.onEnter == "" && c.byDefault >= 0 {
		return m.w.Say("plain.choice.enter_for", "option", c.options[c.byDefault])
	}
	return m.w.Say("plain.choice.enter_to", "action", c.onEnter)
}

// pick reads a choice: its number, or the start of its name ("barr" for
// barrier), without regard to capitals or accents.
func pick(s string, options []string) (int, bool) {
	if n, err := strconv.Atoi(strings.TrimSuffix(s, ".")); err == nil {
		return n - 1, n >= 1 && n <= len(options)
	}
	found := -1
	for i, o := range options {
		if strings.HasPrefix(fold(o), fold(s)) {
			if found >= 0 {
				return 0, false // the start of more than one
			}
			found = i
		}
	}
	return found, found >= 0
}

// numbers reads a list of numbers from 1 to n ("1 3", "1, 3"), in the order
// typed, repeats kept.
func numbers(s string, n int) ([]int, bool) {
	var out []int
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		i, err := strconv.Atoi(strings.TrimSuffix(f, "."))
		if err != nil || i < 1 || i > n {
			return nil, false
		}
		out = append(out, i-1)
	}
	return out, len(out) > 0
}

// fold is text as answers are compared: lower case, without accents, so
// that "caite" finds "càite".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, strings.ToLower(strings.TrimSpace(s)))
	if err != nil {
		return strings.ToLower(strings.TrimSpace(s))
	}
	return out
}

// isYes reports whether an answer says yes, in English or the person's
// language.
func (m *Screen) isYes(s string) bool {
	s = fold(s)
	if s == "yes" || s == "y" {
		return true
	}
	for _, word := range strings.Split(m.w.Say("plain.answer.yes"), ",") {
		if fold(word) == s {
			return true
		}
	}
	return false
}
