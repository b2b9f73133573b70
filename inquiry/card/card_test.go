package card

import (
	"bytes"
	"errors"
	"html"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/inquirytest"
	"github.com/anchorage/anchorage/inquiry/inquirytest/golden"
	"github.com/charmbracelet/x/ansi"
)

// where is a server as serve prints it.
var where = Where{Host: "workshop-laptop.local", Port: "23234", Fingerprint: "SHA256:Vd0mK3t9yQ4b2Zr7Xw8PcL1nHs6Jf5Ua0eTgRiOkYqM"}

// workshop opens a workshop, with the given settings if any.
func workshop(t *testing.T, title string, settings *inquiry.Settings) *inquiry.Workshop {
	t.Helper()
	guide, _ := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	l := inquirytest.New(t, time.Date(2026, time.March, 12, 9, 0, 0, 0, time.UTC), inquiry.WorkshopDetails{
		ID: "ws-1", Title: title, Code: "harbour-4821", Pacing: inquiry.SelfPaced, Guide: guide,
	})
	if settings != nil {
		l.Act(time.Minute, inquiry.Event{Type: inquiry.SettingsChanged, Settings: settings})
	}
	return l.WS
}

func write(t *testing.T, c Card, f Format) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, c, f); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestCardMatchesGoldenFiles(t *testing.T) {
	c, err := New(workshop(t, "Anchors & <public> services in Kilbrannan", nil), where, "Thursday 12 March 2026, 10:00 in the village hall")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{HTML, Markdown, Text} {
		t.Run(string(f), func(t *testing.T) {
			got := write(t, c, f)
			golden.Check(t, filepath.Join("testdata", "harbour-4821."+string(f)+".golden"), []byte(got))
		})
	}
}

func TestCardSaysHowToJoinCheckAndComeBack(t *testing.T) {
	c, err := New(workshop(t, "Harbour talk", nil), where, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{HTML, Markdown, Text} {
		card := html.UnescapeString(write(t, c, f))
		for _, want := range []string{
			"ssh -p 23234 harbour-4821@workshop-laptop.local",
			"ssh://harbour-4821@workshop-laptop.local:23234",
			where.Fingerprint, "type yes", "Windows Terminal or PowerShell", "Terminal", "Linux", "Chromebook",
			"SSH app", "resume code", "Ctrl+R", "Thursday 12 March 2026", "harbour-4821",
		} {
			if !strings.Contains(card, want) {
				t.Errorf("the %s card does not say %q", f, want)
			}
		}
	}
}

func TestTextCardFitsEightyColumns(t *testing.T) {
	hosts := []string{"workshop-laptop.local", "192.168.1.20", "fe80::1c2b:3aff:fe4d:5e6f", "anchorage.community-trust.example.org"}
	for _, host := range hosts {
		w := where
		w.Host = host
		long := strings.Repeat("Partnerships between community anchors and public services ", 3)
		c, err := New(workshop(t, strings.TrimSpace(long[:100]), &inquiry.Settings{Visibility: inquiry.VisibleOnReveal, Anonymous: true}), w, "")
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(write(t, c, Text), "\n") {
			if n := ansi.StringWidth(line); n > Columns {
				t.Errorf("host %s: line %d is %d columns wide: %q", host, i+1, n, line)
			}
		}
	}
}

func TestTextCardRefusesAHostTooLongForItsColumns(t *testing.T) {
	w := where
	w.Host = strings.Repeat("a", 70) + ".example.org"
	c, err := New(workshop(t, "Harbour talk", nil), w, "")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, c, Text); !errors.Is(err, inquiry.ErrInvalid) || !strings.Contains(err.Error(), "--format html") {
		t.Errorf("a command wider than 80 columns: %v; want an error that offers the HTML card", err)
	}
	if !strings.Contains(write(t, c, HTML), w.Host) {
		t.Error("the HTML card does not take a long host")
	}
}

func TestCardSaysWhoSeesWhatAsTheWorkshopIsSet(t *testing.T) {
	cases := []struct {
		settings *inquiry.Settings
		says     string
	}{
		{nil, "Other participants see what you save as you save it, with the name you gave. The workshop's report quotes your words with the name you gave."},
		{&inquiry.Settings{Visibility: inquiry.VisibleOnReveal, Anonymous: true}, "Other participants see what you save once the facilitator reveals it, without your name. The report the workshop shares quotes your words without names."},
		{&inquiry.Settings{Visibility: inquiry.VisibleNever}, "Other participants do not see what you save. The workshop's report quotes your words with the name you gave."},
	}
	for _, tc := range cases {
		c, err := New(workshop(t, "Harbour talk", tc.settings), where, "")
		if err != nil {
			t.Fatal(err)
		}
		if text := strings.Join(strings.Fields(write(t, c, Text)), " "); !strings.Contains(text, tc.says) {
			t.Errorf("settings %+v: the card does not say %q", tc.settings, tc.says)
		}
	}
}

func TestCardRefusesWhatParticipantsCouldNotType(t *testing.T) {
	ws := workshop(t, "Harbour talk", nil)
	for _, w := range []Where{
		{Host: "host; rm -rf ~", Port: "23234", Fingerprint: where.Fingerprint},
		{Host: "<b>host</b>", Port: "23234", Fingerprint: where.Fingerprint},
		{Host: "", Port: "23234", Fingerprint: where.Fingerprint},
		{Host: "host", Port: "70000", Fingerprint: where.Fingerprint},
		{Host: "host", Port: "0", Fingerprint: where.Fingerprint},
		{Host: "host", Port: "22", Fingerprint: "MD5:aa:bb"},
	} {
		if _, err := New(ws, w, ""); !errors.Is(err, inquiry.ErrInvalid) {
			t.Errorf("%+v: %v, want ErrInvalid", w, err)
		}
	}
}

func TestCardFormatsAsTyped(t *testing.T) {
	for in, want := range map[string]Format{"html": HTML, "MD": Markdown, "markdown": Markdown, " txt ": Text, "text": Text} {
		if got, err := ParseFormat(in); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseFormat("pdf"); err == nil || !strings.Contains(err.Error(), "choose html, md or txt") {
		t.Errorf("ParseFormat(pdf): %v", err)
	}
}
