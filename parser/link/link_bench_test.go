package link

import (
	"testing"

	"github.com/docs2go/docs2go/parser/corpustest"
)

// BenchmarkLinkCorpus links each docs version of the corpus, parsed once
// beforehand (skipped when the corpus is absent).
func BenchmarkLinkCorpus(b *testing.B) {
	for _, v := range []string{"v1.0", "beta"} {
		b.Run(v, func(b *testing.B) {
			pages := corpustest.Pages(b, v)
			b.ReportAllocs()
			for b.Loop() {
				Link(pages)
			}
			b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
