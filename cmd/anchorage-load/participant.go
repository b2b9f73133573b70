package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// Keys as a terminal sends them.
const (
	keyEnter    = "\r"
	keyTab      = "\t"
	keyPageDown = "\x1b[6~"
	keyCtrlC    = "\x03"
)

// joinForm is the text of the join form a person must see in full before
// they can do anything: the first complete frame.
var joinForm = []string{
	"Anchorage", "What you write here is saved", "Your name or pseudonym", "Where you are from (optional)",
	"Consent", "I agree that what I write", "enter join",
}

// fillers follow the token in a contribution's text: words that suggest
// themes as they are typed, as real ones do, short enough that the whole
// text shows in a facilitator's feed at 80 columns.
var fillers = []string{
	"bus after six", "share the hall", "health board room", "food bank rota", "youth club funds",
	"one-year grants", "shared data", "village transport",
}

// promptPosition reads the prompt's place in the whole guide, "7 of 11"
// in "Design 2 · 7 of 11", from the guide screen's phase bar.
var promptPosition = regexp.MustCompile(`· (\d+) of (\d+)`)

// participant is one person joining the workshop and contributing at the
// configured rate.
type participant struct {
	n   int
	r   *run
	t   *terminal
	rng *rand.Rand
	at  int // the prompt's number in the guide
	of  int // prompts in the guide
	// quotaDone tells the run this participant will make no more
	// contributions; once.
	quotaDone func()
	// stop closes when the run ends: typing stops, a submitted
	// contribution is still waited for.
	stop <-chan struct{}
}

// errStopped is typing cut short by the end of the run.
var errStopped = errors.New("the run is over")

// runParticipant connects, joins, waits for the room to fill (begin), then
// contributes until stop, and leaves. ready is called once it has joined or
// failed.
func (r *run) runParticipant(ctx context.Context, n int, ready func(), begin, stop <-chan struct{}) {
	defer r.participantsDone.Done()
	p := &participant{n: n, r: r, rng: rand.New(rand.NewPCG(uint64(n), 7)), quotaDone: sync.OnceFunc(r.quotaDone), stop: stop}
	defer p.quotaDone()
	if err := p.join(ctx); err != nil {
		r.fail("participant %d: %v", n, err)
		ready()
		if p.t != nil {
			p.t.leave(r.cfg.Timeout / 3)
			r.addMeter(roleParticipant, &p.t.meter)
		}
		return
	}
	r.count(roleParticipant)
	ready()
	defer func() {
		p.t.leave(r.cfg.Timeout / 3)
		r.addMeter(roleParticipant, &p.t.meter)
	}()
	select {
	case <-begin:
	case <-stop:
		return
	case <-ctx.Done():
		return
	}
	if err := p.contribute(ctx, stop); err != nil {
		r.fail("participant %d: %v", n, err)
	}
}

// join connects and fills in the join form one key at a time, waiting
// for each key's effect as a person would.
func (p *participant) join(ctx context.Context) error {
	cfg := p.r.cfg
	start := time.Now()
	t, err := dial(ctx, cfg.Addr, cfg.Code, keyless(), cfg.Timeout, nil)
	if err != nil {
		return err
	}
	p.t = t
	p.r.handshake(time.Since(start))
	at, err := t.waitFor(ctx, cfg.Timeout, 0, "the join form", showsAll(joinForm...))
	if err != nil {
		return err
	}
	p.r.firstFrame(roleParticipant, at.Sub(start))

	t.meter.start("join")
	name := fmt.Sprintf("P%04d", p.n)
	if err := p.typeText(ctx, name, "› ", ""); err != nil {
		return err
	}
	steps := []struct{ keys, want string }{
		{keyEnter, "▸ Where you are from"},
		{keyTab, "▸ Consent"},
		{" ", "[x] I agree"},
		{keyEnter, "Welcome, " + name},
	}
	for _, s := range steps {
		if err := p.press(ctx, s.keys, s.want); err != nil {
			return err
		}
	}
	p.readPosition()
	t.meter.start("live")
	return nil
}

// contribute submits contributions at the rate until stop, moving to the
// next prompt every PerPrompt contributions (never with OnePrompt).
func (p *participant) contribute(ctx context.Context, stop <-chan struct{}) error {
	cfg := p.r.cfg
	if cfg.Rate <= 0 {
		waitStop(ctx, stop)
		return nil
	}
	period := time.Duration(float64(time.Second) / cfg.Rate)
	next := time.Now().Add(time.Duration(p.rng.Int64N(int64(period))))
	for made := 0; cfg.Contributions == 0 || made < cfg.Contributions; made++ {
		select {
		case <-time.After(time.Until(next)):
		case <-stop:
			return nil
		case <-ctx.Done():
			return nil
		}
		next = next.Add(period)
		if !cfg.OnePrompt && made > 0 && made%cfg.PerPrompt == 0 && p.at < p.of {
			p.t.meter.start("page")
			if err := p.press(ctx, keyPageDown, fmt.Sprintf("· %d of %d", p.at+1, p.of)); err != nil {
				return err
			}
			p.at++
		}
		tok := token(p.n, made)
		text := tok + " " + fillers[(p.n+made)%len(fillers)]
		if err := p.typeText(ctx, text, "┃ ", "key"); err != nil {
			if errors.Is(err, errStopped) || ctx.Err() != nil {
				return nil
			}
			return err
		}
		if err := p.submit(ctx, tok); err != nil {
			return err
		}
		p.t.meter.start("live")
	}
	p.quotaDone()
	waitStop(ctx, stop)
	return nil
}

// waitStop waits for stop or for ctx to end.
func waitStop(ctx context.Context, stop <-chan struct{}) {
	select {
	case <-stop:
	case <-ctx.Done():
	}
}

// submit presses enter and waits for "Saved ✓" with this contribution's
// token on the author's screen. It keeps waiting after stop: what was sent
// should be seen through.
func (p *participant) submit(ctx context.Context, tok string) error {
	p.t.meter.start("submit")
	sent := time.Now()
	before, err := p.t.send(keyEnter)
	if err != nil {
		return err
	}
	p.r.tr.submitted(tok, sent)
	at, err := p.t.waitFor(ctx, p.r.cfg.Timeout, before, "“Saved ✓” for "+tok, func(screen string) bool {
		for _, line := range strings.Split(screen, "\n") {
			if strings.Contains(line, "Saved ✓") && strings.Contains(line, tok) {
				return true
			}
		}
		return false
	})
	if err != nil {
		return err
	}
	p.r.tr.saved(tok, at)
	return nil
}

// typeText types text one key at a time at the typing rate, waiting after
// each for the text so far to show behind prefix (the input's prompt or
// the editor's gutter), and records each key's echo. With a label, each
// key opens a window of the meter.
func (p *participant) typeText(ctx context.Context, text, prefix, label string) error {
	interval := time.Duration(float64(time.Second) / p.r.cfg.TypingRate)
	for i, r := range text {
		if label != "" {
			p.t.meter.start(label)
		}
		sent := time.Now()
		before, err := p.t.send(string(r))
		if err != nil {
			return err
		}
		want := prefix + strings.TrimRight(text[:i+len(string(r))], " ")
		at, err := p.t.waitFor(ctx, p.r.cfg.Timeout, before, fmt.Sprintf("%q typed", want), showsAll(want))
		if err != nil {
			return err
		}
		p.r.echo(roleParticipant, at.Sub(sent))
		select {
		case <-time.After(time.Until(sent.Add(interval))):
		case <-p.stop:
			return errStopped
		}
	}
	return nil
}

// press sends keys and waits for want to show.
func (p *participant) press(ctx context.Context, keys, want string) error {
	before, err := p.t.send(keys)
	if err != nil {
		return err
	}
	_, err = p.t.waitFor(ctx, p.r.cfg.Timeout, before, fmt.Sprintf("%q after %q", want, keys), showsAll(want))
	return err
}

// readPosition reads where in the guide the screen is.
func (p *participant) readPosition() {
	m := promptPosition.FindStringSubmatch(p.t.screen.Text())
	if m == nil {
		p.at, p.of = 1, 1 // unknown: never page
		return
	}
	p.at, _ = strconv.Atoi(m[1])
	p.of, _ = strconv.Atoi(m[2])
}

// keyless authenticates with keyboard-interactive, answering nothing, as a
// participant without an SSH key does.
func keyless() gossh.AuthMethod {
	return gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return nil, nil })
}
