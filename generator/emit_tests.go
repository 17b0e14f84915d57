package generator

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// emitEndpointTest adds the endpoint's golden tests: per example its
// bodies as constants, a request and a response round trip, a handler test
// through a fake Server and a client test; then, for a polymorphic body,
// a test that every derived type arrives as itself, and a 501 test
// against UnimplementedServer.
func (em emitter) emitEndpointTest(f *jen.File, e *endpointInfo) []string {
	for _, ex := range e.examples {
		em.emitExampleBodies(f, e, ex)
		em.emitExampleTest(f, e, ex)
		f.Line()
	}
	em.emitDerivedTypesTest(f, e)
	em.emitUnimplementedTest(f, e)
	return []string{e.ep.Page}
}

// exampleConst names the constant holding a body of example n, part
// "Request" or "Response": "exampleCreateUserRequest1". The name is
// unambiguous: only the digits follow the last part word.
func (e *endpointInfo) exampleConst(n int, part string) string {
	return "example" + e.name + part + strconv.Itoa(n)
}

// emitExampleBodies adds the example's bodies, verbatim, as constants.
func (em emitter) emitExampleBodies(f *jen.File, e *endpointInfo, ex exampleInfo) {
	pos := sourceRef(examplePos(e, e.ep.Examples[ex.n-1]))
	for _, b := range []struct {
		part string
		body []byte
	}{{"Request", ex.request}, {"Response", ex.response}} {
		if b.body == nil {
			continue
		}
		name := e.exampleConst(ex.n, b.part)
		f.Add(commentLines(name + " is the " + strings.ToLower(b.part) + " body of the example at " + pos + "."))
		f.Const().Id(name).Op("=").Add(em.bodyLit(b.body))
		f.Line()
	}
}

// bodyLit is body as a raw string literal, which keeps a JSON body
// readable in the test file, or quoted where a raw string cannot hold it
// (a back quote, a carriage return, which raw strings drop, or bytes the
// Go scanner rejects). Under renderBatch the literal is a marker that it
// replaces with the body: jen would copy a body four times (4.6 MB of
// JSON on beta).
func (em emitter) bodyLit(body []byte) jen.Code {
	if !utf8.Valid(body) || bytes.ContainsAny(body, "`\r\x00\ufeff") {
		return jen.Lit(string(body))
	}
	if em.raw != nil {
		return jen.Id(em.raw.marker(body))
	}
	return jen.Id("`" + string(body) + "`") // an Id is written as is; an Op is copied by fmt first
}

// exampleServerUnits are the declarations of server_test.go: one fake
// Server for all endpoints, answering with res and recording the
// request. A fake per
// endpoint embedding UnimplementedServer would make the compiler build
// endpoints² promoted wrapper methods (measured: 24 GB for 600 endpoints).
func (em emitter) exampleServerUnits() []unit {
	eps := em.generated()
	us := []unit{{emit: func(em emitter, f *jen.File) []string {
		f.Comment("exampleServer answers every operation with res, a documented response (a *Content for a stream, a URL for a")
		f.Comment("redirect), and records the request body.")
		fields := []jen.Code{jen.Id("body").Any(), jen.Id("res").Any()}
		if slices.ContainsFunc(eps, func(e *endpointInfo) bool { return e.shape.statuses != nil }) {
			fields = append(fields, jen.Id("status").Int().Comment("the status of an endpoint documenting several; 0 for its main one"))
		}
		f.Type().Id("exampleServer").Struct(fields...)
		return nil
	}}}
	for _, e := range eps {
		us = append(us, unit{emit: func(em emitter, f *jen.File) []string { em.emitExampleServerMethod(f, e); return nil }})
	}
	for i := range us {
		us[i].file = "server_test.go"
	}
	return us
}

// emitExampleServerMethod adds exampleServer's method for e.
func (em emitter) emitExampleServerMethod(f *jen.File, e *endpointInfo) {
	f.Add(commentLines(e.name + " records the request body and answers with f.res."))
	var body []jen.Code
	if !e.shape.noBody {
		body = append(body, jen.Id("f.body = req.Body"))
	}
	var ret []jen.Code
	if e.answers() {
		body = append(body, jen.Id("res, _ := f.res").Assert(em.serverResults(e)[0]))
		ret = append(ret, jen.Id("res"))
	}
	if e.shape.statuses != nil {
		ret = append(ret, jen.Id("f.status"))
	}
	body = append(body, jen.Return(append(ret, jen.Nil())...))
	f.Func().Params(jen.Id("f *exampleServer")).Id(e.name).
		Add(argsOf(em.longMethod(e, "func (f *exampleServer)", "_ context.Context", "req *"), jen.Id("_").Qual("context", "Context"), jen.Id("req *"+e.name+"Request"))).
		Params(em.serverResults(e)...).
		Block(body...)
}

// emitExampleTest writes Test<Name>Example<N>: the round trips of the
// bodies, the handler through a fake Server, then the client. The checks
// are support helpers called on one line each: gofmt measures a function
// literal passed as an argument by printing it twice, and the tests were
// a third of the formatting.
func (em emitter) emitExampleTest(f *jen.File, e *endpointInfo, ex exampleInfo) {
	ep := e.ep.Examples[ex.n-1]
	pos := examplePos(e, ep)
	name := "Test" + e.name + "Example" + strconv.Itoa(ex.n)
	f.Add(commentLines(name + " checks the example at " + sourceRef(pos) + "."))
	f.Func().Id(name).Params(jen.Id("t *").Qual("testing", "T")).BlockFunc(func(b *jen.Group) {
		sendsBody := !e.shape.noBody
		if ex.request != nil {
			b.Id("req := []byte(" + e.exampleConst(ex.n, "Request") + ")")
		} else if ex.target != "" && sendsBody {
			b.Id("req := []byte").Call(longLit(string(em.emptyBody(e.body))))
		}
		if ex.response != nil {
			b.Id("resp := []byte(" + e.exampleConst(ex.n, "Response") + ")")
		}
		if ex.request != nil {
			b.Id("checkRoundTrip").Types(em.bodyType(e)).Call(jen.Id("t"), jen.Lit("request"), jen.Id("req"))
		}
		if ex.response != nil {
			b.Id("checkRoundTrip").Types(em.resultType(e)).Call(jen.Id("t"), jen.Lit("response"), jen.Id("resp"))
		}
		if ex.target == "" {
			return
		}
		want, received, req := jen.Nil(), jen.Nil(), jen.Nil()
		if ex.response != nil {
			want = jen.Id("resp")
		}
		if ex.request != nil {
			received = jen.Id("&fake.body")
		}
		if ex.request != nil || sendsBody {
			req = jen.Id("req")
		}
		b.Id("fake :=").Add(em.exampleFake(e, ex))
		b.Id("checkHandler").Add(argsOf(long("checkHandler(t, NewHandler(fake), ", e.method, ex.target, "req, 201, resp, &fake.body)"),
			jen.Id("t"), jen.Id("NewHandler(fake)"), jen.Lit(e.method), longLit(ex.target), req, jen.Lit(cmp.Or(ex.status, e.status)), want, received))
		em.emitClientSubtest(b, e, ex)
	})
}

// exampleContent and exampleRedirect are what the fake Server answers for
// a stream and a redirect: the docs show no usable bytes (a photo, a CSV
// report written out by hand).
const (
	exampleContent  = "example content"
	exampleRedirect = "https://example.com/download"
)

// emptyAnswer is the smallest valid JSON answer of e: its type's empty
// body, wrapped in {"value": ...} for a page or a value.
func (em emitter) emptyAnswer(e *endpointInfo) []byte {
	switch e.shape.wrap {
	case "Page":
		return []byte(`{"value":[]}`)
	case "Value":
		r := *e.result
		return []byte(`{"value":` + string(em.emptyBody(r)) + `}`)
	}
	return em.emptyBody(*e.result)
}

// exampleFake is the fake Server of an example test: it answers with the
// documented response, decoded as e's answer type, or, when the example
// shows none, with the smallest valid answer (the handler answers 500 when
// a method that documents an answer body returns none).
func (em emitter) exampleFake(e *endpointInfo, ex exampleInfo) *jen.Statement {
	var fields []jen.Code
	switch {
	case e.shape.content:
		stream := jen.Id("&Content").Values(jen.Id("Body:").Qual("strings", "NewReader").Call(jen.Lit(exampleContent)))
		fields = append(fields, jen.Id("res:").Add(stream))
	case e.shape.target:
		fields = append(fields, jen.Id("res:").Lit(exampleRedirect))
	case e.result == nil:
	case ex.response == nil:
		text := string(em.emptyAnswer(e))
		empty := jen.Id("[]byte").Call(longLit(text))
		// The fake sits inside the client subtest's first statement: a long
		// empty answer puts decodeExample's arguments one per line.
		multi := long("client := exampleClient(t, NewHandler(&exampleServer{res: decodeExample[", em.typeName(e.result), "](t, []byte(", strconv.Quote(text))
		fields = append(fields, jen.Id("res: decodeExample").Types(em.resultType(e)).Add(argsOf(multi, jen.Id("t"), empty)))
	default:
		fields = append(fields, jen.Id("res: decodeExample").Types(em.resultType(e)).Call(jen.Id("t"), jen.Id("resp")))
	}
	if e.shape.statuses != nil && ex.status != 0 {
		fields = append(fields, jen.Id("status:").Lit(ex.status)) // the example's own, among the documented
	}
	return jen.Id("&exampleServer").Values(fields...)
}

// emitUnimplementedTest writes Test<Name>Unimplemented: the documented
// request (or an empty body) sent to UnimplementedServer gets 501 in the
// OData error shape.
func (em emitter) emitUnimplementedTest(f *jen.File, e *endpointInfo) {
	name := "Test" + e.name + "Unimplemented"
	req := e.unimplemented
	if req.target == "" {
		return
	}
	bodyText := string(em.emptyBody(e.body))
	var body jen.Code = jen.Id("[]byte").Call(longLit(bodyText))
	if e.shape.noBody {
		bodyText, body = "nil", jen.Nil()
	}
	if req.example > 0 {
		bodyText = e.exampleConst(req.example, "Request")
		body = jen.Id("[]byte(" + bodyText + ")")
	}
	f.Add(commentLines(name + " checks that UnimplementedServer answers 501 in the error shape."))
	f.Func().Id(name).Params(jen.Id("t *").Qual("testing", "T")).Block(
		jen.Id("rec := serveExample").Add(argsOf(long("rec := serveExample(t, NewHandler(UnimplementedServer{}), ", e.method, req.target, "[]byte()", bodyText),
			jen.Id("t"), jen.Id("NewHandler(UnimplementedServer{})"), jen.Lit(e.method), longLit(req.target), body)),
		jen.Id(`checkErrorAnswer(t, rec, 501, "notImplemented")`),
	)
}
