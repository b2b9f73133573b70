package inquiry

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"
)

func FuzzParseGuide(f *testing.F) {
	builtins, err := fs.Glob(builtinFiles, "guides/*.yaml")
	if err != nil || len(builtins) == 0 {
		f.Fatalf("list built-in guides: %v (%d found)", err, len(builtins))
	}
	for _, name := range builtins {
		data, err := builtinFiles.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(goodGuide))
	for _, c := range malformedGuides {
		f.Add([]byte(c.yaml))
	}
	for _, c := range terminalAttacks {
		f.Add([]byte("id: x\ntitle: \"" + c.in + "\"\nphases: []\n"))
	}
	f.Add([]byte("a: &a [*a, *a]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := ParseGuide("fuzz.yaml", data)
		if err != nil {
			var ge *GuideError
			if !errors.As(err, &ge) {
				t.Fatalf("ParseGuide error %v is a %T, want a *GuideError", err, err)
			}
			if ge.File != "fuzz.yaml" || ge.Line < 0 || ge.Line > lineCount(data)+1 {
				t.Fatalf("ParseGuide error names file %q, line %d of a %d-line text", ge.File, ge.Line, lineCount(data))
			}
			// The error is shown on a terminal: the file must not be able
			// to put escape sequences or line breaks into it.
			if msg := err.Error(); CleanLine(msg) != msg {
				t.Fatalf("ParseGuide error %q is not one clean line", msg)
			}
			return
		}
		if err := g.Validate(); err != nil {
			t.Fatalf("ParseGuide accepted a guide that does not validate: %v", err)
		}
		// What was accepted survives being written out and read back.
		out, err := yaml.Marshal(g)
		if err != nil {
			t.Fatalf("marshal accepted guide: %v", err)
		}
		back, err := ParseGuide("again.yaml", out)
		if err != nil || !reflect.DeepEqual(back, g) {
			t.Fatalf("accepted guide changed when written as YAML and read back: %v\n%s", err, out)
		}
		js, err := json.Marshal(g)
		if err != nil {
			t.Fatalf("marshal accepted guide to JSON: %v", err)
		}
		var fromJSON Guide
		if err := json.Unmarshal(js, &fromJSON); err != nil || !reflect.DeepEqual(fromJSON, g) {
			t.Fatalf("accepted guide changed on a JSON round trip: %v\n%s", err, js)
		}
	})
}

// lineCount is an upper bound on the lines YAML sees in data: it breaks
// lines at CR, LF, NEL and the Unicode line and paragraph separators.
func lineCount(data []byte) int {
	n := 1
	for _, brk := range []string{"\n", "\r", "\u0085", "\u2028", "\u2029"} {
		n += bytes.Count(data, []byte(brk))
	}
	return n
}
