package tuitest

import (
	"fmt"
	"strings"
	"testing"
)

// ReadWhole pages through the text a tui.Reader shows on the screen (a
// terminal of the size) to its end, and returns every line it showed,
// once, joined by single spaces: what a person paging through would have
// read.
func ReadWhole(t testing.TB, tt *Term, size Size) string {
	t.Helper()
	tt.See("↑↓/pgdn scroll")
	var read []string
	for range 200 {
		rows := strings.Split(tt.Screen.Text(), "\n")
		if strings.HasSuffix(rows[0], "all of it") {
			return strings.Join(strings.Fields(strings.Join(rows[2:size.H-1], " ")), " ")
		}
		// The title line ends "lines a–b of n": the rows shown are a to b.
		header := strings.Fields(rows[0])
		var from, to, of int
		if len(header) < 3 {
			t.Fatalf("the reader's title line %q does not say which lines it shows", rows[0])
		}
		if _, err := fmt.Sscanf(strings.Join(header[len(header)-3:], " "), "%d–%d of %d", &from, &to, &of); err != nil {
			t.Fatalf("the reader's title line %q does not say which lines it shows", rows[0])
		}
		for i := from; i <= to; i++ {
			if i > len(read) {
				read = append(read, rows[2+i-from])
			}
		}
		if to == of {
			return strings.Join(strings.Fields(strings.Join(read, " ")), " ")
		}
		tt.Key("pgdown")
		tt.See(fmt.Sprintf("–%d of %d", min(to+size.H-3, of), of))
	}
	t.Fatal("paged 200 times without reaching the end of the text")
	return ""
}
