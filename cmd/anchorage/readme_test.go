package main

import (
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/sshserver/sshtest"
)

// readmeCommands are the commands in the fenced blocks of a README section,
// from its heading to the next heading of any level.
func readmeCommands(t *testing.T, readme, heading string) []string {
	t.Helper()
	_, section, ok := strings.Cut(readme, "\n"+heading+"\n")
	if !ok {
		t.Fatalf("README has no section %q", heading)
	}
	if end := regexp.MustCompile(`\n#{1,6} `).FindStringIndex(section); end != nil {
		section = section[:end[0]]
	}
	var commands []string
	in := false
	for _, line := range strings.Split(section, "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			in = !in
		case in && strings.TrimSpace(line) != "":
			commands = append(commands, strings.TrimSpace(line))
		}
	}
	if len(commands) == 0 {
		t.Fatalf("README's section %q shows no commands", heading)
	}
	return commands
}

// words splits a command line as a POSIX shell would, for the plain lines
// README shows: words separated by spaces, double quotes around a word
// with spaces in it.
func words(line string) []string {
	var out []string
	var word strings.Builder
	quoted, started := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, started = !quoted, true
		case r == ' ' && !quoted:
			if started {
				out = append(out, word.String())
				word.Reset()
				started = false
			}
		default:
			word.WriteRune(r)
			started = true
		}
	}
	if started {
		out = append(out, word.String())
	}
	return out
}

// TestREADMEReportAndCardCommandsRunAsTyped runs the commands README shows
// for the HTML report and the join card: the offline ones exactly as
// typed, in a folder with ./anchorage-data, and the SSH ones with HOST and
// the port replaced by a real server's on 127.0.0.1.
func TestREADMEReportAndCardCommandsRunAsTyped(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var commands []string
	for _, heading := range []string{"### HTML: the report to share", "## The join card"} {
		commands = append(commands, readmeCommands(t, string(readme), heading)...)
	}
	t.Chdir(t.TempDir())
	alice := crashKey(t)
	keys := sshtest.AuthorizedKeys(t, alice)
	srv := serve(t, nil, "--data", "./anchorage-data", "--facilitators", keys)
	if status, out, errOut := sshExec(t, srv.addr, alice, `workshop new --title "Anchors in Kilbrannan" --code harbour-4821`, nil); status != 0 {
		t.Fatalf("workshop new: %d %q %q", status, out, errOut)
	}
	fingerprint := regexp.MustCompile(`SHA256:[A-Za-z0-9+/]+`).FindString(srv.stdout.String())
	if fingerprint == "" {
		t.Fatalf("serve printed no host key fingerprint: %q", srv.stdout.String())
	}
	srv.stop(t)

	var overSSH []string
	for _, line := range commands {
		args := words(line)
		if args[0] != "anchorage" {
			overSSH = append(overSSH, line)
			continue
		}
		r := anchorage(t, nil, args[1:]...)
		if r.status != 0 {
			t.Errorf("%s: exit %d, stderr %q", line, r.status, r.stderr)
			continue
		}
		output := r.stdout
		for i, a := range args {
			if a == "--output" {
				b, err := os.ReadFile(args[i+1])
				if err != nil {
					t.Fatalf("%s: %v", line, err)
				}
				output = string(b)
			}
		}
		output = html.UnescapeString(output) // the HTML card writes + as &#43;
		if !strings.Contains(output, "harbour-4821") {
			t.Errorf("%s: the output does not name the workshop:\n%s", line, output)
		}
		if args[1] == "card" && !strings.Contains(output, fingerprint) {
			t.Errorf("%s: the card does not give the server's fingerprint %s", line, fingerprint)
		}
	}

	if len(overSSH) == 0 {
		t.Error("README shows no SSH form of these commands")
	}
	srv = serve(t, nil, "--data", "./anchorage-data", "--facilitators", keys)
	for _, line := range overSSH {
		remote, ok := strings.CutPrefix(line, "ssh -p 23234 HOST ")
		if !ok {
			t.Errorf("README shows %q, which this test does not know how to run", line)
			continue
		}
		remote, file, _ := strings.Cut(remote, " > ")
		status, out, errOut := sshExec(t, srv.addr, alice, remote, nil)
		if status != 0 || !strings.Contains(string(out), "harbour-4821") {
			t.Errorf("%s: exit %d, stderr %q, %d bytes", line, status, errOut, len(out))
		}
		if strings.Contains(remote, "card ") && !strings.Contains(html.UnescapeString(string(out)), fingerprint) {
			t.Errorf("%s: the card does not give the server's fingerprint %s", line, fingerprint)
		}
		if err := os.WriteFile(strings.TrimSpace(file), out, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}
