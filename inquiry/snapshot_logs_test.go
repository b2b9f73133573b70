package inquiry

import (
	"testing"
	"time"
)

// roomOfIssuesLog is a facilitator-led workshop that goes through what
// issues 10 to 12 added to the fold, each in the states a snapshot must
// keep: names shown with a number and a number given back, a lobby held,
// people let in one by one and all at once, someone removed with their
// key barred, resume codes reissued, two people merged and the one kept
// erased, reframes (one deleted), building on, agreements given and
// withdrawn, a merge undone and done again, the timebox paused and
// resumed, an organisation changed, votes limited to a prompt and to the
// highlighted contributions (a highlight taken away after the ballot was
// fixed), and a named facilitator and a scribe in the team.
func roomOfIssuesLog(t *testing.T) []Event {
	t.Helper()
	l := &checkedLog{t: t}
	host := Actor{Role: RoleFacilitator, ID: "SHA256:host", Name: "Morag"}
	ally := Actor{Role: RoleParticipant, ID: "p-ally"}
	ally2 := Actor{Role: RoleParticipant, ID: "p-ally-2"}
	bram := Actor{Role: RoleParticipant, ID: "p-bram"}
	bram2 := Actor{Role: RoleParticipant, ID: "p-bram-2"}
	bram3 := Actor{Role: RoleParticipant, ID: "p-bram-3"}
	cat := Actor{Role: RoleParticipant, ID: "p-cat"}
	dev, eli, fay, gus := Actor{Role: RoleParticipant, ID: "p-dev"}, Actor{Role: RoleParticipant, ID: "p-eli"},
		Actor{Role: RoleParticipant, ID: "p-fay"}, Actor{Role: RoleParticipant, ID: "p-gus"}
	mal := Actor{Role: RoleParticipant, ID: "p-mal"}
	const barriers, each = PromptRef("design/barriers"), PromptRef("design/each-side")

	w := opened()
	w.Workshop.Pacing = FacilitatorPaced
	l.add(w)
	l.add(keyed(ally, "Ally", "key-ally"))
	l.add(joined(ally2, "ally")) // shown as "ally (2)"
	l.add(joined(bram, "Bram"))
	l.add(joined(bram2, "Bram"))     // "Bram (2)"
	l.add(withdrew(bram2, bram2.ID)) // gives "Bram (2)" back
	l.add(joined(bram3, "Bram"))     // "Bram (2)" again
	l.add(joined(cat, "Cat"))
	l.add(scribedJoin(scribe, table3, "Table 3"))
	l.add(organisationChanged(ally, ally.ID, "Third sector"))

	l.add(promptOpened(host, barriers, testStart.Add(2*time.Hour)))
	l.add(paused(host, barriers))
	l.add(resumed(host, barriers))
	l.add(timeboxChanged(host, barriers, testStart.Add(3*time.Hour)))

	l.add(added(ally, "c-1", ally.ID, barriers, Barrier, "Funding comes in one-year grants."))
	l.add(added(bram, "c-2", bram.ID, barriers, Barrier, "Nobody answers the phone."))
	l.add(added(ally2, "c-3", ally2.ID, each, Barrier, "We are asked late."))
	l.add(reframing(cat, "c-r1", cat.ID, barriers, "c-1", "What if grants ran three years?"))
	l.add(reframing(bram, "c-r2", bram.ID, barriers, "c-2", "A named officer."))
	l.add(deleted(bram, "c-r2"))
	l.add(building(added(cat, "c-4", cat.ID, barriers, Barrier, "And the forms are long."), "c-1"))
	l.add(added(scribe, "c-5", table3, barriers, Barrier, "Nobody answers the phone, really."))
	l.add(agreed(bram, bram.ID, "c-1"))
	l.add(agreed(cat, cat.ID, "c-1"))
	l.add(agreed(scribe, table3, "c-2"))
	l.add(unagreed(cat, cat.ID, "c-1"))
	l.add(merged(host, "c-5", "c-2"))
	l.add(unmerged(host, "c-5", "c-2"))
	l.add(merged(host, "c-5", "c-2"))

	l.add(highlighted(host, "c-1", true))
	l.add(highlighted(host, "c-2", true))
	l.add(limitedVote("v-h", 3, barriers, true, Barrier))
	l.add(highlighted(host, "c-2", false)) // still on the ballot it opened with
	l.add(voteCast(bram, "v-h", bram.ID, map[string]int{"c-1": 2, "c-2": 1}))
	l.add(voteCast(scribe, "v-h", table3, map[string]int{"c-1": 1}))
	l.add(voteClosed(host, "v-h"))
	l.add(settingsChanged(host, VisibleOnReveal, true))
	l.add(limitedVote("v-p", 2, each, false))
	l.add(voteCast(ally, "v-p", ally.ID, map[string]int{"c-3": 2}))
	l.add(promptRevealed(host, barriers))
	l.add(Event{Type: DisplayPanelChosen, Actor: host, Target: string(PanelTally)})

	l.add(codeReissued(host, ally.ID))
	l.add(codeReissued(host, ally.ID))
	l.add(peopleMerged(host, ally2.ID, ally.ID))
	l.add(voteCast(ally, "v-p", ally.ID, map[string]int{"c-3": 1}))

	l.add(lobby(host, true))
	l.add(joined(dev, "Dev"))
	l.add(joined(eli, "Eli"))
	l.add(keyed(mal, "Mal", "key-mal"))
	l.add(admitted(host, dev.ID))
	l.add(joined(fay, "Fay"))
	l.add(admittedAll(host))
	l.add(joined(gus, "Gus"))
	l.add(withdrew(gus, gus.ID)) // leaves while waiting
	l.add(joined(Actor{Role: RoleParticipant, ID: "p-hal"}, "Hal"))
	l.add(lobby(host, false)) // lets Hal in
	l.add(added(mal, "c-m1", mal.ID, each, Barrier, "spam"))
	l.add(agreed(mal, mal.ID, "c-3"))
	l.add(blocked(host, mal.ID))

	l.add(erasedBy(host, ally.ID)) // the kept one of a merge
	l.add(closed())
	return l.events
}

// checkedLog is a testLog whose every event must pass the rules: a log
// meant to reach a state fails where it stops reaching it.
type checkedLog struct {
	t *testing.T
	testLog
	w *Workshop
}

func (l *checkedLog) add(e Event) {
	l.t.Helper()
	l.testLog.t = l.t
	if l.w == nil {
		l.w = &Workshop{}
	}
	stamped := l.append(e)
	if err := l.w.Apply(stamped); err != nil {
		l.t.Fatalf("event %d (%s) refused: %v", stamped.Seq, e.Type, err)
	}
}
