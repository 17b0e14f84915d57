package generator

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// emitStruct adds the struct and its two JSON methods, which call the
// shared table-driven runtime (codec.go), so that each type costs a few
// lines to compile.
func (em emitter) emitStruct(f *jen.File, ti *typeInfo) []string {
	t := ti.t
	pos := firstPos(t.Sources)
	what := "type " + t.QualifiedName()
	if t.Inferred {
		what += " (no page defines it; inferred from tables or examples)"
	}
	f.Add(em.docComment(ti.goName+" is the "+what+".", t.Description, "Source: "+sourceRef(pos)+"."))
	f.Type().Id(ti.goName).StructFunc(func(st *jen.Group) {
		for _, fi := range ti.fields {
			if fi.prop.Description != "" {
				st.Add(em.docComment(fi.prop.Description))
			}
			st.Id(fi.goName).Id("Opt").Types(em.goType(fi.typ)).Tag(fieldTags(fi.prop))
		}
		if ti.odata {
			st.Add(commentLines("ODataType is the @odata.type annotation, e.g. \"#" + commentSafe(t.QualifiedName()) + "\"."))
			st.Id("ODataType").Id("Opt").Types(jen.String()).Tag(map[string]string{"json": "@odata.type,omitzero"})
		}
		extra := map[string]string{"json": "-"}
		if em.isOpen(ti) {
			st.Comment("AdditionalData keeps the properties the docs do not list, so they round-trip; the type is open, so the handler accepts them.")
			extra["docs2go"] = "open"
		} else {
			st.Comment("AdditionalData keeps the properties the docs do not list, so they round-trip.")
		}
		st.Id("AdditionalData").Map(jen.String()).Qual("encoding/json", "RawMessage").Tag(extra)
	})
	f.Line()
	f.Comment("MarshalJSON encodes m, AdditionalData included.")
	f.Func().Params(jen.Id("m").Id(ti.goName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("encodeJSON").Call(jen.Op("&").Id("m"))),
	)
	f.Line()
	f.Comment("UnmarshalJSON decodes data into m, keeping unknown properties in AdditionalData.")
	f.Func().Params(jen.Id("m").Op("*").Id(ti.goName)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("unmarshalJSON").Call(jen.Id("data"), jen.Id("m"))),
	)
	var sources []string
	for _, p := range t.Sources {
		sources = append(sources, p.File)
	}
	return sources
}

// isOpen reports whether ti or a type it derives from is an open type
// (OData: a type derived from an open type is open).
func (plan *Plan) isOpen(ti *typeInfo) bool {
	for cur, n := ti, 0; cur != nil && n < 64; cur, n = plan.byName[cur.t.Base], n+1 {
		if cur.t.OpenType {
			return true
		}
	}
	return false
}

// emitEnum adds a string type, one constant per member, the member list
// and Valid. Decoding accepts any string, as Graph enums gain
// members (unknownFutureValue, Prefer: include-unknown-enum-members).
func (em emitter) emitEnum(f *jen.File, ei *enumInfo) []string {
	e := ei.e
	kind := "enumeration"
	if e.Flags {
		kind = "flags enumeration; values combine as \"a,b\""
	}
	f.Add(em.docComment(ei.goName+" is the "+e.QualifiedName()+" "+kind+".", e.Description, "Source: "+sourceRef(e.Pos)+"."))
	f.Type().Id(ei.goName).String()
	if len(ei.consts) > 0 {
		f.Line()
		f.Comment("Members of " + ei.goName + ".")
		f.Const().DefsFunc(func(d *jen.Group) {
			for _, c := range ei.consts {
				if c.m.Description != "" {
					d.Add(em.docComment(c.m.Description))
				}
				d.Id(c.goName).Id(ei.goName).Op("=").Lit(c.m.Name)
			}
		})
	}
	f.Line()
	f.Add(commentLines(ei.goName + "Values returns the documented members, in document order."))
	f.Func().Id(ei.goName + "Values").Params().Index().Id(ei.goName).Block(
		jen.Return(jen.Index().Id(ei.goName).CustomFunc(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, func(v *jen.Group) {
			for _, c := range ei.consts {
				v.Id(c.goName)
			}
		})),
	)
	f.Line()
	valid := "Valid reports whether e is a documented member"
	if e.Flags {
		valid += ", or a comma-separated list of them"
	}
	f.Comment(valid + ".")
	f.Func().Params(jen.Id("e").Id(ei.goName)).Id("Valid").Params().Bool().Block(
		jen.Return(jen.Id("validEnum").Call(jen.Id("e"), jen.Id(ei.goName+"Values").Call(), jen.Lit(e.Flags))),
	)
	return []string{e.Pos.File}
}

// typeLabel names a TypeRef for comments, e.g. "microsoft.graph.user collection".
func typeLabel(name, target string, collection bool) string {
	s := target
	if s == "" {
		s = name
	}
	if collection {
		s += " collection"
	}
	return strings.TrimSpace(s)
}
