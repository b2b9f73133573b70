package inquiry

import (
	"embed"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
)

// DefaultGuideID is the guide a new workshop uses unless told otherwise:
// the appreciative 4-D cycle applied to partnerships between community
// anchors and public services.
const DefaultGuideID = "four-d"

// builtinFiles are the built-in guides, one YAML file each, named after the
// guide's ID.
//
//go:embed guides/*.yaml
var builtinFiles embed.FS

// builtinGuides parses the embedded guides once, at first use. They are
// part of the program, so a broken one is a bug caught by the tests, not
// a condition to handle: it panics with the GuideError.
var builtinGuides = sync.OnceValue(func() []Guide {
	names, err := fs.Glob(builtinFiles, "guides/*.yaml")
	if err != nil {
		panic("inquiry: list built-in guides: " + err.Error())
	}
	var guides []Guide
	for _, name := range names {
		data, err := builtinFiles.ReadFile(name)
		if err != nil {
			panic("inquiry: read built-in guide: " + err.Error())
		}
		g, err := ParseGuide(name, data)
		if err != nil {
			panic(err)
		}
		if want := strings.TrimSuffix(path.Base(name), ".yaml"); g.ID != want {
			panic(&GuideError{File: name, Field: "id", Msg: "the ID of a built-in guide must match its file name " + want})
		}
		guides = append(guides, g)
	}
	// The default first, the rest in file-name order.
	slices.SortStableFunc(guides, func(a, b Guide) int {
		switch {
		case a.ID == DefaultGuideID:
			return -1
		case b.ID == DefaultGuideID:
			return 1
		}
		return 0
	})
	if len(guides) == 0 || guides[0].ID != DefaultGuideID {
		panic("inquiry: the default guide " + DefaultGuideID + " is not built in")
	}
	return guides
})

// Builtins returns the built-in guides, the default first. Each call
// returns fresh copies, so a caller may change what it gets.
func Builtins() []Guide {
	guides := builtinGuides()
	out := make([]Guide, len(guides))
	for i, g := range guides {
		out[i] = g.clone()
	}
	return out
}

// BuiltinGuide returns the built-in guide with the given ID.
func BuiltinGuide(id string) (Guide, bool) {
	for _, g := range builtinGuides() {
		if g.ID == id {
			return g.clone(), true
		}
	}
	return Guide{}, false
}

// clone copies a guide deeply enough that changing the copy's phases,
// prompts, kinds, partners or themes leaves the original as it was.
func (g Guide) clone() Guide {
	g.Phases = slices.Clone(g.Phases)
	for p := range g.Phases {
		ph := &g.Phases[p]
		ph.Prompts = slices.Clone(ph.Prompts)
		ph.Languages = maps.Clone(ph.Languages)
		for q := range ph.Prompts {
			ph.Prompts[q].Kinds = slices.Clone(ph.Prompts[q].Kinds)
			ph.Prompts[q].Languages = maps.Clone(ph.Prompts[q].Languages)
		}
	}
	g.Partners = slices.Clone(g.Partners)
	g.Themes = slices.Clone(g.Themes)
	for t := range g.Themes {
		g.Themes[t].Keywords = slices.Clone(g.Themes[t].Keywords)
	}
	return g
}
