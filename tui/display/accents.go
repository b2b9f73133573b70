package display

// Accented small letters, for the Gaelic (à è ì ò ù), the Welsh (â ê î ô û
// ŵ ŷ, ä ë ï ö ü ẅ ÿ, á é í ó ú ẃ ý, à … ẁ ỳ) and the other Western European
// words a room writes. They are made from the plain letter, whose top two
// rows are paper, with the accent drawn in them. Capitals fill all seven
// rows, so accented capitals have no room: text holding one is shown in
// the terminal's own type (inFont).

// accentMarks are the accents by name, as two rows of dots over a letter
// five dots wide, centred on it.
var accentMarks = map[string][2]string{
	"grave":      {".#...", "..#.."},
	"acute":      {"...#.", "..#.."},
	"circumflex": {"..#..", ".#.#."},
	"diaeresis":  {".#.#.", "....."},
}

// accented are the accented letters the font draws: the plain letter and
// its accent.
var accented = map[rune]struct {
	base   rune
	accent string
}{
	'à': {'a', "grave"}, 'è': {'e', "grave"}, 'ì': {'ı', "grave"}, 'ò': {'o', "grave"}, 'ù': {'u', "grave"},
	'ẁ': {'w', "grave"}, 'ỳ': {'y', "grave"},
	'á': {'a', "acute"}, 'é': {'e', "acute"}, 'í': {'ı', "acute"}, 'ó': {'o', "acute"}, 'ú': {'u', "acute"},
	'ẃ': {'w', "acute"}, 'ý': {'y', "acute"},
	'â': {'a', "circumflex"}, 'ê': {'e', "circumflex"}, 'î': {'ı', "circumflex"}, 'ô': {'o', "circumflex"},
	'û': {'u', "circumflex"}, 'ŵ': {'w', "circumflex"}, 'ŷ': {'y', "circumflex"},
	'ä': {'a', "diaeresis"}, 'ë': {'e', "diaeresis"}, 'ï': {'ı', "diaeresis"}, 'ö': {'o', "diaeresis"},
	'ü': {'u', "diaeresis"}, 'ẅ': {'w', "diaeresis"}, 'ÿ': {'y', "diaeresis"},
}

// dotlessI is the i without its dot, widened to carry an accent: the
// stem in the middle of five dots.
const dotlessI = "..... ..... ..#.. ..#.. ..#.. ..#.. ..#.. ....."

// withAccent is the glyph of base with an accent in its top two rows,
// which must be paper.
func withAccent(base glyph, accent string) (glyph, bool) {
	mark, ok := accentMarks[accent]
	if !ok || base.width() != len(mark[0]) {
		return nil, false
	}
	out := make(glyph, len(base))
	for y, row := range base {
		out[y] = append([]bool(nil), row...)
	}
	for y, dots := range mark {
		for x, c := range dots {
			if out[y][x] {
				return nil, false // the letter reaches the accent's rows
			}
			out[y][x] = c == '#'
		}
	}
	return out, true
}
