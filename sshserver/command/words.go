package command

import (
	"strings"

	"github.com/spf13/cobra"
)

// Free text in flags. ssh sends a command's arguments joined by spaces,
// after the facilitator's own shell has taken the quotes away, so
//
//	ssh -p 23234 HOST workshop new --title "Partnerships in Ayrshire"
//
// reaches the server as `workshop new --title Partnerships in Ayrshire`.
// A flag whose value is free text (a title, a name, a date) therefore takes
// every word after it up to the next flag: the command works as typed, and
// quoting for the far end ('… --title "Partnerships in Ayrshire"') still
// works too.

// wordsAnnotation marks a flag whose value is free text.
const wordsAnnotation = "anchorage-free-text"

// wordsFlag declares a flag whose value is free text.
func wordsFlag(cmd *cobra.Command, p *string, name, usage string) {
	cmd.Flags().StringVar(p, name, "", usage+" (the words up to the next flag)")
	_ = cmd.Flags().SetAnnotation(name, wordsAnnotation, []string{"true"})
}

// joinWords puts the words of each free-text flag in args back into one
// value, for the command args name in the tree under root.
func joinWords(root *cobra.Command, args []string) []string {
	cmd, _, err := root.Find(args)
	if err != nil || cmd == nil {
		return args
	}
	isWords := func(name string) bool {
		f := cmd.Flags().Lookup(name)
		return f != nil && len(f.Annotations[wordsAnnotation]) > 0
	}
	isFlag := func(word string) bool {
		switch {
		case strings.HasPrefix(word, "--"):
			return true
		case len(word) == 2 && word[0] == '-':
			return cmd.Flags().ShorthandLookup(word[1:]) != nil
		}
		return false
	}
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		name, value, inline := strings.Cut(args[i], "=")
		if !strings.HasPrefix(name, "--") || !isWords(name[2:]) {
			out = append(out, args[i])
			continue
		}
		var words []string
		if inline {
			words = append(words, value)
		}
		j := i + 1
		for ; j < len(args) && !isFlag(args[j]); j++ {
			words = append(words, args[j])
		}
		if len(words) == 0 {
			out = append(out, args[i]) // for cobra to say the value is missing
			continue
		}
		out = append(out, name+"="+strings.Join(words, " "))
		i = j - 1
	}
	return out
}
