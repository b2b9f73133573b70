package inquiry

import (
	"errors"
	"strings"
	"testing"
)

func TestJoinCodesAreReadAsPeopleTypeThem(t *testing.T) {
	for _, typed := range []string{"plover-9359", "Plover 9359", "PLOVER9359", " plover 9359 ", "plover–9359", "plo-ver 93-59", "plover\t9359"} {
		code, err := ParseJoinCode(typed)
		if err != nil || code != "plover9359" {
			t.Errorf("ParseJoinCode(%q) = %q, %v; want plover9359", typed, code, err)
		}
	}
	walk, _ := ParseJoinCode("harbour-walk")
	if same, _ := ParseJoinCode("Harbour Walk"); same != walk {
		t.Errorf("harbour-walk and Harbour Walk parse to %q and %q", walk, same)
	}
	if other, _ := ParseJoinCode("harbour-walks"); other == walk {
		t.Errorf("harbour-walks parses to the same code as harbour-walk")
	}
}

func TestJoinCodeRefusesWhatCannotBeACode(t *testing.T) {
	for _, typed := range []string{
		"", " ", "-", "a", "9359-plover", "plover_9359", "plövér-9359", "plover@host", "plover.9359",
		"enrol", "En-Rol", "ROOT", "facilitator",
		strings.Repeat("a", 33), "\x1b]0;title\x07", strings.Repeat("b", 10000),
	} {
		code, err := ParseJoinCode(typed)
		if !errors.Is(err, ErrInvalid) || code != "" {
			t.Errorf("ParseJoinCode(%.40q) = %q, %v; want ErrInvalid", typed, code, err)
			continue
		}
		if msg := err.Error(); CleanLine(msg) != msg || len(msg) > 200 {
			t.Errorf("the error for %.40q is not one short clean line: %q", typed, msg)
		}
	}
	if _, err := ParseJoinCode(strings.Repeat("a", 32)); err != nil {
		t.Errorf("a 32-letter code was refused: %v", err)
	}
}

func TestNewCodesAreValidAndParseToThemselvesWithoutDashes(t *testing.T) {
	for i := range 256 {
		c := NewCode([]byte{byte(i), byte(i * 7), byte(i * 13), byte(i * 31)})
		if err := ValidCode(c); err != nil {
			t.Fatalf("NewCode made %q: %v", c, err)
		}
		if got, err := ParseJoinCode(c); err != nil || string(got) != strings.ReplaceAll(c, "-", "") {
			t.Fatalf("ParseJoinCode(%q) = %q, %v", c, got, err)
		}
	}
	for _, bad := range []string{"en-rol", "Harbour-1", "a", "-harbour"} {
		if ValidCode(bad) == nil {
			t.Errorf("ValidCode(%q) accepted a code that is reserved or cannot be typed as a user name", bad)
		}
	}
}
