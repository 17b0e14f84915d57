package generator

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/docs2go/docs2go/parser/check"
	"github.com/docs2go/docs2go/parser/ir"
)

// Plan is everything generation decides before it writes a line: the Go
// name of every type, field, enum member and endpoint, each endpoint's
// routes and the endpoints that share them, the polymorphic wrappers, and
// which documented examples become tests. NewPlan reports every finding
// about the doc set, so `docs2go lint` (which plans but does not emit)
// reports what generation reports. A Plan is not changed after NewPlan
// returns: Emit reads it from several goroutines at once.
type Plan struct {
	ds        *ir.DocSet
	types     []*typeInfo // sorted by qualified name
	enums     []*enumInfo // sorted by qualified name
	byName    map[string]*typeInfo
	enumNames map[string]*enumInfo
	endpoints []*endpointInfo // ds.Endpoints order
	router    *router
	checker   *check.Checker       // example conformance against the types as planned; nil once planned
	polys     map[string]*polyInfo // base type qualified name → polymorphic wrapper
}

// planner is the state NewPlan builds a Plan with.
type planner struct {
	*Plan
	diags ir.Diagnostics
	// monomorphic holds the types polyRef found no derived type for.
	monomorphic map[*typeInfo]bool
	lineage     *lineage         // derivedOf's index, built on first use
	sorted      []*endpointInfo  // sortedEndpoints' order, sorted on first use
	ranks       []rankedEndpoint // each endpoint's request lines and rank, by DocSet position (rankEndpoints)
}

// NewPlan plans the generation of ds. Constructs the output cannot
// express become diagnostics, and what they concern is left out of the
// plan. NewPlan never panics on any input: an internal fault becomes an
// error.
func NewPlan(ds *ir.DocSet) (plan *Plan, diags ir.Diagnostics, err error) {
	defer func() {
		if p := recover(); p != nil {
			plan, diags, err = nil, nil, fmt.Errorf("generator: internal error: %v", p)
		}
	}()
	if ds == nil {
		ds = &ir.DocSet{}
	}
	pl := newPlanner(ds)
	var ranks []rankedEndpoint
	parsed := planBeside(func() { // beside the indexing: what reads the doc set alone
		runtimeNames()
		ranks = rankEndpoints(ds.Endpoints)
	})
	pl.index()
	parsed()
	pl.ranks = ranks
	pl.nameAll()
	pl.checkRefs()
	pl.checker = pl.newChecker()
	pl.planTests()
	pl.checker = nil // planning alone reads it: its memory is free while the plan is emitted
	pl.diags.Sort()
	return pl.Plan, pl.diags, nil
}

func newPlanner(ds *ir.DocSet) *planner {
	return &planner{Plan: &Plan{ds: ds, byName: map[string]*typeInfo{}, enumNames: map[string]*enumInfo{}, router: newRouter(),
		polys: map[string]*polyInfo{}}, monomorphic: map[*typeInfo]bool{}}
}

// sibling returns a planner for work beside pl's (see nameAll): it
// shares pl's plan, endpoint order and ranks, and keeps its own findings.
// It has no polymorphic wrapper caches: the work beside makes none. The
// endpoints are sorted first, so that neither side sorts them.
func (pl *planner) sibling() *planner {
	pl.sortedEndpoints()
	return &planner{Plan: pl.Plan, sorted: pl.sorted, ranks: pl.ranks}
}

// adopt takes back the findings of sibling s, once its work is done.
// They follow pl's, as when the work was serial (the findings are
// sorted in the end anyway).
func (pl *planner) adopt(s *planner) {
	pl.diags = append(pl.diags, s.diags...)
}

// index sorts and de-duplicates the DocSet's types and enums. The linker
// already sorts, but sorting again makes the output independent of it.
func (pl *planner) index() {
	types := slices.Clone(pl.ds.Types)
	// contentKey marshals whole nodes: it is computed only on ties (cmp.Or
	// evaluates every argument, and ran two marshals per comparison).
	slices.SortStableFunc(types, func(a, b *ir.Type) int {
		if c := cmp.Or(cmp.Compare(qualifiedOrEmpty(a), qualifiedOrEmpty(b)), -cmp.Compare(propCount(a), propCount(b))); c != 0 {
			return c
		}
		return cmp.Compare(contentKey(a), contentKey(b))
	})
	for _, t := range types {
		if t == nil {
			continue
		}
		if _, dup := pl.byName[t.QualifiedName()]; dup {
			pl.diags.Warnf(firstPos(t.Sources), ir.CodeDuplicateType, "type: %s defined twice; keeping the one with more properties", t.QualifiedName())
			continue
		}
		ti := &typeInfo{t: t, qname: t.QualifiedName()}
		pl.byName[t.QualifiedName()] = ti
		pl.types = append(pl.types, ti)
	}
	enums := slices.Clone(pl.ds.Enums)
	slices.SortStableFunc(enums, func(a, b *ir.Enum) int {
		if a == nil || b == nil {
			return cmp.Compare(contentKey(a), contentKey(b))
		}
		if c := cmp.Compare(a.QualifiedName(), b.QualifiedName()); c != 0 {
			return c
		}
		return cmp.Compare(contentKey(a), contentKey(b))
	})
	for _, e := range enums {
		if e == nil {
			continue
		}
		q := e.QualifiedName()
		if _, dup := pl.enumNames[q]; dup || pl.byName[q] != nil {
			pl.diags.Warnf(e.Pos, ir.CodeDuplicateType, "enum: %s defined twice; keeping the first", q)
			continue
		}
		ei := &enumInfo{e: e}
		pl.enumNames[q] = ei
		pl.enums = append(pl.enums, ei)
	}
	for i, ep := range pl.ds.Endpoints {
		ei := &endpointInfo{ep: ep, index: i, kind: opCreate}
		if ep != nil && ep.Kind != "" {
			ei.kind = opKind(ep.Kind)
		}
		if ep == nil {
			ei.ep = &ir.Endpoint{}
			ei.reason = "nil endpoint in DocSet"
		}
		pl.endpoints = append(pl.endpoints, ei)
	}
}

// checkRefs reports the type references of the emitted declarations that
// the output degrades to raw JSON.
func (pl *planner) checkRefs() {
	for _, ti := range pl.types {
		for _, fi := range ti.fields {
			pl.checkRef(fi.typ, "property "+ti.t.Name+"."+fi.prop.Name)
		}
	}
	for _, e := range pl.endpoints {
		if !e.ok {
			continue
		}
		pl.checkRef(e.body, "request body")
		if e.result != nil {
			pl.checkRef(*e.result, "response")
		}
	}
}

// planTests decides the golden tests of every endpoint that has any (a
// generated endpoint and the members of one): which examples are usable,
// and where the 501 test sends its request. The examples are checked on
// every core, each endpoint's findings kept apart so that the outcome does
// not depend on scheduling.
func (pl *planner) planTests() {
	var eps []*endpointInfo
	for _, e := range pl.endpoints {
		if e.hasTests() {
			eps = append(eps, e)
		}
	}
	found := make([]ir.Diagnostics, len(eps))
	planEach(len(eps), func(j int) { found[j] = pl.planExamples(eps[j]) })
	for _, d := range found {
		pl.diags = append(pl.diags, d...)
	}
}

// hasTests reports whether e gets a test file entry: it is generated, or
// a member of a generated endpoint.
func (e *endpointInfo) hasTests() bool {
	return e.ok || (e.primary != nil && e.primary.ok)
}
