package check

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/internal/indexed"
	"github.com/docs2go/docs2go/parser/ir"
)

// Endpoints checks the example bodies of every endpoint in ds: requests
// against the body type (a create's required properties included, from
// the type and from the Required rows of the page's body table; an
// update's body is partial), an action's against its parameters, and
// responses with one of the endpoint's statuses against the result type
// (a list's and a wrapped result's items inside "value"). pages may be
// nil; it supplies the body tables.
//
// The endpoints are checked on every core, each one's findings kept apart
// and joined in endpoint order, so the result does not depend on the
// scheduling.
func Endpoints(ds *ir.DocSet, pages []*ir.Page) ir.Diagnostics {
	if ds == nil {
		return nil
	}
	c := New(ds)
	c.UsePages(pages)
	c.addParameterTypes(ds.Endpoints)
	tables := bodyTables(pages)
	found := make([]ir.Diagnostics, len(ds.Endpoints))
	indexed.Each(len(ds.Endpoints), func(i int) {
		ep := ds.Endpoints[i]
		if ep == nil {
			return
		}
		for _, ex := range ep.Examples {
			found[i] = append(found[i], c.request(ep, ex.Request, tables[ep.Page])...)
			found[i] = append(found[i], c.response(ep, ex.Response)...)
		}
	})
	diags := slices.Concat(found...)
	diags.Sort()
	return diags
}

// bodyTables maps a page file to the property names its Request body table
// marks required.
func bodyTables(pages []*ir.Page) map[string][]string {
	out := map[string][]string{}
	for _, p := range pages {
		if p == nil || p.Operation == nil || p.Operation.Body == nil {
			continue
		}
		for _, prop := range p.Operation.Body.Properties {
			if prop.Required && !prop.ReadOnly && prop.Name != "" {
				out[p.File] = append(out[p.File], prop.Name)
			}
		}
	}
	return out
}

// checkedRequest reports whether request m of ep is checked: it has a
// JSON body and ep's request is not raw content.
func checkedRequest(ep *ir.Endpoint, m *ir.HTTPMessage) bool {
	return m != nil && m.Body != nil && ep.Content == "" && jsonContent(m)
}

// checksParameters reports whether request m of ep is checked against ep's
// parameter table.
func checksParameters(ep *ir.Endpoint, m *ir.HTTPMessage) bool {
	return checkedRequest(ep, m) && ep.Body == nil && len(ep.Parameters) > 0
}

func (c *Checker) request(ep *ir.Endpoint, m *ir.HTTPMessage, required []string) ir.Diagnostics {
	if !checkedRequest(ep, m) {
		return nil
	}
	if ep.Body == nil {
		if checksParameters(ep, m) {
			return c.parameters(ep, m)
		}
		return nil // a GET or DELETE example with a body: nothing documents one
	}
	kind := kindOf(ep)
	partial := kind == ir.OpUpdate || kind == ir.OpPut
	if kind != ir.OpCreate {
		required = nil
	}
	return c.Body(*ep.Body, m.Body, Options{
		Label: "request body", Request: true, Truncated: truncated(m) || partial, Required: required,
		TopOnly: kind != ir.OpCreate,
	})
}

func (c *Checker) response(ep *ir.Endpoint, m *ir.HTTPMessage) ir.Diagnostics {
	if m == nil || m.Body == nil || ep.Result == nil || ep.ResultContent != "" || !jsonContent(m) {
		return nil
	}
	if !documentedStatus(ep, m.Status) {
		return nil // e.g. an error response shown next to the 201
	}
	return c.Body(*ep.Result, m.Body, Options{Label: "response body", Truncated: truncated(m), Wrapped: wrapped(ep)})
}

// kindOf reads an endpoint's kind; older IR files have none and are creates.
func kindOf(ep *ir.Endpoint) ir.OpKind {
	if ep.Kind == "" {
		return ir.OpCreate
	}
	return ep.Kind
}

// documentedStatus reports whether status is one the endpoint documents.
func documentedStatus(ep *ir.Endpoint, status int) bool {
	return ep.Status == 0 || status == ep.Status || slices.Contains(ep.Statuses, status)
}

// wrapped reports an answer Graph wraps as {"value": ...}: a list's page,
// and an action's or function's collection or primitive result.
func wrapped(ep *ir.Endpoint) bool {
	switch kindOf(ep) {
	case ir.OpList:
		return true
	case ir.OpAction, ir.OpFunction:
		return ep.Result.Collection || ep.Result.Primitive
	}
	return false
}

func truncated(m *ir.HTTPMessage) bool { return m.Annotation != nil && m.Annotation.Truncated }

// jsonContent reports whether a message's body is meant to be JSON: no
// Content-Type header, or one naming JSON. Multipart and HTML bodies
// (OneNote pages, v1.0/api/onenote-post-pages.md) are not checked.
func jsonContent(m *ir.HTTPMessage) bool {
	for _, h := range m.Headers {
		if strings.EqualFold(h.Name, "Content-Type") {
			return strings.Contains(strings.ToLower(h.Value), "json")
		}
	}
	return true
}

// addParameterTypes adds, before the endpoints are checked concurrently,
// the type parameters checks an action's request body against: one per
// page, whose properties are the rows of the first endpoint's parameter
// table that has a checked example request.
func (c *Checker) addParameterTypes(eps []*ir.Endpoint) {
	for _, ep := range eps {
		if ep == nil {
			continue
		}
		for _, ex := range ep.Examples {
			if key := parametersKey(ep); checksParameters(ep, ex.Request) && c.typ(key) == nil {
				c.types[strings.ToLower(key)] = &ir.Type{Name: "the parameter table", Properties: ep.Parameters}
			}
		}
	}
}

func parametersKey(ep *ir.Endpoint) string { return "(parameters) " + ep.Page }

// parameters checks an action's request body against its parameter table,
// as the object of a type whose properties are the rows (addParameterTypes).
func (c *Checker) parameters(ep *ir.Endpoint, m *ir.HTTPMessage) ir.Diagnostics {
	ref := ir.TypeRef{Name: "parameters", Target: parametersKey(ep)}
	return c.Body(ref, m.Body, Options{Label: "request body", Request: true, Truncated: truncated(m), TopOnly: true})
}
