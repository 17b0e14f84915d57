package main

import (
	"testing"

	"github.com/docs2go/docs2go/cmd/internal/outdir"
	"github.com/docs2go/docs2go/generator"
)

// TestGeneratedUpToDate regenerates ../../docs in memory and fails when the
// committed ../../generated differs: run `make generate` and review the diff.
func TestGeneratedUpToDate(t *testing.T) {
	ins, err := collectInputs([]string{"../../docs"})
	if err != nil {
		t.Fatal(err)
	}
	srcs, err := loadPages(ins)
	if err != nil {
		t.Fatal(err)
	}
	b, err := runPipeline(srcs, "generated", nil, generator.Selection{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if b.diags.HasErrors() {
		t.Errorf("docs/ has errors:\n%v", b.diags)
	}
	out := "../../generated"
	files := outdir.WithManifest(outputFiles(b), "generated", inputHashes(srcs))
	if diff := outdir.Check(outdir.OS{}, out, files, outdir.ReadManifest(outdir.OS{}, out)); len(diff) > 0 {
		t.Errorf("generated/ is stale (run make generate): %v", diff)
	}
}
