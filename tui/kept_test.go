package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestKeepDrawsOnlyWhenTheKeyChanges(t *testing.T) {
	var part Kept[int]
	drawn := 0
	draw := func(k int) string { drawn++; return strings.Repeat("x\n", k) }
	for _, k := range []int{2, 2, 3, 3, 2} {
		if got := Keep(&part, k, draw); got.Lines != k+1 {
			t.Fatalf("Keep(%d) has %d lines", k, got.Lines)
		}
	}
	if drawn != 3 {
		t.Fatalf("drawn %d times for the keys 2 2 3 3 2, want 3", drawn)
	}
}

// TestKeptPartsAreDrawnFromTheirKeys checks every Keep and Remember in the
// screens' code: what draws a kept part is a top-level function (or one
// of another package), given the key alone, never a closure or a method
// that could read what the key leaves out.
func TestKeptPartsAreDrawnFromTheirKeys(t *testing.T) {
	calls := 0
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		fset := token.NewFileSet()
		pkgs, err := parser.ParseDir(fset, path, func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
		if err != nil {
			return err
		}
		for _, pkg := range pkgs {
			funcs := map[string]bool{}
			for _, f := range pkg.Files {
				for _, decl := range f.Decls {
					if fn, ok := decl.(*ast.FuncDecl); ok && fn.Recv == nil {
						funcs[fn.Name.Name] = true
					}
				}
			}
			for _, f := range pkg.Files {
				imports := map[string]bool{}
				for _, imp := range f.Imports {
					p := strings.Trim(imp.Path.Value, `"`)
					n := p[strings.LastIndex(p, "/")+1:]
					if imp.Name != nil {
						n = imp.Name.Name
					}
					imports[n] = true
				}
				ast.Inspect(f, func(n ast.Node) bool {
					call, ok := n.(*ast.CallExpr)
					if !ok || !isKeep(call.Fun) {
						return true
					}
					calls++
					draw := call.Args[len(call.Args)-1]
					switch d := draw.(type) {
					case *ast.Ident:
						if funcs[d.Name] {
							return true
						}
					case *ast.SelectorExpr:
						if x, ok := d.X.(*ast.Ident); ok && imports[x.Name] {
							return true
						}
					}
					t.Errorf("%s: a kept part drawn by %s, which is not a top-level function of its key", fset.Position(call.Pos()), exprString(draw))
					return true
				})
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls == 0 {
		t.Fatal("found no Keep or Remember to check")
	}
}

// isKeep reports whether a call's function is Keep or Remember, ours or
// named through the package.
func isKeep(fun ast.Expr) bool {
	if ix, ok := fun.(*ast.IndexListExpr); ok {
		fun = ix.X
	}
	if ix, ok := fun.(*ast.IndexExpr); ok {
		fun = ix.X
	}
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name == "Keep" || f.Name == "Remember"
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && x.Name == "tui" && (f.Sel.Name == "Keep" || f.Sel.Name == "Remember")
	}
	return false
}

func exprString(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.FuncLit:
		return "a function literal"
	case *ast.SelectorExpr:
		return exprString(e.X) + "." + e.Sel.Name
	case *ast.Ident:
		return e.Name
	}
	return "an expression"
}
