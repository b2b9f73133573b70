package inquiry

import (
	"strings"
	"testing"
)

// BenchmarkCleanText sanitises what a person typed before anyone else's
// terminal shows it: plain ASCII (the fast path), accented and other
// non-ASCII text, and hostile text full of escape sequences and invisible
// characters.
func BenchmarkCleanText(b *testing.B) {
	cases := []struct{ name, text string }{
		{"plain", strings.Repeat("The health centre could lend its community room on Tuesdays. ", 8)},
		{"unicode", strings.Repeat("Café in Inverness: “shared” rooms — ŵ, ĉ, 中文, 🙂. ", 8)},
		{"hostile", strings.Repeat("ok\x1b]52;c;ZWNobyBwd25lZA==\x07\x1b[2J\x1b[31mred\u202eevil\u200f\x9b6n\r\ntab\there\xff. ", 8)},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.text)))
			b.ReportAllocs()
			for b.Loop() {
				_ = CleanText(c.text)
			}
		})
	}
}

// BenchmarkCleanLine is CleanText for a name.
func BenchmarkCleanLine(b *testing.B) {
	for b.Loop() {
		_ = CleanLine("  Ann from the Harbour Trust\t")
	}
}
