package words

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"github.com/anchorage/anchorage/inquiry"
)

// book is one language's messages, as read from its file.
type book struct {
	lang, name string
	tag        language.Tag
	file       string
	messages   map[string]message
}

// message is one message: words, or for a message with a count, words for
// each plural form.
type message struct {
	text  string
	forms map[plural.Form]string
	line  int // where the file gives it
}

// texts are the message's words, each form's for a message with a count.
func (m message) texts() []string {
	if m.forms == nil {
		return []string{m.text}
	}
	out := make([]string, 0, len(m.forms))
	for _, f := range formOrder {
		if t, ok := m.forms[f]; ok {
			out = append(out, t)
		}
	}
	return out
}

// FileError says what is wrong in a message file, and where.
type FileError struct {
	File string
	Line int    // 0 when the problem is not on one line
	Key  string // the message's key, "" for the file's own fields
	Msg  string
}

func (e *FileError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Key != "" {
		return fmt.Sprintf("%s: %s: %s", loc, e.Key, e.Msg)
	}
	return fmt.Sprintf("%s: %s", loc, e.Msg)
}

// maxFileBytes bounds a message file: the built-in ones are a few tens of
// kilobytes.
const maxFileBytes = 1 << 20

// keyPattern is what a message's key looks like: words of lower-case
// letters, digits, hyphens and underscores, joined by dots.
var keyPattern = regexp.MustCompile(`^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$`)

// parseBook reads a message file: the fields language, name and messages.
// It checks the file's shape; check compares it with English.
func parseBook(file string, data []byte) (*book, error) {
	bad := func(line int, key, format string, args ...any) error {
		return &FileError{File: file, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)}
	}
	if len(data) > maxFileBytes {
		return nil, bad(0, "", "a message file is at most %d bytes; this one is %d", maxFileBytes, len(data))
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, bad(0, "", "the file is empty: it needs language, name and messages")
		}
		return nil, bad(0, "", "not valid YAML: %s", inquiry.CleanLine(strings.TrimPrefix(err.Error(), "yaml: ")))
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, bad(doc.Line, "", "a message file is a set of fields: language, name and messages")
	}
	b := &book{file: file, messages: map[string]message{}}
	var messages *yaml.Node
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "language", "name":
			if v.Kind != yaml.ScalarNode {
				return nil, bad(v.Line, "", "%s is one word", k.Value)
			}
			if k.Value == "language" {
				b.lang = v.Value
			} else {
				b.name = v.Value
			}
		case "messages":
			messages = v
		default:
			return nil, bad(k.Line, "", "unknown field %q: a message file has language, name and messages", inquiry.CleanLine(k.Value))
		}
	}
	switch {
	case !inquiry.ValidLanguage(b.lang):
		return nil, bad(root.Line, "", "language must be a language code such as en, gd or cy, not %q", inquiry.CleanLine(b.lang))
	case b.name == "" || inquiry.CleanLine(b.name) != b.name:
		return nil, bad(root.Line, "", "name is the language's name in itself, on one line, such as Cymraeg")
	case messages == nil || messages.Kind != yaml.MappingNode:
		return nil, bad(root.Line, "", "messages is a set of messages, each a key and its words")
	}
	b.tag = language.Make(b.lang)
	for i := 0; i+1 < len(messages.Content); i += 2 {
		k, v := messages.Content[i], messages.Content[i+1]
		key := k.Value
		if !keyPattern.MatchString(key) {
			return nil, bad(k.Line, "", "%q is not a message key: words of lower-case letters and digits joined by dots", inquiry.CleanLine(key))
		}
		if _, twice := b.messages[key]; twice {
			return nil, bad(k.Line, key, "this message is given twice")
		}
		m, err := parseMessage(v)
		if err != "" {
			return nil, bad(v.Line, key, "%s", err)
		}
		b.messages[key] = m
	}
	return b, nil
}

// parseMessage reads one message: words, or a set of plural forms.
func parseMessage(v *yaml.Node) (message, string) {
	m := message{line: v.Line}
	switch v.Kind {
	case yaml.ScalarNode:
		m.text = v.Value
		return m, ""
	case yaml.MappingNode:
		m.forms = map[plural.Form]string{}
		for j := 0; j+1 < len(v.Content); j += 2 {
			f, ok := formNamed(v.Content[j].Value)
			if !ok || v.Content[j+1].Kind != yaml.ScalarNode {
				return m, "a message with a count gives words for plural forms: zero, one, two, few, many or other"
			}
			m.forms[f] = v.Content[j+1].Value
		}
		return m, ""
	}
	return m, "a message is words, or words for each plural form"
}

// check compares a language's book with English's: every key one English
// has, a count where English has one, with the plural forms the language
// needs and no others, only the words to fill in that English has, and
// nothing a terminal would act on.
func (b *book) check(en *book) error {
	needed := formsNeeded(b.tag)
	for _, key := range slices.Sorted(maps.Keys(b.messages)) {
		m := b.messages[key]
		bad := func(format string, args ...any) error {
			return &FileError{File: b.file, Line: m.line, Key: key, Msg: fmt.Sprintf(format, args...)}
		}
		ref, ok := en.messages[key]
		if !ok {
			return bad("no such message: English has no message with this key")
		}
		switch {
		case ref.forms == nil && m.forms != nil:
			return bad("this message has no count: give its words, not plural forms")
		case ref.forms != nil && m.forms == nil:
			return bad("this message has a count: give words for each plural form %s uses (%s)", b.name, formList(needed))
		}
		if m.forms != nil {
			for _, f := range needed {
				if _, ok := m.forms[f]; !ok {
					return bad("%s needs the plural forms %s: %s is missing", b.name, formList(needed), formNames[f])
				}
			}
			for f := range m.forms {
				if !slices.Contains(needed, f) {
					return bad("%s has no plural form %s: give %s", b.name, formNames[f], formList(needed))
				}
			}
		}
		allowed := placeholders(ref.texts()...)
		for _, text := range m.texts() {
			if inquiry.CleanLine(text) != text || strings.TrimSpace(text) == "" {
				return bad("a message is one line of words, without control characters")
			}
			names, ok := fills(text)
			if !ok {
				return bad("a { must start a word to fill in, such as {name}, and } end it")
			}
			for _, name := range names {
				if !allowed[name] {
					return bad("{%s} is not a word this message fills in (English's are %s)", name, placeholderList(allowed))
				}
			}
		}
	}
	return nil
}

// fills are the names of the words to fill in a text: "{name}" gives
// "name". ok is false for a stray brace.
func fills(text string) (names []string, ok bool) {
	for {
		open := strings.IndexAny(text, "{}")
		if open < 0 {
			return names, true
		}
		if text[open] == '}' {
			return nil, false
		}
		end := strings.IndexAny(text[open+1:], "{}")
		if end < 0 || text[open+1+end] != '}' || end == 0 {
			return nil, false
		}
		names = append(names, text[open+1:open+1+end])
		text = text[open+2+end:]
	}
}

func placeholders(texts ...string) map[string]bool {
	out := map[string]bool{}
	for _, t := range texts {
		names, _ := fills(t)
		for _, n := range names {
			out[n] = true
		}
	}
	return out
}

func placeholderList(names map[string]bool) string {
	if len(names) == 0 {
		return "none"
	}
	var out []string
	for _, n := range slices.Sorted(maps.Keys(names)) {
		out = append(out, "{"+n+"}")
	}
	return strings.Join(out, ", ")
}

func formList(forms []plural.Form) string {
	names := make([]string, len(forms))
	for i, f := range forms {
		names[i] = formNames[f]
	}
	return strings.Join(names, ", ")
}
