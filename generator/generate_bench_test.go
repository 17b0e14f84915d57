package generator

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/docs2go/docs2go/parser"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/parser/link"
)

// benchCorpusDir is the read-only 2020 docs snapshot, ../shared/corpus/graph-docs-2020
// relative to the repository root, seen from this package directory.
const benchCorpusDir = "../../shared/corpus/graph-docs-2020/api-reference"

// BenchmarkGenerate generates each testdata case (always present) and
// reports the cost per type and per output file.
func BenchmarkGenerate(b *testing.B) {
	cases, _ := filepath.Glob("testdata/*/input.json")
	if len(cases) == 0 {
		b.Fatal("no testdata/*/input.json")
	}
	sort.Strings(cases)
	for _, path := range cases {
		b.Run(filepath.Base(filepath.Dir(path)), func(b *testing.B) {
			benchGenerate(b, readDocSet(b, path))
		})
	}
}

// BenchmarkGenerateCorpus generates each docs version of the corpus,
// parsed and linked once beforehand (skipped when the corpus is absent).
func BenchmarkGenerateCorpus(b *testing.B) {
	for _, v := range []string{"v1.0", "beta"} {
		b.Run(v, func(b *testing.B) {
			benchGenerate(b, corpusDocSet(b, v))
		})
	}
}

func benchGenerate(b *testing.B, ds *ir.DocSet) {
	b.ReportAllocs()
	var files int
	for b.Loop() {
		res, err := Generate(ds, Options{Package: "generated"})
		if err != nil {
			b.Fatal(err)
		}
		files = len(res.Files)
	}
	perOp := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	if n := len(ds.Types) + len(ds.Enums); n > 0 {
		b.ReportMetric(perOp/float64(n), "ns/type")
	}
	if files > 0 {
		b.ReportMetric(perOp/float64(files), "ns/file")
	}
}

// corpusDocSet parses and links one docs version of the corpus, naming
// pages as docs2go does ("beta/api/x.md").
func corpusDocSet(b *testing.B, version string) *ir.DocSet {
	b.Helper()
	root := filepath.Join(benchCorpusDir, version)
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
		rel, _ := filepath.Rel(benchCorpusDir, f)
		p, _ := parser.ParsePage(filepath.ToSlash(rel), src)
		pages = append(pages, p)
	}
	ds, _ := link.Link(pages)
	return ds
}
