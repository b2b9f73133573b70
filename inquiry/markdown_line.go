package inquiry

// MarkdownLine is one line of a person's text made safe to write into
// markdown: cleaned for a terminal, on one line, with every character that
// markdown would take as markup escaped. Other packages that write markdown
// (the join card) use it, so there is one escaping rule.
func MarkdownLine(s string) string { return mdLine(s) }
