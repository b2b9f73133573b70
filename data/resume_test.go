package data

import (
	"regexp"
	"strings"
	"testing"
)

var resumeShape = regexp.MustCompile(`^[` + resumeAlphabet + `]{4}-[` + resumeAlphabet + `]{4}$`)

func TestResumeCodeIsMadeOnceAndFindsItsParticipant(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	ws := openWorkshop(t, s, "harbour-0001")
	other := openWorkshop(t, s, "castle-0001")
	mustAppend(t, s, ws.ID, joining("ann"))
	mustAppend(t, s, ws.ID, joining("bob"))
	if _, err := s.ResumeCode(ws.ID, "nobody"); err == nil {
		t.Errorf("a resume code for someone who never joined")
	}
	ann, err := s.ResumeCode(ws.ID, "ann")
	if err != nil {
		t.Fatal(err)
	}
	if !resumeShape.MatchString(ann) {
		t.Errorf("resume code %q is not two groups of four from the unambiguous alphabet", ann)
	}
	bob, err := s.ResumeCode(ws.ID, "bob")
	if err != nil {
		t.Fatal(err)
	}
	if bob == ann {
		t.Errorf("two participants got the same code %q", ann)
	}
	if again, _ := s.ResumeCode(ws.ID, "ann"); again != ann {
		t.Errorf("a second call gave %q, want the first code %q", again, ann)
	}

	typed := []string{ann, strings.ToLower(ann), strings.ReplaceAll(ann, "-", ""), " " + strings.ToLower(ann[:4]) + " " + ann[5:] + " "}
	for _, code := range typed {
		if got, ok := s.Resume(ws.ID, code); !ok || got != "ann" {
			t.Errorf("Resume(%q) = %q, %v; want ann", code, got, ok)
		}
	}
	wrong := []string{"", "K7QM", ann + "2", strings.Replace(ann, ann[:1], nextLetter(ann[:1]), 1), "OOOO-IIII", "ÄÄÄÄ-ÄÄÄÄ"}
	for _, code := range wrong {
		if got, ok := s.Resume(ws.ID, code); ok {
			t.Errorf("Resume(%q) found %q", code, got)
		}
	}
	if _, ok := s.Resume(other.ID, ann); ok {
		t.Errorf("a code from one workshop opened another")
	}
	if _, err := s.ResumeCode("0123456789abcdef", "ann"); err == nil {
		t.Errorf("a resume code for an unknown workshop")
	}

	s.Close()
	for _, form := range []string{ann, strings.ReplaceAll(ann, "-", ""), strings.ToLower(strings.ReplaceAll(ann, "-", ""))} {
		if files := filesHolding(t, dir, form); len(files) > 0 {
			t.Errorf("the code %q can be read from %v", form, files)
		}
	}
	s = openStore(t, dir)
	if again, _ := s.ResumeCode(ws.ID, "ann"); again != ann {
		t.Errorf("after reopening the code is %q, want %q", again, ann)
	}
	if got, ok := s.Resume(ws.ID, ann); !ok || got != "ann" {
		t.Errorf("after reopening Resume = %q, %v", got, ok)
	}
}

// nextLetter is another character of the alphabet, for a code one
// character wrong.
func nextLetter(c string) string {
	i := strings.Index(resumeAlphabet, c)
	return string(resumeAlphabet[(i+1)%len(resumeAlphabet)])
}
