package generator

import (
	"path/filepath"
	"sort"
	"testing"

	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/parser/link"
)

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

// corpusDocSet parses and links one docs version of the corpus.
func corpusDocSet(b *testing.B, version string) *ir.DocSet {
	b.Helper()
	ds, _ := link.Link(corpustest.Pages(b, version))
	return ds
}
