package generator

import (
	"cmp"
	"encoding/json"
	"net/http"
	"slices"

	"github.com/docs2go/docs2go/parser/ir"
)

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

// opKind is what an operation does (ir.OpKind): it decides the verb of
// the endpoint's name, the success status a page may leave out and the
// shape of its request and answer (plan_kinds.go).
type opKind ir.OpKind

const (
	opCreate   = opKind(ir.OpCreate)
	opGet      = opKind(ir.OpGet)
	opList     = opKind(ir.OpList)
	opUpdate   = opKind(ir.OpUpdate)
	opDelete   = opKind(ir.OpDelete)
	opAction   = opKind(ir.OpAction)
	opFunction = opKind(ir.OpFunction)
	opPut      = opKind(ir.OpPut)
)

// defaultStatus is the success status of a kind whose page names none.
func (k opKind) defaultStatus() int {
	switch k {
	case opCreate:
		return http.StatusCreated
	case opUpdate, opDelete:
		return http.StatusNoContent
	}
	return http.StatusOK
}

// endpointInfo is an endpoint with its routes and Go names.
type endpointInfo struct {
	ep       *ir.Endpoint
	kind     opKind
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
	shape    shape         // how the request and the answer travel (plan_kinds.go)
	query    []queryParam  // the page's own query parameters, typed request fields
	examples []exampleInfo // the usable ones
	// unimplemented is the request of the 501 test; its target is ""
	// when no request line reaches the endpoint (no test).
	unimplemented testRequest
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
	doc      string // placeholder as written
}

// testRequest is a request a generated test sends.
type testRequest struct {
	target  string // request path
	example int    // 1-based example whose request body it sends; 0 sends the type's empty body
}

// exampleInfo is a documented example that passed the checks.
type exampleInfo struct {
	n        int    // 1-based number among the endpoint's examples
	request  []byte // nil when the example has no usable request body
	response []byte // nil when the example has no usable response body
	target   string // request path the handler test sends to; "" skips it
	status   int    // the example answer's status; 0 when it shows none
}

// sortedEndpoints returns the endpoints ordered by page, then DocSet
// position, the order in which names and routes are handed out: a copy
// the caller may reorder, of an order sorted once.
func (pl *planner) sortedEndpoints() []*endpointInfo {
	if pl.sorted == nil {
		pl.sorted = slices.Clone(pl.endpoints)
		slices.SortStableFunc(pl.sorted, func(a, b *endpointInfo) int {
			if c := cmp.Or(cmp.Compare(a.ep.Page, b.ep.Page), cmp.Compare(a.ep.Pos.Line, b.ep.Pos.Line)); c != 0 {
				return c
			}
			return cmp.Compare(contentKey(a.ep), contentKey(b.ep))
		})
	}
	return slices.Clone(pl.sorted)
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
