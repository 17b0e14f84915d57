package link

import (
	"strings"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// Pass 4: bodies and answers. Each create page with a request line gets its
// request body type and its 201 answer type, in sorted page order. The body
// type may gain the table rows and example keys its resource lacks, and
// types synthesized or inferred from the page (synth.go, infer.go).

// resolveBodies records the body and result types of every create page.
func (l *linker) resolveBodies() {
	for i, p := range l.pages {
		f := l.facts[i].create
		if f == nil || len(f.paths) == 0 {
			continue // buildEndpoints reports it
		}
		ok := l.onPage("body", p, func() {
			f.body, f.noBodyAt, f.noBody = l.bodyType(p, f.req)
			if f.body != nil || f.noBody == "" {
				f.result = l.resultType(p, f.req, f.body)
			}
		})
		if !ok {
			l.facts[i].create = nil // reported: half-found types make no endpoint
		}
	}
}

// bodyType finds the request body type of a create page, in this order:
//  1. the type the Request body prose links, when it resolves;
//  2. the type the example request's "@odata.type" names, when it resolves
//     (a real resource beats a synthesized one; 571/571 intune bodies have it);
//  3. the type the Response section links, when at least half of the body
//     table rows or example keys are its properties (a create posts what it
//     returns; v1.0 schedule-post-shifts.md has no Request body section);
//  4. a type synthesized from the body table;
//  5. a type inferred from the example request's JSON;
//  6. Stream, when the example request's Content-Type is not JSON.
//
// In 1 and 2 the table rows and example keys the resource lacks are added to
// it with a "property-not-in-resource" warning: they are documented facts
// about the type. When there is no body type, at and reason name the defect.
func (l *linker) bodyType(p *ir.Page, req request) (body *ir.TypeRef, at ir.Pos, reason string) {
	bs := p.Operation.Body
	if bs != nil && bs.Type != nil {
		ref := *bs.Type
		if ref.Primitive {
			return &ref, ir.Pos{}, "" // e.g. a Stream upload answering 201
		}
		if d := l.resolveRef(p.File, &ref, true); d != nil && d.typ != nil {
			l.addExtras(p, d.typ, req)
			return &ref, ir.Pos{}, ""
		}
	}
	if name, pos := requestODataType(req); name != "" {
		if d := l.byName(name, l.pageNamespace(p.File)); d != nil && d.typ != nil {
			l.addExtras(p, d.typ, req)
			return &ir.TypeRef{Raw: name, Name: d.name(), Target: d.qualified(), Pos: pos}, ir.Pos{}, ""
		}
	}
	if d := l.responseTypeFitting(p, req); d != nil {
		l.addExtras(p, d.typ, req)
		r := *p.Operation.Response.Type
		r.Name, r.Target = d.name(), d.qualified()
		return &r, ir.Pos{}, ""
	}
	if bs != nil && len(bs.Properties) > 0 {
		td := l.synthFromTable(p, req)
		return &ir.TypeRef{Name: td.typ.Name, Target: td.qname, Pos: firstValid(bs.TablePos, bs.Pos)}, ir.Pos{}, ""
	}
	if req.obj != nil {
		ns, name := l.synthName(p, req)
		td := l.inferredType(ns, name, req.msg.Body.Pos)
		l.fillFromJSON(td, p.File, req.msg.Body, req.obj, "")
		return &ir.TypeRef{Name: td.typ.Name, Target: td.qname, Pos: req.msg.Body.Pos}, ir.Pos{}, ""
	}
	if ct, at := contentType(req.msg); ct != "" && !strings.Contains(strings.ToLower(ct), "json") {
		// Uploads and multipart/HTML bodies (driveitem-put-content.md,
		// onenote-post-pages.md) send raw bytes: the body is a Stream.
		return &ir.TypeRef{Raw: ct, Name: "Stream", Primitive: true, Pos: at}, ir.Pos{}, ""
	}
	if bodiless(bs, req) {
		// "Do not supply a request body for this method." (v1.0
		// message-createreply.md): the example request shows no body,
		// and nothing documents one. The endpoint takes none (nil Body).
		l.diags.Warnf(req.msg.Pos, ir.CodeNoRequestBody, "request body: nothing documents one and the example request has none; the endpoint takes no body")
		return nil, ir.Pos{}, ""
	}
	return nil, noBodyAt(p, req), noBodyReason(p, req)
}

// responseTypeFitting returns the struct type the Response section links
// when the body's table rows (else example keys) are mostly its properties.
func (l *linker) responseTypeFitting(p *ir.Page, req request) *def {
	op := p.Operation
	if op.Response == nil || op.Response.Type == nil || op.Response.Type.Primitive {
		return nil
	}
	r := *op.Response.Type
	d := l.lookup(p.File, &r)
	if d == nil || d.typ == nil {
		return nil
	}
	var names []string
	if op.Body != nil && len(op.Body.Properties) > 0 {
		for _, row := range op.Body.Properties {
			names = append(names, row.Name)
		}
	} else if req.obj != nil {
		for _, m := range req.obj.Members {
			if isDataKey(m.Key) && !strings.HasSuffix(m.Key, "@odata.bind") {
				names = append(names, m.Key)
			}
		}
	} else {
		return nil
	}
	n := 0
	for _, name := range names {
		if l.hasProperty(d.typ, name) {
			n++
		}
	}
	if 2*n < len(names) {
		return nil
	}
	return d
}

// addExtras adds to the resolved body type the body table rows and example
// keys it lacks (counting inherited properties). Example keys go to the type
// the example's "@odata.type" names when that type derives from the body
// type (namedLocation bodies carry ipNamedLocation examples).
func (l *linker) addExtras(p *ir.Page, target *typeDef, req request) {
	if bs := p.Operation.Body; bs != nil {
		for _, row := range bs.Properties {
			if !isDataKey(row.Name) || l.hasProperty(target, row.Name) || l.nested(row) || l.typeless(row) {
				continue
			}
			l.diags.Warnf(row.Pos, ir.CodePropertyNotInResource, "property table: %s is not a property of %s; added to it",
				row.Name, target.qname)
			l.addProperty(target, p.File, row)
			target.addSource(firstValid(bs.TablePos, bs.Pos))
		}
	}
	if req.obj == nil {
		return
	}
	exTarget := target
	if t := req.obj.ODataType(); t != "" {
		if d := l.byName(odataName(t), l.pageNamespace(p.File)); d != nil && d.typ != nil && l.inherits(d.typ, target) {
			exTarget = d.typ
		}
	}
	var missing []jsontree.Member
	for _, m := range req.obj.Members {
		if isDataKey(m.Key) && !l.hasProperty(exTarget, m.Key) {
			missing = append(missing, m)
		}
	}
	if len(missing) == 0 {
		return
	}
	exTarget.addSource(req.msg.Body.Pos)
	l.fillFromJSON(exTarget, p.File, req.msg.Body, &jsontree.Node{Kind: jsontree.Object, Members: missing},
		exTarget.qname)
}

// hasProperty reports whether td or one of its bases has a property name.
func (l *linker) hasProperty(td *typeDef, name string) bool {
	seen := map[string]bool{}
	for cur := td; cur != nil && !seen[cur.key]; {
		seen[cur.key] = true
		if propIndex(cur.typ.Properties, name) >= 0 {
			return true
		}
		if cur.baseKey == "" {
			return false
		}
		cur = l.defs[cur.baseKey].typ
	}
	return false
}

// inherits reports whether td is base or derives from it.
func (l *linker) inherits(td, base *typeDef) bool {
	seen := map[string]bool{}
	for cur := td; cur != nil && !seen[cur.key]; {
		if cur == base {
			return true
		}
		seen[cur.key] = true
		if cur.baseKey == "" {
			return false
		}
		cur = l.defs[cur.baseKey].typ
	}
	return false
}
