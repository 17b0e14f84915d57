package parser

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/docs2go/docs2go/parser/ir"
)

// corpusDir is the read-only 2020 docs snapshot: ../shared/corpus/graph-docs-2020
// relative to the repository root, seen from this package directory.
const corpusDir = "../../shared/corpus/graph-docs-2020/api-reference"

// TestCorpus parses every page of both versions of the real corpus and logs
// counts. It asserts only that nothing panics.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the corpus is not read with -short")
	}
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("corpus not found at %s (../shared/corpus/graph-docs-2020 next to the repo); skipping", corpusDir)
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*", "*.md"))
	sort.Strings(files)
	st := newCorpusStats()
	start := time.Now()
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(corpusDir, f)
		page, diags := ParsePage(filepath.ToSlash(rel), src)
		st.add(page, diags)
	}
	t.Logf("%d pages in %v", len(files), time.Since(start))
	t.Log(st.report())
	if st.internal > 0 {
		t.Errorf("%d pages hit an internal error", st.internal)
	}
}

type corpusStats struct {
	kinds, codes         map[string]int
	create, withExamples int
	internal             int
	samples              map[string][]string
}

func newCorpusStats() *corpusStats {
	return &corpusStats{kinds: map[string]int{}, codes: map[string]int{}, samples: map[string][]string{}}
}

func (s *corpusStats) add(p *ir.Page, diags ir.Diagnostics) {
	s.kinds[string(p.Kind)]++
	for _, d := range diags {
		s.codes[string(d.Code)]++
		if d.Code == ir.CodeInternalError {
			s.internal++
		}
		if len(s.samples[string(d.Code)]) < 400 && os.Getenv("CORPUS_SAMPLES") != "" {
			s.samples[string(d.Code)] = append(s.samples[string(d.Code)], d.String())
		}
	}
	op := p.Operation
	if op == nil {
		return
	}
	if len(op.Examples) > 0 {
		s.withExamples++
	}
	if p.Kind == ir.PageAPI && isCreate(op) {
		s.create++
	}
}

// isCreate reports a POST answering 201 in the Response prose or an example.
func isCreate(op *ir.Operation) bool {
	if op.Method != "POST" {
		return false
	}
	if op.Response != nil && op.Response.Status == 201 {
		return true
	}
	for _, ex := range op.Examples {
		if ex.Response != nil && ex.Response.Status == 201 {
			return true
		}
	}
	return false
}

func (s *corpusStats) report() string {
	var b strings.Builder
	fmt.Fprintf(&b, "pages by kind: %v\n", s.kinds)
	fmt.Fprintf(&b, "api POST pages answering 201: %d\n", s.create)
	fmt.Fprintf(&b, "pages with examples: %d\n", s.withExamples)
	fmt.Fprintf(&b, "diagnostics by code: %v\n", s.codes)
	codes := make([]string, 0, len(s.samples))
	for c := range s.samples {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		for _, l := range s.samples[c] {
			fmt.Fprintf(&b, "  %s\n", l)
		}
	}
	return b.String()
}
