package generator

import (
	"cmp"
	"encoding/json"
	"slices"

	"github.com/docs2go/docs2go/parser/check"
	"github.com/docs2go/docs2go/parser/ir"
)

// gen holds one run's state: the DocSet indexed by qualified name and the
// Go names assigned to everything.
type gen struct {
	ds    *ir.DocSet
	opts  Options
	diags ir.Diagnostics
	files []File

	types     []*typeInfo // sorted by qualified name
	enums     []*enumInfo // sorted by qualified name
	byName    map[string]*typeInfo
	enumNames map[string]*enumInfo
	endpoints []*endpointInfo // ds.Endpoints order
	router    *router
	checker   *check.Checker       // example conformance, built on first use
	polys     map[string]*polyInfo // base type qualified name → polymorphic wrapper
	// monomorphic holds the types polyRef found no derived type for.
	monomorphic map[*typeInfo]bool
	lineage     *lineage // derivedOf's index, built on first use
	// pending are the files render has queued, rendered by renderAll.
	pending []renderJob
	// renderer formats pending files beside the build; nil renders inline.
	renderer *renderer
}

// typeInfo is a struct type with its Go names.
type typeInfo struct {
	t      *ir.Type
	qname  string // t.QualifiedName(), which allocates, for derives
	goName string
	fields []fieldInfo
	odata  bool // emit the extra ODataType field (no "@odata.type" property)
}

// fieldInfo is one struct field.
type fieldInfo struct {
	prop   ir.Property
	goName string
	typ    ir.TypeRef // prop.Type, naming the polymorphic wrapper when its element type has derived types
}

// enumInfo is an enumeration with its Go names.
type enumInfo struct {
	e      *ir.Enum
	goName string
	consts []constInfo
}

// constInfo is one enum member constant.
type constInfo struct {
	m      ir.EnumMember
	goName string
}

// endpointInfo is an endpoint with its routes and Go names.
type endpointInfo struct {
	ep       *ir.Endpoint
	index    int    // position in ds.Endpoints
	key      string // "page#n", n counting the page's endpoints in sorted order
	name     string
	ok       bool
	reason   string
	method   string
	routes   []route
	params   []paramInfo // union of the routes' wildcards, first-seen order
	body     ir.TypeRef  // request body type; unresolved (raw JSON) when the docs give none
	result   *ir.TypeRef // nil for an empty 201
	status   int
	examples []exampleInfo
	// primary is set on an endpoint whose every request line is one an
	// earlier endpoint already serves (Intune documents one create page
	// per derived type, all POSTing to the base collection): it becomes a
	// member of that endpoint, whose body widens to the common base type;
	// it has no Server method of its own, only its golden tests.
	primary *endpointInfo
	members []*endpointInfo // on a primary: the endpoints sharing its routes, page order

	routeErr    string // "pos: why" of the first request line left out
	routeErrPos ir.Pos
}

// owner is the DocSet index of the endpoint whose routes serve e.
func (e *endpointInfo) owner() int {
	if e.primary != nil {
		return e.primary.index
	}
	return e.index
}

// paramInfo is a path parameter: the wildcard and its Go names.
type paramInfo struct {
	wildcard string // e.g. "userID"
	field    string // request struct field, e.g. "UserID"
	arg      string // client argument, e.g. "userID"
	doc      string // placeholder as written
}

// exampleInfo is a documented example that passed the checks.
type exampleInfo struct {
	n        int    // 1-based number among the endpoint's examples
	request  []byte // nil when the example has no usable request body
	response []byte // nil when the example has no usable response body
	target   string // request path the handler test sends to; "" skips it
}

func newGen(ds *ir.DocSet, opts Options) *gen {
	return &gen{ds: ds, opts: opts, byName: map[string]*typeInfo{}, enumNames: map[string]*enumInfo{}, router: newRouter(),
		polys: map[string]*polyInfo{}, monomorphic: map[*typeInfo]bool{}}
}

// index sorts and de-duplicates the DocSet's types and enums. The linker
// already sorts, but sorting again makes the output independent of it.
func (g *gen) index() {
	types := slices.Clone(g.ds.Types)
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
		if _, dup := g.byName[t.QualifiedName()]; dup {
			g.diags.Warnf(firstPos(t.Sources), ir.CodeDuplicateType, "type: %s defined twice; keeping the one with more properties", t.QualifiedName())
			continue
		}
		ti := &typeInfo{t: t, qname: t.QualifiedName()}
		g.byName[t.QualifiedName()] = ti
		g.types = append(g.types, ti)
	}
	enums := slices.Clone(g.ds.Enums)
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
		if _, dup := g.enumNames[q]; dup || g.byName[q] != nil {
			g.diags.Warnf(e.Pos, ir.CodeDuplicateType, "enum: %s defined twice; keeping the first", q)
			continue
		}
		ei := &enumInfo{e: e}
		g.enumNames[q] = ei
		g.enums = append(g.enums, ei)
	}
	for i, ep := range g.ds.Endpoints {
		ei := &endpointInfo{ep: ep, index: i}
		if ep == nil {
			ei.ep = &ir.Endpoint{}
			ei.reason = "nil endpoint in DocSet"
		}
		g.endpoints = append(g.endpoints, ei)
	}
}

// sortedEndpoints returns the endpoints ordered by page, then DocSet
// position, the order in which names and routes are handed out.
func (g *gen) sortedEndpoints() []*endpointInfo {
	eps := slices.Clone(g.endpoints)
	slices.SortStableFunc(eps, func(a, b *endpointInfo) int {
		if c := cmp.Or(cmp.Compare(a.ep.Page, b.ep.Page), cmp.Compare(a.ep.Pos.Line, b.ep.Pos.Line)); c != 0 {
			return c
		}
		return cmp.Compare(contentKey(a.ep), contentKey(b.ep))
	})
	return eps
}

// contentKey orders IR nodes that share a name by their content, so the
// order never depends on the DocSet's slice order.
func contentKey(v any) string {
	data, _ := json.Marshal(v)
	return string(data)
}

func propCount(t *ir.Type) int {
	if t == nil {
		return 0
	}
	return len(t.Properties)
}

func qualifiedOrEmpty(t *ir.Type) string {
	if t == nil {
		return ""
	}
	return t.QualifiedName()
}

func firstPos(ps []ir.Pos) ir.Pos {
	if len(ps) == 0 {
		return ir.Pos{}
	}
	return ps[0]
}
