package inquiry

// What a participant's screen needs of the shared fold when it opens, so
// that it starts from the fold rather than from the whole log: who the
// person is (ByIdentity, which follows merges to the one kept), and what
// they wrote.

// Authored is a participant's contributions in the order they added them,
// gone ones included. The slice and the contributions are the workshop's
// own: a reader of a shared fold copies what it keeps.
func (w *Workshop) Authored(participant string) []*Contribution {
	return w.authored[participant]
}
