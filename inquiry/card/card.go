// Package card writes a workshop's join card: one page a facilitator prints
// or sends before the workshop, so that someone who has never used ssh can
// get in from Windows, a Mac, Linux, a Chromebook or a phone, check they
// reached the right server, know what is recorded, and get back in when
// the line drops. It writes HTML (one A4 page), markdown and plain text (80
// columns), all from the same words.
package card

import (
	"fmt"
	"io"
	"net"
	"regexp"
	"strings"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/qr"
)

// Format is a way of writing the card.
type Format string

// The card's formats.
const (
	HTML     Format = "html"
	Markdown Format = "md"
	Text     Format = "txt"
)

// ParseFormat reads a format as a person types it.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "html":
		return HTML, nil
	case "md", "markdown":
		return Markdown, nil
	case "txt", "text":
		return Text, nil
	}
	return "", fmt.Errorf("%w: card format %q: choose html, md or txt", inquiry.ErrInvalid, s)
}

// Where is how participants reach the server.
type Where struct {
	// Host is the name or address participants type; Port the server's.
	Host, Port string
	// Fingerprint is the SHA256 fingerprint of the server's host key, as
	// ssh shows it on a first connection ("SHA256:…").
	Fingerprint string
}

// Card is everything a join card says.
type Card struct {
	Title string
	// Date is when the workshop takes place, as people read it.
	Date string
	Code string
	Where
	// Settings say what participants see of each other, which the card
	// tells them before they come.
	Settings inquiry.Settings
}

// hostPattern admits host names and IPv4 and IPv6 addresses: what ssh
// takes after the @, and nothing a shell or a page would read as more.
var hostPattern = regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9.:-]{0,251}[A-Za-z0-9])?$`)

// New makes the card of a workshop. date is shown as given; empty, it is
// the day the workshop was opened.
func New(ws *inquiry.Workshop, where Where, date string) (Card, error) {
	if !hostPattern.MatchString(where.Host) {
		return Card{}, fmt.Errorf("%w: host %q: give a host name or an IP address, as participants would type it", inquiry.ErrInvalid, where.Host)
	}
	if n, err := fmt.Sscan(where.Port, new(uint16)); n != 1 || err != nil || where.Port == "0" {
		return Card{}, fmt.Errorf("%w: port %q: give a number from 1 to 65535", inquiry.ErrInvalid, where.Port)
	}
	if !strings.HasPrefix(where.Fingerprint, "SHA256:") {
		return Card{}, fmt.Errorf("%w: the server's host key fingerprint %q is not a SHA256 fingerprint", inquiry.ErrInvalid, where.Fingerprint)
	}
	if err := inquiry.ValidCode(ws.Code); err != nil {
		return Card{}, err
	}
	if date = inquiry.CleanLine(date); date == "" {
		date = ws.OpenedAt.UTC().Format("Monday 2 January 2006")
	}
	return Card{Title: ws.Title, Date: date, Code: ws.Code, Where: where, Settings: ws.Settings}, nil
}

// Command is what a participant types in a terminal to join.
func (c Card) Command() string {
	return fmt.Sprintf("ssh -p %s %s@%s", c.Port, c.Code, c.Host)
}

// Address is the ssh:// address an SSH app on a phone opens.
func (c Card) Address() string {
	return "ssh://" + c.Code + "@" + net.JoinHostPort(c.Host, c.Port)
}

// QR is the QR code of Address.
func (c Card) QR() (qr.Code, error) { return qr.Encode(c.Address()) }

// Write writes the card in a format.
func Write(w io.Writer, c Card, f Format) error {
	var err error
	switch f {
	case HTML:
		err = writeHTML(w, c)
	case Markdown:
		err = writeMarkdown(w, c)
	case Text:
		err = writeText(w, c)
	default:
		err = fmt.Errorf("%w: card format %q", inquiry.ErrInvalid, f)
	}
	if err != nil {
		return fmt.Errorf("join card for %s: %w", c.Code, err)
	}
	return nil
}
