package words

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/anchorage/anchorage/inquiry"
)

//go:embed messages/*.yaml
var builtinFiles embed.FS

// builtinOrder is the order the built-in languages are offered in; any a
// facilitator adds come after, by code.
var builtinOrder = []string{"en", "gd", "cy"}

// Catalogue is every language's messages. It is not changed once made, so
// every screen of a server shares one.
type Catalogue struct {
	books map[string]*book
}

// Language is a language a catalogue speaks: its code and its name in
// itself.
type Language struct {
	Code, Name string
}

// builtin is the embedded catalogue, read once: English first, since the
// other languages are checked against it.
var builtin = sync.OnceValues(func() (*Catalogue, error) {
	c := &Catalogue{books: map[string]*book{}}
	names, err := fs.Glob(builtinFiles, "messages/*.yaml")
	if err != nil {
		return nil, err
	}
	if i := slices.Index(names, "messages/en.yaml"); i > 0 {
		names[0], names[i] = names[i], names[0]
	}
	for _, name := range names {
		data, err := builtinFiles.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if err := c.add(name, data, c.books["en"], false); err != nil {
			return nil, err
		}
	}
	return c, nil
})

// Builtin is the catalogue embedded in the server.
func Builtin() *Catalogue {
	c, err := builtin()
	if err != nil {
		// The embedded files are checked by this package's tests.
		panic("words: the built-in catalogue is broken: " + err.Error())
	}
	return c
}

// Load is the built-in catalogue with the message files in dir (*.yaml,
// each named for its language: cy.yaml) laid over it: each file's messages
// replace the built-in ones of its language, and a file for a language
// the server does not have adds it. A file with a mistake stops the load,
// with the file and line.
func Load(dir string) (*Catalogue, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, fmt.Errorf("messages folder %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("messages folder %s: no message files (*.yaml) in it", dir)
	}
	c := &Catalogue{books: map[string]*book{}}
	for lang, b := range Builtin().books {
		copied := *b
		copied.messages = maps.Clone(b.messages)
		c.books[lang] = &copied
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("message file: %w", err)
		}
		if err := c.add(f, data, Builtin().books["en"], true); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// add reads a message file into the catalogue, over what the catalogue has
// of its language if over is set. Every file but the built-in English is
// checked against en, the English whose keys the screens use.
func (c *Catalogue) add(file string, data []byte, en *book, over bool) error {
	b, err := parseBook(file, data)
	if err != nil {
		return err
	}
	if want := strings.TrimSuffix(filepath.Base(file), ".yaml"); want != b.lang {
		return &FileError{File: file, Msg: fmt.Sprintf("the file is for language %s, so it must be named %s.yaml", b.lang, b.lang)}
	}
	if en != nil {
		if err := b.check(en); err != nil {
			return err
		}
	} else if b.lang != "en" {
		return &FileError{File: file, Msg: "there is no English to check it against"}
	} else if err := b.check(b); err != nil {
		return err // English's own plural forms and words
	}
	old, ok := c.books[b.lang]
	if !over || !ok {
		c.books[b.lang] = b
		return nil
	}
	old.name, old.file = b.name, b.file
	maps.Copy(old.messages, b.messages)
	return nil
}

// Languages are the languages the catalogue speaks, in the order they are
// offered: English, Gàidhlig, Cymraeg, then any a facilitator added.
func (c *Catalogue) Languages() []Language {
	c = c.orBuiltin()
	var codes []string
	for _, code := range builtinOrder {
		if _, ok := c.books[code]; ok {
			codes = append(codes, code)
		}
	}
	for _, code := range slices.Sorted(maps.Keys(c.books)) {
		if !slices.Contains(codes, code) {
			codes = append(codes, code)
		}
	}
	out := make([]Language, len(codes))
	for i, code := range codes {
		out[i] = Language{Code: code, Name: c.books[code].name}
	}
	return out
}

// Match is the catalogue's language for a language asked for ("cy",
// "cy-GB", "CY"), and whether it has one.
func (c *Catalogue) Match(asked string) (string, bool) {
	c = c.orBuiltin()
	base, _, _ := strings.Cut(strings.ToLower(strings.ReplaceAll(asked, "_", "-")), "-")
	_, ok := c.books[base]
	return base, ok
}

// Missing is how many of English's messages the language lacks: they are
// shown in English.
func (c *Catalogue) Missing(lang string) int {
	c = c.orBuiltin()
	b, ok := c.books[lang]
	if !ok {
		return len(c.books["en"].messages)
	}
	n := 0
	for key := range c.books["en"].messages {
		if _, ok := b.messages[key]; !ok {
			n++
		}
	}
	return n
}

// In is the catalogue's words in a language; English for a language it
// does not speak.
func (c *Catalogue) In(lang string) Words {
	c = c.orBuiltin()
	en := c.books["en"]
	b, ok := c.books[lang]
	if !ok {
		b = en
	}
	return Words{b: b, en: en}
}

// orBuiltin is the catalogue, or the built-in one for a nil catalogue, so
// that a screen given none speaks anyway.
func (c *Catalogue) orBuiltin() *Catalogue {
	if c == nil {
		return Builtin()
	}
	return c
}

// FromEnviron is the language a session's environment asks for, as the C
// library reads it (LC_ALL, then LC_MESSAGES, then LANG: "cy_GB.UTF-8"
// asks for cy), or "" when it asks for none (unset, C or POSIX).
func FromEnviron(environ []string) string {
	vars := map[string]string{}
	for _, kv := range environ {
		if name, value, ok := strings.Cut(kv, "="); ok {
			vars[name] = value
		}
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		value := vars[name]
		if value == "" {
			continue
		}
		value, _, _ = strings.Cut(value, ".")
		value, _, _ = strings.Cut(value, "@")
		base, _, _ := strings.Cut(strings.ToLower(value), "_")
		if value == "C" || value == "POSIX" || !inquiry.ValidLanguage(base) {
			return ""
		}
		return base
	}
	return ""
}
