package sshserver

import (
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
)

func TestOriginKeyCountsAnIPv6SlashSixtyFourAsOneAddress(t *testing.T) {
	tests := []struct {
		addr string
		want string
	}{
		{"127.0.0.1:40000", "127.0.0.1"},
		{"192.0.2.7:22", "192.0.2.7"},
		{"[::ffff:192.0.2.7]:22", "192.0.2.7"},
		{"[2001:db8:1:2:aaaa:bbbb:cccc:dddd]:22", "2001:db8:1:2::/64"},
		{"[2001:db8:1:2::1]:22", "2001:db8:1:2::/64"},
		{"[2001:db8:1:3::1]:22", "2001:db8:1:3::/64"},
	}
	for _, tt := range tests {
		addr, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := originKey(addr); got != tt.want {
			t.Errorf("originKey(%s) = %q, want %q", tt.addr, got, tt.want)
		}
	}
	if got := originKey(nil); got != "unknown" {
		t.Errorf("originKey(nil) = %q", got)
	}
}

func TestOriginsForgetAddressesWithNothingLeftToRemember(t *testing.T) {
	cfg := DefaultConfig()
	o := newOrigins(cfg)
	now := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	admit := func(addr string, at time.Time) *origin {
		h := &handshake{}
		src, _, refused := o.admit(addr, h, at)
		if refused != "" {
			t.Fatalf("address %s refused: %s", addr, refused)
		}
		o.release(src, h)
		return src
	}
	for i := range 5000 {
		src := admit(fmt.Sprintf("198.51.%d.%d", i/256, i%256), now)
		if i%1000 == 0 { // a few with a wrong code within the window
			o.mu.Lock()
			src.guesses.settle(slot{}, "join:wrong", true, false, now)
			o.mu.Unlock()
		}
	}
	// Those with nothing open and no wrong code within the window are
	// forgotten by the sweeps that more addresses set off; the five with
	// a wrong code are remembered until it leaves the window.
	for i := range 4000 {
		admit(fmt.Sprintf("203.0.%d.%d", i/256, i%256), now.Add(time.Minute))
	}
	count := func() (old int) {
		for key := range o.byKey {
			if strings.HasPrefix(key, "198.51.") {
				old++
			}
		}
		return old
	}
	if old := count(); old != 5 || len(o.byKey) > 4005 {
		t.Errorf("%d addresses remembered, %d of the first 5000; want the 5 with a wrong code", len(o.byKey), old)
	}
	later := now.Add(cfg.JoinMissWindow)
	for i := range 8000 {
		admit(fmt.Sprintf("192.0.%d.%d", i/256, i%256), later)
	}
	if old := count(); old != 0 {
		t.Errorf("%d of the first addresses remembered after their wrong codes left the window", old)
	}
	if conns, sessions := o.totals(); conns != 0 || sessions != 0 {
		t.Errorf("counts %d connections and %d sessions after every one was released", conns, sessions)
	}
}

func TestHumanDurationReadsLikeAPerson(t *testing.T) {
	for d, want := range map[time.Duration]string{
		2 * time.Hour: "2 hours", time.Hour: "1 hour", 12 * time.Hour: "12 hours", 10 * time.Minute: "10 minutes",
		30 * time.Second: "30 seconds", 90 * time.Minute: "90 minutes", 1500 * time.Millisecond: "1.5s",
	} {
		if got := humanDuration(d); got != want {
			t.Errorf("humanDuration(%s) = %q, want %q", d, got, want)
		}
	}
}

func TestRefusalsAreLoggedAtMostOnceAMinutePerAddressAndKind(t *testing.T) {
	o := newOrigins(DefaultConfig())
	now := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	src, _, _ := o.admit("192.0.2.1", &handshake{}, now)
	var logged []int
	for _, at := range []time.Duration{0, time.Second, 30 * time.Second, 59 * time.Second, time.Minute, 61 * time.Second} {
		if ok, unlogged := o.shouldLogRefusal(src, refusedSession, now.Add(at)); ok {
			logged = append(logged, unlogged)
		}
	}
	if fmt.Sprint(logged) != "[0 3]" {
		t.Errorf("logged with unlogged counts %v; want the first, then one a minute later saying 3 went unlogged", logged)
	}
	if ok, _ := o.shouldLogRefusal(src, refusedJoinCode, now.Add(time.Second)); !ok {
		t.Error("a refusal of another kind was held back by the session refusals")
	}
}

func TestTheHandshakeClosedToMakeRoomIsTheLeastProgressedPastItsGrace(t *testing.T) {
	now := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	hs := func(age time.Duration, sent int64) *handshake {
		h := &handshake{since: now.Add(-age)}
		h.read.Store(sent)
		return h
	}
	old, young := 5*time.Second, handshakeGrace/2
	tests := []struct {
		name    string
		pending []*handshake
		want    int
	}{
		{"the oldest silent one", []*handshake{hs(old, 17), hs(old, 0), hs(old, 0), hs(young, 0)}, 1},
		{"one that spoke before one too new to have been read", []*handshake{hs(old, 17), hs(young, 0)}, 0},
		{"all new: the one that has sent least", []*handshake{hs(young, 1500), hs(young, 0), hs(young, 17)}, 1},
	}
	for _, tt := range tests {
		if got := leastProgressed(tt.pending, now); got != tt.want {
			t.Errorf("%s: closed handshake %d, want %d", tt.name, got, tt.want)
		}
	}
}
