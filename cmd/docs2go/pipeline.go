package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/docs2go/docs2go/generator"
	"github.com/docs2go/docs2go/parser"
	"github.com/docs2go/docs2go/parser/check"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/parser/link"
)

// source is an input page read into memory.
type source struct {
	input
	data []byte
}

// build is the outcome of one run held in memory: nothing is written until
// every stage has finished.
type build struct {
	pages  []*ir.Page
	docSet *ir.DocSet
	result *generator.Result
	diags  ir.Diagnostics
}

// readSources reads every page; an unreadable page fails the run (it is
// not a defect of the docs that a diagnostic could point at).
func readSources(ins []input) ([]source, error) {
	srcs := make([]source, len(ins))
	for i, in := range ins {
		data, err := os.ReadFile(in.display)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", in.display, err)
		}
		srcs[i] = source{input: in, data: data}
	}
	return srcs, nil
}

// inputHashes lists each page with the hash of its content, for the
// manifest and the run cache.
func inputHashes(srcs []source) []manifestFile {
	hs := make([]manifestFile, len(srcs))
	for i, s := range srcs {
		hs[i] = manifestFile{Path: s.name, SHA256: hashOf(s.data)}
	}
	return hs
}

// pipelineRuns counts full runs, so tests can tell the fast path was taken.
var pipelineRuns atomic.Int64

// runPipeline parses, links and generates. Its error is reserved for
// failures of docs2go itself (an internal generator fault); defects of the
// docs are diagnostics.
func runPipeline(srcs []source, pkg string) (*build, error) {
	pipelineRuns.Add(1)
	pages, ds, diags := analyze(srcs)
	res, err := generator.Generate(ds, generator.Options{Package: pkg})
	if err != nil {
		return nil, err
	}
	diags = append(diags, res.Diagnostics...)
	diags.Sort()
	return &build{pages: pages, docSet: ds, result: res, diags: diags}, nil
}

// analyze parses and links the pages and checks them: everything `docs2go
// lint` reports, which generation reports too.
func analyze(srcs []source) ([]*ir.Page, *ir.DocSet, ir.Diagnostics) {
	pages, diags := parseAll(srcs)
	ds, linkDiags := link.Link(pages)
	diags = append(diags, linkDiags...)
	diags = append(diags, check.Endpoints(ds, pages)...)
	diags = append(diags, check.Pages(pages)...)
	diags.Sort()
	return pages, ds, diags
}

// parseAll parses the pages on every core. Results keep input order, so the
// output does not depend on scheduling.
func parseAll(srcs []source) ([]*ir.Page, ir.Diagnostics) {
	pages := make([]*ir.Page, len(srcs))
	pageDiags := make([]ir.Diagnostics, len(srcs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				pages[i], pageDiags[i] = parser.ParsePage(srcs[i].name, srcs[i].data)
			}
		}()
	}
	for i := range srcs {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var diags ir.Diagnostics
	for _, d := range pageDiags {
		diags = append(diags, d...)
	}
	return pages, diags
}
