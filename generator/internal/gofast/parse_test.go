package gofast

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// generatedDecls returns the top-level declarations (doc comments
// included) of the committed generated package, as they are written
// there: gofmt'd, which Decl must give back unchanged.
func generatedDecls(tb testing.TB) [][]byte {
	tb.Helper()
	files, _ := filepath.Glob("../../../generated/*.go")
	if len(files) == 0 {
		tb.Fatal("no ../../../generated/*.go")
	}
	var decls [][]byte
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			tb.Fatal(err)
		}
		tf := fset.File(f.Pos())
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				continue
			}
			from := d.Pos()
			if doc := docOf(d); doc != nil {
				from = doc.Pos()
			}
			end := tf.Offset(d.End())
			if i := bytes.IndexByte(src[end:], '\n'); i >= 0 {
				end += i + 1 // a trailing comment, and the newline
			}
			decls = append(decls, src[tf.Offset(from):end])
		}
	}
	return decls
}

// TestGeneratedDecls prints every declaration of the generated package
// through Decl (gofmt'd, so it must come back as it is) and compares the
// fast parser's tree with go/parser's wherever it reads one.
func TestGeneratedDecls(t *testing.T) {
	decls := generatedDecls(t)
	parsed, fast, bytesFast, total := 0, 0, 0, 0
	for _, d := range decls {
		if checkParse(t, d) {
			parsed++
		}
		got, isFast, err := Decl(d)
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		if !bytes.Equal(got, d) {
			t.Errorf("gofmt'd declaration changed:\ngot\n%s\nwant\n%s", got, d)
		}
		total += len(d)
		if isFast {
			fast++
			bytesFast += len(d)
		}
	}
	t.Logf("%d declarations: %d read by the fast parser, %d printed by gofast (%.1f%% of %d bytes)",
		len(decls), parsed, fast, 100*float64(bytesFast)/float64(total), total)
	if parsed == 0 {
		t.Error("the fast parser read no declaration")
	}
}

// checkParse compares the fast parser's syntax tree and line table for
// src with go/parser's, when the fast parser reads src; it reports
// whether it did.
func checkParse(tb testing.TB, src []byte) bool {
	tb.Helper()
	full := append([]byte(prefix), src...)
	var b buffers
	decls, comments, ok := b.parse(full)
	if !ok {
		return false
	}
	got := dumpTree(decls, comments)
	lines := lineStarts(b.parser.src, nil)
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "", full, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		tb.Errorf("the fast parser reads what go/parser rejects (%v):\n%s", err, src)
		return true
	}
	if want := dumpTree(file.Decls, file.Comments); got != want {
		tb.Errorf("the fast parser's tree differs from go/parser's for\n%s\n%s", src, firstDiff(got, want))
	}
	if want := fset.File(file.Pos()).Lines(); !slices.Equal(lines, want) {
		tb.Errorf("line starts %v, want %v", lines, want)
	}
	return true
}

func dumpTree(decls []ast.Decl, comments []*ast.CommentGroup) string {
	var b strings.Builder
	if err := ast.Fprint(&b, nil, decls, nil); err != nil {
		panic(err)
	}
	if err := ast.Fprint(&b, nil, comments, nil); err != nil {
		panic(err)
	}
	return b.String()
}

func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-300)
	return "got:\n" + got[from:min(len(got), i+200)] + "\nwant:\n" + want[from:min(len(want), i+200)]
}

// TestParseMatchesGoParser compares the trees for the printer's test
// cases and for constructs the fast parser must refuse or read exactly.
func TestParseMatchesGoParser(t *testing.T) {
	srcs := []string{
		"func f () {\nfor {\nbreak\n}\nfor x {\ncontinue\n}\nfor range xs {\n}\nfor k := range m {\n_ = k\n}\n}\n",
		"func f () {\nswitch v := x.(type) {\ncase * T,int:\ndefault:\n}\nswitch x.(type) {\n}\n}\n",
		"func f () {\ngo g ()\ndefer h (1)\nvar x,y int\nx += - y\n{\n}\n}\n",
		"type (\nA = B\n// C.\nC map[string] [] * D\n)\n",
		"var v = struct{\nA,B int\n}{}\n",
		"var a,b = 1,2.5\n",
		"func f (a,b int,c ... string) (x int,err error) {\nreturn\n}\n",
		"func f (x int,string) {}\n",    // mixed: go/parser reports it
		"const c\n",                     // no value
		"func f () {\nL:\nx ()\n}\n",    // label
		"func f () {\nx := 1 // c\n}\n", // line comment
		"const s = \"a\\x41\"\n",        // an escape the scanner does not check
		"const r = 'a'\n",
		"var x = 0x1F\n",
		"var x = .5\n",
		"func f () {\nif x := 1 {\n}\n}\n",
		"func f () {\nif x\n{\n}\n}\n",
		"func f () {\nswitch x = y.(type) {\n}\n}\n",
		"// Doc.\n\n// More doc.\n// Lines.\nfunc f () {}\n\n// Trailing.\n",
		"var x = f (a,b...)\nvar y = s[1:len(s)-1]\nvar z = s[:]\nvar w = m[k][j]\n",
		"var x = T[int] {}\nvar y = (* T) (nil)\nvar z = [] byte (s)\nvar q = & T {A : 1}\n",
		"var f = func (x int) bool {\nreturn !x.ok && x.n >= 2 || x.s != \"\"\n}\n",
	}
	for _, src := range cases {
		srcs = append(srcs, src)
	}
	for _, src := range srcs {
		checkParse(t, []byte(src))
	}
}

// FuzzDecl wants Decl to print what go/format prints, and the fast
// parser to read trees exactly as go/parser does, on any input.
func FuzzDecl(f *testing.F) {
	for _, src := range cases {
		f.Add([]byte(src))
	}
	for _, d := range generatedDecls(f) {
		f.Add(d)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkParse(t, src)
		got, _, err := Decl(src)
		want, werr := format.Source(append([]byte(prefix), src...))
		if err != nil || werr != nil {
			return // not declarations, or not Go
		}
		if want, ok := bytes.CutPrefix(want, []byte(prefix)); ok && !bytes.Equal(got, want) {
			t.Errorf("Decl differs from go/format for\n%s\ngot\n%s\nwant\n%s", src, got, want)
		}
	})
}
