package sshserver

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
)

// noColour reports whether the session's environment asks for no colour:
// NO_COLOR set to anything but the empty string, as no-color.org has it.
// (colorprofile honours only the values strconv.ParseBool takes for true,
// so NO_COLOR=yes would still get colour.)
func noColour(environ []string) bool {
	for _, kv := range environ {
		if name, value, _ := strings.Cut(kv, "="); name == "NO_COLOR" && value != "" {
			return true
		}
	}
	return false
}

// sessionEnviron is the session's environment as a screen sees it: what
// the client sent, with TERM from its PTY request last so that it wins.
func sessionEnviron(sess ssh.Session) []string {
	env := sess.Environ()
	if pty, _, ok := sess.Pty(); ok {
		env = append(env, "TERM="+pty.Term)
	}
	return env
}

// sessionProfile is the colour profile a screen is drawn with: from the
// session's TERM and COLORTERM (TERM=dumb gets no styling at all), and no
// colour when NO_COLOR is set (bold and reverse video stay, as the
// convention allows).
func sessionProfile(environ []string) colorprofile.Profile {
	p := colorprofile.Env(environ)
	if noColour(environ) && p > colorprofile.ASCII {
		p = colorprofile.ASCII
	}
	return p
}

// capProfile keeps a program to the session's profile: Bubble Tea raises
// its profile to true colour when the terminal reports the RGB capability,
// which a client can send unasked.
func capProfile(ceiling colorprofile.Profile, msg tea.Msg) tea.Msg {
	switch m := msg.(type) {
	case tea.CapabilityMsg:
		if ceiling < colorprofile.TrueColor {
			return nil
		}
	case tea.ColorProfileMsg:
		m.Profile = min(m.Profile, ceiling)
		return m
	}
	return msg
}
