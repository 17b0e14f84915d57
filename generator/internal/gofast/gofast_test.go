package gofast

import (
	"bytes"
	"go/ast"
	"go/doc/comment"
	"go/format"
	"strings"
	"testing"
)

// cases are declarations in jennifer's unformatted layout (no
// indentation, odd spacing), one per construct the printer handles.
var cases = map[string]string{
	"struct aligned":  "type T struct{\nA int `json:\"a\"`\nLonger map[string] []* X `json:\"longer,omitempty\"`\nB Opt [string]\n}\n",
	"struct docs":     "// T is a type.\n//\n//   - a list\n//   - of items\ntype T struct{\n// A is a.\nA int\n// B is\n//  indented.\nBbbbbbb string `json:\"b\"`\n}\n",
	"struct one line": "type T struct{}\n",
	"interface":       "// S serves.\ntype S interface{\n// Do does.\nDo (ctx context.Context,req * R) (error)\nGet (ctx context.Context) (* T,error)\n}\n",
	"key value":       "var e = Info {\nA:true,\nLongerKey:\"x\",\nList:[] string {\n\"a\",\n\"b\",\n},\nAVeryVeryVeryVeryVeryVeryVeryLongKeyName:1,\nB:2,\n\nC:3,\n}\n",
	"small keys":      "var m = map[string]int {\n\"a\":1,\n\"bb\":2,\n\"a much longer key than forty bytes, to break it\":3,\n\"c\":4,\n}\n",
	"func body":       "func f (t * testing.T) {\nreq := [] byte (x)\ncheck [A] (t,\"r\",req)\nif err := g (); err != nil {\nt.Fatal (err)\n} else if a == b+c*d {\nreturn\n}\nfor i,v := range xs {\n_ , _ = i,v\n}\nt . Run (\"c\",func (t * testing.T) {\nx := & s {}\nx.n++\n})\n}\n",
	"multi-line call": "func f () {\nserve (\nt,\nNewHandler (UnimplementedServer {}),\n\"POST\",\n)\n}\n",
	"switch":          "func f (v any) string {\nswitch x := v.(type) {\ncase int:\nreturn \"int\"\ndefault:\n_ = x\n}\nswitch {\ncase a,b:\n}\nreturn \"\"\n}\n",
	"one-line method": "// isK makes T a K.\nfunc (T) isK () {}\n",
	"const group":     "// Members.\nconst (\n// None.\nNone Kind = \"none\"\n// Some.\nSome Kind = \"some\"\n)\n",
	"consts":          "const a = `raw\n  text  \n`\nconst b = 1\n",
	"long params":     "func (c * Client) Get (\nctx context.Context,\nid string,\n) (* T,error) {\nreturn nil,nil\n}\n",
	"binary":          "var x = a + b*c - (d / e) << 2\n",
	"slices":          "func f () {\n_ = s [1:len (s)-1]\n_ = s [:]\n}\n",
	"doc spacing":     "//No blank after the slashes.\n//   - not a list: no paragraph above\nfunc f () {}\n",
	"array literal":   "// a has as many elements as listed.\nvar a = [...] * E {\n&x,\n&yy,\n}\nvar b = [...] struct{\np string\nh func (S,* C) http.Handler\n} {\n{\"GET /a\",h},\n{\"POST /b/{id}\",hb},\n}\n",
	"doc list":        "// F does.  \n // It sends POST on: \n //   - /a/b \n //     /c \n //  \n // Source: x.md:1.\nfunc f () {}\n",
}

func TestDeclMatchesGofmt(t *testing.T) {
	for name, src := range cases {
		t.Run(name, func(t *testing.T) {
			checkDecl(t, src, true)
		})
	}
}

// TestDeclFallsBack wants constructs the printer does not handle to be
// formatted by go/format, exactly.
func TestDeclFallsBack(t *testing.T) {
	for name, src := range map[string]string{
		"line comment":    "type T struct{\nA int // a\n}\n",
		"comment in body": "func f () {\nx ()\n// c\n\ny ()\n}\n",
		"label":           "func f () {\nL:\nfor {\nbreak L\n}\n}\n",
		"hex number":      "const x = 0X1F\n",
		"one-line body":   "func f () { x () }\n",
		"block comment":   "/* doc */\nfunc f () {\n}\n",
		"array length":    "var a = [2] int {\n1,\n2,\n}\n",
	} {
		t.Run(name, func(t *testing.T) {
			checkDecl(t, src, false)
		})
	}
}

func checkDecl(t *testing.T, src string, wantFast bool) {
	t.Helper()
	want, err := format.Source([]byte(prefix + src))
	if err != nil {
		t.Fatal(err)
	}
	want = bytes.TrimPrefix(want, []byte(prefix))
	got, fast, err := Decl([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if fast != wantFast {
		t.Errorf("printed by gofast: %v, want %v", fast, wantFast)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got, _, _ := AppendDecl([]byte("head\n"), []byte(src)); string(got) != "head\n"+string(want) {
		t.Errorf("AppendDecl after a head: got\n%s", got)
	}
}

func TestDeclNotDeclarations(t *testing.T) {
	if _, _, err := Decl([]byte("\n")); err == nil {
		t.Error("no error for a source without declarations")
	}
	if _, _, err := Decl([]byte("func (")); err == nil {
		t.Error("no error for a source that does not parse")
	}
}

// TestPlainDoc wants plainDoc, where it answers, to agree with
// go/doc/comment, and to leave to it what it cannot tell.
func TestPlainDoc(t *testing.T) {
	for _, tc := range []struct {
		lines []string
		plain bool
	}{
		{[]string{"ACL is the type microsoft.graph.acl.", "", "An access control entry.", "", "Source: beta/x.md:33."}, true},
		{[]string{"", "Leading and trailing blanks.", "", "", "Two paragraphs.  ", ""}, true},
		{[]string{"See https://example.com/x_y for more."}, true},
		{[]string{"First.", "", "Looks Like A Heading", "", "Text."}, false},
		{[]string{"", "Heading After A Blank", "", "Text."}, false},
		{[]string{"Heading At The Start", "", "Text."}, true},
		{[]string{"A list:", "  - item"}, true},
		{[]string{"- not a list when unindented"}, false},
		{[]string{"# Heading"}, false},
		{[]string{"See [Link] here."}, false},
		{[]string{"``quoted''"}, false},
		{[]string{"caf\u00e9"}, false},
		{[]string{"", ""}, false},
		{[]string{"It sends POST on: ", "  - /a/b ", "  - /c ", " ", "Source: x.md:1."}, true},
		{[]string{"Routes:", "  - /a/very/long ", "    /continued", "Text right after."}, true},
		{[]string{"Routes:", "", "  - /a", "", "Text."}, true},
		{[]string{"Routes:", "  - /a", "", "  - /b"}, false}, // a loose list
		{[]string{"Routes:", "  - /a", "", "    /b"}, false}, // a continuation after a blank
		{[]string{"Code:", "    x := 1"}, false},             // a code block
		{[]string{"  - a list first"}, false},
		{[]string{"Routes:", "  -  two blanks"}, false},
		{[]string{"Routes:", "  - [link]"}, false},
	} {
		var comments []string
		for _, l := range tc.lines {
			comments = append(comments, "// "+l)
		}
		got, ok := plainDoc(comments, nil)
		if ok != tc.plain {
			t.Errorf("%q: plain %v, want %v", tc.lines, ok, tc.plain)
		}
		var list []*ast.Comment
		for _, l := range tc.lines {
			list = append(list, &ast.Comment{Text: "// " + l})
		}
		if !ok {
			continue
		}
		want := goDocComment(list)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%q:\ngot  %q\nwant %q", tc.lines, got, want)
		}
	}
}

// goDocComment is formatDocComment without plainDoc.
func goDocComment(list []*ast.Comment) []string {
	var b strings.Builder
	for _, c := range list {
		b.WriteString(strings.TrimPrefix(strings.TrimPrefix(c.Text, "//"), " ") + "\n")
	}
	var p comment.Parser
	var pr comment.Printer
	return commentLines(string(pr.Comment(p.Parse(b.String()))))
}
