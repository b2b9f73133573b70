package inquiry

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Names people are known by in the room. A name must show something (a
// letter or a digit), must not pass for the people who run the workshop,
// and two people present with names that look the same are told apart: the
// second "Alice" is shown as "Alice (2)". The transcript keeps the name as
// typed; the fold derives the name shown, the same way on every replay.

// ErrReservedName means a name passes for someone who runs the workshop
// ("Facilitator", "Scribe (host)") or for the server itself.
var ErrReservedName = fmt.Errorf("%w: that name is kept for the people who run the workshop: please choose another", ErrInvalid)

// ErrInvisibleName means a name has no letter or digit to show.
var ErrInvisibleName = fmt.Errorf("%w: a name needs at least one letter or digit", ErrInvalid)

// reservedFirst are words a name may not start with: a role, or the
// server's own name ("Anchorage: the workshop is closing").
var reservedFirst = map[string]bool{
	"facilitator": true, "facilitators": true, "host": true, "scribe": true, "anchorage": true,
	"system": true, "admin": true, "administrator": true, "moderator": true, "server": true,
}

// reservedAnywhere are roles a name may not claim anywhere in it
// ("Jo (facilitator)").
var reservedAnywhere = map[string]bool{
	"facilitator": true, "facilitators": true, "scribe": true, "moderator": true,
	"admin": true, "administrator": true,
}

// checkNewName checks what only a new name must meet: something visible,
// and no role. (A recorded name is as it was.)
func checkNewName(name string) error {
	visible := false
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			visible = true
			break
		}
	}
	if !visible {
		return ErrInvisibleName
	}
	words := strings.FieldsFunc(Skeleton(name), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	for i, word := range words {
		if (i == 0 && reservedFirst[word]) || reservedAnywhere[word] {
			return ErrReservedName
		}
	}
	return nil
}

// Skeleton is what a name looks like, for telling look-alikes apart: its
// compatibility form (NFKD: "Ａｌｉｃｅ" is "Alice"), case-folded, without
// accents, invisible characters or Latin look-alikes from other scripts
// (Cyrillic "а" is "a"), with runs of spaces made one.
func Skeleton(name string) string {
	var b strings.Builder
	space := false
	for _, r := range cases.Fold().String(norm.NFKD.String(name)) {
		switch {
		case ignorable(r), unicode.In(r, unicode.M):
			continue
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if latin, ok := lookAlikes[r]; ok {
			r = latin
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lookAlikes are the Cyrillic and Greek letters (case-folded) that are
// drawn like Latin ones: enough to catch "Аlice" typed to pass for Alice,
// not the whole of Unicode's confusables.
var lookAlikes = map[rune]rune{
	'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c',
	'т': 't', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ї': 'i', 'ј': 'j', 'ԁ': 'd', 'һ': 'h', 'ӏ': 'l',
	'ԛ': 'q', 'ԝ': 'w', 'ɡ': 'g', 'ı': 'i',
	'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'τ': 't',
	'υ': 'u', 'χ': 'x', 'γ': 'y', 'ζ': 'z',
}

// nameIndex tells apart the names of the people present.
type nameIndex struct {
	// shown counts, by skeleton, the people present showing a name.
	shown map[string]int
	// next is, by the skeleton of a name typed, the number to try first;
	// numbered records which typed name and number gave a numbered name,
	// so that the number can be given again once its holder leaves.
	next     map[string]int
	numbered map[string]numberedName
}

type numberedName struct {
	typed string
	n     int
}

func (x *nameIndex) init() {
	if x.shown == nil {
		x.shown, x.next, x.numbered = map[string]int{}, map[string]int{}, map[string]numberedName{}
	}
}

// distinct returns the name to show for someone who typed name: name
// itself, or name with the first number that makes it unlike every name
// shown for someone present. An erased name ("") stays "".
func (x *nameIndex) distinct(name string) string {
	if name == "" {
		return ""
	}
	x.init()
	typed := Skeleton(name)
	if x.shown[typed] == 0 {
		return name
	}
	for n := max(x.next[typed], 2); ; n++ {
		candidate := name + " (" + strconv.Itoa(n) + ")"
		if sk := Skeleton(candidate); x.shown[sk] == 0 {
			x.next[typed] = n + 1
			x.numbered[sk] = numberedName{typed, n}
			return candidate
		}
	}
}

// enter records a name shown for someone present.
func (x *nameIndex) enter(shown string) {
	if shown == "" {
		return
	}
	x.init()
	x.shown[Skeleton(shown)]++
}

// leave forgets the name of someone no longer present: its number may be
// given again.
func (x *nameIndex) leave(shown string) {
	if shown == "" || x.shown == nil {
		return
	}
	sk := Skeleton(shown)
	if x.shown[sk]--; x.shown[sk] <= 0 {
		delete(x.shown, sk)
	}
	if num, ok := x.numbered[sk]; ok && x.shown[sk] == 0 {
		delete(x.numbered, sk)
		if num.n < x.next[num.typed] {
			x.next[num.typed] = num.n
		}
		// Numbers start at 2 anyway: an entry that says so is dropped, so
		// that a name nobody shows any more is kept nowhere.
		if x.next[num.typed] <= 2 {
			delete(x.next, num.typed)
		}
	}
	// With nobody's name left, the index is as it was before the first:
	// a replay of a log whose names were all erased never makes it.
	if len(x.shown) == 0 && len(x.next) == 0 && len(x.numbered) == 0 {
		*x = nameIndex{}
	}
}
