package tuitest

import (
	"testing"

	"github.com/anchorage/anchorage/inquiry"
)

// PromptAt is the default guide's prompt at phase p, prompt q.
func PromptAt(t testing.TB, p, q int) inquiry.PromptRef {
	t.Helper()
	return defaultGuide(t).Ref(p, q)
}

// PromptFor is the default guide's first prompt that takes every one of
// kinds.
func PromptFor(t testing.TB, kinds ...inquiry.Kind) inquiry.PromptRef {
	t.Helper()
	g := defaultGuide(t)
	for p, ph := range g.Phases {
	prompts:
		for q, pr := range ph.Prompts {
			for _, k := range kinds {
				if !pr.Allows(k) {
					continue prompts
				}
			}
			return g.Ref(p, q)
		}
	}
	t.Fatalf("no prompt of the default guide takes %v", kinds)
	return ""
}

func defaultGuide(t testing.TB) inquiry.Guide {
	t.Helper()
	g, ok := inquiry.BuiltinGuide(inquiry.DefaultGuideID)
	if !ok {
		t.Fatal("the default guide is missing")
	}
	return g
}
