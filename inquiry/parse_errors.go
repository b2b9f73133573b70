package inquiry

import (
	"bytes"
	"errors"
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// decodeGuide decodes a guide with the YAML library, refusing unknown
// fields, and trims its text. A problem is placed through nodes (the
// document's, from indexNodes), since the library gives only a line.
func decodeGuide(data []byte, nodes []placedNode) (Guide, *GuideError) {
	if i := first(nodes, func(p placedNode) bool { return p.node.Kind == yaml.AliasNode }); i >= 0 {
		// Refused rather than followed: a guide has no need of them, and
		// following them is how a small file becomes a huge one.
		return Guide{}, fieldError(nodes[i].node.Line, pathOf(nodes, i), "aliases (*name) are not supported in a guide: write the value out")
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var g Guide
	if err := dec.Decode(&g); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) || len(te.Errors) == 0 {
			return Guide{}, syntaxError("", err)
		}
		return Guide{}, locate(te.Errors[0], nodes)
	}
	tidyText(reflect.ValueOf(&g).Elem())
	return g, nil
}

// placedNode is a node of the document, with where it is: the node it is
// in and its step from there (a field's name, or "[2]"), from which the
// path of the field it is can be written ("phases[1].prompts[0].kinds[2]",
// as Validate writes paths), and the Go type a value there decodes into.
// Paths are written only for the node an error names: a document nested
// thousands deep would otherwise cost the square of its depth.
type placedNode struct {
	node   *yaml.Node
	parent int // index of the node it is in, -1 for the top
	step   string
	key    bool         // a field's name, not its value
	typ    reflect.Type // nil where nothing of a guide's belongs
}

// indexNodes lists the nodes under root, each after the node it is in.
func indexNodes(root *yaml.Node) []placedNode {
	out := []placedNode{{node: root, parent: -1, typ: reflect.TypeFor[Guide]()}}
	for i := 0; i < len(out); i++ {
		n, typ := out[i].node, out[i].typ
		switch n.Kind {
		case yaml.MappingNode:
			for j := 0; j+1 < len(n.Content); j += 2 {
				key, value := n.Content[j], n.Content[j+1]
				step := fieldName(key.Value)
				var field reflect.Type
				if typ != nil && typ.Kind() == reflect.Struct {
					if f, ok := fieldByName(typ, key.Value); ok {
						field = f.Type
					}
				}
				out = append(out, placedNode{node: key, parent: i, step: step, key: true},
					placedNode{node: value, parent: i, step: step, typ: field})
			}
		case yaml.SequenceNode:
			var elem reflect.Type
			if typ != nil && typ.Kind() == reflect.Slice {
				elem = typ.Elem()
			}
			for j, item := range n.Content {
				out = append(out, placedNode{node: item, parent: i, step: "[" + strconv.Itoa(j) + "]", typ: elem})
			}
		}
	}
	return out
}

// first is the index of the first node in the document (by line, then
// column) that match accepts, or -1.
func first(nodes []placedNode, match func(placedNode) bool) int {
	best := -1
	for i, p := range nodes {
		if !match(p) {
			continue
		}
		if best < 0 || p.node.Line < nodes[best].node.Line ||
			p.node.Line == nodes[best].node.Line && p.node.Column < nodes[best].node.Column {
			best = i
		}
	}
	return best
}

// pathOf writes the field path of the node at index i.
func pathOf(nodes []placedNode, i int) string {
	var steps []string
	for ; i >= 0 && nodes[i].parent >= 0; i = nodes[i].parent {
		steps = append(steps, nodes[i].step)
	}
	var b strings.Builder
	for j := len(steps) - 1; j >= 0; j-- {
		if b.Len() > 0 && !strings.HasPrefix(steps[j], "[") {
			b.WriteByte('.')
		}
		b.WriteString(steps[j])
	}
	return b.String()
}

// guideTypes are the types a guide is made of, as the YAML library names
// them in its errors.
var guideTypes = func() map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for _, t := range []reflect.Type{reflect.TypeFor[Guide](), reflect.TypeFor[Phase](), reflect.TypeFor[Prompt](),
		reflect.TypeFor[Partner](), reflect.TypeFor[Theme](), reflect.TypeFor[PhaseWords](), reflect.TypeFor[PromptWords]()} {
		m[t.String()] = t
	}
	return m
}()

// locate turns one of the YAML library's decoding errors ("line 9:
// cannot unmarshal !!str `story` into []inquiry.Kind") into a GuideError
// naming the field, in words for a person.
func locate(problem string, nodes []placedNode) *GuideError {
	line, msg := splitLine(problem)
	at := func(match func(placedNode) bool) int {
		return first(nodes, func(p placedNode) bool { return p.node.Line == line && match(p) })
	}
	named := func(i int) string {
		if i < 0 {
			return ""
		}
		return pathOf(nodes, i)
	}
	keyNamed := func(name string) func(placedNode) bool {
		return func(p placedNode) bool { return p.key && p.node.Value == name }
	}
	if rest, ok := strings.CutPrefix(msg, "field "); ok {
		if i := strings.LastIndex(rest, " not found in type "); i >= 0 {
			name, typ := rest[:i], rest[i+len(" not found in type "):]
			return fieldError(line, named(at(keyNamed(name))), "unknown field: expected one of "+strings.Join(fieldNames(guideTypes[typ]), ", "))
		}
	}
	if rest, ok := strings.CutPrefix(msg, "mapping key "); ok {
		if i := strings.LastIndex(rest, " already defined at line "); i >= 0 {
			name, _ := strconv.Unquote(rest[:i])
			return fieldError(line, named(at(keyNamed(name))), "this field appears twice")
		}
	}
	if rest, ok := strings.CutPrefix(msg, "cannot unmarshal !!"); ok {
		tag, _, _ := strings.Cut(rest, " ")
		_, into, _ := strings.Cut(rest, " into ")
		kind := map[string]yaml.Kind{"seq": yaml.SequenceNode, "map": yaml.MappingNode}[tag]
		if kind == 0 {
			kind = yaml.ScalarNode
		}
		// The value of that shape where a value of that type belongs; a
		// line can hold several (kinds: [a], title: [b]).
		i := at(func(p placedNode) bool { return !p.key && p.node.Kind == kind && typeName(p.typ) == into })
		if i < 0 {
			if k := at(func(p placedNode) bool { return p.key && p.node.Kind == kind }); k >= 0 {
				return fieldError(line, named(nodes[k].parent), "a field name must be a plain word, found "+describe(nodes[k].node))
			}
			i = at(func(p placedNode) bool { return !p.key && p.node.Kind == kind })
		}
		found := "something else"
		if i >= 0 {
			found = describe(nodes[i].node)
		}
		return fieldError(line, named(i), expected(into)+", found "+found)
	}
	// An error of our own type's decoding (a duration's): the value on its
	// line whose type decodes itself.
	i := at(func(p placedNode) bool {
		return !p.key && p.typ != nil && reflect.PointerTo(p.typ).Implements(unmarshalerType)
	})
	if i < 0 {
		i = at(func(p placedNode) bool { return !p.key && p.node.Kind == yaml.ScalarNode })
	}
	return fieldError(line, named(i), CleanLine(msg))
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// typeName is a type as the YAML library names it, "" for none.
func typeName(t reflect.Type) string {
	if t == nil {
		return ""
	}
	return t.String()
}

// fieldByName finds a struct's field by its YAML name.
func fieldByName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); tag == name {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

// splitLine parses "line 9: message".
func splitLine(problem string) (int, string) {
	if rest, ok := strings.CutPrefix(problem, "line "); ok {
		if digits, msg, ok := strings.Cut(rest, ": "); ok {
			if n, err := strconv.Atoi(digits); err == nil {
				return n, msg
			}
		}
	}
	return 0, problem
}

// expected says what belongs where the library could not put a value of
// the wrong shape.
func expected(into string) string {
	switch {
	case strings.HasPrefix(into, "[]"):
		return `expected a list (items starting with "- ")`
	case guideTypes[into] != nil:
		return "expected a set of fields (name: value)"
	}
	return "expected text"
}

// fieldNames are a guide type's field names, as written in YAML.
func fieldNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			names = append(names, name)
		}
	}
	return names
}

// tidyText trims the surrounding space from every text in v (including
// the line break a block scalar ends with), and makes every empty list
// none: "kinds: []" means any kind, as no kinds does, and is kept the same
// way, so that a guide reads back as it was written out.
func tidyText(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(strings.TrimSpace(v.String()))
	case reflect.Slice:
		if v.Len() == 0 {
			v.SetZero()
		}
		for i := range v.Len() {
			tidyText(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			tidyText(v.Field(i))
		}
	case reflect.Map:
		// Map values cannot be changed in place: each is tidied as a copy.
		if v.Len() == 0 {
			v.SetZero()
		}
		for _, k := range v.MapKeys() {
			item := reflect.New(v.Type().Elem()).Elem()
			item.Set(v.MapIndex(k))
			tidyText(item)
			v.SetMapIndex(k, item)
		}
	}
}
