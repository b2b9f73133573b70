package sshserver

import (
	"fmt"
	"io"
	"net"
	"os"
	"strings"

	"charm.land/ssh"
	"github.com/anchorage/anchorage/inquiry/card"
	"github.com/anchorage/anchorage/sshserver/command"
	"github.com/spf13/cobra"
)

// runCommand runs `ssh HOST workshop list` and the like: the facilitator's
// command tree, with the session's input, output and exit status. Every
// command needs a facilitator's key.
func (s *Server) runCommand(sess ssh.Session, v visitor) {
	if !v.facilitator {
		s.refuse(sess.Stderr(), sess, v)
		return
	}
	root := s.commandRoot(sess, v)
	status := command.Execute(sess.Context(), root, commandWords(sess), sess, sess, sess.Stderr())
	_ = sess.Exit(status)
}

// refuse turns away someone without a facilitator's key from what only
// facilitators may do (a command, the wall display), and exits with
// status 1.
func (s *Server) refuse(stderr io.Writer, sess ssh.Session, v visitor) {
	// XXX: fail closed. The reason is stated, but not which keys would
	// have been accepted.
	reason := "this connection has no SSH key"
	if v.key != nil {
		reason = "this key (" + fingerprint(v.key) + ") is not a facilitator key"
	}
	fmt.Fprintf(stderr, "not a facilitator: %s. Participants join with %s\n",
		reason, s.connectHint(sess, "CODE@"))
	_ = sess.Exit(1)
}

// commandWords is the command a session asked to run, in words, split as a
// shell would split it (charm.land/ssh does). A line that leaves a quote
// open, as ssh sends `--title "Anchors' day"` once the facilitator's shell
// has taken the double quotes away, would swallow the rest of the line
// into one word that way: it is split at spaces instead (and
// command.Execute joins a title's words again).
func commandWords(sess ssh.Session) []string {
	raw := sess.RawCommand()
	if quoteLeftOpen(raw) {
		return strings.Fields(raw)
	}
	return sess.Command()
}

// quoteLeftOpen reports whether a shell would find s ends inside quotes.
func quoteLeftOpen(s string) bool {
	var in rune // the quote we are inside, or 0
	for i := 0; i < len(s); i++ {
		c := rune(s[i])
		switch {
		case c == '\\' && in != '\'':
			i++ // the next byte is taken as it is
		case in == 0 && (c == '\'' || c == '"'):
			in = c
		case c == in:
			in = 0
		}
	}
	return in != 0
}

// commandRoot builds a fresh command tree for one session: cobra keeps
// parsed flag values in the tree, so trees are never shared.
func (s *Server) commandRoot(sess ssh.Session, v visitor) *cobra.Command {
	root := &cobra.Command{
		Use:   "anchorage",
		Short: "Run a facilitator's command on the Anchorage server",
		Annotations: map[string]string{
			cobra.CommandDisplayNameAnnotation: s.connectHint(sess, ""),
		},
	}
	_, _, hasTerminal := sess.Pty()
	command.Add(root, command.Env{
		Store: func(*cobra.Command, []string) (command.Store, error) { return s.store, nil },
		Actor: s.facilitatorActor(v.key),
		// With ssh -t the output goes through a terminal, which would mangle
		// a binary backup: the command refuses rather than send it.
		Terminal: hasTerminal,
		Where:    func(*cobra.Command) (card.Where, error) { return s.where(sess), nil },
	})
	return root
}

// where is how participants reach this server, for the join card: the
// address and port the facilitator's session reached, unless that is a
// loopback address (the facilitator is on the server's own machine), when
// the machine's name is what others type.
func (s *Server) where(sess ssh.Session) card.Where {
	host, port := "", s.cfg.Port()
	if addr := sess.LocalAddr(); addr != nil {
		if h, p, err := net.SplitHostPort(addr.String()); err == nil {
			host, port = h, p
		}
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && (ip.IsLoopback() || ip.IsUnspecified())) {
		if name, err := os.Hostname(); err == nil && name != "" {
			host = name
		}
	}
	return card.Where{Host: host, Port: port, Fingerprint: s.HostKeyFingerprint()}
}

// explain answers a connection with neither a terminal nor a command
// (ssh -T HOST): there is nothing to show, so say what would work.
func (s *Server) explain(sess ssh.Session) {
	fmt.Fprintf(sess.Stderr(), "Anchorage needs a terminal for its workshop screens, and this connection has none.\n"+
		"Participants join with:   %s\n"+
		"Facilitators connect with: %s\n"+
		"or run a command:          %s workshop list\n",
		s.connectHint(sess, "CODE@"), s.connectHint(sess, ""), s.connectHint(sess, ""))
	_ = sess.Exit(1)
}
