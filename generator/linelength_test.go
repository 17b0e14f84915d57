package generator

import (
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/link"
)

// maxLine bounds every generated line, so that adding an endpoint, a
// route or an enum member is a short diff of its own lines. Exempt are
// the bodies of documented examples, kept verbatim, and the declarations
// Go cannot break, a struct field (name, type, tag) or a constant (name,
// type, value) whose names the docs give: the longest in the 2020 beta
// docs is 213 characters.
const maxLine = 200

// unbreakable matches a struct field or a constant spec on its own line.
var unbreakable = regexp.MustCompile(`^\t+\w+ (Opt\[\w+\]|\w+)( = "[^"]*"| ` + "`[^`]*`" + `)$`)

// TestLineLength checks the bound on the golden files, on the generated
// package of docs/ and, when the corpus is present, on the output for
// both versions of it.
func TestLineLength(t *testing.T) {
	goldens, err := filepath.Glob("testdata/*/*.go.golden")
	if err != nil || len(goldens) == 0 {
		t.Fatalf("no golden Go files: %v", err)
	}
	generated, err := filepath.Glob("../generated/*.go")
	if err != nil || len(generated) == 0 {
		t.Fatalf("no files in ../generated: %v", err)
	}
	t.Run("golden", func(t *testing.T) {
		for _, name := range append(goldens, generated...) {
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			checkLines(t, name, src)
		}
	})
	for _, v := range []string{"v1.0", "beta"} {
		t.Run("corpus/"+v, func(t *testing.T) {
			if testing.Short() {
				t.Skip("-short: generating a corpus version takes tens of seconds")
			}
			ds, _ := link.Link(corpustest.Pages(t, v))
			res, err := Generate(ds, Options{Package: "graph"})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range res.Files {
				checkLines(t, f.Path, f.Content)
			}
		})
	}
}

// TestLineLengthCatchesLongLines makes sure the check sees a long line,
// and lets an example body through.
func TestLineLengthCatchesLongLines(t *testing.T) {
	long := strings.Repeat("x", maxLine)
	if got := longLines("f.go", []byte("package p\n\nvar v = \""+long+"\"\n")); len(got) != 1 {
		t.Errorf("a long line: %d findings, want 1", len(got))
	}
	field := "package p\n\ntype T struct {\n\t" + long + " Opt[" + long + "] `json:\"x\"`\n}\n"
	if got := longLines("f.go", []byte(field)); len(got) != 0 {
		t.Errorf("a struct field was reported: %v", got)
	}
	if got := longLines("f.go", []byte("package p\n\nconst exampleXRequest1 = `{\"a\": \""+long+"\"}`\n")); len(got) != 0 {
		t.Errorf("an example body was reported: %v", got)
	}
}

func checkLines(t *testing.T, name string, src []byte) {
	t.Helper()
	found := longLines(name, src)
	for i, l := range found {
		if i == 5 {
			t.Errorf("%s: and %d more", name, len(found)-i)
			break
		}
		t.Error(l)
	}
}

// longLines lists the lines of the Go file src longer than maxLine,
// leaving out those of string constants whose name starts with "example".
func longLines(name string, src []byte) []string {
	fset := token.NewFileSet()
	file := fset.AddFile(name, -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, scanner.ScanComments)
	exempt := map[int]bool{}
	var recent [3]string // the last tokens, newest last
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.STRING && recent[0] == "const" && strings.HasPrefix(recent[1], "example") && recent[2] == "=" {
			first, last := fset.Position(pos).Line, fset.Position(pos+token.Pos(len(lit))).Line
			for l := first; l <= last; l++ {
				exempt[l] = true
			}
		}
		text := lit
		if text == "" {
			text = tok.String()
		}
		recent = [3]string{recent[1], recent[2], text}
	}
	var out []string
	for i, line := range strings.Split(string(src), "\n") {
		if len(line) > maxLine && !exempt[i+1] && !unbreakable.MatchString(line) {
			out = append(out, name+":"+strconv.Itoa(i+1)+": "+strconv.Itoa(len(line))+" characters: "+line[:80]+"...")
		}
	}
	return out
}
