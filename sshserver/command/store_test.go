package command

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/inquirytest"
	"github.com/anchorage/anchorage/sshserver/sshtest"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"
)

// facilitator is who the commands act as in these tests.
var facilitator = inquiry.Actor{Role: inquiry.RoleFacilitator, ID: "SHA256:test"}

type outcome struct {
	status         int
	stdout, stderr string
}

// runOn runs a command line on a store, as over SSH (local false) or on
// the server's machine (local true), with stdin.
func runOn(t *testing.T, store Store, local bool, stdin string, args ...string) outcome {
	t.Helper()
	root := &cobra.Command{Use: "anchorage"}
	Add(root, Env{
		Store: func(*cobra.Command, []string) (Store, error) { return store, nil },
		Actor: facilitator,
		Local: local,
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var stdout, stderr bytes.Buffer
	status := Execute(ctx, root, args, strings.NewReader(stdin), &stdout, &stderr)
	return outcome{status, stdout.String(), stderr.String()}
}

func TestGuideAddedOverSSHCanBeListedShownAndUsed(t *testing.T) {
	s := datatest.Open(t)
	if r := runOn(t, s, false, inquirytest.WalkGuide, "guide", "add"); r.status != 0 || !strings.Contains(r.stdout, "added guide harbour-walk") {
		t.Fatalf("guide add: %+v", r)
	}
	list := runOn(t, s, false, "", "guide", "list")
	if list.status != 0 || !strings.Contains(list.stdout, inquiry.DefaultGuideID) || !lineHolds(list.stdout, "harbour-walk", "added", "A walk round the harbour") {
		t.Errorf("guide list does not show the built-ins and the added guide:\n%s", list.stdout)
	}
	if r := runOn(t, s, false, "", "guide", "show", "harbour-walk"); r.status != 0 || r.stdout != inquirytest.WalkGuide {
		t.Errorf("guide show: %+v; want the YAML as added", r)
	}
	if r := runOn(t, s, false, "", "guide", "show", "four-d"); r.status != 0 || !strings.Contains(r.stdout, "id: four-d") {
		t.Errorf("guide show of a built-in: %+v", r)
	}
	if r := runOn(t, s, false, "", "guide", "show", "no-such"); r.status != 1 || !strings.Contains(r.stderr, `no guide "no-such"`) {
		t.Errorf("guide show of an unknown guide: %+v", r)
	}
	if r := runOn(t, s, false, inquirytest.WalkGuide, "guide", "add"); r.status != 0 || !strings.Contains(r.stdout, "unchanged") {
		t.Errorf("adding the same guide again: %+v", r)
	}

	opened := runOn(t, s, false, "", "workshop", "new", "--title", "Walk", "--code", "walk-0001", "--guide", "harbour-walk")
	if opened.status != 0 {
		t.Fatalf("workshop new with an added guide: %+v", opened)
	}
	if w, ok := s.ByCode("walk-0001"); !ok || w.Guide != "harbour-walk" {
		t.Errorf("the workshop follows %q, want harbour-walk", w.Guide)
	}
	changed := strings.Replace(inquirytest.WalkGuide, "What do you see working?", "What would you change?", 1)
	if r := runOn(t, s, false, changed, "guide", "add"); r.status != 1 || !strings.Contains(r.stderr, "walk-0001") {
		t.Errorf("replacing a guide an open workshop follows: %+v; want a refusal naming walk-0001", r)
	}
}

func TestGuideAddErrorsNameStdinAndTheLine(t *testing.T) {
	s := datatest.Open(t)
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown kind", strings.Replace(inquirytest.WalkGuide, "        text: What do you see working?\n", "        text: What do you see working?\n        kinds: [wish]\n", 1), `stdin:10: phases[0].prompts[0].kinds[0]`},
		{"a built-in's id", strings.Replace(inquirytest.WalkGuide, "id: harbour-walk", "id: four-d", 1), `stdin:2: id: "four-d" is the ID of a built-in guide`},
		{"not YAML", "id: [unclosed\n", "stdin:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runOn(t, s, false, tt.yaml, "guide", "add")
			if r.status != 1 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("guide add: exit %d, stderr %q; want 1 and %q", r.status, r.stderr, tt.want)
			}
		})
	}
	if r := runOn(t, s, false, "", "guide", "add"); r.status != 2 || !strings.Contains(r.stderr, "standard input") {
		t.Errorf("guide add with nothing on stdin: %+v", r)
	}
	if r := runOn(t, s, false, inquirytest.WalkGuide, "guide", "add", "/etc/passwd"); r.status != 2 {
		t.Errorf("guide add FILE over SSH (a path on the server): %+v; want a usage error", r)
	}
	if n := len(s.Guides()); n != len(inquiry.Builtins()) {
		t.Errorf("%d guides after failed adds, want the built-ins alone", n)
	}
}

func TestGuideCheckValidatesAFileOffline(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	sshtest.WriteFile(t, good, inquirytest.WalkGuide)
	sshtest.WriteFile(t, bad, inquirytest.WalkGuide[:strings.Index(inquirytest.WalkGuide, "    prompts:")]+"    prompts: []\n")
	// guide check needs no store at all.
	none := func(*cobra.Command, []string) (Store, error) {
		t.Error("guide check opened the store")
		return nil, ErrNoData
	}
	check := func(args ...string) outcome {
		root := &cobra.Command{Use: "anchorage"}
		Add(root, Env{Store: none, Actor: facilitator, Local: true})
		var stdout, stderr bytes.Buffer
		status := Execute(context.Background(), root, args, strings.NewReader(""), &stdout, &stderr)
		return outcome{status, stdout.String(), stderr.String()}
	}
	if r := check("guide", "check", good); r.status != 0 || !strings.Contains(r.stdout, "harbour-walk is ready to add") {
		t.Errorf("guide check of a good file: %+v", r)
	}
	if r := check("guide", "check", bad); r.status != 1 || !strings.Contains(r.stderr, bad+":7: phases[0].prompts") {
		t.Errorf("guide check of a bad file: exit %d, stderr %q; want 1 and %s:7", r.status, r.stderr, bad)
	}
	if r := check("guide", "check", filepath.Join(dir, "missing.yaml")); r.status != 1 {
		t.Errorf("guide check of a missing file: %+v", r)
	}
}

func TestGuideListAndShowWithoutAnyDataGiveTheBuiltIns(t *testing.T) {
	status, stdout, _ := execute(t, []string{"guide", "list"})
	if status != 0 || !strings.Contains(stdout, "four-d") || !strings.Contains(stdout, "built-in") || strings.Contains(stdout, "added") {
		t.Errorf("guide list without data: exit %d\n%s", status, stdout)
	}
	status, stdout, _ = execute(t, []string{"guide", "show", "anchor-roles"})
	if status != 0 || !strings.Contains(stdout, "id: anchor-roles") {
		t.Errorf("guide show without data: exit %d\n%s", status, stdout)
	}
}

func TestScribeAddReadsAKeyFromStdin(t *testing.T) {
	s := datatest.Open(t)
	if r := runOn(t, s, false, "", "workshop", "new", "--title", "Harbour", "--code", "harbour-0001"); r.status != 0 {
		t.Fatal(r)
	}
	key := sshtest.NewKey(t).PublicKey()
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(key))) + " jo@laptop\n"
	r := runOn(t, s, false, line, "scribe", "add", "harbour-0001", "--name", "Jo at table 3")
	if r.status != 0 || !strings.Contains(r.stdout, gossh.FingerprintSHA256(key)) || !strings.Contains(r.stdout, "Jo at table 3") {
		t.Fatalf("scribe add: %+v", r)
	}
	w, _ := s.ByCode("harbour-0001")
	if !s.IsScribe(w.ID, key) {
		t.Errorf("the key is not a scribe's after scribe add")
	}
	other := sshtest.NewKey(t).PublicKey()
	if r := runOn(t, s, false, string(gossh.MarshalAuthorizedKey(other)), "scribe", "add", "HARBOUR-0001"); r.status != 0 {
		t.Errorf("scribe add with the code in capitals and no name: %+v", r)
	}
	list := runOn(t, s, false, "", "scribe", "list", "Harbour 0001")
	if list.status != 0 || !strings.Contains(list.stdout, "Jo at table 3") || !strings.Contains(list.stdout, gossh.FingerprintSHA256(other)) {
		t.Errorf("scribe list: %+v", list)
	}

	tests := []struct {
		name, stdin string
		args        []string
		status      int
		stderr      string
	}{
		{"no key", "", []string{"scribe", "add", "harbour-0001"}, 2, "standard input"},
		{"not a key", "hello there\n", []string{"scribe", "add", "harbour-0001"}, 2, "not a public key"},
		{"two keys", line + line, []string{"scribe", "add", "harbour-0001"}, 2, "more than one key"},
		{"options", `command="ls" ` + line, []string{"scribe", "add", "harbour-0001"}, 2, "options"},
		{"unknown workshop", line, []string{"scribe", "add", "nowhere-0001"}, 1, "no workshop has the code"},
		{"not a code", line, []string{"scribe", "add", "no_such\x1b[2J"}, 1, `no workshop has the code "no_such\x1b[2J": a join code is a word and a number`},
		{"no code", line, []string{"scribe", "add"}, 2, "join code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runOn(t, s, false, tt.stdin, tt.args...)
			if r.status != tt.status || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.status, r.stderr, tt.status, tt.stderr)
			}
		})
	}
	runOn(t, s, false, "", "workshop", "close", "harbour-0001")
	if r := runOn(t, s, false, line, "scribe", "add", "harbour-0001"); r.status != 1 || !strings.Contains(r.stderr, "closed") {
		t.Errorf("scribe add to a closed workshop: %+v", r)
	}
}

func TestBackupOverSSHRestoresToTheSameExports(t *testing.T) {
	s := datatest.Open(t)
	for _, code := range []string{"harbour-0001", "castle-0002", "heron-0003"} {
		if r := runOn(t, s, false, "", "workshop", "new", "--title", "Talk at "+code, "--code", code); r.status != 0 {
			t.Fatal(r)
		}
		w, _ := s.ByCode(code)
		join := inquiry.Event{Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: "ann"},
			Participant: &inquiry.ParticipantDetails{ID: "ann", Name: inquiry.Words{Text: "Ann"}, ConsentAt: time.Now()}}
		if _, err := s.Append(context.Background(), w.ID, join); err != nil {
			t.Fatal(err)
		}
		add := inquiry.Event{Type: inquiry.ContributionAdded, Actor: join.Actor, Contribution: &inquiry.ContributionDetails{
			ID: "c1", Participant: "ann", Prompt: "discover/best-time", Kind: inquiry.Story, Text: inquiry.Words{Text: "Words at " + code}}}
		if _, err := s.Append(context.Background(), w.ID, add); err != nil {
			t.Fatal(err)
		}
	}
	backup := runOn(t, s, false, "", "backup")
	if backup.status != 0 || len(backup.stdout) == 0 {
		t.Fatalf("backup: exit %d, %d bytes, stderr %q", backup.status, len(backup.stdout), backup.stderr)
	}
	dir := filepath.Join(t.TempDir(), "restored")
	if err := data.Restore(dir, strings.NewReader(backup.stdout)); err != nil {
		t.Fatal(err)
	}
	restored, err := data.Open(data.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	for _, w := range s.Workshops() {
		for _, format := range []string{"markdown", "csv", "json"} {
			want := runOn(t, s, false, "", "export", w.Code, "--format", format)
			got := runOn(t, restored, false, "", "export", w.Code, "--format", format)
			if want.status != 0 || got.status != 0 || want.stdout != got.stdout {
				t.Errorf("%s as %s differs after backup and restore (exit %d and %d)", w.Code, format, want.status, got.status)
			}
		}
	}
}

func TestBackupRefusesATerminal(t *testing.T) {
	s := datatest.Open(t)
	root := &cobra.Command{Use: "anchorage"}
	Add(root, Env{Store: func(*cobra.Command, []string) (Store, error) { return s, nil }, Actor: facilitator, Terminal: true})
	var stdout, stderr bytes.Buffer
	if status := Execute(context.Background(), root, []string{"backup"}, strings.NewReader(""), &stdout, &stderr); status != 2 || stdout.Len() != 0 || !strings.Contains(stderr.String(), "backup > ") {
		t.Errorf("backup to a terminal: exit %d, %d bytes out, stderr %q; want a usage error saying where to send it", status, stdout.Len(), stderr.String())
	}
}

// lineHolds reports whether some line of text holds every word, in order.
func lineHolds(text string, words ...string) bool {
	for _, line := range strings.Split(text, "\n") {
		rest, ok := line, true
		for _, w := range words {
			i := strings.Index(rest, w)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(w):]
		}
		if ok {
			return true
		}
	}
	return false
}
