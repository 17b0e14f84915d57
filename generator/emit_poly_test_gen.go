package generator

import (
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/docs2go/docs2go/parser/ir"
)

// emitDerivedTypesTest adds Test<Name>DerivedTypes to an endpoint whose
// body is polymorphic: the client sends each derived type, built in Go
// from its smallest valid body and without ODataType, through NewHandler,
// and the fake Server must receive that same Go type. It fails when the
// wrapper's encoding leaves out the derived type's "@odata.type" (the
// handler then decodes the base type and calls the derived properties
// unknown) or when the decoder picks another type.
func (em emitter) emitDerivedTypesTest(f *jen.File, e *endpointInfo) {
	p := em.polyOf(e.body)
	if p == nil || e.primary != nil || len(p.derived) == 0 {
		return
	}
	r, args, ok := em.clientRoute(e, em.syntheticTarget(e))
	if !ok {
		return
	}
	call := clientCall(e, r, args, jen.Op("&").Id(p.wrapper).Values(jen.Id("Value").Op(":").Id("v")), "")
	results := jen.Err()
	if e.answers() {
		results = jen.List(jen.Id("_"), jen.Err())
	}
	name := "Test" + e.name + "DerivedTypes"
	// The bodies are constants: the smallest valid body of a derived type
	// can be long, and a constant is the one place a long line may stand.
	bodies := make([]string, len(p.derived))
	for i, d := range p.derived {
		bodies[i] = "example" + e.name + "Derived" + strconv.Itoa(i+1)
		f.Const().Id(bodies[i]).Op("=").Lit(string(em.emptyValue(ir.TypeRef{Target: d.qname}, 0)))
	}
	f.Line()
	f.Add(commentLines(name + " checks that every type derived from " + commentSafe(p.base.t.QualifiedName()) +
		", sent by the client without ODataType, reaches the Server as that type."))
	f.Func().Id(name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("fake").Op(":=").Add(em.exampleFake(e, exampleInfo{})),
		jen.Id("client").Op(":=").Id("exampleClient").Call(jen.Id("t"), jen.Id("NewHandler").Call(jen.Id("fake"))),
		jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Index().Id(p.kind).ValuesFunc(func(vs *jen.Group) {
			for i, d := range p.derived {
				body := jen.Index().Byte().Call(jen.Id(bodies[i]))
				vs.Line().Id("decodeExample").Types(jen.Id(d.goName)).Call(jen.Id("t"), body)
			}
			vs.Line()
		})).Block(
			jen.Add(results).Op(":=").Add(call),
			jen.Id("checkArrivedAs").Call(jen.Id("t"), jen.Err(), jen.Id("v"), jen.Id("fake").Dot("body")),
		),
	)
	f.Line()
}
