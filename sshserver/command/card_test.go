package command

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/inquiry/card"
	"github.com/spf13/cobra"
)

// stateOnly is a store whose workshops can be read only as state: the
// log is not read for them.
type stateOnly struct {
	Store
	t *testing.T
}

func (s stateOnly) StateAndLog(workshopID string) (*inquiry.Workshop, []inquiry.Event, error) {
	s.t.Errorf("the log of workshop %s was read", workshopID)
	return s.Store.StateAndLog(workshopID)
}

func TestCardReadsTheWorkshopsStateNotItsLog(t *testing.T) {
	store, sum := datatest.Workshop(t)
	root := &cobra.Command{Use: "anchorage"}
	Add(root, Env{
		Store: func(*cobra.Command, []string) (Store, error) { return stateOnly{store, t}, nil },
		Actor: facilitator,
		Where: func(*cobra.Command) (card.Where, error) {
			return card.Where{Host: "hall.local", Port: "23234", Fingerprint: "SHA256:abc"}, nil
		},
	})
	var stdout, stderr bytes.Buffer
	status := Execute(context.Background(), root, []string{"card", sum.Code}, strings.NewReader(""), &stdout, &stderr)
	if status != 0 || !strings.Contains(stdout.String(), "ssh -p 23234 "+sum.Code+"@hall.local") {
		t.Errorf("card: exit %d, stderr %q, stdout:\n%s", status, stderr.String(), stdout.String())
	}
}
