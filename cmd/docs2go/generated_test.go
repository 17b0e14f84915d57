package main

import (
	"testing"
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
	b, err := runPipeline(srcs, "generated", nil)
	if err != nil {
		t.Fatal(err)
	}
	if b.diags.HasErrors() {
		t.Errorf("docs/ has errors:\n%v", b.diags)
	}
	out := "../../generated"
	files := withManifest(outputFiles(b), "generated", inputHashes(srcs))
	if diff := checkOutput(osFS{}, out, files, readManifest(osFS{}, out)); len(diff) > 0 {
		t.Errorf("generated/ is stale (run make generate): %v", diff)
	}
}
