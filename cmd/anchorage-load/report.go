package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Report is what a run measured. Times are in milliseconds, sizes in bytes
// (memory in KiB).
type Report struct {
	Participants  int     `json:"participants"`
	Facilitators  int     `json:"facilitators"`
	Rate          float64 `json:"rate_per_participant_per_s"`
	Ramp          float64 `json:"ramp_per_s"`
	RampMS        float64 `json:"ramp_ms"`
	RunMS         float64 `json:"run_ms"`
	LoadAvgBefore string  `json:"load_average_before"`
	LoadAvgAfter  string  `json:"load_average_after"`

	// Sessions that reached their first complete frame (and, for
	// participants, joined).
	Joined   int `json:"participants_joined"`
	Watching int `json:"facilitators_watching"`

	Handshake             Stat `json:"connect_to_shell_ms"`
	FirstFrame            Stat `json:"connect_to_first_frame_ms"`
	FacilitatorFirstFrame Stat `json:"facilitator_connect_to_first_frame_ms"`
	SubmitToSaved         Stat `json:"submit_to_saved_ms"`
	SavedToVisible        Stat `json:"saved_to_visible_on_every_facilitator_ms"`
	SubmitToVisible       Stat `json:"submit_to_visible_on_every_facilitator_ms"`
	ParticipantEcho       Stat `json:"participant_keystroke_echo_ms"`
	FacilitatorEcho       Stat `json:"facilitator_keystroke_echo_ms"`

	Submitted int `json:"contributions_submitted"`
	Saved     int `json:"contributions_saved"`
	SeenByAll int `json:"contributions_seen_by_every_facilitator"`

	Bytes Bytes `json:"bytes"`

	CPU           cpu     `json:"cpu_steady_phase"`
	Memory        memory  `json:"server_rss_kib"`
	PerSessionKiB float64 `json:"server_rss_per_session_kib"`

	Errors       int      `json:"errors"`
	ErrorSamples []string `json:"error_samples,omitempty"`
}

// Bytes is what the server sent, by what the session was doing: averages
// per event (a key, a live update), per session for whole windows.
type Bytes struct {
	FirstFrame            float64 `json:"participant_first_frame"`
	Join                  float64 `json:"participant_join_form"`
	PerKey                float64 `json:"participant_per_typed_key"`
	PerSubmit             float64 `json:"participant_per_submit"`
	PerPromptMove         float64 `json:"participant_per_prompt_move"`
	ParticipantLive       float64 `json:"participant_live_per_contribution"`
	ParticipantSession    float64 `json:"participant_session_mean"`
	ParticipantSessionMax int64   `json:"participant_session_max"`
	FacilitatorFirstFrame float64 `json:"facilitator_first_frame"`
	FacilitatorPerKey     float64 `json:"facilitator_per_key"`
	FacilitatorLive       float64 `json:"facilitator_live_per_contribution"`
	FacilitatorLivePerS   float64 `json:"facilitator_live_per_s"`
}

// Stat summarises durations in milliseconds.
type Stat struct {
	N   int     `json:"n"`
	P50 float64 `json:"p50"`
	P99 float64 `json:"p99"`
	Max float64 `json:"max"`
}

func stat(ds []time.Duration) Stat {
	if len(ds) == 0 {
		return Stat{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	// Nearest rank: the smallest value at or above the percentile.
	rank := func(p int) time.Duration { return s[(len(s)*p+99)/100-1] }
	return Stat{N: len(s), P50: ms(rank(50)), P99: ms(rank(99)), Max: ms(s[len(s)-1])}
}

func (r *run) report(started time.Time, ramp time.Duration, loadBefore, loadAfter string) *Report {
	d := r.tr.delivery()
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := &Report{
		Participants: r.cfg.Participants, Facilitators: r.cfg.Facilitators, Rate: r.cfg.Rate, Ramp: r.cfg.Ramp,
		RampMS: float64(ramp.Microseconds()) / 1000, RunMS: float64(time.Since(started).Microseconds()) / 1000,
		LoadAvgBefore: loadBefore, LoadAvgAfter: loadAfter,
		Joined: r.sessions[roleParticipant], Watching: r.sessions[roleFacilitator],
		Handshake:             stat(r.handshakes),
		FirstFrame:            stat(r.firstFrames[roleParticipant]),
		FacilitatorFirstFrame: stat(r.firstFrames[roleFacilitator]),
		SubmitToSaved:         stat(d.submitToSaved),
		SavedToVisible:        stat(d.savedToVisible),
		SubmitToVisible:       stat(d.submitToVisible),
		ParticipantEcho:       stat(r.echoes[roleParticipant]),
		FacilitatorEcho:       stat(r.echoes[roleFacilitator]),
		Submitted:             d.submitted, Saved: d.saved, SeenByAll: d.seenByAll,
		Memory: r.memory, CPU: r.cpu,
		Errors: len(r.errors),
	}
	rep.ErrorSamples = r.errors[:min(len(r.errors), 5)]
	if sessions := rep.Joined + rep.Watching; sessions > 0 && r.memory.AfterRamp > 0 {
		rep.PerSessionKiB = float64(r.memory.AfterRamp-r.memory.Before) / float64(sessions)
	}

	p, f := sum(r.meters[roleParticipant]), sum(r.meters[roleFacilitator])
	b := &rep.Bytes
	b.FirstFrame = p.per("connect")
	b.Join = p.per("join")
	b.PerKey = p.per("key")
	b.PerSubmit = p.per("submit")
	b.PerPromptMove = p.per("page")
	if rep.Saved > 0 && rep.Joined > 0 {
		b.ParticipantLive = float64(p["live"].Bytes) / float64(rep.Joined) / float64(rep.Saved)
	}
	if n := len(r.totals[roleParticipant]); n > 0 {
		var all int64
		for _, t := range r.totals[roleParticipant] {
			all += t
			b.ParticipantSessionMax = max(b.ParticipantSessionMax, t)
		}
		b.ParticipantSession = float64(all) / float64(n)
	}
	b.FacilitatorFirstFrame = f.per("connect")
	b.FacilitatorPerKey = f.per("key")
	if rep.Watching > 0 {
		if rep.Saved > 0 {
			b.FacilitatorLive = float64(f["live"].Bytes) / float64(rep.Watching) / float64(rep.Saved)
		}
		b.FacilitatorLivePerS = float64(f["live"].Bytes) / float64(rep.Watching) / (rep.RunMS / 1000)
	}
	return rep
}

// totals adds up windows by label over sessions.
type totals map[string]window

func sum(meters []map[string]window) totals {
	t := totals{}
	for _, m := range meters {
		for label, w := range m {
			acc := t[label]
			acc.Count += w.Count
			acc.Bytes += w.Bytes
			t[label] = acc
		}
	}
	return t
}

// per is the mean bytes per window of a label.
func (t totals) per(label string) float64 {
	w := t[label]
	if w.Count == 0 {
		return 0
	}
	return float64(w.Bytes) / float64(w.Count)
}

// WriteText writes the report for a person to read.
func (rep *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	st := func(s Stat) string {
		if s.N == 0 {
			return "none measured"
		}
		return fmt.Sprintf("p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", s.P50, s.P99, s.Max, s.N)
	}
	line("Anchorage load run: %d participants (%.3g contributions/s each), %d facilitators; ramp %.0f ms, run %.1f s",
		rep.Participants, rep.Rate, rep.Facilitators, rep.RampMS, rep.RunMS/1000)
	line("load average before %s, after %s", rep.LoadAvgBefore, rep.LoadAvgAfter)
	line("sessions in: %d participants joined, %d facilitators watching", rep.Joined, rep.Watching)
	line("")
	line("connect → shell started (SSH)   %s", st(rep.Handshake))
	line("connect → first complete frame  %s", st(rep.FirstFrame))
	line("  facilitator's room            %s", st(rep.FacilitatorFirstFrame))
	line("submit → “Saved ✓”              %s", st(rep.SubmitToSaved))
	line("saved → on every facilitator    %s", st(rep.SavedToVisible))
	line("submit → on every facilitator   %s", st(rep.SubmitToVisible))
	line("keystroke echo, participant     %s", st(rep.ParticipantEcho))
	line("keystroke echo, facilitator     %s", st(rep.FacilitatorEcho))
	line("contributions: %d submitted, %d saved, %d seen by every facilitator", rep.Submitted, rep.Saved, rep.SeenByAll)
	line("")
	bs := rep.Bytes
	line("bytes, participant: first frame %.0f, join form %.0f, per typed key %.1f, per submit %.0f, per prompt move %.0f",
		bs.FirstFrame, bs.Join, bs.PerKey, bs.PerSubmit, bs.PerPromptMove)
	line("  per other's contribution while idle %.1f; whole session mean %.0f, max %d",
		bs.ParticipantLive, bs.ParticipantSession, bs.ParticipantSessionMax)
	line("bytes, facilitator: first frame %.0f, per key %.0f, per contribution %.0f, %.0f per second",
		bs.FacilitatorFirstFrame, bs.FacilitatorPerKey, bs.FacilitatorLive, bs.FacilitatorLivePerS)
	if c := rep.CPU; c.Wall > 0 {
		line("")
		line("processor over the %.1f s steady phase: server %.1f s (%.0f%% of one core), load generator %.1f s (%.0f%%)",
			c.Wall, c.Server, 100*c.Server/c.Wall, c.Load, 100*c.Load/c.Wall)
	}
	if rep.Memory.Before > 0 {
		m := rep.Memory
		line("")
		line("server RSS: before %d KiB, after ramp %d KiB, at end %d KiB, peak %d KiB; %.0f KiB per session",
			m.Before, m.AfterRamp, m.AtEnd, m.Peak, rep.PerSessionKiB)
	}
	line("")
	line("errors: %d", rep.Errors)
	for _, e := range rep.ErrorSamples {
		line("  %s", firstLine(e))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
