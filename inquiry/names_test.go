package inquiry

import (
	"errors"
	"fmt"
	"testing"
)

func TestNewNamesMustShowALetterAndClaimNoRole(t *testing.T) {
	cases := []struct {
		name string
		want error
	}{
		{"Alice", nil},
		{"Jo 2", nil},
		{"7", nil},
		{"社区", nil},
		{"Alice from Anchorage Trust", nil},
		{"Hosting Hannah", nil},
		{"ㅤ", ErrInvalid},         // the Hangul filler: not clean, so not a name
		{"...", ErrInvisibleName}, // nothing to show
		{"🌳🌳", ErrInvisibleName},  // emoji alone credit nobody
		{"Facilitator", ErrReservedName},
		{"Facilitator (host)", ErrReservedName},
		{"FACILITATOR", ErrReservedName},
		{"Ｆａｃｉｌｉｔａｔｏｒ", ErrReservedName},       // full-width letters
		{"Fаcilitаtor", ErrReservedName},       // Cyrillic а
		{"Facilita\u0301tor", ErrReservedName}, // an accent
		{"Jo (facilitator)", ErrReservedName},
		{"Scribe", ErrReservedName},
		{"Anchorage", ErrReservedName},
		{"System", ErrReservedName},
		{"Host", ErrReservedName},
		{"the moderator", ErrReservedName},
	}
	for _, c := range cases {
		err := checkName(c.name, false)
		switch {
		case c.want == nil && err != nil:
			t.Errorf("name %q refused: %v", c.name, err)
		case c.want != nil && !errors.Is(err, c.want):
			t.Errorf("name %q: %v, want %v", c.name, err, c.want)
		}
	}
	// A recorded name is not judged again: logs made before still open.
	if err := checkName("Facilitator", true); err != nil {
		t.Errorf("a recorded name %q is refused on replay: %v", "Facilitator", err)
	}
}

func TestSkeletonMatchesLookAlikes(t *testing.T) {
	for _, pair := range [][2]string{
		{"Alice", "alice"},
		{"Alice", "ALICE"},
		{"Alice", "Аlice"}, // Cyrillic А
		{"Alice", "Ａｌｉｃｅ"},
		{"Alice", "Ali\u00adce"},
		{"Alice", "Alicé"},
		{"Mary Jane", "mary   jane"},
		{"Straße", "STRASSE"},
	} {
		if a, b := Skeleton(pair[0]), Skeleton(pair[1]); a != b {
			t.Errorf("Skeleton(%q) = %q, Skeleton(%q) = %q: want them equal", pair[0], a, pair[1], b)
		}
	}
	if Skeleton("Alice") == Skeleton("Alina") {
		t.Errorf("Alice and Alina have the same skeleton")
	}
}

// People present with names that look the same are told apart, in the
// order they joined; a number is given again once its holder has gone.
func TestLookAlikeNamesPresentAreToldApart(t *testing.T) {
	l := baseLog(t) // Alice, Bob and Table 3
	people := []struct {
		id, typed, shown string
	}{
		{"p-a2", "alice", "alice (2)"},
		{"p-a3", "Аlice", "Аlice (3)"}, // Cyrillic А
		{"p-a4", "Alice (2)", "Alice (2) (2)"},
		{"p-b2", "Bob", "Bob (2)"},
		{"p-z", "Zoë", "Zoë"},
	}
	for _, p := range people {
		e := joined(Actor{Role: RoleParticipant, ID: p.id}, p.typed)
		if err := l.replay().Check(e); err != nil {
			t.Fatalf("join as %q refused: %v", p.typed, err)
		}
		l.append(e)
	}
	w := l.replay()
	for _, p := range people {
		got, _ := w.Participant(p.id)
		if got.Name != p.shown {
			t.Errorf("%s typed %q and is shown as %q, want %q", p.id, p.typed, got.Name, p.shown)
		}
	}
	if a, _ := w.Participant(alice.ID); a.Name != "Alice" {
		t.Errorf("the first Alice is shown as %q", a.Name)
	}
	// alice (2) leaves; the next Alice takes her number.
	l.append(withdrew(Actor{Role: RoleParticipant, ID: "p-a2"}, "p-a2"))
	l.append(joined(Actor{Role: RoleParticipant, ID: "p-a5"}, "Alice"))
	w = l.replay()
	if p, _ := w.Participant("p-a5"); p.Name != "Alice (2)" {
		t.Errorf("after alice (2) left, a new Alice is shown as %q, want %q", p.Name, "Alice (2)")
	}
	// A retried join is recognised by the name as typed.
	retry := joined(Actor{Role: RoleParticipant, ID: "p-a3"}, "Аlice")
	if err := w.Check(retry); !errors.Is(err, ErrDuplicate) {
		t.Errorf("a retried join = %v, want ErrDuplicate", err)
	}
}

// Telling apart costs the same however many share a name.
func TestManyNamesAlikeAreEachNumberedOnce(t *testing.T) {
	l := baseLog(t)
	for i := range 200 {
		l.append(joined(Actor{Role: RoleParticipant, ID: fmt.Sprintf("p-%03d", i)}, "Sam"))
	}
	w := l.replay()
	seen := map[string]bool{}
	for i := range 200 {
		p, _ := w.Participant(fmt.Sprintf("p-%03d", i))
		if seen[p.Name] {
			t.Fatalf("two people present are shown as %q", p.Name)
		}
		seen[p.Name] = true
	}
	if p, _ := w.Participant("p-199"); p.Name != "Sam (200)" {
		t.Errorf("the 200th Sam is shown as %q", p.Name)
	}
}
