package inquiry

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxGuideBytes bounds a guide file. The longest built-in guide is a few
// kilobytes; a megabyte is room for any honest guide and keeps a mistaken
// or hostile file from costing the server much to read.
const maxGuideBytes = 1 << 20

// ParseGuide reads a guide from YAML and validates it. Decoding is strict
// (yaml.v3 with KnownFields): an unknown field, a field given twice, a
// list where one value belongs, or a value where a list belongs is an
// error, so a typo never silently drops part of a guide. Aliases are
// refused. Text fields are trimmed of surrounding space, including the
// line break a YAML block scalar ends with. Every error is a *GuideError
// naming the file, the 1-based line and the field, found from the
// document's node positions.
func ParseGuide(file string, data []byte) (Guide, error) {
	if len(data) > maxGuideBytes {
		return Guide{}, &GuideError{File: file, Msg: fmt.Sprintf("a guide file is at most %d bytes; this one is %d", maxGuideBytes, len(data))}
	}
	root, err := parseDocument(file, data)
	if err != nil {
		return Guide{}, err
	}
	nodes := indexNodes(root)
	g, bad := decodeGuide(data, nodes)
	if bad != nil {
		bad.File = file
		return Guide{}, bad
	}
	if err := g.Validate(); err != nil {
		var ge *GuideError
		if !errors.As(err, &ge) {
			return Guide{}, &GuideError{File: file, Line: root.Line, Msg: err.Error()}
		}
		ge.File, ge.Line = file, lineOf(root, ge.Field)
		return Guide{}, ge
	}
	return g, nil
}

// parseDocument reads the single YAML document a guide file holds and
// returns its top-level mapping.
func parseDocument(file string, data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &GuideError{File: file, Msg: "the file is empty: a guide needs an id, a title and phases"}
		}
		return nil, syntaxError(file, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, &GuideError{File: file, Line: extra.Line, Msg: "a guide file holds one guide: remove the second document (after ---)"}
	case !errors.Is(err, io.EOF):
		// Not a second document: text after the first that is not YAML.
		return nil, syntaxError(file, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &GuideError{File: file, Line: doc.Line, Msg: "the file is empty: a guide needs an id, a title and phases"}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &GuideError{File: file, Line: root.Line, Msg: "a guide is a set of fields (id, title, phases, ...), found " + describe(root)}
	}
	return root, nil
}

// syntaxError turns the YAML library's "yaml: line 3: ..." message into a
// GuideError with the line as a number.
func syntaxError(file string, err error) *GuideError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if digits, after, ok := strings.Cut(rest, ": "); ok {
			if n, convErr := strconv.Atoi(digits); convErr == nil && n > 0 {
				line, msg = n, after
			}
		}
	}
	// XXX: the library counts lines from 1 in its scanner's errors but
	// from 0 in its parser's (and then names the line where the unclosed
	// list or mapping began). Its parser's messages are few and fixed, so
	// they are recognised here and moved to the line a person counts.
	if parserProblem(msg) && line > 0 {
		line++
	}
	// Text after a complete first value, without --- before it.
	if msg == "did not find expected <document start>" {
		msg = "this line is not part of the guide above it (a guide is one set of fields)"
	}
	// The message can quote the file (an anchor's name, say): clean it for
	// whoever's terminal shows it.
	return &GuideError{File: file, Line: line, Msg: "not valid YAML: " + CleanLine(msg)}
}

// parserProblem reports whether a YAML error message comes from the
// library's parser rather than its scanner.
func parserProblem(msg string) bool {
	for _, p := range []string{
		"did not find expected ',' or ']'", "did not find expected ',' or '}'",
		"did not find expected '-' indicator", "did not find expected <document start>",
		"did not find expected key", "did not find expected node content",
		"found duplicate %YAML directive", "found incompatible YAML document",
		"found undefined tag handle", "found duplicate %TAG directive",
	} {
		if msg == p {
			return true
		}
	}
	return false
}

// fieldName is a key as an error message shows it: a plain name as it is,
// anything else quoted and cut short, so a hostile key cannot put escape
// sequences on the screen of whoever reads the error.
func fieldName(key string) string {
	plain := key != "" && len(key) <= 40
	for _, c := range []byte(key) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			plain = false
			break
		}
	}
	if plain {
		return key
	}
	if runes := []rune(key); len(runes) > 40 {
		key = string(runes[:40]) + "..."
	}
	return strconv.QuoteToASCII(key)
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func fieldError(line int, field, msg string) *GuideError {
	return &GuideError{Line: line, Field: field, Msg: msg}
}

// describe names a node's shape for an error message.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a set of fields"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		v := n.Value
		if RuneCount(v) > 30 {
			v = string([]rune(v)[:30]) + "..."
		}
		return strconv.Quote(CleanLine(v))
	}
	return "nothing"
}

// lineOf finds the line of the node a field path such as
// "phases[1].prompts[0].kinds[2]" names: the key's line for a named field,
// the item's line for an index. A path that runs out (a missing field)
// gives the line of the nearest part that exists.
func lineOf(root *yaml.Node, field string) int {
	node, line := root, root.Line
	for part := range strings.SplitSeq(field, ".") {
		name, indexes, _ := strings.Cut(part, "[")
		key, value := lookup(node, name)
		if key == nil {
			return line
		}
		node, line = value, key.Line
		if indexes == "" {
			continue
		}
		for index := range strings.SplitSeq(strings.TrimSuffix(indexes, "]"), "][") {
			i, err := strconv.Atoi(index)
			if err != nil || node.Kind != yaml.SequenceNode || i < 0 || i >= len(node.Content) {
				return line
			}
			node = node.Content[i]
			line = node.Line
		}
	}
	return line
}

// lookup finds a key and its value in a mapping node.
func lookup(n *yaml.Node, name string) (key, value *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == name {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}
