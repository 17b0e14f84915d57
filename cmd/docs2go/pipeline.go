package main

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/docs2go/docs2go/cmd/internal/hugeheap"
	"github.com/docs2go/docs2go/cmd/internal/outdir"
	"github.com/docs2go/docs2go/cmd/internal/parallel"
	"github.com/docs2go/docs2go/cmd/internal/runcache"
	"github.com/docs2go/docs2go/generator"
	"github.com/docs2go/docs2go/parser"
	"github.com/docs2go/docs2go/parser/check"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/parser/link"
)

// source is an input page read, hashed, parsed and checked on its own.
// Its bytes are not kept: the IR holds what later stages need.
type source struct {
	input
	stat       runcache.FileStat // taken before reading, for the run cache
	statOK     bool              // false for a file that is not regular
	hash       string            // SHA-256 of the page, for the manifest
	page       *ir.Page
	parseDiags ir.Diagnostics
	pageDiags  ir.Diagnostics // check.Pages on this page alone
}

// build is the outcome of one run held in memory: nothing is written until
// every stage has finished.
type build struct {
	pages     []*ir.Page // nil unless the run keeps them (-ir)
	pageCount int
	docSet    *ir.DocSet
	result    *generator.Result
	diags     ir.Diagnostics
	pruned    *generator.Pruning // what the endpoint selection left out
}

// loadPages reads, hashes, parses and page-checks every page on every
// core, each page in one go, so the reads overlap the parsing. An unreadable
// page fails the run (it is not a defect of the docs that a diagnostic
// could point at), reported as the first such page in input order.
func loadPages(ins []input) ([]source, error) {
	reserveHeap.Do(func() { hugeheap.Reserve(len(ins) * heapPerPage) })
	srcs := make([]source, len(ins))
	errs := make([]error, len(ins))
	parallel.For(len(ins), runtime.GOMAXPROCS(0), func(i int) {
		data, size, mtime, ok, err := readPage(ins[i].display)
		if err != nil {
			errs[i] = fmt.Errorf("reading %s: %w", ins[i].display, err)
			return
		}
		s := source{input: ins[i], hash: outdir.Hash(data), statOK: ok,
			stat: runcache.FileStat{Path: ins[i].name, Size: size, ModTime: mtime}}
		s.page, s.parseDiags = parser.ParseOwnedPage(s.name, data) // data is not used again
		s.pageDiags = check.Pages([]*ir.Page{s.page})
		srcs[i] = s
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return srcs, nil
}

// heapPerPage estimates the peak heap a run needs per input page: about
// 50 KiB on both versions of the 2020 corpus (125 MiB for 2,460 v1.0
// pages, 300 MiB for 6,216 beta pages).
const heapPerPage = 64 << 10

// reserveHeap readies huge pages for the heap once, before the first
// pages are read: later in the run the block it allocates could reuse
// freed memory and have to be cleared.
var reserveHeap sync.Once

// pageStats returns the stats loadPages took, nil when one page is not a
// regular file (as statInputs).
func pageStats(srcs []source) []runcache.FileStat {
	stats := make([]runcache.FileStat, len(srcs))
	for i, s := range srcs {
		if !s.statOK {
			return nil
		}
		stats[i] = s.stat
	}
	return stats
}

// inputHashes lists each page with the hash of its content, for the
// manifest and the run cache.
func inputHashes(srcs []source) []outdir.ManifestFile {
	hs := make([]outdir.ManifestFile, len(srcs))
	for i, s := range srcs {
		hs[i] = outdir.ManifestFile{Path: s.name, SHA256: s.hash}
	}
	return hs
}

// pipelineRuns counts full runs, so tests can tell the fast path was taken.
var pipelineRuns atomic.Int64

// runPipeline analyzes the loaded pages and emits the plan. Its error is
// reserved for failures of docs2go itself (an internal generator fault);
// defects of the docs are diagnostics.
//
// Every stage uses every core: pages were parsed and checked in
// parallel by loadPages, the endpoint checks run beside the plan, which
// checks the examples in parallel, and the generator builds and renders
// its files in parallel. No stage writes to the pages or the doc set, and
// every result is kept in input order and sorted, so the output is the
// same whatever GOMAXPROCS is (TestPipelineGOMAXPROCS).
// formatted, when not nil, lets the generator reuse an earlier run's gofmt'd
// bytes (see runcache.FormatCache). sel prunes the plan to the selected
// endpoints; a pattern that matches nothing is a selectionError.
// Unless keepPages, the build does not hold the parsed pages: the doc set
// holds what emitting needs, and when the caller does not use srcs after
// the call either, the pages' memory (about 20 MB of live heap on the
// beta docs) is free for emitting.
func runPipeline(srcs []source, pkg string, formatted func(path string, src []byte) ([]byte, bool), sel generator.Selection, keepPages bool) (*build, error) {
	pipelineRuns.Add(1)
	a, err := analyze(srcs)
	if err != nil {
		return nil, err
	}
	pageCount := len(a.pages)
	if !keepPages {
		a.pages = nil
	}
	plan, pruned, err := a.plan.Select(sel)
	if err != nil {
		return nil, selectionError{err}
	}
	res, err := generator.Emit(plan, generator.Options{Package: pkg, Formatted: formatted})
	if err != nil {
		return nil, err
	}
	return &build{pages: a.pages, pageCount: pageCount, docSet: a.docSet, result: res, diags: a.diags, pruned: pruned}, nil
}

// selectionError is a selection the doc set cannot satisfy: a mistake in
// the configuration, not in the docs.
type selectionError struct{ error }

// analysis is what `docs2go lint` and generation share: the linked doc
// set, the generator's plan, and every finding of every stage.
type analysis struct {
	pages  []*ir.Page
	docSet *ir.DocSet
	plan   *generator.Plan
	diags  ir.Diagnostics
}

// analyze links the loaded pages, checks them and plans the generation:
// everything `docs2go lint` reports, which is everything generation
// reports. The error is an internal fault of the generator.
func analyze(srcs []source) (*analysis, error) {
	pages, parseDiags, pageDiags := collect(srcs)
	ds, linkDiags := link.Link(pages)
	var epDiags ir.Diagnostics
	done := make(chan struct{})
	go func() {
		defer close(done)
		epDiags = check.Endpoints(ds, pages)
	}()
	plan, planDiags, err := generator.NewPlan(ds)
	<-done
	if err != nil {
		return nil, err
	}
	diags := joinDiags(parseDiags, linkDiags, epDiags, pageDiags)
	diags = append(diags, withoutRepeats(planDiags, diags)...)
	diags.Sort()
	return &analysis{pages: pages, docSet: ds, plan: plan, diags: diags}, nil
}

// joinDiags concatenates the stages' diagnostics in the order the stages
// ran before they were parallel (the sort is stable) and sorts them.
func joinDiags(parse, link, endpoints, pages ir.Diagnostics) ir.Diagnostics {
	diags := slices.Concat(parse, link, endpoints, pages)
	diags.Sort()
	return diags
}

// collect gathers the parsed pages and their diagnostics in input order,
// so the output does not depend on scheduling.
func collect(srcs []source) (pages []*ir.Page, parseDiags, pageDiags ir.Diagnostics) {
	pages = make([]*ir.Page, len(srcs))
	for i, s := range srcs {
		pages[i] = s.page
		parseDiags = append(parseDiags, s.parseDiags...)
		pageDiags = append(pageDiags, s.pageDiags...)
	}
	return pages, parseDiags, pageDiags
}

// withoutRepeats drops the plan's example-nonconforming warnings at
// places where the checks already reported the defect: the reader needs one
// line per defect, and the check's is the more precise.
func withoutRepeats(gen, checks ir.Diagnostics) ir.Diagnostics {
	reported := make(map[ir.Pos]bool, len(checks))
	for _, d := range checks {
		reported[d.Pos] = true
	}
	var out ir.Diagnostics
	for _, d := range gen {
		if d.Code == ir.CodeExampleNonconforming && reported[d.Pos] {
			continue
		}
		out = append(out, d)
	}
	return out
}
