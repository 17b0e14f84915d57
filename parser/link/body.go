package link

import (
	"fmt"
	"strings"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

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

// claimedLength returns the non-zero Content-Length header of an example
// request that shows no body.
func claimedLength(req request) *ir.Header {
	if req.msg == nil || (req.msg.Body != nil && strings.TrimSpace(req.msg.Body.Text) != "") {
		return nil
	}
	for i, h := range req.msg.Headers {
		if strings.EqualFold(strings.TrimSpace(h.Name), "Content-Length") && strings.TrimSpace(h.Value) != "0" {
			return &req.msg.Headers[i]
		}
	}
	return nil
}

// bodiless reports a create page that documents no body at all: no type
// link, no table, and a well-formed example request without a body that
// does not claim one either (beta printdocument-uploaddata.md shows
// "Content-Length: 72797" and no body: a defect, not a bodiless call).
func bodiless(bs *ir.BodySpec, req request) bool {
	if bs != nil && (bs.Type != nil || len(bs.Properties) > 0) {
		return false
	}
	if req.msg == nil || req.err != "" || (req.msg.Body != nil && strings.TrimSpace(req.msg.Body.Text) != "") {
		return false
	}
	return claimedLength(req) == nil
}

// contentType returns the Content-Type header of an example request that
// has a body, and its position.
func contentType(m *ir.HTTPMessage) (string, ir.Pos) {
	if m == nil || m.Body == nil || strings.TrimSpace(m.Body.Text) == "" {
		return "", ir.Pos{}
	}
	for _, h := range m.Headers {
		if strings.EqualFold(strings.TrimSpace(h.Name), "Content-Type") {
			return strings.TrimSpace(h.Value), h.Pos
		}
	}
	return "", ir.Pos{}
}

// nested reports a row that documents a property of a nested object,
// "files/fileName" (beta agreement-post-agreements.md): it belongs to the
// nested type, not to the body type.
func (l *linker) nested(row ir.Property) bool {
	if !strings.Contains(row.Name, "/") {
		return false
	}
	l.diags.Warnf(row.Pos, ir.CodeNestedPropertyRow, "property table: row %s describes a nested property; it is not added", row.Name)
	return true
}

// typeless reports a table row without a type: a label row such as
// "|**Obboarding**|" in beta intune-shared-devicecategory-create.md. It
// cannot become a property; a warning says so.
func (l *linker) typeless(row ir.Property) bool {
	if row.Type.Name != "" || row.Type.Link != "" {
		return false
	}
	l.diags.Warnf(row.Pos, ir.CodePropertyWithoutType, "property table: row %s has no type; it is not a property", row.Name)
	return true
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

// noBodyAt is where the missing body type shows: the failed example body,
// else the unresolved type link, else the Request body section.
func noBodyAt(p *ir.Page, req request) ir.Pos {
	bs := p.Operation.Body
	if h := claimedLength(req); h != nil {
		return h.Pos
	}
	switch {
	case req.msg != nil && req.msg.Body != nil:
		return req.msg.Body.Pos
	case bs != nil && bs.Type != nil:
		return bs.Type.Pos
	case bs != nil:
		return bs.Pos
	case req.msg != nil:
		return req.msg.Pos
	}
	return p.Operation.Pos
}

func noBodyReason(p *ir.Page, req request) string {
	bs := p.Operation.Body
	var link string
	if bs != nil && bs.Type != nil {
		link = fmt.Sprintf("type %s does not resolve", bs.Type.Name)
	} else {
		link = "no type link"
	}
	if h := claimedLength(req); h != nil {
		return fmt.Sprintf("no request body type: %s, no body table, and the example request claims %s: %s but shows no body", link, h.Name, h.Value)
	}
	switch {
	case req.msg == nil:
		return fmt.Sprintf("no request body type: %s, no body table and no example request", link)
	case req.err != "":
		return fmt.Sprintf("no request body type: %s, no body table, and the example request %s", link, req.err)
	default:
		return fmt.Sprintf("no request body type: %s, no body table, and the example request has no body", link)
	}
}

// synthName names a synthesized body type: the unresolved linked name, the
// example's "@odata.type", else "<bound type><Action>Request" for bound
// actions ("driveItem: createLink") or "<file words>Request".
func (l *linker) synthName(p *ir.Page, req request) (ns, name string) {
	pageNS := l.pageNamespace(p.File)
	if bs := p.Operation.Body; bs != nil && bs.Type != nil {
		if qns, short := ir.SplitQualified(bs.Type.Name); isIdent(short) {
			return normNamespace(qns, pageNS), short
		}
	}
	if t, _ := requestODataType(req); t != "" {
		if qns, short := ir.SplitQualified(t); isIdent(short) {
			return normNamespace(qns, pageNS), short
		}
	}
	if bound, action, ok := strings.Cut(p.Title, ":"); ok {
		if n := camelWords(bound) + upperFirst(camelWords(action)); isIdent(n) {
			return pageNS, n + "Request"
		}
	}
	file := p.File[strings.LastIndexByte(p.File, '/')+1:]
	n := camelWords(strings.TrimSuffix(file, ".md"))
	if !isIdent(n) {
		n = "body"
	}
	return pageNS, n + "Request"
}

// synthFromTable builds the body type from the body table rows. A row whose
// type does not resolve but whose example value is an object gets a nested
// inferred type (the seed's qrCodeImage → mimeContent {type, value}).
func (l *linker) synthFromTable(p *ir.Page, req request) *typeDef {
	bs := p.Operation.Body
	ns, name := l.synthName(p, req)
	td := l.inferredType(ns, name, firstValid(bs.TablePos, bs.Pos))
	for _, row := range bs.Properties {
		if !isDataKey(row.Name) || propIndex(td.typ.Properties, row.Name) >= 0 || l.nested(row) || l.typeless(row) {
			continue
		}
		if d := l.resolveRef(p.File, &row.Type, true); d == nil && !row.Type.Primitive && req.obj != nil {
			if v := elemObject(req.obj.Field(row.Name)); v != nil {
				raw, coll := row.Type.Raw, row.Type.Collection
				row.Type = l.objectRef(p.File, req.msg.Body, td.typ, row.Name, v, namePart(row.Type.Name), row.Type.Pos)
				row.Type.Raw, row.Type.Collection = raw, coll
			}
		}
		l.addProperty(td, p.File, row)
	}
	if req.obj != nil {
		l.fillFromJSONWarn(td, p, req, "the body table")
	}
	return td
}

// elemObject returns v when it is an object, or its first object element.
func elemObject(v *jsontree.Node) *jsontree.Node {
	if v == nil {
		return nil
	}
	if v.Kind == jsontree.Object {
		return v
	}
	if v.Kind == jsontree.Array {
		for _, e := range v.Elems {
			if e.Kind == jsontree.Object {
				return e
			}
		}
	}
	return nil
}

func namePart(s string) string {
	_, short := ir.SplitQualified(s)
	return short
}

// fillFromJSONWarn adds the example keys td lacks, warning for each.
func (l *linker) fillFromJSONWarn(td *typeDef, p *ir.Page, req request, against string) {
	l.fillFromJSON(td, p.File, req.msg.Body, req.obj, against)
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
			target.typ.Sources = sortPos(append(target.typ.Sources, firstValid(bs.TablePos, bs.Pos)))
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
	exTarget.typ.Sources = sortPos(append(exTarget.typ.Sources, req.msg.Body.Pos))
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
