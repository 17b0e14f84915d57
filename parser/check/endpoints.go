package check

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// Endpoints checks the example bodies of every endpoint in ds: requests
// against the body type (a create's required properties included, from
// the type and from the Required rows of the page's body table; an
// update's body is partial), an action's against its parameters, and
// responses with one of the endpoint's statuses against the result type
// (a list's and a wrapped result's items inside "value"). pages may be
// nil; it supplies the body tables.
func Endpoints(ds *ir.DocSet, pages []*ir.Page) ir.Diagnostics {
	if ds == nil {
		return nil
	}
	c := New(ds)
	c.UsePages(pages)
	tables := bodyTables(pages)
	var diags ir.Diagnostics
	for _, ep := range ds.Endpoints {
		if ep == nil {
			continue
		}
		for _, ex := range ep.Examples {
			diags = append(diags, c.request(ep, ex.Request, tables[ep.Page])...)
			diags = append(diags, c.response(ep, ex.Response)...)
		}
	}
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

func (c *Checker) request(ep *ir.Endpoint, m *ir.HTTPMessage, required []string) ir.Diagnostics {
	if m == nil || m.Body == nil || ep.Content != "" || !jsonContent(m) {
		return nil
	}
	if ep.Body == nil {
		if len(ep.Parameters) > 0 {
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

// parameters checks an action's request body against its parameter table,
// as the object of a type whose properties are the rows.
func (c *Checker) parameters(ep *ir.Endpoint, m *ir.HTTPMessage) ir.Diagnostics {
	key := "(parameters) " + ep.Page
	if c.typ(key) == nil {
		c.types[strings.ToLower(key)] = &ir.Type{Name: "the parameter table", Properties: ep.Parameters}
	}
	ref := ir.TypeRef{Name: "parameters", Target: key}
	return c.Body(ref, m.Body, Options{Label: "request body", Request: true, Truncated: truncated(m), TopOnly: true})
}
