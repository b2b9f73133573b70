package card

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/charmbracelet/x/ansi"
)

// Columns is the width of the text card: it fits an 80-column terminal
// and a page printed in a fixed-width font.
const Columns = 80

// writeText writes the card as plain text of at most Columns columns, with
// the QR code drawn in half-block characters, dark on light.
func writeText(w io.Writer, c Card) error {
	code, err := c.QR()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(w)
	// The card is blocks of lines with a blank line between them; a QR
	// code's block keeps its quiet zone's blank lines inside it.
	var blocks [][]string
	add := func(ls ...string) { blocks = append(blocks, ls) }
	head := append(inquiry.Wrap(inquiry.CleanLine(c.Title), Columns), inquiry.Wrap(c.Date+" · join code: "+c.Code, Columns)...)
	add(append(head, strings.Repeat("=", Columns))...)
	for _, s := range c.sections() {
		add(strings.ToUpper(s.Heading))
		for _, st := range s.Steps {
			text := st.Text
			if st.Label != "" {
				text = st.Label + ": " + text
			}
			add(inquiry.Wrap(text, Columns)...)
			if st.Type != "" {
				add(exact(st.Type))
			}
			if st.After != "" {
				add(inquiry.Wrap(st.After, Columns)...)
			}
		}
		if s.ID == "phone" {
			var qr []string
			for _, l := range code.HalfBlocks(false) {
				qr = append(qr, "  "+l)
			}
			// The quiet zone's first and last lines are the blank lines
			// around the block.
			add(qr[1 : len(qr)-1]...)
		}
	}
	var lines []string
	for i, b := range blocks {
		if i > 0 {
			lines = append(lines, "")
		}
		lines = append(lines, b...)
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > Columns {
			return fmt.Errorf("%w: %q is wider than %d columns: use a shorter --host (an IP address), or --format html",
				inquiry.ErrInvalid, l, Columns)
		}
		fmt.Fprintln(out, strings.TrimRight(l, " "))
	}
	return out.Flush()
}

// exact is a line to type, indented where it fits: a line to type is never
// wrapped, since a broken command no longer works.
func exact(line string) string {
	if ansi.StringWidth(line)+4 <= Columns {
		return "    " + line
	}
	return line
}

// writeMarkdown writes the card as markdown, for a message or a wiki: lines
// to type in code blocks, the QR code in half-blocks in a text block.
func writeMarkdown(w io.Writer, c Card) error {
	code, err := c.QR()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(w)
	fmt.Fprintf(out, "# %s\n\n", inquiry.MarkdownLine(c.Title))
	fmt.Fprintf(out, "**%s** · join code `%s`\n", inquiry.MarkdownLine(c.Date), c.Code)
	for _, s := range c.sections() {
		fmt.Fprintf(out, "\n## %s\n\n", s.Heading)
		for _, st := range s.Steps {
			if st.Label != "" {
				fmt.Fprintf(out, "**%s:** ", st.Label)
			}
			fmt.Fprintf(out, "%s\n\n", st.Text)
			if st.Type != "" {
				fmt.Fprintf(out, "```text\n%s\n```\n\n", st.Type)
			}
			if st.After != "" {
				fmt.Fprintf(out, "%s\n\n", st.After)
			}
		}
		if s.ID == "phone" {
			fmt.Fprintf(out, "```text\n%s\n```\n", strings.Join(code.HalfBlocks(false), "\n"))
		}
	}
	return out.Flush()
}
