package parser

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/docs2go/docs2go/internal/cputime"
	"github.com/docs2go/docs2go/parser/ir"
)

// Fuzz targets (issue 7). CI runs each briefly, `make fuzz` longer:
//
//	go test ./parser -run='^$' -fuzz='^FuzzParsePage$' -fuzztime=60s
//
// Every target asserts: no panic (nor an internal-error diagnostic, which is a
// recovered panic), every position within the input, block texts taken
// verbatim from the input, and a time bound per input. Crashers found so
// far are kept under testdata/fuzz/<Target>/ and run with plain go test.

// corpusSeedDir is the real corpus, seen from this package directory; the
// seeds read from it are used when it is present and never copied here.
const corpusSeedDir = "../../shared/corpus/graph-docs-2020/api-reference"

// timeBudget is the CPU time one parse may take (cputime.Thread: the
// parse runs on one goroutine): 2 s per MiB, plus slack for the
// instrumented fuzzing binary.
func timeBudget(n int) time.Duration {
	if raceDetector {
		return time.Hour // no bound: see race_test.go
	}
	return time.Second + time.Duration(n)*2*time.Second/(1<<20)
}

// fixturePages returns the page.md of every golden case.
func fixturePages(tb testing.TB) [][]byte {
	files, _ := filepath.Glob("testdata/*/page.md")
	sort.Strings(files)
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// corpusPages returns about n pages spread over the corpus (every k-th
// file in sorted order, so all four folders and both page families are
// represented), nil when the corpus is absent.
func corpusPages(tb testing.TB, n int) [][]byte {
	files, _ := filepath.Glob(filepath.Join(corpusSeedDir, "*", "*", "*.md"))
	if len(files) == 0 {
		return nil
	}
	sort.Strings(files)
	step := max(1, len(files)/n)
	var out [][]byte
	for i := 0; i < len(files); i += step {
		b, err := os.ReadFile(files[i])
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// hostileSeeds are small inputs for the constructs issue 7 lists.
var hostileSeeds = []string{
	"",
	"\xef\xbb\xbf---\r\ntitle: x\r\ndoc_type: apiPageType\r\n---\r\n# T\r\n\r\n## HTTP request\r\n```http\r\nPOST /x\r\n```\r\n",
	"---\ntitle: \"open\n",
	"---\ntitle: x\n",
	"# T\n<!-- {\n  \"blockType\": \"request\",\n",
	"# T\n```http\nPOST /x\n{\n",
	"# T\n\n| a | b |\n|---|---|\n|\n| x |\n| `a\\|b` | c | d |\n",
	"# T\n\n## Examples\n<!-- {\"blockType\":\"request\",\"name\":[\"a\"]} -->\n```http\nPOST https://x/y HTTP/1.1\nContent-type: application/json\n\n{\"a\":[[[[1]]]]}\n```\n```http\nHTTP/1.1 201 Created\n```\n",
	"> > > - 1. > * + - text\n",
	"\x00\x01\xff\xfe\x80 binary\n",
	"[a]: ../resources/a.md\n[b]: <x>\n",
}

// FuzzParsePage parses arbitrary pages.
func FuzzParsePage(f *testing.F) {
	for _, b := range fixturePages(f) {
		f.Add(b)
	}
	for _, b := range corpusPages(f, 30) {
		f.Add(b)
	}
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		page := checkParse(t, src)
		again, _ := ParsePage("fuzz.md", src)
		if !reflect.DeepEqual(page, again) {
			t.Fatal("two parses of the same input differ")
		}
	})
}

// checkParse parses src under the time budget and checks the invariants.
func checkParse(t *testing.T, src []byte) *ir.Page {
	t.Helper()
	var page *ir.Page
	var diags ir.Diagnostics
	if el := cputime.Thread(func() { page, diags = ParsePage("fuzz.md", src) }); el > timeBudget(len(src)) {
		t.Fatalf("parsing %d bytes took %v", len(src), el)
	}
	if page == nil {
		t.Fatal("nil page")
	}
	li := newLineIndex("fuzz.md", src)
	for _, d := range diags {
		if d.Code == ir.CodeInternalError {
			t.Fatalf("recovered panic: %s", d)
		}
		if d.Pos.Line < 1 {
			t.Errorf("diagnostic without a line: %s", d)
		}
		checkPos(t, li, len(src), d.Pos, "diagnostic "+string(d.Code))
	}
	walkPos(reflect.ValueOf(page), func(p ir.Pos, where string) { checkPos(t, li, len(src), p, where) }, "page")
	for _, b := range pageBlocks(page) {
		checkBlock(t, src, li, b)
	}
	return page
}

// checkPos checks that a position, when set, points into src (or just
// past its end: an empty last line).
func checkPos(t *testing.T, li *lineIndex, n int, p ir.Pos, where string) {
	t.Helper()
	if p.Line == 0 {
		return
	}
	if p.File != "fuzz.md" {
		t.Errorf("%s: file %q", where, p.File)
	}
	if p.Line < 1 || p.Line > len(li.starts)+1 || p.Col < 1 {
		t.Fatalf("%s: position %s outside the %d lines", where, p, len(li.starts))
	}
	if p.Line <= len(li.starts) && li.starts[p.Line-1]+p.Col-1 > n {
		t.Fatalf("%s: position %s past the end (%d bytes)", where, p, n)
	}
}

// walkPos calls fn for every ir.Pos reachable from v.
func walkPos(v reflect.Value, fn func(ir.Pos, string), where string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkPos(v.Elem(), fn, where)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkPos(v.Index(i), fn, where)
		}
	case reflect.Struct:
		if p, ok := v.Interface().(ir.Pos); ok {
			fn(p, where)
			return
		}
		for i := 0; i < v.NumField(); i++ {
			walkPos(v.Field(i), fn, where+"."+v.Type().Field(i).Name)
		}
	}
}

// pageBlocks returns every verbatim block of a page.
func pageBlocks(p *ir.Page) []*ir.Block {
	var out []*ir.Block
	for _, r := range p.Resources {
		if r.JSON != nil {
			out = append(out, r.JSON)
		}
	}
	if op := p.Operation; op != nil {
		for _, ex := range op.Examples {
			for _, m := range []*ir.HTTPMessage{ex.Request, ex.Response} {
				if m != nil && m.Body != nil {
					out = append(out, m.Body)
				}
			}
		}
	}
	return out
}

// checkBlock checks that a block's text is the input at its position. A
// fence indented in a list item loses its indentation (bodyBlock), so then
// each line must be in the input, the first one at the position.
func checkBlock(t *testing.T, src []byte, li *lineIndex, b *ir.Block) {
	t.Helper()
	if b.Text == "" {
		t.Fatalf("empty block at %s", b.Pos)
	}
	if b.Pos.Line < 1 || b.Pos.Line > len(li.starts) {
		t.Fatalf("block at %s outside the input", b.Pos)
	}
	at := src[li.starts[b.Pos.Line-1]+b.Pos.Col-1:]
	if bytes.HasPrefix(at, []byte(b.Text)) {
		return
	}
	lines := strings.Split(b.Text, "\n")
	if !bytes.HasPrefix(at, []byte(lines[0])) {
		t.Fatalf("block at %s does not start with its first line %q", b.Pos, clip(lines[0], 40))
	}
	for _, l := range lines[1:min(len(lines), 200)] {
		if !bytes.Contains(src, []byte(l)) {
			t.Fatalf("block at %s: line %q is not in the input", b.Pos, clip(l, 40))
		}
	}
}

// fenceRe finds the fenced blocks of the fixtures, for message seeds.
var fenceRe = regexp.MustCompile("(?ms)^```[a-z]*\n(.*?)^```")

// annotationRe finds the annotations of the fixtures, for annotation seeds.
var annotationRe = regexp.MustCompile(`(?s)<!--\s*(\{.*?)-->`)

// FuzzHTTPMessage fuzzes the example message reader (request or status
// line, headers, body) and the syntax-line reader on a fence's content.
func FuzzHTTPMessage(f *testing.F) {
	for _, page := range fixturePages(f) {
		for _, m := range fenceRe.FindAllSubmatch(page, -1) {
			f.Add(m[1])
		}
	}
	for _, s := range []string{
		"POST https://graph.microsoft.com/beta/users HTTP/1.1\n\nContent-type: application/json\nPrefer: x\n\n{\n  \"a\": 1\n}\n",
		"HTTP/1.1 201 Created\r\nContent-type: application/json\r\n{\"a\":" + strings.Repeat("[", 1000) + "\n",
		"\n\n   GET   /x   \n\n\n",
		"HTTP 999\n:\n\x00\n",
		"POST /x\nor\nPATCH /y\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		li := newLineIndex("fuzz.md", src)
		texts, offs := splitLines(src)
		lines := make([]fenceLine, len(texts))
		for i := range texts {
			lines[i] = fenceLine{text: texts[i], off: offs[i]}
		}
		var msg *ir.HTTPMessage
		var paths []ir.PathSyntax
		if el := cputime.Thread(func() {
			msg = parseMessage(lines, string(src), li.pos)
			paths = parseSyntaxLines(lines, li.pos)
		}); el > timeBudget(len(src)) {
			t.Fatalf("reading %d bytes took %v", len(src), el)
		}
		for _, p := range paths {
			checkPos(t, li, len(src), p.Pos, "path")
			if !strings.Contains(string(src), p.Template) {
				t.Fatalf("path %q is not in the input", p.Template)
			}
		}
		if msg == nil {
			return
		}
		if msg.Method == "" && msg.Status == 0 {
			t.Fatalf("message with neither a method nor a status: %+v", msg)
		}
		walkPos(reflect.ValueOf(msg), func(p ir.Pos, where string) { checkPos(t, li, len(src), p, where) }, "message")
		if msg.Body != nil {
			checkBlock(t, src, li, msg.Body)
		}
	})
}

// FuzzAnnotation fuzzes the tolerant annotation reader, alone and inside
// a page where it annotates an example.
func FuzzAnnotation(f *testing.F) {
	for _, page := range fixturePages(f) {
		for _, m := range annotationRe.FindAllStringSubmatch(string(page), -1) {
			f.Add(m[1])
		}
	}
	for _, s := range []string{
		`{"blockType": "request", "name": ["a", "b"], "@odata.type": "#microsoft.graph.x", "truncated": "true",}`,
		`{ isCollection: true, blockType: response }`,
		"{\"type\": \"#page.annotation\", \"suppressions\": [\n\"Warning: x\n y\"\n]}",
		`{"a": {"b": [1, {"c": null}]}} trailing`,
		`{"a": "\`,
		`{` + strings.Repeat(`"a":[`, 100),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		pos := ir.Pos{File: "fuzz.md", Line: 3, Col: 1}
		var a *ir.Annotation
		var members []jsonMember
		var err error
		if el := cputime.Thread(func() { a, members, err = parseAnnotation(body, pos) }); el > timeBudget(len(body)) {
			t.Fatalf("reading %d bytes took %v", len(body), el)
		}
		if err != nil {
			if a != nil || members != nil {
				t.Fatal("error with a result")
			}
			if msg := err.Error(); msg == "" || strings.HasSuffix(msg, ".") {
				t.Fatalf("bad error message %q", msg)
			}
		} else {
			if a.Pos != pos || len(a.Keys) != len(members) {
				t.Fatalf("annotation %+v does not match its %d members", a, len(members))
			}
		}
		page := "# T\n\n## Example\n<!-- " + body + " -->\n```http\nPOST /x\n\n{}\n```\n"
		checkParse(t, []byte(page))
	})
}
