package inquiry

import (
	"fmt"
	"regexp"
)

// codePattern is what a join code looks like. Codes are typed as an SSH
// user name, so they stay lower case, and are read aloud across a room.
var codePattern = regexp.MustCompile(`^[a-z][a-z0-9-]{2,31}$`)

// Reserved user names that are never join codes, because they mean
// something else at the SSH prompt.
var reservedCodes = map[string]bool{"enrol": true, "enroll": true, "root": true, "admin": true, "facilitator": true}

// ValidCode checks that a join code can be typed as an SSH user name.
func ValidCode(code string) error {
	if !codePattern.MatchString(code) || reservedCodes[code] {
		return fmt.Errorf("%w: join code %q: use 3 to 32 lower-case letters, digits and hyphens, starting with a letter", ErrInvalid, code)
	}
	return nil
}

// codeWords are short, distinct words that are easy to say and spell.
var codeWords = []string{
	"acorn", "amber", "anchor", "apple", "arch", "aspen", "badger", "barley",
	"beacon", "birch", "bramble", "breeze", "brook", "canal", "castle", "cedar",
	"clover", "coast", "comet", "copper", "coral", "cove", "crane", "crest",
	"dawn", "delta", "dune", "eagle", "ember", "fern", "field", "fjord",
	"forest", "fox", "garden", "glen", "granite", "harbour", "hazel", "heath",
	"heron", "hill", "holly", "island", "ivy", "juniper", "kestrel", "lake",
	"lantern", "larch", "linden", "loch", "maple", "meadow", "mill", "moss",
	"moor", "oak", "orchard", "otter", "owl", "pebble", "pine", "plover",
	"pond", "puffin", "quarry", "rain", "raven", "reed", "ridge", "river",
	"robin", "rowan", "salmon", "sand", "shore", "sky", "sparrow", "spring",
	"spruce", "stone", "stream", "summit", "swallow", "thistle", "tide", "timber",
	"valley", "violet", "willow", "wren",
}

// NewCode makes a join code such as "harbour-4821" from random bytes (at
// least 4), which the caller supplies so that this package does no I/O.
func NewCode(random []byte) string {
	word := codeWords[int(random[0])%len(codeWords)]
	n := (int(random[1])<<16 | int(random[2])<<8 | int(random[3])) % 10000
	return fmt.Sprintf("%s-%04d", word, n)
}
