package gofast

import (
	"go/ast"
	"go/parser"
	"testing"
)

// TestSimpleSize wants simpleSize, where it answers, to give what
// printing the node measures.
func TestSimpleSize(t *testing.T) {
	for _, src := range []string{"abc", `"a b"`, "`raw`", "42", "1.5", "Key: `v`", `"k": v`} {
		x, err := parser.ParseExpr("T{" + src + "}")
		if err != nil {
			t.Fatal(err)
		}
		e := x.(*ast.CompositeLit).Elts[0]
		n, ok := simpleSize(e)
		if !ok {
			t.Errorf("%s: no simple size", src)
			continue
		}
		p := &printer{src: &source{base: 1, size: len(src) + 3, lines: []int{0}}}
		if want := p.printedSize(e); n != want {
			t.Errorf("%s: simple size %d, printed %d", src, n, want)
		}
	}
}
