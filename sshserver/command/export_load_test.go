package command

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
)

// An export reads the log once: a contribution committed while it runs
// is in neither the state nor the log it writes, so none fails and each
// states the head of what it holds. (Reading the state and then the log,
// as it once did, failed whenever a write fell between the two.)
func TestExportsWhileFiftyWritersContribute(t *testing.T) {
	// Each writer pauses a moment between contributions and stops after
	// twenty, so that the log stays a size an export reads quickly even
	// under the race detector. Exports go on until the writers are done,
	// and at least a hundred are made.
	const writers, exports, pause, most = 50, 100, 20 * time.Millisecond, 20
	// The writers go as fast as they can, so lift the limits on writing.
	s, err := data.Open(data.Options{Dir: t.TempDir(), Allowance: inquiry.Allowance{Burst: -1}, TextBudget: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if r := runOn(t, s, false, "", "workshop", "new", "--title", "Under load", "--code", "load-0001"); r.status != 0 {
		t.Fatalf("workshop new: %+v", r)
	}
	sum, _ := s.ByCode("load-0001")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	ref := sum.Guide
	g, _ := s.Guide(ref)
	prompt := g.Ref(0, 0)
	for w := range writers {
		id := fmt.Sprintf("p%02d", w)
		if _, err := s.Append(ctx, sum.ID, inquiry.Event{
			Type: inquiry.ParticipantJoined, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
			Participant: &inquiry.ParticipantDetails{ID: id, Name: inquiry.Words{Text: "Writer " + id}, ConsentAt: time.Now()},
		}); err != nil {
			t.Fatalf("join %s: %v", id, err)
		}
	}
	begin, stop := make(chan struct{}), make(chan struct{})
	var written atomic.Int64
	var wg sync.WaitGroup
	writeErrs := make(chan error, writers)
	for w := range writers {
		wg.Go(func() {
			id := fmt.Sprintf("p%02d", w)
			<-begin
			for i := range most {
				select {
				case <-stop:
					return
				case <-time.After(pause):
				}
				_, err := s.Append(ctx, sum.ID, inquiry.Event{
					Type: inquiry.ContributionAdded, Actor: inquiry.Actor{Role: inquiry.RoleParticipant, ID: id},
					Contribution: &inquiry.ContributionDetails{
						ID: fmt.Sprintf("%s-%d", id, i), Participant: id, Prompt: prompt,
						Kind: g.Phases[0].Prompts[0].KindChoices()[0], Text: inquiry.Words{Text: "We shared the hall with the health centre"},
					},
				})
				if err != nil {
					writeErrs <- fmt.Errorf("writer %s: %w", id, err)
					return
				}
				written.Add(1)
			}
		})
	}
	writing := make(chan struct{})
	go func() { wg.Wait(); close(writing) }()
	start := time.Now()
	close(begin)
	var minEvents, maxEvents, made, during int
	for i := 0; i < exports || !closed(writing); i++ {
		made++
		if !closed(writing) {
			during++
		}
		format := []string{"json", "markdown", "csv"}[i%3]
		r := runOn(t, s, false, "", "export", "load-0001", "--format", format)
		if r.status != 0 {
			t.Fatalf("export %d (%s) while writers write: status %d: %s", i+1, format, r.status, r.stderr)
		}
		if format != "json" {
			continue
		}
		var doc struct {
			Head struct {
				Seq  uint64
				Hash string
			} `json:"head"`
			Events        []inquiry.Event   `json:"events"`
			Contributions []json.RawMessage `json:"contributions"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("export %d: not JSON: %v", i+1, err)
		}
		replayed, err := inquiry.Replay(doc.Events)
		if err != nil {
			t.Fatalf("export %d: its log does not replay: %v", i+1, err)
		}
		if replayed.Head != doc.Head.Seq || replayed.HeadHash != doc.Head.Hash {
			t.Fatalf("export %d states head %d (%.12s), its log ends at %d (%.12s)", i+1, doc.Head.Seq, doc.Head.Hash, replayed.Head, replayed.HeadHash)
		}
		if got, want := len(doc.Contributions), replayed.Tally().Contributions; got != want {
			t.Fatalf("export %d lists %d contributions, its log holds %d", i+1, got, want)
		}
		if minEvents == 0 || len(doc.Events) < minEvents {
			minEvents = len(doc.Events)
		}
		maxEvents = max(maxEvents, len(doc.Events))
	}
	elapsed := time.Since(start)
	close(stop)
	<-writing
	close(writeErrs)
	for err := range writeErrs {
		t.Error(err)
	}
	if minEvents == maxEvents {
		t.Errorf("every export held %d events: the writers did not write meanwhile", minEvents)
	}
	t.Logf("%d exports (json, markdown, csv in turn; %d of them while the writers wrote) in %v; %d writers committed %d contributions; JSON exports held %d to %d events, none failed",
		made, during, elapsed.Round(time.Millisecond), writers, written.Load(), minEvents, maxEvents)
}

// closed reports whether ch is closed.
func closed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
