package link

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/docs2go/docs2go/parser"
	"github.com/docs2go/docs2go/parser/ir"
)

// BenchmarkLinkCorpus links each docs version of the corpus, parsed once
// beforehand (skipped when the corpus is absent).
func BenchmarkLinkCorpus(b *testing.B) {
	for _, v := range []string{"v1.0", "beta"} {
		b.Run(v, func(b *testing.B) {
			pages := corpusPages(b, v)
			b.ReportAllocs()
			for b.Loop() {
				Link(pages)
			}
			b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}

// corpusPages parses one docs version, naming pages as docs2go does.
func corpusPages(b *testing.B, version string) []*ir.Page {
	b.Helper()
	root := filepath.Join(corpusDir, version)
	files, _ := filepath.Glob(filepath.Join(root, "*", "*.md"))
	if len(files) == 0 {
		b.Skipf("corpus not found at %s (../shared/corpus/graph-docs-2020 next to the repo); skipping", root)
	}
	sort.Strings(files)
	pages := make([]*ir.Page, 0, len(files))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		rel, _ := filepath.Rel(corpusDir, f)
		p, _ := parser.ParsePage(filepath.ToSlash(rel), src)
		pages = append(pages, p)
	}
	return pages
}
