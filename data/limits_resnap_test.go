package data

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"charm.land/log/v2"

	"github.com/anchorage/anchorage/inquiry"
)

// TestAChangedAllowanceIsLearntFromTheLogOnce: a server restarted with
// another writers' allowance (anchorage serve --write-allowance) cannot use
// the snapshot's limits and reads the log up to its head to learn them. It
// then takes a snapshot under the new allowance, even if nothing is
// written before it closes, so the start after does not read the log
// again: at 30,000 contributions that read is most of a start's time.
func TestAChangedAllowanceIsLearntFromTheLogOnce(t *testing.T) {
	dir := t.TempDir()
	every := func(o *Options) { o.SnapshotEvery = 5 }
	s := openStore(t, dir, withHandClock(newHandClock()), every)
	ws := openWorkshop(t, s, "flood-0004")
	mustAppend(t, s, ws.ID, joining("p-ann"))
	for i := range 7 {
		mustAppend(t, s, ws.ID, adding("p-ann", fmt.Sprintf("ann-%d", i), "words"))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	other := func(o *Options) { o.Allowance = inquiry.Allowance{Burst: 4, Every: 10 * time.Second} }
	for n, want := range []bool{true, false, false} {
		var out bytes.Buffer
		s := openStore(t, dir, every, other, func(o *Options) { o.Logger = log.New(&out) })
		if snapshotBase(s, ws.ID) == 0 {
			t.Fatalf("start %d with the other allowance restored no snapshot", n+1)
		}
		if learnt := strings.Contains(out.String(), "learning the limits from the log"); learnt != want {
			t.Fatalf("start %d with the other allowance learnt the limits from the log: %v, want %v\n%s", n+1, learnt, want, out.String())
		}
		if err := s.Close(); err != nil { // nothing written since the start
			t.Fatal(err)
		}
	}
}
