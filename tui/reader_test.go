package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestAReaderShowsEveryWordPageByPage(t *testing.T) {
	var words []string
	for i := range 400 {
		words = append(words, "w"+strings.Repeat("x", i%7))
	}
	text := strings.Join(words, " ")
	r := NewReader("Ann · Story", text)
	const w, h = 40, 12
	var read []string
	for pages := 0; ; pages++ {
		rows := strings.Split(ansi.Strip(r.View(w, h)), "\n")
		if len(rows) != h {
			t.Fatalf("the reader drew %d rows in a window of %d", len(rows), h)
		}
		for _, row := range rows {
			if Width(row) > w {
				t.Fatalf("a row is wider than the window: %q", row)
			}
		}
		for i, row := range rows[2 : h-1] {
			if r.top+i >= len(read) { // a last page that overlaps the one before
				read = append(read, row)
			}
		}
		if r.top+readerBody(h) >= len(r.lines(w)) {
			break
		}
		if pages > 100 || !r.Key(tea.KeyPressMsg{Code: tea.KeyPgDown}, w, h) {
			t.Fatal("pgdn did not page through the text")
		}
	}
	if got := strings.Join(strings.Fields(strings.Join(read, " ")), " "); !strings.Contains(got, text) {
		t.Fatalf("paging through the reader did not show the whole text")
	}
	if r.Key(tea.KeyPressMsg{Code: tea.KeyEscape}, w, h) {
		t.Fatal("esc did not close the reader")
	}
}
