package facilitator

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"github.com/anchorage/anchorage/data/datatest"
	"github.com/anchorage/anchorage/tui/tuitest"
)

// TestEveryRoomKeyIsInTheListOfKeys: the list ? shows is made from the
// bindings the room matches, so a key added to the room without a word in
// the list fails here.
func TestEveryRoomKeyIsInTheListOfKeys(t *testing.T) {
	var listed []string
	for _, s := range roomKeyList {
		for _, l := range s.keys {
			listed = append(listed, strings.Join(l.b.Keys(), " "))
		}
	}
	for _, set := range []any{roomKeys, detailKeys, peopleKeys} {
		v := reflect.ValueOf(set)
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			b := v.Field(i).Interface().(key.Binding)
			switch name {
			case "PrevPane", "Next", "Close": // the way back of NextPane; the details' own ↑↓ and esc
				continue
			}
			if !slices.Contains(listed, strings.Join(b.Keys(), " ")) {
				t.Errorf("%s (%v) is not in the list of keys", name, b.Keys())
			}
		}
	}
}

func TestTheListOfKeysSaysWhatEveryRoomKeyDoes(t *testing.T) {
	store, sum := datatest.LedWorkshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 120, 80)
	fac.See("Live contributions")
	fac.Key("?")
	for _, s := range roomKeyList {
		for _, l := range s.keys {
			fac.See(l.does)
		}
	}
	fac.Key("?")
	fac.See("Live contributions", "? keys")
}

// TestHelpSaysWhatIsTrueInASelfPacedWorkshop: in a self-paced workshop
// neither the line of keys nor the list of keys offers to open prompts or
// keep time for everyone; the list says why instead.
func TestHelpSaysWhatIsTrueInASelfPacedWorkshop(t *testing.T) {
	store, sum := datatest.Workshop(t)
	fac := tuitest.Run(t, New(tuitest.FacilitatorSession(t, store, sum.Code)), 120, 60)
	fac.See("Live contributions", "? keys")
	for _, offer := range []string{"n next prompt", "o prompts"} {
		if fac.Shows(offer) {
			t.Errorf("a self-paced room's line of keys offers %q:\n%s", offer, fac.Screen.Text())
		}
	}
	fac.Key("?")
	fac.See("This workshop is self-paced: each participant moves on when ready", "reveal the open prompt's")
	for _, l := range roomKeyList[1].keys {
		if fac.Shows(l.does) {
			t.Errorf("a self-paced room's list of keys offers %q:\n%s", l.does, fac.Screen.Text())
		}
	}
}
