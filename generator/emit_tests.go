package generator

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/docs2go/docs2go/parser/ir"

	"github.com/dave/jennifer/jen"
)

// emitEndpointTest adds the endpoint's golden tests: per example its
// bodies as constants, a request and a response round trip, a handler test
// through a fake Server and a client test; then a 501 test against
// UnimplementedServer.
func (g *gen) emitEndpointTest(f *jen.File, e *endpointInfo) []string {
	for _, ex := range e.examples {
		g.emitExampleBodies(f, e, ex)
		g.emitExampleTest(f, e, ex)
		f.Line()
	}
	g.emitUnimplementedTest(f, e)
	return []string{e.ep.Page}
}

// exampleConst names the constant holding a body of example n, part
// "Request" or "Response": "exampleCreateUserRequest1". The name is
// unambiguous: only the digits follow the last part word.
func (e *endpointInfo) exampleConst(n int, part string) string {
	return "example" + e.name + part + strconv.Itoa(n)
}

// emitExampleBodies adds the example's bodies, verbatim, as constants.
func (g *gen) emitExampleBodies(f *jen.File, e *endpointInfo, ex exampleInfo) {
	pos := sourceRef(examplePos(e, e.ep.Examples[ex.n-1]))
	for _, b := range []struct {
		part string
		body []byte
	}{{"Request", ex.request}, {"Response", ex.response}} {
		if b.body == nil {
			continue
		}
		name := e.exampleConst(ex.n, b.part)
		f.Comment(name + " is the " + strings.ToLower(b.part) + " body of the example at " + pos + ".")
		f.Const().Id(name).Op("=").Add(stringLit(string(b.body)))
		f.Line()
	}
}

// stringLit is s as a raw string literal, which keeps a JSON body
// readable in the test file, or quoted where a raw string cannot hold it
// (a back quote, a carriage return, which raw strings drop, or bytes the
// Go scanner rejects).
func stringLit(s string) jen.Code {
	if !utf8.ValidString(s) || strings.ContainsAny(s, "`\r\x00\ufeff") {
		return jen.Lit(s)
	}
	return jen.Op("`" + s + "`")
}

// emitExampleServer writes server_test.go: one fake Server for all
// endpoints, answering with res and recording the request. A fake per
// endpoint embedding UnimplementedServer would make the compiler build
// endpoints² promoted wrapper methods (measured: 24 GB for 600 endpoints).
func (g *gen) emitExampleServer(eps []*endpointInfo) error {
	f := g.newFile(sharedHeader)
	f.Comment("exampleServer answers every operation with res, a documented response, and records the request.")
	f.Type().Id("exampleServer").Struct(jen.Id("req").Any(), jen.Id("res").Any())
	for _, e := range eps {
		f.Line()
		f.Comment(e.name + " records req and answers with f.res.")
		body := []jen.Code{jen.Id("f").Dot("req").Op("=").Id("req")}
		if rt := g.resultType(e); rt != nil {
			body = append(body, jen.List(jen.Id("res"), jen.Id("_")).Op(":=").Id("f").Dot("res").Assert(jen.Op("*").Add(rt)),
				jen.Return(jen.Id("res"), jen.Nil()))
		} else {
			body = append(body, jen.Return(jen.Nil()))
		}
		f.Func().Params(jen.Id("f").Op("*").Id("exampleServer")).Id(e.name).
			Params(jen.Id("_").Qual("context", "Context"), jen.Id("req").Op("*").Id(e.name+"Request")).Params(g.serverResults(e)...).
			Block(body...)
	}
	return g.render("server_test.go", f, ir.Pos{})
}

// emitExampleTest writes Test<Name>Example<N>.
func (g *gen) emitExampleTest(f *jen.File, e *endpointInfo, ex exampleInfo) {
	ep := e.ep.Examples[ex.n-1]
	pos := examplePos(e, ep)
	name := "Test" + e.name + "Example" + strconv.Itoa(ex.n)
	f.Comment(name + " checks the example at " + sourceRef(pos) + ".")
	f.Func().Id(name).Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(b *jen.Group) {
		if ex.request != nil {
			b.Id("req").Op(":=").Index().Byte().Call(jen.Id(e.exampleConst(ex.n, "Request")))
			b.Id("t").Dot("Run").Call(jen.Lit("request"), roundTrip(g.bodyType(e), "req"))
		} else if ex.target != "" {
			b.Id("req").Op(":=").Index().Byte().Call(jen.Lit(string(g.emptyBody(e.body))))
		}
		if ex.response != nil {
			b.Id("resp").Op(":=").Index().Byte().Call(jen.Id(e.exampleConst(ex.n, "Response")))
			b.Id("t").Dot("Run").Call(jen.Lit("response"), roundTrip(g.resultType(e), "resp"))
		}
		if ex.target == "" {
			return
		}
		b.Id("t").Dot("Run").Call(jen.Lit("handler"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(h *jen.Group) {
			fake := jen.Op("&").Id("exampleServer").Values()
			want := jen.Nil()
			if ex.response != nil {
				fake = jen.Op("&").Id("exampleServer").Values(jen.Dict{
					jen.Id("res"): jen.Id("decodeExample").Types(g.resultType(e)).Call(jen.Id("t"), jen.Id("resp")),
				})
				want = jen.Id("resp")
			}
			h.Id("fake").Op(":=").Add(fake)
			h.Id("rec").Op(":=").Id("serveExample").Call(jen.Id("t"), jen.Id("NewHandler").Call(jen.Id("fake")),
				jen.Lit(e.method), jen.Lit(ex.target), jen.Id("req"))
			h.Id("checkAnswer").Call(jen.Id("t"), jen.Id("rec"), jen.Lit(e.status), want)
			if ex.request != nil {
				h.Id("checkJSONValue").Call(jen.Id("t"), jen.Id("req"), jen.Id("fake").Dot("req").Assert(jen.Op("*").Id(e.server()+"Request")).Dot("Body"))
			}
		}))
		g.emitClientSubtest(b, e, ex)
	})
}

// roundTrip is func(t *testing.T) { checkRoundTrip[T](t, data) }.
func roundTrip(typ *jen.Statement, data string) *jen.Statement {
	return jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("checkRoundTrip").Types(typ).Call(jen.Id("t"), jen.Id(data)),
	)
}

// emitUnimplementedTest writes Test<Name>Unimplemented: the documented
// request (or an empty body) sent to UnimplementedServer gets 501 in the
// OData error shape.
func (g *gen) emitUnimplementedTest(f *jen.File, e *endpointInfo) {
	name := "Test" + e.name + "Unimplemented"
	target := g.syntheticTarget(e)
	var body jen.Code = jen.Index().Byte().Call(jen.Lit(string(g.emptyBody(e.body))))
	for _, ex := range e.examples {
		if ex.request != nil && ex.target != "" {
			target = ex.target
			body = jen.Index().Byte().Call(jen.Id(e.exampleConst(ex.n, "Request")))
			break
		}
	}
	if target == "" {
		g.diags.Warnf(e.ep.Pos, "endpoint-unroutable", "endpoint %s: every request line is shadowed by another endpoint; no 501 test", e.name)
		return
	}
	f.Comment(name + " checks that UnimplementedServer answers 501 in the error shape.")
	f.Func().Id(name).Params(jen.Id("t").Op("*").Qual("testing", "T")).Block(
		jen.Id("rec").Op(":=").Id("serveExample").Call(jen.Id("t"), jen.Id("NewHandler").Call(jen.Id("UnimplementedServer").Values()),
			jen.Lit(e.method), jen.Lit(target), body),
		jen.Id("checkErrorAnswer").Call(jen.Id("t"), jen.Id("rec"), jen.Lit(501), jen.Lit("notImplemented")),
	)
}
