package display

import (
	"fmt"
	"net"

	"charm.land/lipgloss/v2"

	"github.com/anchorage/anchorage/inquiry/qr"
)

// Join is where participants reach the server: the host and port the
// display's own connection reached, which is where the room's laptops
// will find it too.
type Join struct {
	Host, Port string
}

// Command is the command that joins the workshop with the code.
func (j Join) Command(code string) string {
	return fmt.Sprintf("ssh -p %s %s@%s", j.Port, code, j.Host)
}

// Address is the ssh:// address of the workshop with the code, which an
// SSH app on a phone opens from a QR code.
func (j Join) Address(code string) string {
	return "ssh://" + code + "@" + net.JoinHostPort(j.Host, j.Port)
}

// qrInk draws the QR code light on dark whatever the terminal's own
// colours: the code is drawn with its light modules as ink (inverse, see
// qr.HalfBlocks), so a terminal without colour, most often light text on
// dark, shows it the right way round too.
var qrInk = lipgloss.NewStyle().Foreground(lipgloss.Color("#ffffff")).Background(lipgloss.Color("#000000"))

// qrLines is the QR code of the workshop's address as lines of
// half-blocks, styled, with their width; nil if it cannot be made.
func qrLines(j Join, code string) (lines []string, width int) {
	c, err := qr.Encode(j.Address(code))
	if err != nil {
		return nil, 0
	}
	plain := c.HalfBlocks(true)
	lines = make([]string, len(plain))
	for i, l := range plain {
		lines[i] = qrInk.Render(l)
	}
	return lines, c.Size() + 2*qr.QuietZone
}
