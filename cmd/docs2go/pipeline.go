package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/docs2go/docs2go/generator"
	"github.com/docs2go/docs2go/parser"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/parser/link"
)

// build is the outcome of one run held in memory: nothing is written until
// every stage has finished.
type build struct {
	pages  []*ir.Page
	docSet *ir.DocSet
	result *generator.Result
	diags  ir.Diagnostics
	inputs []manifestFile // each page's hash, for the manifest
}

// runPipeline parses, links and generates. Its error is reserved for
// failures of docs2go itself (an input that cannot be read, an internal
// generator fault); defects of the docs are diagnostics.
func runPipeline(ins []input, pkg string) (*build, error) {
	pages, hashes, diags, err := parseAll(ins)
	if err != nil {
		return nil, err
	}
	ds, linkDiags := link.Link(pages)
	diags = append(diags, linkDiags...)
	res, err := generator.Generate(ds, generator.Options{Package: pkg})
	if err != nil {
		return nil, err
	}
	diags = append(diags, res.Diagnostics...)
	diags.Sort()
	return &build{pages: pages, docSet: ds, result: res, diags: diags, inputs: hashes}, nil
}

// parseAll reads and parses the pages on every core. Results keep input
// order, so the output does not depend on scheduling.
func parseAll(ins []input) ([]*ir.Page, []manifestFile, ir.Diagnostics, error) {
	type parsed struct {
		page  *ir.Page
		hash  string
		diags ir.Diagnostics
		err   error
	}
	out := make([]parsed, len(ins))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				src, err := os.ReadFile(ins[i].display)
				if err != nil {
					out[i].err = fmt.Errorf("reading %s: %w", ins[i].display, err)
					continue
				}
				out[i].hash = hashOf(src)
				out[i].page, out[i].diags = parser.ParsePage(ins[i].name, src)
			}
		}()
	}
	for i := range ins {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var pages []*ir.Page
	var hashes []manifestFile
	var diags ir.Diagnostics
	for i, p := range out {
		if p.err != nil {
			return nil, nil, nil, p.err
		}
		pages = append(pages, p.page)
		hashes = append(hashes, manifestFile{Path: ins[i].name, SHA256: p.hash})
		diags = append(diags, p.diags...)
	}
	return pages, hashes, diags, nil
}
