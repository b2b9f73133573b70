package facilitator

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/anchorage/anchorage/tui"
)

// press sends one key press, or each rune of a string, to the model and
// runs any command it returns, feeding the result back in, as a program
// would.
func pressEnrol(t *testing.T, m tea.Model, keys ...string) tea.Model {
	t.Helper()
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "tab":
			msg = tea.KeyPressMsg{Code: tea.KeyTab}
		case "ctrl+c":
			msg = tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
		default:
			for _, r := range k {
				m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			continue
		}
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		if cmd != nil {
			if reply := cmd(); reply != nil {
				if _, quit := reply.(tea.QuitMsg); !quit {
					m, _ = m.Update(reply)
				}
			}
		}
	}
	return m
}

func enrolScreen(m tea.Model) string { return m.View().Content }

func TestEnrolScreenRefusesAWrongCodeAndAcceptsTheRightOne(t *testing.T) {
	var tried []string
	enrol := func(code, name string) error {
		if name != "Morag Bell" {
			t.Errorf("enrolled in the name %q, want the one typed", name)
		}
		tried = append(tried, code)
		if code != "k7mq-2xhd-p9ta-wn3e" {
			return errors.New("that is not the enrolment code")
		}
		return nil
	}
	m := NewEnrol(enrol, "ssh -p 23234 10.0.0.5")
	if !strings.Contains(enrolScreen(m), "Type the enrolment code") || !strings.Contains(enrolScreen(m), "Your name") {
		t.Fatalf("the screen does not ask for a name and the code:\n%s", enrolScreen(m))
	}

	m = pressEnrol(t, m, "Morag Bell", "enter", "wrong", "enter")
	if !strings.Contains(enrolScreen(m), "that is not the enrolment code") {
		t.Errorf("a refusal is not shown:\n%s", enrolScreen(m))
	}
	if strings.Contains(enrolScreen(m), "wrong") {
		t.Errorf("the refused code is still in the field:\n%s", enrolScreen(m))
	}

	m = pressEnrol(t, m, "k7mq-2xhd-p9ta-wn3e", "enter")
	got := enrolScreen(m)
	for _, want := range []string{"This key is now a facilitator key, in the name Morag Bell.", "Connect with ssh -p 23234 10.0.0.5."} {
		if !strings.Contains(got, want) {
			t.Errorf("after the right code the screen lacks %q:\n%s", want, got)
		}
	}
	if strings.Join(tried, ",") != "wrong,k7mq-2xhd-p9ta-wn3e" {
		t.Errorf("enrol was called with %q", tried)
	}
}

func TestEnrolScreenIgnoresAnEmptyCode(t *testing.T) {
	called := false
	m := pressEnrol(t, NewEnrol(func(string, string) error { called = true; return nil }, ""), "Jo", "enter", "enter", "   ", "enter")
	if called {
		t.Error("an empty code was sent to the server")
	}
	if strings.Contains(enrolScreen(m), "facilitator key") {
		t.Error("an empty code enrolled")
	}
}

func TestEnrolScreenLeavesOnEscapeOrCtrlC(t *testing.T) {
	for _, k := range []string{"esc", "ctrl+c"} {
		m := NewEnrol(func(string, string) error { return nil }, "")
		m, _ = m.Update(tea.KeyPressMsg{Code: 'a', Text: "a"})
		var msg tea.KeyPressMsg
		if k == "esc" {
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		} else {
			msg = tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
		}
		_, cmd := m.Update(msg)
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s does not quit", k)
		}
	}
}

func TestEnrolScreenWithoutConnectHintSaysHowToComeBack(t *testing.T) {
	m := pressEnrol(t, NewEnrol(func(string, string) error { return nil }, ""), "Jo", "enter", "code", "enter")
	if !strings.Contains(enrolScreen(m), "without enrol@") {
		t.Errorf("the success screen does not say how to connect:\n%s", enrolScreen(m))
	}
}

func TestEnrolScreenSaysGoodbyeOnShutdown(t *testing.T) {
	m := NewEnrol(func(string, string) error { return nil }, "")
	m, cmd := m.Update(tui.ShutdownMsg{})
	if cmd == nil {
		t.Fatal("no command after ShutdownMsg")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("the screen does not quit on shutdown")
	}
	if !strings.Contains(enrolScreen(m), "The server is shutting down.") {
		t.Errorf("the screen does not say why it ends:\n%s", enrolScreen(m))
	}
}

// TestEnrolScreenAsksTheNameFirst: the code is not sent without a name,
// and the screen says why; a name given goes with the code.
func TestEnrolScreenAsksTheNameFirst(t *testing.T) {
	var got []string
	enrol := func(code, name string) error { got = append(got, code+" as "+name); return nil }
	m := pressEnrol(t, NewEnrol(enrol, ""), "tab", "k7mq-2xhd-p9ta-wn3e", "enter")
	if len(got) != 0 || !strings.Contains(enrolScreen(m), "Give your name first") {
		t.Fatalf("without a name: sent %q, screen:\n%s", got, enrolScreen(m))
	}
	m = pressEnrol(t, m, "Morag Bell", "enter", "enter")
	if len(got) != 1 || got[0] != "k7mq-2xhd-p9ta-wn3e as Morag Bell" {
		t.Fatalf("sent %q, want the code typed with the name", got)
	}
}
