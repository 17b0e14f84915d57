package link

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// buildEndpoints turns every create page into an endpoint, or records why it
// could not become one.
func (l *linker) buildEndpoints() {
	for i, p := range l.pages {
		if f := l.facts[i].create; f != nil {
			l.buildEndpoint(p, f)
		}
	}
}

// createMethod returns "POST" or "PUT" when op documents a create: a POST (or
// PUT upsert, e.g. v1.0 team-put-teams.md) answering 201, whether the
// Response prose or an example status line says so. Never the file name.
func createMethod(op *ir.Operation) string {
	has201 := op.Response != nil && op.Response.Status == 201
	var exMethods []string
	for _, ex := range op.Examples {
		has201 = has201 || (ex.Response != nil && ex.Response.Status == 201)
		if ex.Request != nil {
			exMethods = append(exMethods, strings.ToUpper(ex.Request.Method))
		}
	}
	if !has201 {
		return ""
	}
	var methods []string
	for _, ps := range op.Paths {
		methods = append(methods, strings.ToUpper(ps.Method))
	}
	methods = append(methods, strings.ToUpper(op.Method))
	for _, set := range [][]string{methods, exMethods} {
		for _, m := range []string{"POST", "PUT"} {
			if slices.Contains(set, m) {
				return m
			}
		}
	}
	return ""
}

// request is the example request a create page's body is read from.
type request struct {
	msg  *ir.HTTPMessage
	obj  *jsontree.Node // the body when it is a JSON object
	err  string         // why the body is unusable, "" when obj is set or there is no body
	resp *ir.HTTPMessage
}

func (l *linker) buildEndpoint(p *ir.Page, f *createFacts) {
	op, method := p.Operation, f.method
	pos := firstValid(op.Pos, p.TitlePos, ir.Pos{File: p.File})
	var paths []ir.PathSyntax
	for _, ps := range op.Paths {
		if strings.EqualFold(ps.Method, method) {
			paths = append(paths, ps)
		}
	}
	skip := func(at ir.Pos, reason string) {
		s := ir.Skip{Page: p.File, Method: method, Reason: reason, Pos: firstValid(at, pos)}
		if len(paths) > 0 {
			s.Path = paths[0].Template
		}
		l.skipped = append(l.skipped, s)
		l.diags.Warnf(s.Pos, ir.CodeCreateSkipped, "create page: %s", reason)
	}
	if len(paths) == 0 {
		skip(pos, "http request: no "+method+" request line in the syntax block")
		return
	}
	req := f.req
	body, at, reason := l.bodyType(p, req)
	if body == nil && reason != "" {
		skip(at, reason)
		return
	}
	ep := &ir.Endpoint{
		Page:        p.File,
		Title:       p.Title,
		Method:      method,
		Paths:       paths,
		Body:        body,
		Result:      l.resultType(p, req, body),
		Status:      201,
		Permissions: l.permissions(p, op),
		Headers:     slices.Clone(op.Headers),
		Pos:         pos,
	}
	for _, ex := range op.Examples {
		if ex.Request == nil || strings.EqualFold(ex.Request.Method, method) {
			ep.Examples = append(ep.Examples, ex)
		}
	}
	l.endpoints = append(l.endpoints, ep)
}

// attachExampleJSON parses the example bodies of a create operation once,
// keeping each tree on its block: the linker infers from them, and the
// endpoint checks and the generator's example fit read them again.
func attachExampleJSON(op *ir.Operation) {
	for _, ex := range op.Examples {
		for _, m := range []*ir.HTTPMessage{ex.Request, ex.Response} {
			if m != nil && m.Body != nil && strings.TrimSpace(m.Body.Text) != "" {
				jsontree.Attach(m.Body)
			}
		}
	}
}

// exampleRequest picks the first example request of the create method whose
// body is a JSON object, else the first one of that method, with the
// response of its example.
func exampleRequest(op *ir.Operation, method string) request {
	var first request
	for _, ex := range op.Examples {
		m := ex.Request
		if m == nil || !strings.EqualFold(m.Method, method) {
			continue
		}
		r := request{msg: m, resp: ex.Response}
		if m.Body != nil && strings.TrimSpace(m.Body.Text) != "" {
			v, err := jsontree.Of(m.Body).Lenient()
			switch {
			case err != nil:
				r.err = "body is not JSON (" + err.Error() + ")"
			case v.Kind != jsontree.Object:
				r.err = "body is not a JSON object"
			default:
				r.obj = v
				return r
			}
		}
		if first.msg == nil {
			first = r
		}
	}
	if first.msg == nil {
		// No request of that method: a response alone may still name the
		// result type.
		for _, ex := range op.Examples {
			if ex.Response != nil && ex.Response.Status == 201 {
				return request{resp: ex.Response}
			}
		}
	}
	return first
}

// odataName returns the type an annotation or "@odata.type" value names,
// without "#" and "Collection(...)".
func odataName(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if strings.HasPrefix(s, "Collection(") && strings.HasSuffix(s, ")") {
		s = s[len("Collection(") : len(s)-1]
	}
	return s
}

// requestODataType returns the type the example request names: its JSON
// "@odata.type" (every intune create body has one), else its annotation's.
func requestODataType(req request) (name string, at ir.Pos) {
	if t := req.obj.ODataType(); t != "" {
		return odataName(t), req.msg.Body.Pos
	}
	if req.msg != nil && req.msg.Annotation != nil && req.msg.Annotation.ODataType != "" {
		return odataName(req.msg.Annotation.ODataType), req.msg.Annotation.Pos
	}
	return "", ir.Pos{}
}

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

func firstValid(ps ...ir.Pos) ir.Pos {
	for _, p := range ps {
		if p.IsValid() {
			return p
		}
	}
	if len(ps) > 0 {
		return ps[len(ps)-1]
	}
	return ir.Pos{}
}
