package card

import (
	"bufio"
	"embed"
	"html/template"
	"io"

	"github.com/anchorage/anchorage/inquiry/qr"
)

//go:embed card.html
var files embed.FS

var cardTemplate = template.Must(template.ParseFS(files, "card.html"))

// htmlCard is what the HTML card's template shows.
type htmlCard struct {
	Card
	Computer section
	Phone    section
	Others   []section
	// QRPath is the QR code's dark modules as SVG path data, and QRSide
	// the side of its viewBox, quiet zone included.
	QRPath string
	QRSide int
}

// writeHTML writes the card as one self-contained page that prints on one
// sheet of A4: the ways in side by side, then the rest in three columns.
func writeHTML(w io.Writer, c Card) error {
	code, err := c.QR()
	if err != nil {
		return err
	}
	s := c.sections()
	page := htmlCard{
		Card: c, Computer: s[0], Phone: s[1], Others: s[2:],
		QRPath: code.SVGPath(),
		QRSide: code.Size() + 2*qr.QuietZone,
	}
	out := bufio.NewWriter(w)
	if err := cardTemplate.Execute(out, page); err != nil {
		return err
	}
	return out.Flush()
}
