package inquiry

import "strconv"

// Plural is a count with its noun in the number it needs: "1 dot",
// "0 dots", "3 dots". Every count in text this package makes goes through
// it, and so should every count a screen writes ("Your 1 dots" is how a
// count written by hand goes wrong).
func Plural(n int, one, many string) string {
	if n == 1 || n == -1 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}
