package check

import (
	"testing"

	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/link"
)

// BenchmarkLinkCheckBeta links the beta corpus, parsed once beforehand, and
// checks its endpoints' example bodies: the part of a lint run that reads
// example JSON (skipped when the corpus is absent).
func BenchmarkLinkCheckBeta(b *testing.B) {
	pages := corpustest.Pages(b, "beta")
	b.ReportAllocs()
	for b.Loop() {
		ds, _ := link.Link(pages)
		Endpoints(ds, pages)
	}
}
