// Package generator turns a linked ir.DocSet into Go source: model types,
// net/http handler stubs, a typed client and golden tests built from the
// documented examples, plus the runtime support code from templates/.
//
// Generate is pure: it returns the files and writes nothing. Output is
// byte-identical for the same DocSet, whatever the order of its slices.
package generator

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"

	"github.com/docs2go/docs2go/parser/ir"
)

// Options configures Generate.
type Options struct {
	Package string // Go package name of the output, e.g. "generated"
	// Formatted, when set, may return the gofmt'd bytes of the Go file at
	// path whose unformatted source is src, as an earlier run produced them,
	// so an unchanged file skips go/format (a third of generation). It is
	// called from several goroutines at once and must not keep src.
	Formatted func(path string, src []byte) ([]byte, bool)
}

// File is one output file.
type File struct {
	Path    string   // slash path relative to the output dir
	Content []byte   // gofmt'd Go, or verbatim testdata
	Sources []string // docs-relative pages the file was built from, sorted
}

// Result is what Generate produced.
type Result struct {
	Files       []File           // sorted by Path
	Endpoints   []EndpointResult // one per ds.Endpoints entry, same order
	Diagnostics ir.Diagnostics
}

// EndpointResult says whether an endpoint made it into the output.
type EndpointResult struct {
	Name      string // Go method name, e.g. "CreateAndroidDeviceOwnerEnrollmentProfile"
	Generated bool
	Reason    string // why not, when !Generated
}

// Generate emits Go for ds. Constructs it cannot express become
// diagnostics (and the endpoint is left out); the error is only for
// internal failures such as emitted code that does not format.
func Generate(ds *ir.DocSet, opts Options) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil { // never panic on any input
			res, err = nil, fmt.Errorf("generator: internal error: %v", p)
		}
	}()
	if opts.Package == "" {
		opts.Package = "generated"
	}
	if !token.IsIdentifier(opts.Package) || opts.Package == "_" {
		return nil, fmt.Errorf("generator: package name %q is not a Go identifier", opts.Package)
	}
	if ds == nil {
		ds = &ir.DocSet{}
	}
	g := newGen(ds, opts)
	g.index()
	g.nameAll()
	g.startRender()
	defer g.stopRender() // also when building panics
	if err := g.emitAll(); err != nil {
		return nil, err
	}
	if err := g.renderAll(); err != nil {
		return nil, err
	}
	slices.SortFunc(g.files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	g.diags.Sort()
	res = &Result{Files: g.files, Diagnostics: g.diags}
	for _, e := range g.endpoints {
		if e.primary != nil { // served by the primary's method
			res.Endpoints = append(res.Endpoints, EndpointResult{Name: e.primary.name, Generated: e.primary.ok, Reason: e.primary.reason})
			continue
		}
		res.Endpoints = append(res.Endpoints, EndpointResult{Name: e.name, Generated: e.ok, Reason: e.reason})
	}
	return res, nil
}
