package card

import (
	"bytes"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/browsertest"
)

func TestHTMLCardPrintsOnOneA4PageAndFetchesNothing(t *testing.T) {
	b := browsertest.Start(t)
	// The longest a card gets: a title of the most characters a title may
	// have, a long date, a long host name, settings that take the most words.
	w := where
	w.Host = "anchorage-workshop-laptop.community-trust.example.org"
	title := strings.Repeat("Partnerships between community anchors and public services ", 2)[:inquiry.MaxTitleRunes]
	c, err := New(workshop(t, strings.TrimSpace(title), &inquiry.Settings{Visibility: inquiry.VisibleOnReveal, Anonymous: true}), w,
		"Thursday 12 March 2026, 10:00 to 12:30, in the village hall on Harbour Street")
	if err != nil {
		t.Fatal(err)
	}
	var html bytes.Buffer
	if err := Write(&html, c, HTML); err != nil {
		t.Fatal(err)
	}
	page := b.Open(t, html.Bytes(), 1000, 1300)
	if fetched := page.Fetched(); len(fetched) > 0 {
		t.Errorf("the card made network requests: %q", fetched)
	}
	var qr struct {
		Address string
		Width   float64
	}
	page.Eval(`(() => { const q = document.querySelector('svg.qr'); return {address: q.dataset.qr, width: q.getBoundingClientRect().width}; })()`, &qr)
	if qr.Address != c.Address() || qr.Width < 100 {
		t.Errorf("the QR code is of %q and %.0fpx wide; want %q, large enough to scan", qr.Address, qr.Width, c.Address())
	}
	pages, err := browsertest.PDFPages(page.PDF())
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("the card prints on %d A4 pages, want 1", len(pages))
	}
	text := strings.Join(strings.Fields(pages[0]), " ")
	for _, want := range []string{c.Fingerprint, "If the line drops", "Ctrl+R", c.Code} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed card lacks %q", want)
		}
	}
}
