package link

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/docs2go/docs2go/internal/cputime"
	"github.com/docs2go/docs2go/parser"
	"github.com/docs2go/docs2go/parser/ir"
)

// pageSep separates the pages of one fuzz input.
var pageSep = []byte("\n\f\n")

// fuzzPages parses the pages of one input: chunks separated by pageSep,
// named api/pN.md and resources/pN.md alternately so that both folders
// occur.
func fuzzPages(src []byte) []*ir.Page {
	var pages []*ir.Page
	for i, chunk := range bytes.Split(src, pageSep) {
		dir := "api"
		if i%2 == 1 {
			dir = "resources"
		}
		p, _ := parser.ParsePage(fmt.Sprintf("%s/p%d.md", dir, i), chunk)
		pages = append(pages, p)
	}
	return pages
}

// FuzzLink links fuzzed pages (issue 7): no panic, a bound on time, every
// diagnostic on one of the pages, and a result that depends neither on the
// run nor on the order of the pages.
//
//	go test ./parser/link -run='^$' -fuzz='^FuzzLink$' -fuzztime=60s
func FuzzLink(f *testing.F) {
	files, _ := filepath.Glob("../testdata/*/page.md")
	sort.Strings(files)
	var fixtures [][]byte
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		fixtures = append(fixtures, b)
		f.Add(b)
	}
	if len(fixtures) > 0 {
		f.Add(bytes.Join(fixtures, pageSep)) // create pages with their resources and enums
	}
	f.Add([]byte("# x\n\n## HTTP request\n```http\nPOST /x\n```\n## Request body\n[x](../resources/x.md)\n## Response\n`201 Created`\n\f\n# x resource type\n\n## Properties\n| Property | Type | Description |\n|--|--|--|\n| a | [x](x.md) | b |\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		pages := fuzzPages(src)
		names := map[string]bool{}
		for _, p := range pages {
			names[p.File] = true
		}
		// CPU time of the process: Link works on every core, and wall
		// time failed on a loaded machine.
		var ds *ir.DocSet
		var diags ir.Diagnostics
		if el := cputime.Process(func() { ds, diags = Link(pages) }); el > time.Second+time.Duration(len(src))*2*time.Second/(1<<20) {
			t.Fatalf("linking %d pages (%d bytes) took %v of CPU time", len(pages), len(src), el)
		}
		if ds == nil {
			t.Fatal("nil DocSet")
		}
		for _, d := range diags {
			if d.Severity == ir.Error && d.Code == ir.CodeInternalError {
				t.Fatalf("recovered panic: %s", d)
			}
			if d.Pos.File != "" && !names[d.Pos.File] {
				t.Fatalf("diagnostic on a file that is not a page: %s", d)
			}
		}
		again, againDiags := Link(fuzzPages(src))
		if !reflect.DeepEqual(ds, again) || !reflect.DeepEqual(diags, againDiags) {
			t.Fatal("two links of the same pages differ")
		}
		rev := fuzzPages(src)
		slices.Reverse(rev)
		revDS, revDiags := Link(rev)
		if !reflect.DeepEqual(ds, revDS) || !reflect.DeepEqual(diags, revDiags) {
			t.Fatal("the result depends on the order of the pages")
		}
	})
}
