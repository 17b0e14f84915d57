package link

import (
	"strings"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// Part of pass 4 (body.go): the type a create page's 201 answer carries.

// resultType finds the 201 body type: the Response section's link, else the
// example response's annotation or JSON "@odata.type", else the body type;
// nil when nothing is named and the example 201 has no body (22 hand pages
// answer with a Location header only).
func (l *linker) resultType(p *ir.Page, req request, body *ir.TypeRef) *ir.TypeRef {
	op := p.Operation
	if op.Response != nil && op.Response.Type != nil {
		r := *op.Response.Type
		if r.Primitive || l.resolveRef(p.File, &r, body == nil || !sameRef(r, *body)) != nil {
			return &r
		}
	}
	resp := resultResponse(op, req)
	ns := l.pageNamespace(p.File)
	if resp != nil {
		if a := resp.Annotation; a != nil && a.ODataType != "" {
			if d := l.byName(odataName(a.ODataType), ns); d != nil {
				return &ir.TypeRef{Raw: a.ODataType, Name: d.name(), Target: d.qualified(), Pos: a.Pos,
					Collection: a.IsCollection || strings.HasPrefix(a.ODataType, "Collection(")}
			}
		}
		if resp.Body == nil || strings.TrimSpace(resp.Body.Text) == "" {
			if op.Response == nil || op.Response.Type == nil {
				return nil
			}
		} else if v, err := jsontree.Of(resp.Body).Lenient(); err == nil {
			if d := l.byName(odataName(v.ODataType()), ns); d != nil {
				return &ir.TypeRef{Raw: v.ODataType(), Name: d.name(), Target: d.qualified(), Pos: resp.Body.Pos}
			}
		}
	}
	if body == nil { // a bodiless create: an untyped answer is raw JSON
		if resp != nil && resp.Body != nil && strings.TrimSpace(resp.Body.Text) != "" {
			return &ir.TypeRef{Raw: "(untyped example response)", Pos: resp.Body.Pos}
		}
		return nil
	}
	r := *body
	return &r
}

// resultResponse is the 201 response a create's result type is read from:
// the one of the example request, else the first one.
func resultResponse(op *ir.Operation, req request) *ir.HTTPMessage {
	if req.resp != nil && req.resp.Status == 201 {
		return req.resp
	}
	for _, ex := range op.Examples {
		if ex.Response != nil && ex.Response.Status == 201 {
			return ex.Response
		}
	}
	return nil
}
