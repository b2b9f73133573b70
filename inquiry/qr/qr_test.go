package qr

import (
	"fmt"
	"strings"
	"testing"
)

const address = "ssh://harbour-4821@workshop-laptop.local:23234"

func encode(t *testing.T, text string) Code {
	t.Helper()
	c, err := Encode(text)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestEncodeMakesAStandardSymbol checks what a camera looks for: a size of
// 21 + 4 per version, the three finder patterns in the corners with their
// light separators, and the timing patterns between them.
func TestEncodeMakesAStandardSymbol(t *testing.T) {
	c := encode(t, address)
	n := c.Size()
	if n < 21 || (n-21)%4 != 0 {
		t.Fatalf("a QR code is 21 + 4k modules square, not %d", n)
	}
	for _, corner := range [][2]int{{0, 0}, {n - 7, 0}, {0, n - 7}} {
		for dy := -1; dy <= 7; dy++ {
			for dx := -1; dx <= 7; dx++ {
				x, y := corner[0]+dx, corner[1]+dy
				ring := max(abs(dx-3), abs(dy-3)) // 0 at the centre of the pattern
				want := ring == 3 || ring <= 1
				if ring == 4 {
					want = false // the separator
				}
				if x < 0 || y < 0 || x >= n || y >= n {
					continue
				}
				if c.Dark(x, y) != want {
					t.Fatalf("finder pattern at %v: module (%d,%d) dark=%v, want %v", corner, x, y, c.Dark(x, y), want)
				}
			}
		}
	}
	for i := 8; i < n-8; i++ {
		if c.Dark(i, 6) != (i%2 == 0) || c.Dark(6, i) != (i%2 == 0) {
			t.Fatalf("the timing patterns do not alternate at %d", i)
		}
	}
	if c.Dark(-1, 0) || c.Dark(n, n) {
		t.Error("the quiet zone is not light")
	}
}

func TestEncodeIsTheSameForTheSameText(t *testing.T) {
	a, b := encode(t, address), encode(t, address)
	if strings.Join(a.HalfBlocks(false), "\n") != strings.Join(b.HalfBlocks(false), "\n") {
		t.Error("the same address gave two different codes")
	}
	if other := encode(t, address+"0"); strings.Join(a.HalfBlocks(false), "\n") == strings.Join(other.HalfBlocks(false), "\n") {
		t.Error("two addresses gave the same code")
	}
}

func TestEncodeRefusesTextTooLongForAnyCode(t *testing.T) {
	if _, err := Encode(strings.Repeat("x", 3000)); err == nil {
		t.Error("3000 bytes cannot fit in a QR code at medium error correction, and Encode said nothing")
	}
}

// TestHalfBlocksDrawEveryModule reads the modules back from the drawing,
// quiet zone included, ink and inverse.
func TestHalfBlocksDrawEveryModule(t *testing.T) {
	c := encode(t, address)
	side := c.Size() + 2*QuietZone
	for _, inverse := range []bool{false, true} {
		lines := c.HalfBlocks(inverse)
		if len(lines) != (side+1)/2 {
			t.Fatalf("inverse %v: %d lines for %d rows of modules", inverse, len(lines), side)
		}
		for row, line := range lines {
			cells := []rune(line)
			if len(cells) != side {
				t.Fatalf("line %d is %d characters, want %d", row, len(cells), side)
			}
			for col, r := range cells {
				upper, lower := strings.ContainsRune("█▀", r), strings.ContainsRune("█▄", r)
				if inverse {
					upper, lower = !upper, !lower
				}
				x, y := col-QuietZone, 2*row-QuietZone
				if upper != c.Dark(x, y) || lower != c.Dark(x, y+1) {
					t.Fatalf("inverse %v: line %d column %d is %q, modules (%d,%d) %v and (%d,%d) %v",
						inverse, row, col, r, x, y, c.Dark(x, y), x, y+1, c.Dark(x, y+1))
				}
			}
		}
	}
}

// TestSVGPathDrawsEveryDarkModule replays the path's rectangles.
func TestSVGPathDrawsEveryDarkModule(t *testing.T) {
	c := encode(t, address)
	side := c.Size() + 2*QuietZone
	drawn := make([][]bool, side)
	for i := range drawn {
		drawn[i] = make([]bool, side)
	}
	for _, part := range strings.Split(c.SVGPath(), "z") {
		if part == "" {
			continue
		}
		var x, y, w, h, back int
		if _, err := fmt.Sscanf(part, "M%d %dh%dv%dh-%d", &x, &y, &w, &h, &back); err != nil || h != 1 || back != w {
			t.Fatalf("path part %q: %v", part, err)
		}
		for i := range w {
			drawn[y][x+i] = true
		}
	}
	for y := range side {
		for x := range side {
			if drawn[y][x] != c.Dark(x-QuietZone, y-QuietZone) {
				t.Fatalf("module (%d,%d): drawn %v, dark %v", x-QuietZone, y-QuietZone, drawn[y][x], c.Dark(x-QuietZone, y-QuietZone))
			}
		}
	}
}

func abs(n int) int { return max(n, -n) }
