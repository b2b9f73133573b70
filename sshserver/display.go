package sshserver

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/tui"
	"github.com/anchorage/anchorage/tui/display"
)

// displaySuffix ends the SSH user name that opens a workshop's wall
// display: ssh -p 23234 CODE+display@HOST, with a facilitator's key.
const displaySuffix = "+display"

// displayCode is the join code in a user name that asks for the wall
// display, as parsed ("" if it is not one); ok is false for any other
// user name.
func displayCode(user string) (code string, ok bool) {
	typed, ok := strings.CutSuffix(user, displaySuffix)
	if !ok {
		return "", false
	}
	if c, err := inquiry.ParseJoinCode(typed); err == nil {
		return c.String(), true
	}
	return "", true
}

// displayScreen makes the wall display for a facilitator's session. The
// join line it shows is where this connection reached the server, which
// is where the room's laptops will reach it too (the machine's name when
// the facilitator connected from the server itself, as the join card
// has it).
func (s *Server) displayScreen(sess ssh.Session, v visitor, id, user string, width, height int) tea.Model {
	code, _ := displayCode(user)
	where := s.where(sess)
	return s.screens.display(tui.Session{
		ID: id, Context: sess.Context(), Room: s.store, Code: code,
		Actor: s.facilitatorActor(v.key), Width: width, Height: height,
	}, display.Join{Host: where.Host, Port: where.Port})
}
