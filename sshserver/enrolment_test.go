package sshserver

import (
	"errors"
	"regexp"
	"strings"
	"testing"
)

func TestEnrolmentCodeIsFourGroupsOfUnambiguousCharacters(t *testing.T) {
	pattern := regexp.MustCompile(`^[` + enrolAlphabet + `]{4}(-[` + enrolAlphabet + `]{4}){3}$`)
	seen := map[string]bool{}
	for range 50 {
		e, err := newEnrolment(3)
		if err != nil {
			t.Fatal(err)
		}
		if !pattern.MatchString(e.Code()) {
			t.Fatalf("code %q is not four groups of four from %q", e.Code(), enrolAlphabet)
		}
		if seen[e.Code()] {
			t.Fatalf("code %q came up twice in 50", e.Code())
		}
		seen[e.Code()] = true
	}
	if strings.ContainsAny(enrolAlphabet, "0o1il") {
		t.Errorf("alphabet %q has characters that are easily confused", enrolAlphabet)
	}
}

func TestEnrolmentCodeWorksOnceForgivingCaseAndSpacing(t *testing.T) {
	e, err := newEnrolment(3)
	if err != nil {
		t.Fatal(err)
	}
	enrolled := 0
	enrol := func() error { enrolled++; return nil }
	typed := " " + strings.ToUpper(strings.ReplaceAll(e.Code(), "-", " ")) + " "
	if err := e.try(typed, enrol); err != nil {
		t.Fatalf("the right code, typed in capitals with spaces, was refused: %v", err)
	}
	if enrolled != 1 {
		t.Fatalf("enrol ran %d times, want once", enrolled)
	}
	if e.Code() != "" {
		t.Error("the code is still offered after it was used")
	}
	if err := e.try(typed, enrol); !errors.Is(err, ErrEnrolmentClosed) || enrolled != 1 {
		t.Errorf("the used code was accepted again (err %v, enrolled %d times)", err, enrolled)
	}
}

func TestEnrolmentCodeIsWithdrawnAfterTooManyWrongCodes(t *testing.T) {
	e, err := newEnrolment(3)
	if err != nil {
		t.Fatal(err)
	}
	code := e.Code()
	never := func() error { t.Error("enrol ran for a wrong code"); return nil }
	for i := range 2 {
		if err := e.try("aaaa-aaaa-aaaa-aaaa", never); err == nil || errors.Is(err, ErrEnrolmentClosed) {
			t.Fatalf("wrong code %d: err %v, want a refusal that leaves enrolment open", i+1, err)
		}
	}
	if err := e.try("aaaa-aaaa-aaaa-aaaa", never); !errors.Is(err, ErrEnrolmentClosed) {
		t.Fatalf("third wrong code: err %v, want enrolment closed", err)
	}
	if err := e.try(code, never); !errors.Is(err, ErrEnrolmentClosed) {
		t.Errorf("the right code worked after the code was withdrawn: %v", err)
	}
}

func TestEnrolmentFailureKeepsTheCode(t *testing.T) {
	e, err := newEnrolment(3)
	if err != nil {
		t.Fatal(err)
	}
	broken := errors.New("disk full")
	if err := e.try(e.Code(), func() error { return broken }); !errors.Is(err, broken) {
		t.Fatalf("err = %v, want the store's error", err)
	}
	if e.Code() == "" {
		t.Error("a failed enrolment used up the code")
	}
}

func TestNoEnrolmentMeansClosed(t *testing.T) {
	var e *enrolment
	if e.Code() != "" {
		t.Error("a server with facilitators offers an enrolment code")
	}
	if err := e.try("anything", func() error { return nil }); !errors.Is(err, ErrEnrolmentClosed) {
		t.Errorf("err = %v, want enrolment closed", err)
	}
}
