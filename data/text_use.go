package data

// TextUse is Storage as a screen reads it (screens know nothing of this
// package's types): the bytes of people's words the workshop holds, its
// budget (0 for none), and whether facilitators are to be warned. An
// unknown workshop uses nothing.
func (s *Store) TextUse(workshopID string) (used, budget int64, warn bool) {
	st, err := s.Storage(workshopID)
	if err != nil {
		return 0, 0, false
	}
	return st.Used, st.Budget, st.Warning()
}
