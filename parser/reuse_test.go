package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// TestLineIndexReuse indexes a long page and then a short one with the
// same index, as the pool hands indexes from page to page: the short
// page's positions must not see the long page's lines.
func TestLineIndexReuse(t *testing.T) {
	li := &lineIndex{}
	li.index("long.md", []byte(strings.Repeat("line\n", 100)))
	li.index("short.md", []byte("ab\ncd\r\n\nef"))
	if want := []int{0, 3, 7, 8}; !slices.Equal(li.starts, want) {
		t.Errorf("starts = %v, want %v", li.starts, want)
	}
	for off, want := range map[int]ir.Pos{0: {File: "short.md", Line: 1, Col: 1}, 4: {File: "short.md", Line: 2, Col: 2},
		9: {File: "short.md", Line: 4, Col: 2}, 50: {File: "short.md", Line: 4, Col: 43}} {
		if got := li.pos(off); got != want {
			t.Errorf("pos(%d) = %v, want %v", off, got, want)
		}
	}
}

// TestParseReuse parses the golden pages and a sample of corpus pages
// once, then again in reverse order (each parse reusing what the
// previous page left in the pools), as owned buffers, and on several
// goroutines at once: every parse must give the IR and diagnostics of the
// first.
func TestParseReuse(t *testing.T) {
	pages := goldenPages(t)
	for i, data := range corpusPages(t, 60) { // none when the corpus is absent
		pages = append(pages, benchSource{fmt.Sprintf("corpus-%d.md", i), data})
	}
	first := make([]string, len(pages))
	for i, p := range pages {
		if first[i] = parseResult(ParsePage(p.name, p.data)); first[i] == "" {
			t.Fatalf("%s: the page does not marshal", p.name)
		}
	}
	check := func(how string, i int, got string) {
		if got != first[i] {
			t.Errorf("%s: %s parses differently than at first:\n%s\nthen:\n%s", pages[i].name, how, got, first[i])
		}
	}
	for i := len(pages) - 1; i >= 0; i-- {
		check("in reverse order", i, parseResult(ParsePage(pages[i].name, pages[i].data)))
		owned := bytes.Clone(pages[i].data)
		check("owned", i, parseResult(ParseOwnedPage(pages[i].name, owned)))
	}
	var wg sync.WaitGroup
	results := make([][]string, 4)
	for g := range results {
		wg.Go(func() {
			for k := range pages {
				i := (k + g) % len(pages) // each goroutine in its own order
				p, d := ParseOwnedPage(pages[i].name, bytes.Clone(pages[i].data))
				results[g] = append(results[g], parseResult(p, d))
			}
		})
	}
	wg.Wait()
	for g, rs := range results {
		for k, got := range rs {
			check("concurrently", (k+g)%len(pages), got)
		}
	}
}

// goldenPages reads testdata/*/page.md.
func goldenPages(t *testing.T) []benchSource {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "page.md"))
	if len(files) == 0 {
		t.Fatal("no testdata/*/page.md")
	}
	var out []benchSource
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, benchSource{filepath.ToSlash(f), data})
	}
	return out
}

// parseResult renders a parse as JSON and diagnostic lines; "" when
// the page does not marshal.
func parseResult(page *ir.Page, diags ir.Diagnostics) string {
	b, err := json.Marshal(page)
	if err != nil {
		return ""
	}
	var sb strings.Builder
	sb.Write(b)
	for _, d := range diags {
		sb.WriteString("\n" + d.String())
	}
	return sb.String()
}
