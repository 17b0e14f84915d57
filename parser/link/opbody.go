package link

import (
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// The request of an operation other than a create: the resource type an
// update or PUT sends, the parameters of an action or a $ref, and raw
// content uploads.

// refParameter is the one row a POST or PUT …/$ref takes:
// {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}.
func refParameter(at ir.Pos) ir.Property {
	return ir.Property{Name: "@odata.id", RawName: "@odata.id", Required: true, Pos: at,
		Type:        ir.TypeRef{Raw: "String", Name: "String", Primitive: true, Pos: at},
		Description: "The URL of the object to reference."}
}

// resourceBody finds the resource type an update or PUT sends, in this
// order: the Request body prose's link; the example request's
// "@odata.type"; the Response prose's link; the resource the file is
// named after; a type synthesized from the body table; a type inferred
// from the example request. The resource types found are not changed:
// an update sends some of their properties. When there is none, at and
// reason name the defect.
func (l *linker) resourceBody(p *ir.Page, req request) (body *ir.TypeRef, at ir.Pos, reason string) {
	op := p.Operation
	bs := op.Body
	if bs != nil && bs.Type != nil {
		ref := *bs.Type
		if ref.Primitive {
			return &ref, ir.Pos{}, ""
		}
		if d := l.resolveRef(p.File, &ref, false); d != nil && d.typ != nil {
			ref.Collection = false
			return &ref, ir.Pos{}, ""
		}
	}
	if name, pos := requestODataType(req); name != "" {
		if d := l.byName(name, l.pageNamespace(p.File)); d != nil && d.typ != nil {
			return &ir.TypeRef{Raw: name, Name: d.name(), Target: d.qualified(), Pos: pos}, ir.Pos{}, ""
		}
	}
	if r := l.proseType(p); r != nil && !r.Primitive && !r.Collection {
		return r, ir.Pos{}, ""
	}
	if r := l.fileType(p); r != nil {
		return r, ir.Pos{}, ""
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
	return nil, noBodyAt(p, req), noBodyReason(p, req)
}

// actionRequest fills an action's request: a $ref's one row, the body
// table's rows as parameters, else the type the Request body prose links
// or the example request's JSON object as the body type, else nothing
// (an action without a body: "Do not supply a request body").
func (l *linker) actionRequest(p *ir.Page, f *opFacts, req request) {
	op := p.Operation
	bs := op.Body
	switch {
	case f.ref:
		f.params = []ir.Property{refParameter(firstValid(f.paths[0].Pos, op.Pos))}
	case bs != nil && len(bs.Properties) > 0:
		f.params = l.parameters(p, bs.Properties)
	case bs != nil && bs.Type != nil || req.obj != nil:
		f.body, f.skipAt, f.skip = l.resourceBody(p, req)
	default:
		if ct := requestContent(f.examples); ct != "" {
			f.content = ct
		}
	}
}

// putRequest fills a PUT's request: a $ref's row, a stream for content
// uploads, else the resource it replaces.
func (l *linker) putRequest(p *ir.Page, f *opFacts, req request) {
	switch ct := requestContent(f.examples); {
	case f.ref:
		f.params = []ir.Property{refParameter(firstValid(f.paths[0].Pos, p.Operation.Pos))}
	case f.media || ct != "":
		f.content = ct
		if f.content == "" {
			f.content = "application/octet-stream"
		}
	default:
		f.body, f.skipAt, f.skip = l.resourceBody(p, req)
	}
}

// parameters copies rows with their type references resolved; rows that
// are no data (a label row, "@odata.type") are left out.
func (l *linker) parameters(p *ir.Page, rows []ir.Property) []ir.Property {
	var out []ir.Property
	for _, row := range rows {
		if row.Name == "" || strings.HasPrefix(row.Name, "@") && row.Name != "@odata.id" || propIndex(out, row.Name) >= 0 {
			continue
		}
		if row.Type.Name == "" && row.Type.Link == "" {
			continue // a label row; the table's other rows still count
		}
		l.resolveRef(p.File, &row.Type, true)
		out = append(out, row)
	}
	return out
}

// requestOf is the example request of the operation's method: the first
// whose body is a JSON object, else the first.
func requestOf(op *ir.Operation, method string) request {
	r := exampleRequest(op, method)
	if r.msg == nil {
		return request{}
	}
	return r
}
