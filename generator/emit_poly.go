package generator

import (
	"github.com/dave/jennifer/jen"
)

// emitPoly adds the wrapper of a polymorphic base type, its marker
// interface and the marker methods of the base and derived types.
func (em emitter) emitPoly(f *jen.File, p *polyInfo) []string {
	pos := firstPos(p.base.t.Sources)
	q := commentSafe(p.base.t.QualifiedName())
	f.Add(commentLines(p.kind + " is implemented by " + p.base.goName + " and every type derived from " + q + "."))
	f.Type().Id(p.kind).Interface(jen.Id(p.marker).Params())
	f.Line()
	f.Add(commentLines(p.wrapper+" holds a "+q+" or a type derived from it: decoding picks the type that \"@odata.type\" names "+
		"(the base type when it names none or an unknown one), and encoding writes Value as it is.", "Source: "+sourceRef(pos)+"."))
	f.Type().Id(p.wrapper).Struct(
		jen.Comment("Value is *"+p.base.goName+" or a pointer to a derived type; nil encodes as null."),
		jen.Id("Value").Id(p.kind),
	)
	f.Line()
	f.Comment("MarshalJSON encodes m.Value; a derived type that sets no \"@odata.type\" gets its own, so that the receiver decodes it as that type.")
	f.Func().Params(jen.Id("m").Id(p.wrapper)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("encodeJSON").Call(jen.Op("&").Id("m"))),
	)
	f.Line()
	f.Comment("UnmarshalJSON decodes data into the type its \"@odata.type\" names.")
	f.Func().Params(jen.Id("m").Op("*").Id(p.wrapper)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Id("unmarshalJSON").Call(jen.Id("data"), jen.Id("m"))),
	)
	f.Line()
	f.Comment("polyTypes lists the types \"@odata.type\" may name, for the runtime's decoder and encoder.")
	f.Func().Params(jen.Id(p.wrapper)).Id("polyTypes").Params().Params(jen.Any(), jen.Index().Id("derivedType")).Block(
		jen.Return(
			jen.Parens(jen.Op("*").Id(p.base.goName)).Call(jen.Nil()),
			jen.Index().Id("derivedType").CustomFunc(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, func(g *jen.Group) {
				for _, d := range p.derived {
					g.Values(jen.Lit("#"+d.t.QualifiedName()), jen.Parens(jen.Op("*").Id(d.goName)).Call(jen.Nil()))
				}
			}),
		),
	)
	f.Line()
	f.Comment("polyValue returns m.Value, for the handler's validation.")
	f.Func().Params(jen.Id("m").Id(p.wrapper)).Id("polyValue").Params().Any().Block(jen.Return(jen.Id("m").Dot("Value")))
	for _, t := range append([]*typeInfo{p.base}, p.derived...) {
		f.Line()
		f.Add(commentLines(p.marker + " makes " + t.goName + " a " + p.kind + "."))
		f.Func().Params(jen.Id(t.goName)).Id(p.marker).Params().Block()
	}
	sources := []string{pos.File}
	for _, d := range p.derived {
		sources = append(sources, firstPos(d.t.Sources).File)
	}
	return sources
}
