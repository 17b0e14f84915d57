package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/docs2go/docs2go/generator"
)

// TestPipelineGOMAXPROCS runs the pipeline on ../../docs with one core and
// with several: parsing, checking and rendering run in parallel, and the
// files and diagnostics must not depend on it. DOCS2GO_CORPUS_DOCS (a docs
// version folder, e.g. ../../../shared/corpus/graph-docs-2020/api-reference/beta)
// runs it on more pages.
func TestPipelineGOMAXPROCS(t *testing.T) {
	dirs := []string{"../../docs"}
	if d := os.Getenv("DOCS2GO_CORPUS_DOCS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			ins, err := collectInputs([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			srcs, err := loadPages(ins)
			if err != nil {
				t.Fatal(err)
			}
			one := pipelineWith(t, 1, srcs)
			many := pipelineWith(t, 4, srcs)
			if len(one.result.Files) == 0 {
				t.Fatal("no files generated")
			}
			if len(one.result.Files) != len(many.result.Files) {
				t.Fatalf("%d files with GOMAXPROCS=1, %d with 4", len(one.result.Files), len(many.result.Files))
			}
			for i, f := range one.result.Files {
				g := many.result.Files[i]
				if f.Path != g.Path || !bytes.Equal(f.Content, g.Content) {
					t.Errorf("file %d: %s with GOMAXPROCS=1, %s (or other content) with 4", i, f.Path, g.Path)
				}
			}
			if len(one.diags) != len(many.diags) {
				t.Fatalf("%d diagnostics with GOMAXPROCS=1, %d with 4", len(one.diags), len(many.diags))
			}
			for i := range one.diags {
				if one.diags[i] != many.diags[i] {
					t.Errorf("diagnostic %d: %v with GOMAXPROCS=1, %v with 4", i, one.diags[i], many.diags[i])
				}
			}
		})
	}
}

func pipelineWith(t *testing.T, procs int, srcs []source) *build {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	b, err := runPipeline(srcs, "generated", nil, generator.Selection{}, false)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
