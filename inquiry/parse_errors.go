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
// fields, and trims its text. A problem is located through nodes, the
// document's nodes in order, since the library gives only a line.
func decodeGuide(data []byte, nodes []placedNode) (Guide, *GuideError) {
	for _, p := range nodes {
		if p.node.Kind == yaml.AliasNode {
			// Refused rather than followed: a guide has no need of them,
			// and following them is how a small file becomes a huge one.
			return Guide{}, fieldError(p.node.Line, p.path, "aliases (*name) are not supported in a guide: write the value out")
		}
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

// placedNode is a node of the document with the path of the field it is,
// as Validate writes paths ("phases[1].prompts[0].kinds[2]").
type placedNode struct {
	node   *yaml.Node
	path   string
	key    bool   // a field's name, not its value
	parent string // for a name, the path of the fields it is among
}

// indexNodes lists the nodes under root in document order with their
// paths.
func indexNodes(root *yaml.Node) []placedNode {
	var out []placedNode
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		out = append(out, placedNode{node: n, path: path})
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				key, value := n.Content[i], n.Content[i+1]
				at := joinPath(path, fieldName(key.Value))
				out = append(out, placedNode{node: key, path: at, key: true, parent: path})
				walk(value, at)
			}
		case yaml.SequenceNode:
			for i, item := range n.Content {
				walk(item, path+"["+strconv.Itoa(i)+"]")
			}
		}
	}
	walk(root, "")
	return out
}

// guideTypes are the types a guide is made of, as the YAML library names
// them in its errors.
var guideTypes = func() map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for _, t := range []reflect.Type{reflect.TypeFor[Guide](), reflect.TypeFor[Phase](), reflect.TypeFor[Prompt](),
		reflect.TypeFor[Partner](), reflect.TypeFor[Theme]()} {
		m[t.String()] = t
	}
	return m
}()

// locate turns one of the YAML library's decoding errors ("line 9:
// cannot unmarshal !!str `story` into []inquiry.Kind") into a GuideError
// naming the field, in words for a person.
func locate(problem string, nodes []placedNode) *GuideError {
	line, msg := splitLine(problem)
	atLine := func(match func(placedNode) bool) (placedNode, bool) {
		for _, p := range nodes {
			if p.node.Line == line && match(p) {
				return p, true
			}
		}
		return placedNode{}, false
	}
	keyNamed := func(name string) func(placedNode) bool {
		return func(p placedNode) bool { return p.key && p.node.Value == name }
	}
	if rest, ok := strings.CutPrefix(msg, "field "); ok {
		if i := strings.LastIndex(rest, " not found in type "); i >= 0 {
			name, typ := rest[:i], rest[i+len(" not found in type "):]
			p, _ := atLine(keyNamed(name))
			return fieldError(line, p.path, "unknown field: expected one of "+strings.Join(fieldNames(guideTypes[typ]), ", "))
		}
	}
	if rest, ok := strings.CutPrefix(msg, "mapping key "); ok {
		if i := strings.LastIndex(rest, " already defined at line "); i >= 0 {
			name, _ := strconv.Unquote(rest[:i])
			p, _ := atLine(keyNamed(name))
			return fieldError(line, p.path, "this field appears twice")
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
		p, ok := atLine(func(p placedNode) bool { return !p.key && p.node.Kind == kind && typeName(typeAt(p.path)) == into })
		if !ok {
			if p, ok = atLine(func(p placedNode) bool { return p.key && p.node.Kind == kind }); ok {
				return fieldError(line, p.parent, "a field name must be a plain word, found "+describe(p.node))
			}
			p, _ = atLine(func(p placedNode) bool { return !p.key && p.node.Kind == kind })
		}
		return fieldError(line, p.path, expected(into)+", found "+describe(p.node))
	}
	// An error of our own type's decoding (a duration's): the value on its
	// line whose type decodes itself.
	p, ok := atLine(func(p placedNode) bool {
		t := typeAt(p.path)
		return !p.key && t != nil && reflect.PointerTo(t).Implements(unmarshalerType)
	})
	if !ok {
		p, _ = atLine(func(p placedNode) bool { return !p.key && p.node.Kind == yaml.ScalarNode })
	}
	return fieldError(line, p.path, CleanLine(msg))
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// typeAt is the Go type of the guide field a path names, nil if it names
// none.
func typeAt(path string) reflect.Type {
	t := reflect.TypeFor[Guide]()
	for part := range strings.SplitSeq(path, ".") {
		name, indexes, _ := strings.Cut(part, "[")
		if t.Kind() != reflect.Struct {
			return nil
		}
		field, ok := fieldByName(t, name)
		if !ok {
			return nil
		}
		t = field.Type
		for range strings.Count(indexes, "]") {
			if t.Kind() != reflect.Slice {
				return nil
			}
			t = t.Elem()
		}
	}
	return t
}

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
	}
}
