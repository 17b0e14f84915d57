package link

import (
	"strings"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// Synthesized body types: a create page whose body type does not resolve
// gets a type built from its body table and example request.

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

// fillFromJSONWarn adds the example keys td lacks, warning for each.
func (l *linker) fillFromJSONWarn(td *typeDef, p *ir.Page, req request, against string) {
	l.fillFromJSON(td, p.File, req.msg.Body, req.obj, against)
}
