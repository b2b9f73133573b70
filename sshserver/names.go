package sshserver

import (
	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/inquiry"
)

// Facilitators and scribes are known by their key's fingerprint; the name
// they gave goes on every event they make (inquiry.Actor.Name), so that
// screens and exports show a name and the log alone says who acted.

// facilitatorActor is the actor for a facilitator's session: the key's
// fingerprint, with the name given at enrolment or, for a key listed in
// the facilitators file, in its comment field.
func (s *Server) facilitatorActor(key gossh.PublicKey) inquiry.Actor {
	a := inquiry.Actor{Role: inquiry.RoleFacilitator, ID: fingerprint(key)}
	if name, ok := s.store.FacilitatorName(a.ID); ok {
		a.Name = name
	} else {
		a.Name = s.facilitators.Name(key)
	}
	return a
}

// scribeActor is the actor for a scribe's session in the workshop with the
// join code: the key's fingerprint and the name they were enrolled with.
func (s *Server) scribeActor(key gossh.PublicKey, code string) inquiry.Actor {
	a := inquiry.Actor{Role: inquiry.RoleScribe, ID: fingerprint(key)}
	if w, ok := s.store.ByCode(code); ok {
		a.Name, _ = s.store.ScribeName(w.ID, a.ID)
	}
	return a
}
