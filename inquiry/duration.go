package inquiry

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// String writes the duration as a person would: "10m", "1h30m", "45s".
// Whole seconds drop the zero units that time.Duration.String keeps
// ("10m0s"); anything finer falls back to it.
func (d Duration) String() string {
	t := time.Duration(d)
	if t == 0 {
		return "0s"
	}
	if t < 0 || t%time.Second != 0 {
		return t.String()
	}
	var b strings.Builder
	for _, unit := range []struct {
		size   time.Duration
		suffix string
	}{{time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}} {
		if n := t / unit.size; n > 0 {
			b.WriteString(strconv.FormatInt(int64(n), 10))
			b.WriteString(unit.suffix)
			t -= n * unit.size
		}
	}
	return b.String()
}

// ParseDuration reads a duration written as "10m", "90s" or "1h30m".
func ParseDuration(s string) (Duration, error) {
	t, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return 0, fmt.Errorf("%q is not a duration: write it like 10m, 90s or 1h30m", s)
	}
	return Duration(t), nil
}

// MarshalYAML writes the duration as a string such as "10m".
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// UnmarshalYAML reads a duration written as a string such as "10m". A bare
// number is refused rather than guessed at: is 10 seconds or minutes? Its
// errors are yaml.TypeErrors, which carry the line, as the library's own.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return yamlError(n, errors.New("a duration is a single value such as 10m"))
	}
	if n.ShortTag() == "!!null" {
		*d = 0
		return nil
	}
	parsed, err := ParseDuration(n.Value)
	if err != nil {
		return yamlError(n, err)
	}
	*d = parsed
	return nil
}

// yamlError is err as the YAML library reports a value it cannot decode.
func yamlError(n *yaml.Node, err error) *yaml.TypeError {
	return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %s", n.Line, err)}}
}

// MarshalJSON writes the duration as a JSON string such as "10m", so that
// an export reads the same as the guide it came from.
func (d Duration) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a duration written as a JSON string such as "10m".
// A JSON null leaves the duration as it was, as encoding/json does for
// other types.
func (d *Duration) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return errors.New(`a duration is a string such as "10m"`)
	}
	parsed, err := ParseDuration(s)
	if err != nil {
		return err
	}
	*d = parsed
	return nil
}
