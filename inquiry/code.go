package inquiry

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// codePattern is what a new join code looks like. Codes are typed as an
// SSH user name, so they stay lower case, and are read aloud across a room.
var codePattern = regexp.MustCompile(`^[a-z][a-z0-9-]{2,31}$`)

// Reserved user names that are never join codes, because they mean
// something else at the SSH prompt. They are compared as JoinCodes.
var reservedCodes = map[JoinCode]bool{"enrol": true, "enroll": true, "root": true, "admin": true, "facilitator": true}

// ErrTooManyCodes means a join, resume or enrolment code was not looked
// up, or that no more will be on this connection, because too many wrong
// codes have been tried. An error wrapping it says, in words for the
// person, what happened and how long to wait.
var ErrTooManyCodes = errors.New("too many wrong codes")

// maxCodeKey bounds a JoinCode: the longest join code, without its dashes.
const maxCodeKey = 32

// JoinCode is a join code in the one form codes are compared in: lower
// case, without the spaces and dashes people put between its parts, so
// that "Plover 9359", "plover-9359" and "PLOVER9359" are the same code. A
// workshop's own code (Summary.Code) keeps its dashes, for showing.
type JoinCode string

// ParseJoinCode reads a join code as someone typed it (as an SSH user name
// or on the join screen): case, spaces and dashes (a hyphen, or the en
// dash a word processor puts in its place) do not matter. It fails with
// ErrInvalid for anything that cannot be a join code, including the user
// names that mean something else (enrol, root).
func ParseJoinCode(typed string) (JoinCode, error) {
	var b strings.Builder
	for _, r := range strings.ToLower(typed) {
		switch {
		case unicode.IsSpace(r) || unicode.Is(unicode.Pd, r):
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9' && b.Len() > 0:
			if b.Len() == maxCodeKey {
				return "", badCode(typed)
			}
			b.WriteRune(r)
		default:
			return "", badCode(typed)
		}
	}
	code := JoinCode(b.String())
	if len(code) < 2 || reservedCodes[code] {
		return "", badCode(typed)
	}
	return code, nil
}

// badCode says what a join code looks like, quoting a little of what was
// typed (quoted, so that nothing in it acts on a terminal).
func badCode(typed string) error {
	if r := []rune(typed); len(r) > 40 {
		typed = string(r[:40]) + "..."
	}
	return fmt.Errorf("%w: join code %q: a join code is a word and a number, such as harbour-4821", ErrInvalid, typed)
}

// String is the code as compared, such as "plover9359".
func (c JoinCode) String() string { return string(c) }

// ValidCode checks that a new join code can be typed as an SSH user name
// and is not a reserved name however it is spaced.
func ValidCode(code string) error {
	if _, err := ParseJoinCode(code); err != nil || !codePattern.MatchString(code) {
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
