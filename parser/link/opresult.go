package link

import (
	"strings"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// The JSON answer type of an operation other than a create.

// untypedAnswer stands for an answer the docs show but type nowhere: the
// generator keeps it as raw JSON.
const untypedAnswer = "(untyped example response)"

// opResult finds the answer type of a get, list, action or function: the
// Response prose's link, else the example answer's annotation
// "@odata.type", else its JSON "@odata.type" (a list's first element's),
// else for a get the resource the file is named after; an answer shown
// but typed nowhere is raw JSON, and no answer at all is nil. A list's
// result is its element type with Collection set.
func (l *linker) opResult(p *ir.Page, f *opFacts, examples []ir.Example) *ir.TypeRef {
	op := p.Operation
	resp := firstAnswer(examples, f.status)
	coll := f.kind == ir.OpList || (f.kind == ir.OpAction || f.kind == ir.OpFunction) && answersCollectionOf(op, resp)
	with := func(r *ir.TypeRef) *ir.TypeRef {
		r.Collection = r.Collection || coll
		return r
	}
	if r := l.proseType(p); r != nil {
		return with(r)
	}
	if r := l.answerType(p, resp, f.kind == ir.OpList); r != nil {
		return with(r)
	}
	if f.kind == ir.OpGet {
		if r := l.fileType(p); r != nil {
			return r
		}
	}
	if resp != nil && resp.Body != nil && strings.TrimSpace(resp.Body.Text) != "" {
		return with(&ir.TypeRef{Raw: untypedAnswer, Pos: resp.Body.Pos})
	}
	return nil
}

// answersCollectionOf reports an action or function whose answer is a
// collection: the prose's link says "collection of", or the answer shown
// is one.
func answersCollectionOf(op *ir.Operation, resp *ir.HTTPMessage) bool {
	if op.Response != nil && op.Response.Type != nil && op.Response.Type.Collection {
		return true
	}
	return isCollectionAnswer(resp)
}

// proseType is the type the Response prose links, when it resolves (or is
// a primitive).
func (l *linker) proseType(p *ir.Page) *ir.TypeRef {
	op := p.Operation
	if op.Response == nil || op.Response.Type == nil {
		return nil
	}
	r := *op.Response.Type
	if r.Primitive || l.resolveRef(p.File, &r, false) != nil {
		return &r
	}
	return nil
}

// answerType is the type an example answer names: its annotation's
// "@odata.type", else its JSON "@odata.type" (for a list, the first
// element's).
func (l *linker) answerType(p *ir.Page, resp *ir.HTTPMessage, list bool) *ir.TypeRef {
	if resp == nil {
		return nil
	}
	ns := l.pageNamespace(p.File)
	if a := resp.Annotation; a != nil && a.ODataType != "" {
		coll := a.IsCollection || strings.HasPrefix(a.ODataType, "Collection(")
		if d := l.byName(odataName(a.ODataType), ns); d != nil {
			return &ir.TypeRef{Raw: a.ODataType, Name: d.name(), Target: d.qualified(), Pos: a.Pos, Collection: coll}
		}
		if prim := edmPrimitive(odataName(a.ODataType)); prim != "" {
			return &ir.TypeRef{Raw: a.ODataType, Name: prim, Primitive: true, Pos: a.Pos, Collection: coll}
		}
	}
	var v *jsontree.Node
	if list {
		if arr := valueArray(resp); arr != nil && len(arr.Elems) > 0 {
			v = arr.Elems[0]
		}
	} else if resp.Body != nil && strings.TrimSpace(resp.Body.Text) != "" {
		v, _ = jsontree.Of(resp.Body).Lenient()
	}
	if v == nil || v.Kind != jsontree.Object {
		return nil
	}
	if d := l.byName(odataName(v.ODataType()), ns); d != nil {
		return &ir.TypeRef{Raw: v.ODataType(), Name: d.name(), Target: d.qualified(), Pos: resp.Body.Pos}
	}
	return nil
}

// edmPrimitive returns the canonical primitive an OData name denotes,
// "Edm.String" → "String"; "" for any other name.
func edmPrimitive(name string) string {
	short, ok := strings.CutPrefix(name, "Edm.")
	if !ok {
		return ""
	}
	for _, p := range ir.Primitives {
		if strings.EqualFold(p, short) {
			return p
		}
	}
	return ""
}

// fileType is the struct type a page's file is named after: "user" for
// user-get.md and user-update.md, "managedDevice" for
// intune-devices-manageddevice-get.md (the word before the verb).
func (l *linker) fileType(p *ir.Page) *ir.TypeRef {
	file := p.File[strings.LastIndexByte(p.File, '/')+1:]
	words := strings.Split(strings.TrimSuffix(file, ".md"), "-")
	if len(words) < 2 {
		return nil
	}
	ns := l.pageNamespace(p.File)
	for _, w := range []string{words[len(words)-2], words[0]} {
		if d := l.byName(w, ns); d != nil && d.typ != nil {
			return &ir.TypeRef{Raw: w, Name: d.name(), Target: d.qualified(), Pos: p.TitlePos}
		}
	}
	return nil
}

// firstAnswer is the first example answer with status, else the first
// success answer.
func firstAnswer(examples []ir.Example, status int) *ir.HTTPMessage {
	var first *ir.HTTPMessage
	for _, ex := range examples {
		m := ex.Response
		if m == nil {
			continue
		}
		if m.Status == status {
			return m
		}
		if first == nil && m.Status >= 200 && m.Status < 300 {
			first = m
		}
	}
	return first
}
