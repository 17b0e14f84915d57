// Package generator turns a linked ir.DocSet into Go source: model types,
// net/http handler stubs, a typed client and golden tests built from the
// documented examples, plus the runtime support code from templates/.
//
// Generation is two steps: NewPlan decides every name, route and test and
// reports every finding; Emit writes the files the plan describes and
// reports nothing. Both are pure: they write nothing to disk, and the
// output is byte-identical for the same DocSet, whatever the order of its
// slices.
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
	Diagnostics ir.Diagnostics   // the plan's, set by Generate only
}

// EndpointResult says whether an endpoint made it into the output.
type EndpointResult struct {
	Name      string // Go method name, e.g. "CreateAndroidDeviceOwnerEnrollmentProfile"
	Generated bool
	Reason    string // why not, when !Generated
}

// Generate plans and emits ds; the Result's diagnostics are the plan's.
func Generate(ds *ir.DocSet, opts Options) (*Result, error) {
	plan, diags, err := NewPlan(ds)
	if err != nil {
		return nil, err
	}
	res, err := Emit(plan, opts)
	if err != nil {
		return nil, err
	}
	res.Diagnostics = diags
	return res, nil
}

// Emit writes the Go files plan describes. It reports nothing about the
// docs (NewPlan did); its error is only for internal failures such as
// emitted code that does not format.
func Emit(plan *Plan, opts Options) (res *Result, err error) {
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
	o := &output{em: emitter{Plan: plan, pkg: opts.Package}, opts: opts}
	o.startRender()
	defer o.stopRender() // also when building panics
	o.emitAll()
	if err := o.renderAll(); err != nil {
		return nil, err
	}
	slices.SortFunc(o.files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return &Result{Files: o.files, Endpoints: plan.endpointResults()}, nil
}

// endpointResults says, per ds.Endpoints entry, what became of it.
func (plan *Plan) endpointResults() []EndpointResult {
	var out []EndpointResult
	for _, e := range plan.endpoints {
		if e.primary != nil { // served by the primary's method
			out = append(out, EndpointResult{Name: e.primary.name, Generated: e.primary.ok, Reason: e.primary.reason})
			continue
		}
		out = append(out, EndpointResult{Name: e.name, Generated: e.ok, Reason: e.reason})
	}
	return out
}
