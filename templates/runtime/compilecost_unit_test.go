package runtime

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoGenericSort: the files copied into generated packages do not call
// the generic sorts of package slices, which are compiled into every
// generated package once per element type (see doc.go).
func TestNoGenericSort(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "slices" && strings.HasPrefix(sel.Sel.Name, "Sort") {
				t.Errorf("%s: slices.%s: use package sort (see doc.go)", fset.Position(sel.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}
