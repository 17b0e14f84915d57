package generator

import (
	"cmp"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/link"
)

// TestCorpusSelectionHasNoUnreachedType selects the ten endpoints of
// CorpusSelection in the beta folder and checks, on the Go code emitted,
// that every model type is reached from the endpoints, the server or the
// runtime through the declarations that name it: an independent check of
// the plan's closure. Then the package must pass go vet and its golden
// tests.
func TestCorpusSelectionHasNoUnreachedType(t *testing.T) {
	ds, _ := link.Link(corpustest.SnapshotPages(t, "graph-docs-2020", "beta"))
	full, _, err := NewPlan(ds)
	if err != nil {
		t.Fatal(err)
	}
	plan, _, err := full.Select(include(CorpusSelection()...))
	if err != nil {
		t.Fatal(err)
	}
	methods := map[string]bool{}
	for _, e := range plan.endpoints {
		if e.ok {
			methods[e.name] = true
		}
	}
	if len(methods) != 10 {
		t.Errorf("%d methods generated, want 10: %v", len(methods), methods)
	}
	res, err := Emit(plan, Options{Package: "graph"})
	if err != nil {
		t.Fatal(err)
	}
	unreached := unreachedModelTypes(t, res.Files)
	if len(unreached) > 0 {
		t.Errorf("%d model types nothing selected reaches: %v", len(unreached), unreached)
	}
	if len(plan.types) < 50 {
		t.Errorf("only %d types kept: the check would prove little", len(plan.types))
	}
	t.Run("compiles", func(t *testing.T) {
		vetAndTest(t, goToolOrSkip(t), writeScratch(t, "selected", res))
	})
}

// unreachedModelTypes parses the files and returns the types declared in
// models_*.go that no declaration outside them reaches, transitively. A
// method or a typed constant belongs to its type.
func unreachedModelTypes(t *testing.T, files []File) []string {
	fset := token.NewFileSet()
	refs := map[string][]string{} // declaration → identifiers it uses
	var roots, modelTypes []string
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		af, err := parser.ParseFile(fset, f.Path, f.Content, 0)
		if err != nil {
			t.Fatal(err)
		}
		model := strings.HasPrefix(path.Base(f.Path), "models_")
		for _, decl := range af.Decls {
			for _, d := range ownedDecls(decl) {
				refs[d.owner] = append(refs[d.owner], identsOf(d.node)...)
				if d.isType && model {
					modelTypes = append(modelTypes, d.owner)
				}
				if !model {
					roots = append(roots, d.owner)
				}
			}
		}
	}
	reached := map[string]bool{}
	for len(roots) > 0 {
		n := roots[len(roots)-1]
		roots = roots[:len(roots)-1]
		if reached[n] {
			continue
		}
		reached[n] = true
		roots = append(roots, refs[n]...)
	}
	var out []string
	for _, ty := range modelTypes {
		if !reached[ty] {
			out = append(out, ty)
		}
	}
	return out
}

// ownedDecl is a part of a top-level declaration and the name it belongs to.
type ownedDecl struct {
	owner  string
	node   ast.Node
	isType bool
}

func ownedDecls(decl ast.Decl) []ownedDecl {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) == 1 {
			return []ownedDecl{{owner: baseTypeName(d.Recv.List[0].Type), node: d}}
		}
		return []ownedDecl{{owner: d.Name.Name, node: d}}
	case *ast.GenDecl:
		var out []ownedDecl
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				out = append(out, ownedDecl{owner: s.Name.Name, node: s, isType: true})
			case *ast.ValueSpec:
				owner := ""
				if id, ok := s.Type.(*ast.Ident); ok {
					owner = id.Name
				}
				for _, n := range s.Names {
					out = append(out, ownedDecl{owner: cmp.Or(owner, n.Name), node: s})
				}
			}
		}
		return out
	}
	return nil
}

func baseTypeName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.StarExpr:
		return baseTypeName(x.X)
	case *ast.IndexExpr:
		return baseTypeName(x.X)
	case *ast.Ident:
		return x.Name
	}
	return ""
}

func identsOf(n ast.Node) []string {
	var out []string
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			out = append(out, id.Name)
		}
		return true
	})
	return out
}
