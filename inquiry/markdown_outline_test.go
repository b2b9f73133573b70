package inquiry

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// outline is a report's heading tree as a Markdown parser reads it, not as
// the eye does: each heading with the headings under it.
type outline struct {
	level    int
	title    string
	children []*outline
}

// parseOutline parses markdown with goldmark and nests its headings:
// each under the nearest heading before it of a lower level.
func parseOutline(t *testing.T, md string) *outline {
	t.Helper()
	source := []byte(md)
	doc := goldmark.New().Parser().Parse(text.NewReader(source))
	root := &outline{}
	stack := []*outline{root}
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		var title strings.Builder
		for i := range h.Lines().Len() {
			seg := h.Lines().At(i)
			title.Write(seg.Value(source))
		}
		node := &outline{level: h.Level, title: title.String()}
		for stack[len(stack)-1].level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1]
		if h.Level != parent.level+1 {
			t.Errorf("heading %q (level %d) skips a level under %q (level %d)", node.title, h.Level, parent.title, parent.level)
		}
		parent.children = append(parent.children, node)
		stack = append(stack, node)
		return ast.WalkSkipChildren, nil
	})
	if err != nil {
		t.Fatalf("walk the markdown: %v", err)
	}
	return root
}

// find is the first heading with the title, depth first.
func (o *outline) find(title string) *outline {
	if o.title == title {
		return o
	}
	for _, c := range o.children {
		if f := c.find(title); f != nil {
			return f
		}
	}
	return nil
}

func (o *outline) titles() []string {
	var out []string
	for _, c := range o.children {
		out = append(out, c.title)
	}
	return out
}

func TestMarkdownReportOutlineNests(t *testing.T) {
	fixtures := map[string]func(testing.TB) (*Workshop, []Event){
		"facilitated": facilitatedExportLog,
		"sample":      sampleExportLog,
	}
	for name, fixture := range fixtures {
		t.Run(name, func(t *testing.T) {
			ws, events := fixture(t)
			root := parseOutline(t, exportOf(t, FormatMarkdown, ws, events))
			if len(root.children) != 1 || root.children[0].level != 1 || root.children[0].title != ws.Title {
				t.Fatalf("the report should have one title heading, %q: %v", ws.Title, root.titles())
			}
			synthesis := root.find("Synthesis")
			if synthesis == nil || synthesis.level != 2 {
				t.Fatalf("no \"## Synthesis\"")
			}
			byTheme := synthesis.find("Opportunities and barriers by theme")
			if byTheme == nil || byTheme.level != 3 {
				t.Fatalf("no \"### Opportunities and barriers by theme\" under the synthesis: %v", synthesis.titles())
			}
			// Every theme with opportunities or barriers has its section
			// under "by theme", and nowhere else in the synthesis.
			var themes []string
			for _, row := range ws.Tally().Rows() {
				if row.Sum(Opportunity, Barrier) > 0 {
					themes = append(themes, row.Theme.Label)
				}
			}
			if got := byTheme.titles(); !slices.Equal(got, themes) {
				t.Errorf("sections under \"by theme\" = %v, want the themes %v", got, themes)
			}
			if h := synthesis.find("Highlighted by the facilitators"); h != nil && (h.level != 3 || len(h.children) > 0) {
				t.Errorf("\"Highlighted by the facilitators\" should be a section of its own, holding no theme: %v", h.titles())
			}
			if others := synthesis.find("Strengths, aspirations, actions and stories"); others == nil || others.level != 3 {
				t.Errorf("no \"### Strengths, aspirations, actions and stories\" under the synthesis")
			}
		})
	}
}

func TestFacilitatedReportOutline(t *testing.T) {
	ws, events := facilitatedExportLog(t)
	root := parseOutline(t, exportOf(t, FormatMarkdown, ws, events))
	report := root.children[0]
	want := []string{"Synthesis", "Priorities", "Commitments", "Participants", "Transcript", "Facilitation record", "About this report"}
	if got := report.titles(); !slices.Equal(got, want) {
		t.Errorf("sections = %v, want %v", got, want)
	}
	if got := report.find("Synthesis").titles(); !slices.Equal(got, []string{
		"Highlighted by the facilitators", "Opportunities and barriers by theme", "Strengths, aspirations, actions and stories",
	}) {
		t.Errorf("the synthesis = %v: it should lead with the highlights, before the themes", got)
	}
	if got := report.find("Priorities").titles(); !slices.Equal(got, []string{
		"Which opportunities should we take forward first?", "Of the highlighted, which first?",
	}) {
		t.Errorf("priorities = %v, want a section per vote", got)
	}
	if got := report.find("Transcript").titles(); !slices.Equal(got, []string{"Discover", "Dream", "Design", "Deliver"}) {
		t.Errorf("transcript = %v, want a section per phase", got)
	}
	if got := report.find("Design").titles(); !slices.Equal(got, []string{"Design 1 · 3 of 6: What opportunities could we build on?", "Design 2 · 4 of 6: What is in the way?"}) {
		t.Errorf("Design = %v, want its prompts", got)
	}
}
