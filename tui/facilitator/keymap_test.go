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
	for _, set := range []any{roomKeys, detailKeys} {
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
	store, sum := datatest.Workshop(t)
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
