package inquiry

// The parts of the markdown report that reframes add: a reframe is shown
// under the barrier it answers, in the synthesis and in the transcript,
// never among the barriers.

// reframesUnder quotes, as items nested under a barrier's quote, the live
// reframes of the barrier and of the duplicates merged into it.
func (r *markdownReport) reframesUnder(barrier *Contribution) {
	for _, id := range append([]string{barrier.ID}, r.labels.mergedFrom[barrier.ID]...) {
		for _, c := range r.ws.LiveReframes(id) {
			r.printf("  - reframed: “%s” — %s", mdText(c.Text, "    "), mdLine(r.labels.name(c.Participant)))
			if c.ScribedBy != "" {
				r.printf(" *(scribed)*")
			}
			r.printf("\n")
		}
	}
}

// strayReframes quotes the live reframes whose barrier the synthesis does
// not show (it was taken back or hidden), so that no way through is left
// out of the report; the transcript keeps them under the barrier's place.
func (r *markdownReport) strayReframes(live []*Contribution) {
	stray := selectContributions(live, func(c *Contribution) bool {
		_, shown := r.ws.ReframedBarrier(c)
		return c.Kind == Reframe && !shown
	})
	if len(stray) == 0 {
		return
	}
	r.printf("#### Reframes of barriers no longer shown (%d)\n\n", len(stray))
	for _, c := range stray {
		r.quote(c, true)
	}
	r.printf("\n")
}

// reframedColumn reports whether the synthesis table has a column for the
// barriers reframed: only when there are any, so a workshop without
// reframes reads as it always has.
func (r *markdownReport) reframedColumn() bool { return r.tally.Reframed > 0 }

// transcriptEntries writes a prompt's contributions in the order they were
// said, each reframe under the barrier it answers rather than in its own
// place.
func (r *markdownReport) transcriptEntries(cs []*Contribution) {
	for _, c := range cs {
		if c.Answers != "" {
			continue
		}
		r.entry(c, "")
		for _, reframe := range r.ws.Reframes(c.ID) {
			r.entry(reframe, "  ")
		}
	}
}
