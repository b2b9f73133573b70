package sshserver

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/sshserver/sshtest"
)

func TestFacilitatorsFileNamesFacilitatorsByTheirComment(t *testing.T) {
	catriona, bare, long, other := newKey(t), newKey(t), newKey(t), newKey(t)
	path := filepath.Join(t.TempDir(), "facilitators")
	sshtest.WriteFile(t, path, authorizedLine(catriona, "Catriona Bell")+
		strings.TrimSpace(string(gossh.MarshalAuthorizedKey(bare.PublicKey())))+"\n"+
		authorizedLine(long, strings.Repeat("Ailsa ", 20)+"\x1b[31m"))
	f, err := loadFacilitatorFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		key  gossh.Signer
		want string
	}{
		{"a comment", catriona, "Catriona Bell"},
		{"no comment", bare, ""},
		{"a comment too long, with an escape", long, strings.TrimSpace(strings.Repeat("Ailsa ", 20)[:inquiry.MaxNameRunes])},
		{"a key not in the file", other, ""},
	}
	for _, c := range cases {
		if got := f.Name(c.key.PublicKey()); got != c.want {
			t.Errorf("%s: Name = %q, want %q", c.name, got, c.want)
		}
	}
}

// A facilitator listed in the file with a name, running commands over
// SSH, is named in the log their workshop keeps, and so in its export.
func TestAFacilitatorsNameFromTheFileReachesTheExport(t *testing.T) {
	catriona := newKey(t)
	path := filepath.Join(t.TempDir(), "facilitators")
	if err := os.WriteFile(path, []byte(authorizedLine(catriona, "Catriona Bell")), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := startServer(t, "", withConfig(func(cfg *Config) { cfg.FacilitatorsFile = path }))
	newWorkshop(t, srv.addr, catriona, `--title "Harbour talk" --code harbour-talk`)
	r := run(t, srv.addr, "catriona", "export harbour-talk --format json", withKeys(catriona))
	if r.status != 0 {
		t.Fatalf("export: %+v", r)
	}
	var doc struct {
		Team []struct{ Role, ID, Name string } `json:"team"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("the export is not JSON: %v", err)
	}
	fp := gossh.FingerprintSHA256(catriona.PublicKey())
	if len(doc.Team) != 1 || doc.Team[0].Name != "Catriona Bell" || doc.Team[0].ID != fp || doc.Team[0].Role != "facilitator" {
		t.Errorf("team = %+v, want Catriona Bell (%s), from the file's comment", doc.Team, fp)
	}
	md := run(t, srv.addr, "catriona", "export harbour-talk --format md", withKeys(catriona))
	if !strings.Contains(md.stdout, "- **Facilitation team:** Catriona Bell (facilitator)\n") {
		t.Errorf("the report does not name the facilitator:\n%s", md.stdout)
	}
}

func TestAnEnrolledNameWinsOverTheFilesComment(t *testing.T) {
	key := newKey(t)
	path := filepath.Join(t.TempDir(), "facilitators")
	sshtest.WriteFile(t, path, authorizedLine(key, "cb@laptop"))
	srv := startServer(t, "", withConfig(func(cfg *Config) { cfg.FacilitatorsFile = path }))
	if got := srv.facilitatorActor(key.PublicKey()); got.Name != "cb@laptop" {
		t.Errorf("from the file alone: %+v", got)
	}
	if err := srv.store.EnrolFacilitator(t.Context(), key.PublicKey(), "Catriona Bell"); err != nil {
		t.Fatal(err)
	}
	got := srv.facilitatorActor(key.PublicKey())
	if got.Name != "Catriona Bell" || got.ID != gossh.FingerprintSHA256(key.PublicKey()) || got.Role != inquiry.RoleFacilitator {
		t.Errorf("enrolled and in the file: %+v, want the enrolled name", got)
	}
}

func TestEnrolmentKeepsTheNameGiven(t *testing.T) {
	srv := startServer(t, "") // no facilitator yet: enrolment is open
	key := newKey(t)
	enrol := srv.enrolNamedFunc(t.Context(), visitor{key: key.PublicKey()})
	code := srv.enrolment.Code()
	if err := enrol(code, strings.Repeat("x", inquiry.MaxNameRunes+1)); err == nil {
		t.Fatalf("a name over %d characters was taken", inquiry.MaxNameRunes)
	}
	if srv.enrolment.Code() != code {
		t.Fatalf("a refused name used up the enrolment code")
	}
	// The code itself is tried as a counted guess on a real connection
	// (enrolment_e2e_test.go and the lookups tests); here, what a right
	// code does with the name.
	if err := srv.enrolment.try(code, srv.enrolWith(t.Context(), visitor{key: key.PublicKey()}, inquiry.CleanLine("  Catriona Bell\x1b[0m "))); err != nil {
		t.Fatalf("enrol: %v", err)
	}
	if name, ok := srv.store.FacilitatorName(gossh.FingerprintSHA256(key.PublicKey())); name != "Catriona Bell" || !ok {
		t.Errorf("the enrolled name = %q, %v; want it cleaned and kept with the key", name, ok)
	}
	if got := srv.facilitatorActor(key.PublicKey()).Name; got != "Catriona Bell" {
		t.Errorf("the facilitator's events would carry the name %q", got)
	}
}
