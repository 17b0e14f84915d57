package generator

import (
	"net/http"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// shape is how an endpoint's request and answer travel, decided by its
// kind and what its page documents.
type shape struct {
	noBody  bool   // the request has no body (get, list, delete, function, an action without parameters)
	upload  bool   // the request body is a stream of a documented media type (a Content)
	content bool   // the answer is a stream (a photo, $value, a CSV report): *Content
	target  bool   // the answer is a 302 to a download URL: the Server returns it
	wrap    string // "Page" or "Value": the answer wraps the result as {"value": ...}
	params  bool   // the body is the endpoint's parameters struct (<Name>Parameters)
	query   bool   // the Client method takes *Query (get, list, function)
	// statuses are the success statuses of a PUT that documents several
	// (an upsert: 201 created, 200 replaced): its Server method returns the
	// one it answers. nil otherwise: the endpoint answers its one status.
	statuses []int
}

// queryParam is a documented query parameter (a page's own, or a
// function parameter not bound in the path): a typed request field.
type queryParam struct {
	name     string // as sent, e.g. "startDateTime"
	field    string // Go field, e.g. "StartDateTime"
	typ      string // Go type of the pointer's element: "string", "int64", "float64", "bool", "time.Time"
	required bool
	doc      string
}

// planShape sets e's body, answer and shape from its kind and page: what
// the plan routes, names and tests.
func (e *endpointInfo) planShape() {
	ep := e.ep
	switch {
	case ep.Content != "":
		e.shape.upload = true
	case ep.Body != nil:
		e.body = *ep.Body
	case len(ep.Parameters) > 0 && e.kind != opFunction:
		e.shape.params = true // the body type is named after the endpoint (planParameters)
	case e.kind == opGet || e.kind == opList || e.kind == opDelete || e.kind == opFunction || e.kind == opAction:
		e.shape.noBody = true
	default:
		e.body = ir.TypeRef{Raw: "(no body type)"} // unresolved: raw JSON
	}
	e.shape.query = e.kind == opGet || e.kind == opList || e.kind == opFunction
	switch {
	case ep.Redirect:
		e.shape.target = true
	case ep.ResultContent != "" && e.status != http.StatusNoContent:
		e.shape.content = true // (a 204 carries no content, whatever the page says)
	case ep.Result != nil:
		r := *ep.Result
		e.result = &r
		invoked := e.kind == opAction || e.kind == opFunction
		switch {
		case e.kind == opList || invoked && r.Collection:
			e.shape.wrap = "Page"
		case invoked && r.Primitive:
			e.shape.wrap = "Value"
		}
	}
	if e.method == http.MethodPut && len(ep.Statuses) > 1 && !e.shape.content && !e.shape.target {
		e.shape.statuses = slices.Clone(ep.Statuses)
	}
}

// documents reports whether status is one e answers.
func (e *endpointInfo) documents(status int) bool {
	return status == e.status || slices.Contains(e.shape.statuses, status)
}

// paged reports whether e is a list answering pages: its client gets
// the XAll iterator.
func (e *endpointInfo) paged() bool {
	return e.kind == opList && e.shape.wrap == "Page" && e.result != nil
}

// answers reports whether the Server method returns a value (JSON, a
// stream or a redirect URL) besides its error.
func (e *endpointInfo) answers() bool {
	return e.result != nil || e.shape.content || e.shape.target
}

// planQuery types the page's own query parameters and the parameters of
// a function that its route does not bind, as request fields.
func (e *endpointInfo) planQuery() {
	fields := fieldScope{"Body", "Header", "Query"}
	for _, p := range e.params {
		fields = append(fields, p.field)
	}
	add := func(name string, t ir.TypeRef, required bool, doc string) {
		if name == "" || strings.HasPrefix(name, "$") || slices.ContainsFunc(e.query, func(q queryParam) bool { return strings.EqualFold(q.name, name) }) {
			return // a system option ($id of DELETE .../$ref) is a field of Query
		}
		if slices.ContainsFunc(e.params, func(p paramInfo) bool { return strings.EqualFold(p.wildcard, name) }) {
			return // bound in the path
		}
		field := fields.add(goName(name))
		e.query = append(e.query, queryParam{name: name, field: field, typ: queryGoType(t), required: required, doc: doc})
	}
	for _, q := range e.ep.Query {
		add(q.Name, q.Type, q.Required, q.Description)
	}
	if e.kind == opFunction {
		for _, p := range e.ep.Parameters {
			add(p.Name, p.Type, false, p.Description)
		}
	}
}

// queryGoType is the Go type a query value of t parses into.
func queryGoType(t ir.TypeRef) string {
	if !t.Primitive || t.Collection {
		return "string"
	}
	switch t.Name {
	case "Boolean":
		return "bool"
	case "Byte", "SByte", "Int16", "Int32", "Int64":
		return "int64"
	case "Single", "Double":
		return "float64"
	case "DateTimeOffset":
		return "time.Time"
	}
	return "string"
}

// parametersNamespace holds the synthesized parameter types of actions:
// no page declares them, so no docs type can meet their names.
const parametersNamespace = "docs2go.parameters"

// planParameters gives every action whose page has a parameter table its
// body type, a struct named after the endpoint (SendMailParameters) with
// one field per row, validated like a resource body. It runs after the
// endpoints are named; the names are reserved there.
func (pl *planner) planParameters() {
	added := false
	for _, e := range pl.endpoints {
		if !e.ok || !e.shape.params {
			continue
		}
		t := &ir.Type{Name: e.name + "Parameters", Namespace: parametersNamespace,
			Description: "The parameters of " + e.name + ", the request body's table of " + e.ep.Page + ".",
			Properties:  e.ep.Parameters, Sources: []ir.Pos{e.ep.Pos}}
		ti := &typeInfo{t: t, qname: t.QualifiedName(), goName: e.name + "Parameters"}
		pl.byName[ti.qname] = ti
		pl.types = append(pl.types, ti)
		pl.diags = append(pl.diags, nameFields(ti)...)
		ti.odata = false // no "@odata.type" names a parameters object
		for i := range ti.fields {
			ti.fields[i].typ = pl.polyElem(ti.fields[i].prop.Type)
		}
		e.body = ir.TypeRef{Name: t.Name, Target: ti.qname}
		for _, m := range e.members {
			m.body = e.body
		}
		added = true
	}
	if added {
		slices.SortFunc(pl.types, func(a, b *typeInfo) int { return strings.Compare(a.qname, b.qname) })
	}
}
