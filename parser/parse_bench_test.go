package parser

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// benchPages are representative corpus pages, relative to corpusDir: a
// hand-written create page, a hand-written resource page, and the largest
// Intune resource and create pages (one 500-row property table each).
var benchPages = []string{
	"v1.0/api/group-post-groups.md",
	"v1.0/resources/user.md",
	"beta/resources/intune-deviceconfig-windows10generalconfiguration.md",
	"beta/api/intune-deviceconfig-windows10generalconfiguration-create.md",
}

// BenchmarkParsePage parses the seed fixture (always present) and the
// representative corpus pages (skipped with a message when the corpus is
// absent). bytes/s is page bytes parsed per second.
func BenchmarkParsePage(b *testing.B) {
	b.Run("seed", func(b *testing.B) {
		benchParse(b, "page.md", readBench(b, filepath.Join("testdata", "seed", "page.md")))
	})
	for _, p := range benchPages {
		b.Run(filepath.Base(p), func(b *testing.B) {
			src := readCorpusPage(b, p)
			benchParse(b, p, src)
		})
	}
}

// BenchmarkParseCorpus parses every page of both corpus versions once per
// iteration, on one goroutine (docs2go-owned: without copying each page,
// as the command parses); its "goldmark" twin is the parse-only floor
// `make bench` compares against (goldmark with GFM tables, inlines
// included), so the ratio of the two is the parser's own cost.
func BenchmarkParseCorpus(b *testing.B) {
	srcs := readCorpus(b)
	b.Run("docs2go", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range srcs {
				ParsePage(s.name, s.data)
			}
		}
		b.ReportMetric(float64(len(srcs)*b.N)/b.Elapsed().Seconds(), "pages/s")
	})
	b.Run("docs2go-owned", func(b *testing.B) { // as docs2go parses: no copy of the page
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range srcs {
				ParseOwnedPage(s.name, s.data)
			}
		}
		b.ReportMetric(float64(len(srcs)*b.N)/b.Elapsed().Seconds(), "pages/s")
	})
	b.Run("goldmark", func(b *testing.B) {
		md := goldmark.New(goldmark.WithExtensions(extension.Table))
		b.ReportAllocs()
		for b.Loop() {
			for _, s := range srcs {
				md.Parser().Parse(text.NewReader(s.data))
			}
		}
		b.ReportMetric(float64(len(srcs)*b.N)/b.Elapsed().Seconds(), "pages/s")
	})
}

func benchParse(b *testing.B, name string, src []byte) {
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		ParsePage(name, src)
	}
}

func readBench(b *testing.B, path string) []byte {
	b.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

func readCorpusPage(b *testing.B, rel string) []byte {
	b.Helper()
	src, err := os.ReadFile(filepath.Join(corpusDir, filepath.FromSlash(rel)))
	if err != nil {
		b.Skipf("corpus page %s not found under %s (../shared/corpus/graph-docs-2020 next to the repo): %v", rel, corpusDir, err)
	}
	return src
}

type benchSource struct {
	name string
	data []byte
}

// readCorpus reads every page of the corpus, sorted, or skips.
func readCorpus(b *testing.B) []benchSource {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*", "*", "*.md"))
	if len(files) == 0 {
		b.Skipf("corpus not found at %s (../shared/corpus/graph-docs-2020 next to the repo); skipping", corpusDir)
	}
	sort.Strings(files)
	srcs := make([]benchSource, len(files))
	for i, f := range files {
		rel, _ := filepath.Rel(corpusDir, f)
		srcs[i] = benchSource{filepath.ToSlash(rel), readBench(b, f)}
	}
	return srcs
}
