package sshserver

import (
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
)

func TestTokenBucketAllowsABurstThenTheRate(t *testing.T) {
	start := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	b := newTokenBucket(3, 2, start) // a burst of 3, then 2 a second
	for i := range 3 {
		if !b.take(start, 1) {
			t.Fatalf("take %d of a burst of 3 refused", i+1)
		}
	}
	if b.take(start, 1) {
		t.Fatal("a fourth at once allowed")
	}
	if got := b.wait(start, 1); got != 500*time.Millisecond {
		t.Errorf("wait for one more: %s, want 500ms at 2 a second", got)
	}
	if !b.take(start.Add(500*time.Millisecond), 1) || b.take(start.Add(500*time.Millisecond), 1) {
		t.Error("half a second later, exactly one more should be allowed")
	}
	if b.take(start.Add(time.Hour), 4) || !b.full(start.Add(time.Hour)) {
		t.Error("after an hour the bucket should hold its capacity of 3 and no more")
	}
	b.spend(start.Add(time.Hour), 5) // owing 2
	if got := b.wait(start.Add(time.Hour), 1); got != 1500*time.Millisecond {
		t.Errorf("owing 2, the wait for one: %s, want 1.5s", got)
	}
}

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
	for i := range 5000 {
		src, refused := o.admit(fmt.Sprintf("198.51.%d.%d", i/256, i%256), now)
		if refused != "" {
			t.Fatalf("address %d refused: %s", i, refused)
		}
		o.release(src)
	}
	// Each has just spent a new-connection token, so each is remembered
	// until the bucket refills; an hour on they have all refilled, and
	// the sweeps that more addresses set off forget them.
	later := now.Add(time.Hour)
	for i := range 4000 {
		src, _ := o.admit(fmt.Sprintf("203.0.%d.%d", i/256, i%256), later)
		o.release(src)
	}
	old := 0
	for key := range o.byKey {
		if strings.HasPrefix(key, "198.51.") {
			old++
		}
	}
	if old > 0 || len(o.byKey) > 4000 {
		t.Errorf("%d addresses remembered, %d from an hour ago with nothing left to remember", len(o.byKey), old)
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
	src, _ := o.admit("192.0.2.1", now)
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
