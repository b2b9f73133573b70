package command

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// tree is a root with the real commands and a store that must not be
// needed.
func tree(t *testing.T) *cobra.Command {
	root := &cobra.Command{Use: "anchorage"}
	Add(root, Env{Store: func(*cobra.Command, []string) (Store, error) {
		return nil, fmt.Errorf("no store in this test: %w", ErrNoData)
	}})
	return root
}

func execute(t *testing.T, args []string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	status := Execute(context.Background(), tree(t), args, strings.NewReader(""), &stdout, &stderr)
	return status, stdout.String(), stderr.String()
}

func TestExecuteNeverReadsTheProcessArguments(t *testing.T) {
	// With nil, cobra would parse os.Args: here the test binary's flags.
	status, stdout, stderr := execute(t, nil)
	if strings.Contains(stderr, "test.") {
		t.Errorf("the process's own arguments were parsed: %q", stderr)
	}
	if status != 0 || !strings.Contains(stdout, "Available Commands") {
		t.Errorf("no arguments: exit %d, stdout %q, stderr %q; want the help", status, stdout, stderr)
	}
}

func TestExecuteExitStatus(t *testing.T) {
	tests := []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"guide", "list"}, 0, ""},
		{[]string{"guide"}, 2, "needs a subcommand"},
		{[]string{"guide", "frob"}, 2, `unknown command "frob"`},
		{[]string{"guide", "show"}, 2, "needs a guide's ID"},
		{[]string{"guide", "check", "x.yaml"}, 2, `unknown command "check"`},
		{[]string{"guide", "list", "extra"}, 2, "unknown command"},
		{[]string{"workshop", "list", "--nope"}, 2, "unknown flag"},
		{[]string{"workshop", "list"}, 1, "no store in this test"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			status, _, stderr := execute(t, tt.args)
			if status != tt.status || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", status, stderr, tt.status, tt.stderr)
			}
		})
	}
}
