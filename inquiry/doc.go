// Package inquiry holds the rules of an appreciative-inquiry workshop:
// guides, themes, partners, the events of a workshop's transcript and the
// views derived from them. It does no I/O and imports nothing else of ours,
// so every rule can be tested without a database or a terminal.
package inquiry
