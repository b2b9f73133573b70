package inquiry

import (
	"testing"
	"time"
)

func paused(by Actor, ref PromptRef) Event {
	return Event{Type: TimeboxPaused, Actor: by, Pace: &Pace{Prompt: ref}}
}

func resumed(by Actor, ref PromptRef) Event {
	return Event{Type: TimeboxResumed, Actor: by, Pace: &Pace{Prompt: ref}}
}

func TestTimeboxFollowsPausesAndShifts(t *testing.T) {
	at := func(min, sec int) time.Time {
		return testStart.Add(time.Duration(min)*time.Minute + time.Duration(sec)*time.Second)
	}
	const ref = PromptRef("design/opportunities")
	var tb Timebox
	shift := func(d time.Duration, now time.Time) Event {
		p := tb.Shift(d, now)
		return Event{Type: TimeboxChanged, At: now, Pace: &p}
	}
	steps := []struct {
		name    string
		event   func() Event
		now     time.Time
		left    time.Duration
		running bool
		paused  bool
		up      bool
	}{
		{"opened with ten minutes", func() Event {
			return Event{Type: PromptOpened, At: at(0, 0), Pace: &Pace{Prompt: ref, EndsAt: at(10, 0)}}
		}, at(2, 0), 8 * time.Minute, true, false, false},
		{"paused at 10:03", func() Event { return Event{Type: TimeboxPaused, At: at(3, 0), Pace: &Pace{Prompt: ref}} },
			at(5, 0), 7 * time.Minute, false, true, false},
		{"a minute less while paused", func() Event { return shift(-time.Minute, at(4, 0)) },
			at(5, 0), 6 * time.Minute, false, true, false},
		{"resumed at 10:06", func() Event { return Event{Type: TimeboxResumed, At: at(6, 0), Pace: &Pace{Prompt: ref}} },
			at(7, 0), 5 * time.Minute, true, false, false},
		{"a minute more", func() Event { return shift(time.Minute, at(7, 30)) },
			at(8, 0), 5 * time.Minute, true, false, false},
		{"shortened past now", func() Event { return shift(-10*time.Minute, at(8, 0)) },
			at(8, 0), 0, false, false, true},
		{"two minutes added after time was up", func() Event { return shift(2*time.Minute, at(9, 0)) },
			at(10, 0), time.Minute, true, false, false},
		{"ended", func() Event { return Event{Type: TimeboxChanged, At: at(10, 30), Pace: &Pace{Prompt: ref}} },
			at(10, 30), 0, false, false, true},
		{"the next prompt, with no timebox", func() Event { return Event{Type: PromptOpened, At: at(11, 0), Pace: &Pace{Prompt: "design/barriers"}} },
			at(12, 0), 0, false, false, false},
	}
	for _, s := range steps {
		tb.Follow(s.event())
		if got := tb.Remaining(s.now); got != s.left {
			t.Errorf("%s: remaining = %v, want %v", s.name, got, s.left)
		}
		if tb.Running(s.now) != s.running || tb.Paused() != s.paused || tb.Up(s.now) != s.up {
			t.Errorf("%s: running %v paused %v up %v, want %v %v %v", s.name,
				tb.Running(s.now), tb.Paused(), tb.Up(s.now), s.running, s.paused, s.up)
		}
	}
}

func TestCheckPausingTheTimebox(t *testing.T) {
	const ref = PromptRef("design/opportunities")
	l := pacedLog(t)
	checkRules(t, l.replay(), []ruleCase{
		{"before any prompt is open", paused(facilitator, ref), ErrInvalid},
	})
	l.append(promptOpened(facilitator, "discover/best-time", time.Time{}))
	checkRules(t, l.replay(), []ruleCase{
		{"a prompt without a timebox", paused(facilitator, "discover/best-time"), ErrInvalid},
	})
	l.append(promptOpened(facilitator, ref, testStart.Add(time.Hour)))
	w := l.replay()
	checkRules(t, w, []ruleCase{
		{"a facilitator pauses it", paused(facilitator, ref), nil},
		{"a participant pauses it", paused(alice, ref), ErrNotAllowed},
		{"a scribe pauses it", paused(scribe, ref), ErrNotAllowed},
		{"another prompt's", paused(facilitator, "discover/best-time"), ErrConflict},
		{"without the prompt", Event{Type: TimeboxPaused, Actor: facilitator}, ErrInvalid},
		{"resumed while it runs", resumed(facilitator, ref), ErrDuplicate},
	})
	l.append(paused(facilitator, ref))
	w = l.replay()
	checkRules(t, w, []ruleCase{
		{"paused again", paused(facilitator, ref), ErrDuplicate},
		{"resumed", resumed(facilitator, ref), nil},
		{"a minute less while paused", timeboxChanged(facilitator, ref, w.Timebox().Shift(-time.Minute, time.Now()).EndsAt), nil},
	})
	l.append(timeboxChanged(facilitator, ref, time.Time{}))
	checkRules(t, l.replay(), []ruleCase{
		{"once the timebox has ended", paused(facilitator, ref), ErrInvalid},
	})
}

func TestEveryScreenFollowsTheSameClock(t *testing.T) {
	const ref = PromptRef("design/opportunities")
	l := pacedLog(t)
	l.append(promptOpened(facilitator, ref, testStart.Add(time.Hour)))
	l.append(paused(facilitator, ref))
	l.append(timeboxChanged(facilitator, ref, testStart.Add(50*time.Minute)))
	l.append(resumed(facilitator, ref))
	w := l.replay()
	// A participant's screen folds only the events it needs, with Follow.
	var screen Timebox
	for _, e := range l.events {
		screen.Follow(e)
	}
	if screen != w.Timebox() {
		t.Errorf("a screen's clock %+v differs from the workshop's %+v", screen, w.Timebox())
	}
	// Paused at 10:06 with 54 minutes left, less 10: 44 minutes from the
	// resume at 10:08.
	if want := testStart.Add(8*time.Minute + 44*time.Minute); !w.Current.EndsAt.Equal(want) || !w.Timebox().EndsAt.Equal(want) {
		t.Errorf("ends at %v (Current %v), want %v", w.Timebox().EndsAt, w.Current.EndsAt, want)
	}
}
