package ir

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// repoRoot is the module root, two folders up from this package.
const repoRoot = "../.."

// TestCodesWellFormed: each code is listed once, kebab-case, with a
// severity and a one-line meaning.
func TestCodesWellFormed(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)+$`)
	seen := map[Code]bool{}
	for _, c := range Codes {
		if seen[c.Code] {
			t.Errorf("code %s listed twice", c.Code)
		}
		seen[c.Code] = true
		if !kebab.MatchString(string(c.Code)) {
			t.Errorf("code %q is not kebab-case", c.Code)
		}
		if c.Severity != Error && c.Severity != Warning {
			t.Errorf("code %s: severity %q", c.Code, c.Severity)
		}
		if c.Meaning == "" || strings.ContainsAny(c.Meaning, "\n") || strings.HasSuffix(c.Meaning, ".") {
			t.Errorf("code %s: meaning %q is not one line without a final period", c.Code, c.Meaning)
		}
		if c.Code.Meaning() != c.Meaning {
			t.Errorf("code %s: Meaning() = %q", c.Code, c.Code.Meaning())
		}
	}
}

// TestREADMEDocumentsEveryCode: the README's code table has a row for each
// code, with its severity and meaning, and no other row.
func TestREADMEDocumentsEveryCode(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `[a-z0-9-]+` \\| (?:error|warning) \\| [^|]+ \\|$").FindAllString(string(readme), -1) {
		rows[m] = true
	}
	listed := map[string]bool{}
	for _, c := range Codes {
		row := fmt.Sprintf("| `%s` | %s | %s |", c.Code, c.Severity, c.Meaning)
		listed[row] = true
		if !rows[row] {
			t.Errorf("README: no row %q in the code table", row)
		}
	}
	for row := range rows {
		if !listed[row] {
			t.Errorf("README: code table row %q is not in ir.Codes", row)
		}
	}
}

// TestCodesWrittenOnlyHere: no Go file of the repository but this
// package's list spells a code as a string, and no diagnostic is made
// with a code written as a literal (Errorf, Warnf or a Code field), so
// every code in use is one of Codes. Tests may spell codes.
func TestCodesWrittenOnlyHere(t *testing.T) {
	codes := map[string]bool{}
	for _, c := range Codes {
		codes[string(c.Code)] = true
	}
	files := 0
	err := filepath.WalkDir(repoRoot, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != repoRoot && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || path == filepath.Join(repoRoot, "parser", "ir", "code.go") {
			return nil
		}
		files++
		checkCodeLiterals(t, path, codes)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("only %d Go files found under %s", files, repoRoot)
	}
}

func checkCodeLiterals(t *testing.T, path string, codes map[string]bool) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if s, err := strconv.Unquote(n.Value); err == nil && n.Kind == token.STRING && codes[s] {
				t.Errorf("%s: code %q written as a string; use its ir.Code constant", fset.Position(n.Pos()), s)
			}
		case *ast.CallExpr:
			sel, ok := n.Fun.(*ast.SelectorExpr)
			if ok && (sel.Sel.Name == "Errorf" || sel.Sel.Name == "Warnf") && len(n.Args) >= 3 && isStringLit(n.Args[1]) {
				t.Errorf("%s: diagnostic code written as a literal; add it to ir.Codes", fset.Position(n.Pos()))
			}
		case *ast.CompositeLit:
			if !isDiagnosticType(n.Type) {
				break
			}
			for _, e := range n.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if k, isIdent := kv.Key.(*ast.Ident); ok && isIdent && k.Name == "Code" && isStringLit(kv.Value) {
					t.Errorf("%s: diagnostic code written as a literal; add it to ir.Codes", fset.Position(kv.Pos()))
				}
			}
		}
		return true
	})
}

func isStringLit(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Kind == token.STRING
}

// isDiagnosticType reports whether a composite literal's type is
// Diagnostic or ir.Diagnostic.
func isDiagnosticType(e ast.Expr) bool {
	if sel, ok := e.(*ast.SelectorExpr); ok {
		e = sel.Sel
	}
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "Diagnostic"
}
