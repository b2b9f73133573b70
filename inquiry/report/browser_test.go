package report

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/browsertest"
	"github.com/anchorage/anchorage/inquiry/inquirytest/golden"
)

// screenshotPath is the README's picture of the report, made by this test
// with -update.
var screenshotPath = filepath.Join("..", "..", "testdata", "readme", "report.png")

// domBar is a bar as the browser has it: read from the SVG in the DOM.
type domBar struct {
	Chart, Theme, Kind string
	Count              int
	Width              float64
	Number             string // the count written beside the bar
}

const readBars = `Array.from(document.querySelectorAll('svg.chart rect.bar')).map(r => ({
	chart: r.closest('svg').dataset.chart,
	theme: r.closest('[data-theme]').dataset.theme,
	kind: r.dataset.kind,
	count: Number(r.dataset.count),
	width: r.getBBox().width,
	number: r.nextElementSibling.textContent,
}))`

func TestReportInChromium(t *testing.T) {
	b := browsertest.Start(t)
	l := fixture(t, false)
	var html bytes.Buffer
	if err := Write(&html, l.WS, l.Events, Options{Audience: Facilitators}); err != nil {
		t.Fatal(err)
	}
	page := b.Open(t, html.Bytes(), 900, 1100)

	t.Run("fetches nothing", func(t *testing.T) {
		if fetched := page.Fetched(); len(fetched) > 0 {
			t.Errorf("the report made network requests: %q", fetched)
		}
	})

	var bars []domBar
	page.Eval(readBars, &bars)
	t.Run("the room's bars count what the tally counts, on one scale", func(t *testing.T) {
		tally := l.WS.Tally()
		want := map[string]int{}
		scale := 0
		for _, row := range tally.Rows() {
			if row.Sum(inquiry.Opportunity, inquiry.Barrier) == 0 {
				continue
			}
			for _, k := range chartKinds {
				want["themes/"+row.Theme.ID+"/"+string(k)] = row.Counts[k]
				scale = max(scale, row.Counts[k])
			}
		}
		checkBars(t, bars, "themes", want, scale)
	})
	t.Run("each sector's bars count what that sector said", func(t *testing.T) {
		split := l.WS.SplitBySector()
		for i, sp := range split.Groups.Shown {
			want := map[string]int{}
			for _, row := range split.Rows {
				if rowIsEmpty(row) {
					continue
				}
				for _, k := range chartKinds {
					want["sector-"+sp.Sector.ID+"/"+row.Theme.ID+"/"+string(k)] = row.Sectors[i][k]
				}
			}
			checkBars(t, bars, "sector-"+sp.Sector.ID, want, 0)
		}
	})
	t.Run("no group of fewer than five people is shown alone", func(t *testing.T) {
		var columns []struct {
			Sector string
			People string
		}
		page.Eval(`Array.from(document.querySelectorAll('th.sector')).map(th => ({sector: th.dataset.sector, people: th.querySelector('.people').textContent}))`, &columns)
		var got []string
		for _, c := range columns {
			got = append(got, c.Sector+" "+c.People)
		}
		if want := "community 6 people, council 5 people, others 7 people"; strings.Join(got, ", ") != want {
			t.Errorf("the sectors shown are %q, want %q", strings.Join(got, ", "), want)
		}
		for _, small := range []string{"sector-health", "sector-third-sector"} {
			if slices.ContainsFunc(bars, func(b domBar) bool { return b.Chart == small }) {
				t.Errorf("%s (fewer than 5 people) has a chart of its own", small)
			}
		}
		var text string
		page.Eval(`document.querySelector('#sectors').innerText`, &text)
		if !strings.Contains(text, "No group of fewer than 5 people is shown on its own, so health and social care and third sector are counted with the others.") {
			t.Errorf("the report does not say which groups were counted with the others:\n%s", text)
		}
	})

	t.Run("a barrier's reframes are shown under it, with who agrees", func(t *testing.T) {
		// innerText holds only what is drawn: nothing hidden by the styles.
		var shown string
		page.Eval(`Array.from(document.querySelectorAll('#words li.quote.barrier'))
			.filter(li => li.querySelector('blockquote').textContent.startsWith('Procurement rules')).map(li => li.innerText).join('\n')`, &shown)
		for _, want := range []string{"Contracts split into lots small enough", "agreed by 3 others", "agreed by 2 others"} {
			if !strings.Contains(shown, want) {
				t.Errorf("the procurement barrier as drawn lacks %q:\n%s", want, shown)
			}
		}
	})

	var order []string
	page.Eval(`Array.from(document.querySelectorAll('[data-section]')).map(s => s.dataset.section)`, &order)
	wantOrder := []string{"summary", "themes", "sectors", "highlights", "priorities", "commitments", "words", "facilitators", "about"}
	if !slices.Equal(order, wantOrder) {
		t.Errorf("sections in the page: %q, want %q", order, wantOrder)
	}

	t.Run("printed on A4, each section starts a page, in order", func(t *testing.T) {
		pdf := page.PDF()
		if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("PrintToPDF gave no PDF (%d bytes)", len(pdf))
		}
		pages, err := browsertest.PDFPages(pdf)
		if errors.Is(err, browsertest.ErrNoPDFText) {
			t.Fatal(err)
		}
		if err != nil {
			t.Fatal(err)
		}
		// The title and the workshop in a paragraph are the first page;
		// every section begins a page of its own.
		if first := strings.Join(strings.Fields(pages[0]), " "); !strings.Contains(first, "Anchors and public services in Kilbrannan") {
			t.Errorf("the first page does not carry the title:\n%s", pages[0])
		}
		headings := []string{"Opportunities and barriers by theme", "Sectors side by side", "Highlighted by the facilitators",
			"Priorities", "Commitments", "In their own words", "For facilitators", "About this report"}
		at := 0
		for _, h := range headings {
			found := false
			for ; at < len(pages); at++ {
				if firstLine(pages[at]) == h {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("no page after the previous section begins with %q (%d pages)", h, len(pages))
				return
			}
		}
	})

	t.Run("readable on a phone", func(t *testing.T) {
		page.Resize(390, 844)
		var overflow struct{ Document, Window int }
		page.Eval(`({document: document.documentElement.scrollWidth, window: window.innerWidth})`, &overflow)
		if overflow.Document > overflow.Window {
			var wide []string
			page.Eval(`Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.sectors, .sr-only')).slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width) + ': ' + e.textContent.slice(0, 40))`, &wide)
			t.Errorf("on a phone the page is %dpx wide in a %dpx window: it scrolls sideways, because of %q", overflow.Document, overflow.Window, wide)
		}
		var smallest float64
		page.Eval(`Math.min(...Array.from(document.querySelectorAll('main p, main li, main td, main th, svg text'))
			.filter(e => !e.closest('.sr-only') && e.getClientRects().length > 0)
			.map(e => parseFloat(getComputedStyle(e).fontSize) * (e instanceof SVGElement ? e.ownerSVGElement.getScreenCTM().a : 1)))`, &smallest)
		if smallest < 9 {
			t.Errorf("the smallest text on a phone is %.1fpx", smallest)
		}
		page.Resize(900, 1100)
	})

	if golden.Updating() {
		// The README's picture: the top of the report in a window the
		// width of a laptop's, small enough to keep in the repository.
		page.Resize(860, 1180)
		png := page.View()
		if err := os.MkdirAll(filepath.Dir(screenshotPath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(screenshotPath, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if png := page.Screenshot(); !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("the screenshot is not a PNG (%d bytes)", len(png))
	}
}

// checkBars compares the bars of one chart with the counts they should
// show, keyed chart/theme/kind. A scale above zero also checks that every
// bar's length is its count on that scale.
func checkBars(t *testing.T, bars []domBar, chart string, want map[string]int, scale int) {
	t.Helper()
	got := map[string]int{}
	for _, b := range bars {
		if b.Chart != chart {
			continue
		}
		key := b.Chart + "/" + b.Theme + "/" + b.Kind
		got[key] = b.Count
		if b.Number != fmt.Sprint(b.Count) {
			t.Errorf("%s: the number beside the bar is %q, its count %d", key, b.Number, b.Count)
		}
		if scale > 0 {
			if w := float64(b.Count*(chartWidth-numberRoom)) / float64(scale); b.Count > 0 && (b.Width < w-1 || b.Width > w+1) {
				t.Errorf("%s: a bar of %d is %.1f long, want %.1f on the scale of %d", key, b.Count, b.Width, w, scale)
			}
		}
	}
	if len(got) == 0 {
		t.Errorf("chart %s has no bars", chart)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: the bar says %d, want %d", k, got[k], n)
		}
	}
	if len(got) != len(want) {
		t.Errorf("chart %s has %d bars, want %d", chart, len(got), len(want))
	}
}

// rowIsEmpty reports whether no sector has an opportunity or barrier in the
// row: such a row is not drawn.
func rowIsEmpty(r inquiry.SectorRow) bool {
	for i := range r.Sectors {
		if r.Sum(i, chartKinds...) > 0 {
			return false
		}
	}
	return true
}

func firstLine(page string) string {
	for _, line := range strings.Split(page, "\n") {
		if s := strings.TrimSpace(line); s != "" {
			return s
		}
	}
	return ""
}
