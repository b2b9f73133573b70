package inquiry

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"
)

var timeType = reflect.TypeFor[time.Time]()

// fillAll sets every exported field reachable from v to a value that is
// not zero: every pointer set, every list and map given two entries. A
// field added to an event later is filled too, so the test below covers
// it without being told.
func fillAll(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("s%d", *n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Uint64:
		v.SetUint(uint64(*n))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fillAll(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fillAll(v.Index(i), n)
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		for range 2 {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fillAll(k, n)
			fillAll(e, n)
			v.SetMapIndex(k, e)
		}
	case reflect.Struct:
		if v.Type() == timeType {
			v.Set(reflect.ValueOf(testStart.Add(time.Duration(*n) * time.Second)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillAll(v.Field(i), n)
			}
		}
	default:
		panic("fillAll: no filling for " + v.Type().String())
	}
}

// sharedMemory lists the places where a and b, of one type, share a
// pointer, a list's array or a map.
func sharedMemory(a, b reflect.Value, path string) []string {
	var shared []string
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return nil
		}
		if a.Pointer() == b.Pointer() {
			shared = append(shared, path)
		}
		return append(shared, sharedMemory(a.Elem(), b.Elem(), path)...)
	case reflect.Slice:
		if a.Len() > 0 && b.Len() > 0 && a.Pointer() == b.Pointer() {
			shared = append(shared, path)
		}
		for i := range min(a.Len(), b.Len()) {
			shared = append(shared, sharedMemory(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i))...)
		}
	case reflect.Map:
		if !a.IsNil() && !b.IsNil() && a.Pointer() == b.Pointer() {
			shared = append(shared, path)
		}
	case reflect.Struct:
		if a.Type() == timeType {
			return nil
		}
		for i := range a.NumField() {
			if f := a.Type().Field(i); f.IsExported() {
				shared = append(shared, sharedMemory(a.Field(i), b.Field(i), path+"."+f.Name)...)
			}
		}
	}
	return shared
}

func TestCloneSharesNoMemoryAndEncodesTheSame(t *testing.T) {
	var e Event
	n := 0
	fillAll(reflect.ValueOf(&e).Elem(), &n)
	c := e.Clone()
	if shared := sharedMemory(reflect.ValueOf(e), reflect.ValueOf(c), "Event"); len(shared) > 0 {
		t.Errorf("the clone shares memory with the original at %v", shared)
	}
	want, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("the clone encodes differently:\n got %s\nwant %s", got, want)
	}
}

func TestCloneKeepsNilListsNilAndEmptyOnesEmpty(t *testing.T) {
	e := Event{
		Contribution: &ContributionDetails{Themes: []string{}},
		Curation:     &Curation{},
		Workshop:     &WorkshopDetails{Guide: Guide{Phases: []Phase{{Prompts: []Prompt{}}}}},
		Ballot:       &Ballot{},
	}
	c := e.Clone()
	if c.Contribution.Themes == nil || c.Curation.Themes != nil || c.Workshop.Guide.Phases[0].Prompts == nil ||
		c.Workshop.Guide.Partners != nil || c.Ballot.Dots != nil {
		t.Errorf("the clone changed which lists are nil: %+v", c)
	}
}
