package generator

import (
	"encoding/json"

	"github.com/dave/jennifer/jen"

	"github.com/docs2go/docs2go/parser/ir"
)

// primitive describes how an OData primitive is written in Go.
type primitive struct {
	goType func() *jen.Statement
	empty  string // a JSON literal the type accepts, for synthesized bodies
}

var primitives = map[string]primitive{
	"String":         {func() *jen.Statement { return jen.String() }, `""`},
	"Guid":           {func() *jen.Statement { return jen.String() }, `""`},
	"Boolean":        {func() *jen.Statement { return jen.Bool() }, `false`},
	"Byte":           {func() *jen.Statement { return jen.Uint8() }, `0`},
	"SByte":          {func() *jen.Statement { return jen.Int8() }, `0`},
	"Int16":          {func() *jen.Statement { return jen.Int16() }, `0`},
	"Int32":          {func() *jen.Statement { return jen.Int32() }, `0`},
	"Int64":          {func() *jen.Statement { return jen.Int64() }, `0`},
	"Single":         {func() *jen.Statement { return jen.Id("Double") }, `0`},
	"Double":         {func() *jen.Statement { return jen.Id("Double") }, `0`},
	"Decimal":        {func() *jen.Statement { return jen.Qual("encoding/json", "Number") }, `0`},
	"DateTimeOffset": {func() *jen.Statement { return jen.Qual("time", "Time") }, `"2006-01-02T15:04:05Z"`},
	"Date":           {func() *jen.Statement { return jen.Id("Date") }, `"2006-01-02"`},
	"TimeOfDay":      {func() *jen.Statement { return jen.Id("TimeOfDay") }, `"15:04:05"`},
	"Duration":       {func() *jen.Statement { return jen.Id("Duration") }, `"PT0S"`},
	"Binary":         {func() *jen.Statement { return jen.Index().Byte() }, `""`},
	"Stream":         {func() *jen.Statement { return jen.Index().Byte() }, `""`},
	"Json":           {func() *jen.Statement { return jen.Qual("encoding/json", "RawMessage") }, `{}`},
}

// kind is what a TypeRef's element resolves to.
type kind int

const (
	kindRaw kind = iota // unresolved: kept as json.RawMessage
	kindPrimitive
	kindStruct
	kindEnum
)

// resolve classifies ref's element type.
func (plan *Plan) resolve(ref ir.TypeRef) (kind, primitive, *typeInfo, *enumInfo) {
	if ref.Primitive {
		if p, ok := primitives[ref.Name]; ok {
			return kindPrimitive, p, nil, nil
		}
		return kindRaw, primitive{}, nil, nil
	}
	if p := plan.polyOf(ref); p != nil {
		return kindStruct, primitive{}, p.view, nil
	}
	if ti := plan.byName[ref.Target]; ti != nil {
		return kindStruct, primitive{}, ti, nil
	}
	if ei := plan.enumNames[ref.Target]; ei != nil {
		return kindEnum, primitive{}, nil, ei
	}
	return kindRaw, primitive{}, nil, nil
}

// checkRef reports type references the generator degrades to raw JSON:
// an unknown primitive spelling or a Target the DocSet does not hold (a
// linker inconsistency). Plain unresolved names (Target "") are the
// linker's to report.
func (pl *planner) checkRef(ref ir.TypeRef, where string) {
	switch {
	case ref.Primitive && primitives[ref.Name].goType == nil:
		pl.diags.Warnf(ref.Pos, ir.CodeUnknownPrimitive, "%s: primitive %q is not an OData primitive; using json.RawMessage", where, ref.Name)
	case !ref.Primitive && ref.Target != "" && pl.polyOf(ref) == nil && pl.byName[ref.Target] == nil && pl.enumNames[ref.Target] == nil:
		pl.diags.Warnf(ref.Pos, ir.CodeUnresolvedType, "%s: type %s is not in the DocSet; using json.RawMessage", where, ref.Target)
	}
}

// goType returns the Go type of ref, without Opt: T, or []T for a collection.
func (em emitter) goType(ref ir.TypeRef) *jen.Statement {
	elem := em.elemType(ref)
	if ref.Collection {
		return jen.Index().Add(elem)
	}
	return elem
}

// elemType returns the Go type of ref's element.
func (em emitter) elemType(ref ir.TypeRef) *jen.Statement {
	k, p, ti, ei := em.resolve(ref)
	switch k {
	case kindPrimitive:
		return p.goType()
	case kindStruct:
		return jen.Id(ti.goName)
	case kindEnum:
		return jen.Id(ei.goName)
	}
	return jen.Qual("encoding/json", "RawMessage")
}

// emptyBody is a JSON value that decodes into ref's type, for tests that
// need some request body (the 501 test of a page whose examples are all
// unusable): objects carry their required, writable properties, and enums
// their first member, so that the handler's validation lets it through.
func (plan *Plan) emptyBody(ref ir.TypeRef) []byte {
	return plan.emptyValue(ref, 0)
}

func (plan *Plan) emptyValue(ref ir.TypeRef, depth int) []byte {
	if ref.Collection {
		return []byte(`[]`)
	}
	k, p, ti, ei := plan.resolve(ref)
	switch k {
	case kindPrimitive:
		return []byte(p.empty)
	case kindEnum:
		if len(ei.consts) > 0 {
			data, _ := json.Marshal(ei.consts[0].m.Name)
			return data
		}
		return []byte(`""`)
	case kindStruct:
		if depth > 8 { // a required self-reference cannot be satisfied anyway
			return []byte(`{}`)
		}
		var b []byte
		for _, f := range ti.fields {
			if !f.prop.Required || f.prop.ReadOnly {
				continue
			}
			name, _ := json.Marshal(f.prop.Name)
			if b != nil {
				b = append(b, ',')
			}
			b = append(append(append(b, name...), ':'), plan.emptyValue(f.typ, depth+1)...)
		}
		return append(append([]byte(`{`), b...), '}')
	}
	return []byte(`{}`)
}
