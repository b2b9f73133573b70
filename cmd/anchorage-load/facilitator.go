package main

import (
	"context"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// room is the text of the facilitator's room view in full: the first
// complete frame.
var room = []string{"Live contributions", "Tally by theme", "█ opportunities", "Here now", "? keys"}

// panes are the facilitator's focus states in the order tab visits them
// (while no vote has been opened), each told apart from the one before by
// the marker on its title.
var panes = []func(screen string) bool{
	showsAll("▸ Live contributions"),
	showsAll("▸ Tally by theme"),
	showsAll("▸ People"),
}

// runFacilitator connects with the facilitator's key straight to the
// workshop's room and watches: every contribution token drawn on its
// screen is reported to the tracker. Every FacilitatorKeys it presses tab
// and times the echo. It leaves when stop closes.
func (r *run) runFacilitator(ctx context.Context, f int, signer gossh.Signer, ready func(), stop <-chan struct{}) {
	defer r.facilitatorsDone.Done()
	cfg := r.cfg
	start := time.Now()
	t, err := dial(ctx, cfg.Addr, cfg.Code, gossh.PublicKeys(signer), cfg.Timeout, func(screen string, at time.Time) {
		r.tr.sighted(f, screen, at)
	})
	if err != nil {
		r.fail("facilitator %d: %v", f, err)
		ready()
		return
	}
	defer func() {
		t.leave(cfg.Timeout / 3)
		r.addMeter(roleFacilitator, &t.meter)
	}()
	at, err := t.waitFor(ctx, cfg.Timeout, 0, "the room view", showsAll(room...))
	if err != nil {
		r.fail("facilitator %d: %v", f, err)
		ready()
		return
	}
	r.firstFrame(roleFacilitator, at.Sub(start))
	r.count(roleFacilitator)
	t.meter.start("live")
	ready()

	var tick <-chan time.Time
	if cfg.FacilitatorKeys > 0 {
		ticker := time.NewTicker(cfg.FacilitatorKeys)
		defer ticker.Stop()
		tick = ticker.C
	}
	pane := 0
	for {
		select {
		case <-stop:
			return
		case <-ctx.Done():
			return
		case <-tick:
		}
		pane = (pane + 1) % len(panes)
		t.meter.start("key")
		sent := time.Now()
		before, err := t.send(keyTab)
		if err == nil {
			at, err = t.waitFor(ctx, cfg.Timeout, before, "the pane to change after tab", panes[pane])
		}
		t.meter.start("live")
		if err != nil {
			if ctx.Err() == nil {
				r.fail("facilitator %d: %v", f, err)
			}
			return
		}
		r.echo(roleFacilitator, at.Sub(sent))
	}
}
