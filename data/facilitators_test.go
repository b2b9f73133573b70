package data

import (
	"errors"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/sshserver/sshtest"
)

// newKey makes a new public key, as a facilitator or a scribe enrols.
func newKey(t testing.TB) gossh.PublicKey { return sshtest.NewKey(t).PublicKey() }

func TestEnrolledFacilitatorIsRecognisedByKey(t *testing.T) {
	clock := newClock()
	s := openStore(t, t.TempDir(), withClock(clock))
	morag, stranger := newKey(t), newKey(t)
	if s.IsFacilitator(morag) {
		t.Fatal("a key is a facilitator before enrolling")
	}
	if err := s.EnrolFacilitator(testContext(t), morag, "Morag"); err != nil {
		t.Fatal(err)
	}
	if !s.IsFacilitator(morag) || s.IsFacilitator(stranger) || s.IsFacilitator(nil) {
		t.Fatalf("IsFacilitator: enrolled %v, stranger %v, nil %v; want true, false, false",
			s.IsFacilitator(morag), s.IsFacilitator(stranger), s.IsFacilitator(nil))
	}
	all := s.Facilitators()
	if len(all) != 1 || all[0].Fingerprint != gossh.FingerprintSHA256(morag) || all[0].Name != "Morag" || all[0].EnrolledAt.IsZero() {
		t.Fatalf("Facilitators() = %+v", all)
	}
	parsed, _, _, _, err := gossh.ParseAuthorizedKey([]byte(all[0].AuthorizedKey))
	if err != nil || gossh.FingerprintSHA256(parsed) != all[0].Fingerprint {
		t.Errorf("AuthorizedKey %q does not parse back to the key: %v", all[0].AuthorizedKey, err)
	}

	// Enrolling again renames and keeps the first enrolment time.
	if err := s.EnrolFacilitator(testContext(t), morag, "Morag Campbell"); err != nil {
		t.Fatal(err)
	}
	again := s.Facilitators()
	if len(again) != 1 || again[0].Name != "Morag Campbell" || !again[0].EnrolledAt.Equal(all[0].EnrolledAt) {
		t.Errorf("after enrolling again: %+v; want one facilitator renamed, enrolled at %v", again, all[0].EnrolledAt)
	}
}

func TestFacilitatorNameIsFoundByFingerprintAfterARestart(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir)
	named, unnamed := newKey(t), newKey(t)
	if err := s.EnrolFacilitator(testContext(t), named, "Catriona Bell"); err != nil {
		t.Fatal(err)
	}
	if err := s.EnrolFacilitator(testContext(t), unnamed, ""); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openStore(t, dir)
	cases := []struct {
		key  gossh.PublicKey
		name string
		ok   bool
	}{{named, "Catriona Bell", true}, {unnamed, "", false}, {newKey(t), "", false}}
	for _, c := range cases {
		if name, ok := s.FacilitatorName(gossh.FingerprintSHA256(c.key)); name != c.name || ok != c.ok {
			t.Errorf("FacilitatorName = %q, %v; want %q, %v", name, ok, c.name, c.ok)
		}
	}
}

func TestFacilitatorNameIsMadeSafeToShow(t *testing.T) {
	s := openStore(t, t.TempDir())
	key := newKey(t)
	if err := s.EnrolFacilitator(testContext(t), key, " Morag\x1b[31m\n "); err != nil {
		t.Fatal(err)
	}
	if name := s.Facilitators()[0].Name; name != "Morag" {
		t.Errorf("stored name %q, want %q", name, "Morag")
	}
	long := strings.Repeat("x", inquiry.MaxNameRunes+1)
	if err := s.EnrolFacilitator(testContext(t), newKey(t), long); !errors.Is(err, inquiry.ErrInvalid) {
		t.Errorf("enrolling with a %d-character name: %v, want ErrInvalid", len(long), err)
	}
}
