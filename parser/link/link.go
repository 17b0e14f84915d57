// Package link joins the pages of one docs version into an ir.DocSet: it
// indexes the resource and enum pages, resolves type references, turns create
// pages (POST or PUT answering 201) into endpoints, and keeps exactly the
// types those endpoints reach.
//
// Linking runs in passes, one file each, in this order; each reads what the
// earlier ones built, and no pass starts another:
//
//	prepare.go   per-page facts (names, create method, request lines, example request, the
//	             examples and statuses of the other operations), on every core
//	index.go     index every resource and enum declaration under its qualified name
//	merge.go     merge the declarations of one name into one type or enum
//	resolve.go   resolve base types and property references (silently)
//	body.go      request body and 201 answer types of each create page (answer.go, synth.go, infer.go)
//	endpoint.go  an endpoint, or a skip with its reason, per create page
//	reach.go     keep what the endpoints reach, report its unresolved references, flatten inheritance
//
// Merging, resolving type references and building endpoints work on one
// definition, type or page at a time and run on every core (shard.go); the
// passes that infer or synthesize types stay sequential, in page order.
//
// A bug on one page is reported there and does not stop the other pages
// (fault.go). lookup.go holds the read-only queries (by link, by name) the passes after
// indexing share.
//
// Link never mutates its input: types, properties and type references are
// copied before they are resolved. It only keeps the parsed JSON of each
// create page's example bodies on their blocks (ir.Block.JSON), a cache of
// their text that the checks and the generator read. Every decision is made in sorted page
// order, so the result does not depend on the order of the pages.
package link

import (
	"cmp"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// Link joins pages (one docs version, docs-relative File paths) into a
// DocSet. Problems are reported as diagnostics; Link never panics.
func Link(pages []*ir.Page) (ds *ir.DocSet, diags ir.Diagnostics) {
	var l *linker
	defer func() {
		// Never panic on any input: a bug in the linker that the per-page
		// guards (fault.go) did not catch becomes an error diagnostic at the
		// page it was working on, not a crash of the whole run.
		if r := recover(); r != nil {
			ds = &ir.DocSet{}
			var at ir.Pos
			if l != nil && l.working != "" {
				at = pagePos(l.working)
				diags = l.diags
			}
			diags = append(diags, internalError(at, r))
			diags.Sort()
		}
	}()
	l = newLinker(pages)
	l.indexDeclarations() // index.go
	l.mergeDeclarations() // merge.go
	l.resolveTypes()      // resolve.go
	l.resolveBodies()     // body.go (answer.go, synth.go, infer.go)
	l.resolveOperations() // opendpoint.go (opbody.go, opresult.go, opfunction.go)
	l.buildEndpoints()    // endpoint.go
	l.reach()             // reach.go
	l.flatten()           // reach.go
	ds = l.docSet()
	l.diags.Sort()
	return ds, l.diags
}

// linker holds the state of one Link call.
type linker struct {
	pages       []*ir.Page          // sorted by File
	facts       []pageFacts         // parallel to pages
	byFile      map[string]*ir.Page // exact File
	byFileLower map[string]*ir.Page // lower-cased File, first in sort order
	defs        map[string]*def     // lower-cased qualified name → type or enum from pages
	byShort     map[string][]string // lower-cased short name → def keys, sorted
	pageDefs    map[string][]string // page File → def keys, document order (resources first)
	inferred    map[string]*typeDef // lower-cased qualified name → synthesized type
	endpoints   []*ir.Endpoint      // document order of sorted pages
	skipped     []ir.Skip           // create pages that could not become endpoints
	reached     map[string]bool     // def or inferred keys reachable from endpoints
	diags       ir.Diagnostics
	working     string // the page the current pass works on, for fault reports
}

func newLinker(pages []*ir.Page) *linker {
	// Maps sized by the page count: growing them was a visible cost.
	n := len(pages)
	l := &linker{
		byFile:      make(map[string]*ir.Page, n),
		byFileLower: make(map[string]*ir.Page, n),
		defs:        make(map[string]*def, n),
		byShort:     make(map[string][]string, n),
		pageDefs:    make(map[string][]string, n),
		inferred:    map[string]*typeDef{},
		reached:     make(map[string]bool, n/2),
	}
	for _, p := range pages {
		if p != nil {
			l.pages = append(l.pages, p)
		}
	}
	// Sort by File; pages with the same File (a caller bug) keep a stable,
	// content-independent order only if their titles differ, so break ties
	// on the title too.
	slices.SortStableFunc(l.pages, func(a, b *ir.Page) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Title, b.Title))
	})
	l.facts = l.prepare()
	for i, p := range l.pages {
		if _, ok := l.byFile[p.File]; !ok {
			l.byFile[p.File] = p
		}
		if _, ok := l.byFileLower[l.facts[i].fileLower]; !ok {
			l.byFileLower[l.facts[i].fileLower] = p
		}
	}
	return l
}

// docSet assembles the reachable types and enums and the sorted endpoints.
func (l *linker) docSet() *ir.DocSet {
	ds := &ir.DocSet{Endpoints: l.endpoints, Skipped: l.skipped}
	var types []*typeDef
	var enums []*def
	for key := range l.reached {
		if td := l.typeDefOf(key); td != nil {
			types = append(types, td)
		} else if d := l.defs[key]; d != nil && d.enum != nil {
			enums = append(enums, d)
		}
	}
	// Sorted by the names computed once, not QualifiedName per comparison.
	slices.SortFunc(types, func(a, b *typeDef) int { return cmp.Compare(a.qname, b.qname) })
	slices.SortFunc(enums, func(a, b *def) int { return cmp.Compare(a.qname, b.qname) })
	for _, td := range types {
		ds.Types = append(ds.Types, td.typ)
	}
	for _, d := range enums {
		ds.Enums = append(ds.Enums, d.enum)
	}
	slices.SortStableFunc(ds.Endpoints, func(a, b *ir.Endpoint) int {
		return cmp.Or(cmp.Compare(a.Page, b.Page), comparePos(a.Pos, b.Pos))
	})
	slices.SortStableFunc(ds.Skipped, func(a, b ir.Skip) int {
		return cmp.Or(cmp.Compare(a.Page, b.Page), comparePos(a.Pos, b.Pos))
	})
	return ds
}

// typeDefOf returns the struct type stored under key, from a page or
// synthesized, or nil.
func (l *linker) typeDefOf(key string) *typeDef {
	if d := l.defs[key]; d != nil && d.typ != nil {
		return d.typ
	}
	return l.inferred[key]
}

func comparePos(a, b ir.Pos) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// sortPos sorts positions and drops repeats: one page section contributes
// once.
func sortPos(ps []ir.Pos) []ir.Pos {
	slices.SortFunc(ps, comparePos)
	return slices.Compact(ps)
}

// normNamespace cleans a namespace as pages write it: the corpus has
// "microsoft.graph." with a trailing dot, and pages without any.
func normNamespace(ns, pageNS string) string {
	ns = strings.Trim(strings.TrimSpace(ns), ".")
	if ns == "" {
		ns = strings.Trim(strings.TrimSpace(pageNS), ".")
	}
	if ns == "" {
		ns = ir.DefaultNamespace
	}
	return ns
}
