package tui

import (
	"errors"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// press sends one key press, or each rune of a string, to the model and
// runs any command it returns, feeding the result back in, as a program
// would.
func press(t *testing.T, m tea.Model, keys ...string) tea.Model {
	t.Helper()
	for _, k := range keys {
		var msg tea.KeyPressMsg
		switch k {
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
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

func screen(m tea.Model) string { return m.View().Content }

func TestEnrolScreenRefusesAWrongCodeAndAcceptsTheRightOne(t *testing.T) {
	var tried []string
	enrol := func(code string) error {
		tried = append(tried, code)
		if code != "k7mq-2xhd-p9ta-wn3e" {
			return errors.New("that is not the enrolment code")
		}
		return nil
	}
	m := NewEnrolFor(enrol, "ssh -p 23234 10.0.0.5")
	if !strings.Contains(screen(m), "Type the enrolment code") {
		t.Fatalf("the screen does not ask for the code:\n%s", screen(m))
	}

	m = press(t, m, "wrong", "enter")
	if !strings.Contains(screen(m), "that is not the enrolment code") {
		t.Errorf("a refusal is not shown:\n%s", screen(m))
	}
	if strings.Contains(screen(m), "wrong") {
		t.Errorf("the refused code is still in the field:\n%s", screen(m))
	}

	m = press(t, m, "k7mq-2xhd-p9ta-wn3e", "enter")
	got := screen(m)
	for _, want := range []string{"This key is now a facilitator key.", "Connect with ssh -p 23234 10.0.0.5."} {
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
	m := press(t, NewEnrol(func(string) error { called = true; return nil }), "enter", "   ", "enter")
	if called {
		t.Error("an empty code was sent to the server")
	}
	if strings.Contains(screen(m), "facilitator key") {
		t.Error("an empty code enrolled")
	}
}

func TestEnrolScreenLeavesOnEscapeOrCtrlC(t *testing.T) {
	for _, k := range []string{"esc", "ctrl+c"} {
		m := NewEnrol(func(string) error { return nil })
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
	m := press(t, NewEnrol(func(string) error { return nil }), "code", "enter")
	if !strings.Contains(screen(m), "without enrol@") {
		t.Errorf("the success screen does not say how to connect:\n%s", screen(m))
	}
}
