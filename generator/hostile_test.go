package generator

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// hostile is text the docs may hold anywhere: a byte order mark inside a
// word (beta/resources/schemaextension.md), line breaks, comment closers,
// invalid UTF-8, NUL, bidi controls and Go syntax.
const hostile = "a\ufeffb \r\n// */ /* \x00\xff\xfe \u2028\u202e `x` \"q\" package main; func init() { panic(1) }"

// TestHostileText generates a doc set whose every free-text field is
// hostile and checks that each Go file parses: comments, identifiers and
// literals stay safe whatever the docs contain.
func TestHostileText(t *testing.T) {
	pos := ir.Pos{File: "api/x" + hostile + ".md", Line: 3, Col: 1}
	str := ir.TypeRef{Name: "String", Primitive: true}
	ds := &ir.DocSet{
		Types: []*ir.Type{{Name: "thing" + hostile, Namespace: "microsoft.graph", Description: hostile, Sources: []ir.Pos{pos},
			Properties: []ir.Property{
				{Name: "name", Type: str, Description: hostile, Pos: pos},
				{Name: hostile, Type: str, Description: hostile, Pos: pos},
				{Name: "kind", Type: ir.TypeRef{Name: "kind", Target: "microsoft.graph.kind" + hostile}, Description: hostile, Pos: pos},
			}}},
		Enums: []*ir.Enum{{Name: "kind" + hostile, Namespace: "microsoft.graph", Description: hostile, Pos: pos,
			Members: []ir.EnumMember{{Name: hostile, Description: hostile, Pos: pos}, {Name: "ok", Description: hostile, Pos: pos}}}},
		Endpoints: []*ir.Endpoint{{Page: pos.File, Title: hostile, Method: "POST", Status: 201, Pos: pos,
			Paths: []ir.PathSyntax{{Method: "POST", Template: "/things/{id" + hostile + "}/x", Pos: pos}, {Method: "POST", Template: "/t/{a}", Pos: pos}},
			Body:  &ir.TypeRef{Name: "thing", Target: "microsoft.graph.thing" + hostile},
			Examples: []ir.Example{{Request: &ir.HTTPMessage{Method: "POST", URL: "https://graph.microsoft.com/beta/t/" + hostile,
				Body: &ir.Block{Text: `{"name":"` + strings.ReplaceAll(hostile, `"`, `\"`) + `"}`, Pos: pos}, Pos: pos}}}}},
	}
	res, err := Generate(ds, Options{Package: "generated"})
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	n := 0
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		n++
		if _, err := parser.ParseFile(fset, f.Path, f.Content, parser.AllErrors); err != nil {
			t.Errorf("%s does not parse: %v", f.Path, err)
		}
	}
	if n == 0 || !res.Endpoints[0].Generated {
		t.Fatalf("nothing generated: %+v", res.Endpoints)
	}
	vetAndTest(t, goToolOrSkip(t), writeScratch(t, "hostile", res))
}

// TestCommentSafeShortcut: the text commentSafe passes through unchanged,
// printable ASCII, is text foldComment leaves unchanged, and anything else
// takes foldComment.
func TestCommentSafeShortcut(t *testing.T) {
	var ascii strings.Builder
	for b := byte(' '); b <= '~'; b++ {
		ascii.WriteByte(b)
	}
	if s := ascii.String(); foldComment(s) != s || commentSafe(s) != s {
		t.Errorf("printable ASCII changed: %q", foldComment(s))
	}
	if got := commentSafe("a\tb\u00adc\xff"); got != "a bc\ufffd" {
		t.Errorf("commentSafe = %q, want %q", got, "a bc\ufffd")
	}
}
