package inquiry

import "strings"

// Markdown gives meaning to punctuation, so a person's words written into a
// report as they are could become a heading, a link, a table, raw HTML or a
// list that was never there. These functions escape user text so that it
// renders as exactly the characters the person typed.

// mdSpecial are the characters escaped wherever they appear: emphasis (* _
// ~), code (`), links and images ([ ]), HTML and autolinks (< >), headings
// (#), tables (|), maths ($), entities (&), mentions of people and teams
// where reports are posted on a code-hosting site (@), and the escape
// itself (\).
// A bare URL is left as written: a renderer may make it clickable, but it
// shows exactly where it goes.
const mdSpecial = "\\`*_~[]<>#|$&@"

// mdLine is one line of user text fit for a heading, a table cell or a
// list item's label: cleaned for a terminal, on one line, escaped.
func mdLine(s string) string {
	return mdEscapeLine(CleanLine(s))
}

// mdText is user text that may run over several lines, escaped. Its line
// breaks are kept as hard breaks and its blank lines as paragraph breaks;
// every line after the first starts with indent, so the text stays inside
// the list item it is written into.
func mdText(s, indent string) string {
	var b strings.Builder
	pending := "" // the separator owed before the next line of text
	for line := range strings.Lines(CleanText(s)) {
		line = strings.TrimSpace(line)
		if line == "" {
			if b.Len() > 0 {
				pending = "\n\n" + indent
			}
			continue
		}
		b.WriteString(pending)
		b.WriteString(mdEscapeLine(line))
		// A backslash at the end of a line is a hard line break.
		pending = "\\\n" + indent
	}
	return b.String()
}

// mdEscapeLine escapes one line: the special characters anywhere, and the
// characters that only mean something at the start of a line (list items,
// block quotes, setext heading underlines).
func mdEscapeLine(line string) string {
	line = strings.TrimSpace(line)
	var b strings.Builder
	b.Grow(len(line) + 8)
	if line != "" && strings.ContainsRune("-+=", rune(line[0])) {
		b.WriteByte('\\')
	}
	// An ordered list item is digits then "." or ")": escape the mark.
	digits := 0
	for digits < len(line) && line[digits] >= '0' && line[digits] <= '9' {
		digits++
	}
	orderedMark := -1
	if digits > 0 && digits < len(line) && (line[digits] == '.' || line[digits] == ')') {
		orderedMark = digits
	}
	for i := 0; i < len(line); i++ {
		c := line[i]
		if i == orderedMark || strings.IndexByte(mdSpecial, c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}
