package tui

import (
	"io"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
)

// Terminal is the person's end of a screen as the server has it: where
// keys come from and frames go, what the terminal says of itself, and its
// size. tui knows nothing of SSH: sshserver fills this in from a session.
type Terminal struct {
	// Input is what the person types; nil for none (a test sends the
	// program its keys).
	Input io.Reader
	// Output receives the painted frames.
	Output io.Writer
	// Environ is the session's environment, its TERM included: it decides
	// the colour profile (see Profile).
	Environ []string
	// Width and Height are the terminal's size at the start, already
	// within Clamp's limits.
	Width, Height int
	// Clamp keeps every size the terminal claims within the server's
	// limits: a client can claim any size, and a screen lays out (and the
	// painter keeps) every row and column it is given. Nil keeps sizes as
	// claimed.
	Clamp func(width, height int) (int, int)
}

// Profile is the colour profile a screen is drawn with: from the session's
// TERM and COLORTERM, and no colour when NO_COLOR is set. The painter
// writes no less than ASCII's styling whatever the profile (bold and
// reverse video mark where the focus is), so TERM=dumb and NO_COLOR get
// no colour but keep those, as the NO_COLOR convention allows.
func Profile(environ []string) colorprofile.Profile {
	p := colorprofile.Env(environ)
	if noColour(environ) && p > colorprofile.ASCII {
		p = colorprofile.ASCII
	}
	return p
}

// noColour reports whether the environment asks for no colour: NO_COLOR
// set to anything but the empty string, as no-color.org has it.
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

// filter is every message's way into a screen: it clamps the window sizes
// a client claims, keeps the colour profile within the session's (see
// capProfile), and resumes at once from a suspend (ctrl+z), since there is
// no shell on the server's side to return to.
func filter(clamp func(w, h int) (int, int), profile colorprofile.Profile) func(tea.Model, tea.Msg) tea.Msg {
	return func(_ tea.Model, msg tea.Msg) tea.Msg {
		switch m := msg.(type) {
		case tea.WindowSizeMsg:
			if clamp != nil {
				m.Width, m.Height = clamp(m.Width, m.Height)
			}
			return m
		case tea.SuspendMsg:
			return tea.ResumeMsg{}
		}
		return capProfile(profile, msg)
	}
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
