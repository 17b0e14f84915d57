package generator

import (
	"go/token"
	"slices"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docs2go/docs2go/parser/ir"
)

// bodyType is the Go type of the request body.
func (em emitter) bodyType(e *endpointInfo) *jen.Statement { return em.requestBody(e) }

// longMethod reports whether a declaration of e's Server method, with
// the given receiver and parameter text, is a long line.
func (em emitter) longMethod(e *endpointInfo, parts ...string) bool {
	return long(append(append(parts, e.statusWord()...), e.name, e.name+"Request", em.resultName(e), "error")...)
}

// statusWord is the status result as written, for estimating lengths:
// "int" when the method chooses its status, else nothing.
func (e *endpointInfo) statusWord() []string {
	if e.shape.statuses != nil {
		return []string{"int"}
	}
	return nil
}

// emitEndpoint adds the request type, the handler and the client method.
func (em emitter) emitEndpoint(f *jen.File, e *endpointInfo) []string {
	ep := e.ep
	f.Add(commentLines(e.name + "Request holds the inputs of " + e.name + "."))
	f.Type().Id(e.name + "Request").StructFunc(func(st *jen.Group) {
		for _, p := range e.params {
			doc := p.field + " is the " + p.doc + " path parameter"
			if !everyRouteHas(e.routes, p.wildcard) {
				doc += ", empty on the routes without it"
			}
			st.Add(commentLines(doc + "."))
			st.Id(p.field).String()
		}
		for _, q := range e.query {
			doc := q.field + " is the " + q.name + " query parameter, nil when absent"
			tag := q.name
			if q.required {
				doc, tag = q.field+" is the required "+q.name+" query parameter", tag+",required"
			}
			st.Add(commentLines(doc+".", q.doc))
			st.Id(q.field).Op("*").Add(queryGo(q.typ)).Tag(map[string]string{"query": tag})
		}
		switch {
		case e.shape.upload:
			st.Comment("Body is the request body, a stream of the documented media type.")
			st.Id("Body").Op("*").Id("Content")
		case !e.shape.noBody:
			st.Comment("Body is the decoded request body.")
			st.Id("Body").Op("*").Add(em.bodyType(e))
		}
		st.Comment("Query holds the OData query options and the query parameters as sent.")
		st.Id("Query").Id("Query")
		st.Comment("Header holds the request headers.")
		st.Id("Header").Qual("net/http", "Header")
	})
	f.Line()
	f.Add(commentLines("endpoint" + e.name + " describes " + e.name + " as its docs page does."))
	f.Var().Id("endpoint" + e.name).Op("=").Add(em.endpointInfoValue(e))
	f.Line()
	em.emitHandler(f, e)
	f.Line()
	em.emitClientMethod(f, e)
	return []string{ep.Page}
}

// everyRouteHas reports whether each route has the wildcard.
func everyRouteHas(routes []route, wildcard string) bool {
	for _, r := range routes {
		if !slices.ContainsFunc(r.Params(), func(s segment) bool { return s.Param == wildcard }) {
			return false
		}
	}
	return true
}

// emitHandler writes handle<Name>, which hands the Server and call<Name>
// to the shared plumbing; call<Name> calls the Server method with the
// decoded request. call<Name> is a plain function, not a method value: a
// method value costs a wrapper function and a closure per endpoint. Both are top-level declarations whose statements fit a
// line: gofmt prints a function literal passed as an argument twice over
// to measure it, which made the handlers a third of the endpoints'
// formatting. A method value keeps the plumbing generic over the body and
// answer types only (generic over the Server type too, the compiler took
// 200 MB more to build the beta package).
func (em emitter) emitHandler(f *jen.File, e *endpointInfo) {
	call := "call" + e.name
	serve := e.serveFunc()
	f.Add(servesComment("handle"+e.name, e.routes))
	f.Func().Id("handle"+e.name).Params(jen.Id("s").Id("Server"), jen.Id("c").Op("*").Id("handlerConfig")).
		Qual("net/http", "Handler").Block(
		jen.Return(jen.Id(serve).Add(argsOf(long(serve, "c, s, endpoint"+e.name, call),
			jen.Id("c"), jen.Id("s"), jen.Op("&").Id("endpoint"+e.name), jen.Lit(e.status), jen.Id(call)))),
	)
	f.Line()
	var fields []jen.Code
	width := []string{"return s." + e.name, "r.Context()", e.name + "Request", "Query: *q", "Header: r.Header"}
	for _, p := range e.params {
		fields = append(fields, jen.Id(p.field).Op(":").Id("pathValue").Call(jen.Id("r"), jen.Lit(p.wildcard)))
		width = append(width, p.field+`: pathValue(r, "`+p.wildcard+`")`)
	}
	body := jen.Id("body")
	if !e.shape.noBody {
		fields = append(fields, jen.Id("Body").Op(":").Id("body"))
		width = append(width, "Body: body")
	} else {
		body = jen.Id("_")
	}
	fields = append(fields, jen.Id("Query").Op(":").Op("*").Id("q"), jen.Id("Header").Op(":").Id("r").Dot("Header"))
	req := jen.Op("&").Id(e.name + "Request").Add(structOf(long(width...), fields...))
	var stmts []jen.Code
	// The request is built first when typed query fields are bound from
	// the parsed query (a malformed or missing required one is a 400
	// *Error), and when its literal would make the return line long.
	if len(e.query) > 0 || long("return s."+e.name, "r.Context()", "&"+e.name+"Request{") {
		stmts = append(stmts, jen.Id("req").Op(":=").Add(req))
		req = jen.Id("req")
	}
	if len(e.query) > 0 {
		fail := append(e.zeroResults(), jen.Err())
		stmts = append(stmts, jen.If(jen.Err().Op(":=").Id("bindParams").Call(jen.Id("req"), jen.Id("q")), jen.Err().Op("!=").Nil()).Block(jen.Return(fail...)))
	}
	stmts = append(stmts, jen.Return(jen.Id("s").Dot(e.name).Call(jen.Id("r").Dot("Context").Call(), req)))
	f.Add(commentLines(call + " calls s." + e.name + " with a decoded request."))
	f.Func().Id(call).
		Add(argsOf(long(append(e.statusWord(), "func", call, "s Server, r *http.Request, q *Query", em.typeName(&e.body), em.resultName(e), "error")...),
			jen.Id("s").Id("Server"), jen.Id("r").Op("*").Qual("net/http", "Request"), jen.Id("q").Op("*").Id("Query"), body.Op("*").Add(em.bodyType(e)))).
		Params(em.serverResults(e)...).Block(stmts...)
}

// clientArgs are the Client method's arguments after ctx and the path
// parameters: the body, and the query options of a get, list or function.
func (em emitter) clientArgs(e *endpointInfo) ([]jen.Code, []string) {
	var args []jen.Code
	var width []string
	switch {
	case e.shape.upload:
		args, width = append(args, jen.Id("body").Op("*").Id("Content")), append(width, "body *Content")
	case !e.shape.noBody:
		args, width = append(args, jen.Id("body").Op("*").Add(em.bodyType(e))), append(width, "body *"+em.typeName(&e.body))
	}
	if e.shape.query {
		args, width = append(args, jen.Id("q").Op("*").Id("Query")), append(width, "q *Query")
	}
	return args, width
}

// emitClientMethod writes the Client methods of an endpoint: X takes the
// path parameters of its first documented route as named arguments, the
// call most users make; an endpoint with more routes also gets XAt, whose
// route argument picks any of them, as its comment lists them, and whose
// params fill that route's placeholders in order. A list also gets XAll
// (and XAllAt), an iterator over every item of every page. Each is one
// call of a generic runtime helper, which checks and builds the path.
func (em emitter) emitClientMethod(f *jen.File, e *endpointInfo) {
	primary := e.routes[0]
	lines := wrap(endSentence(e.name+" calls "+e.ep.Title), 100)
	lines = append(lines, "", "It sends "+e.method+" on:")
	lines = append(lines, listItem(primary.Path())...)
	if len(e.routes) > 1 {
		lines = append(lines, e.name+"At reaches the endpoint's other routes.")
	}
	if e.paged() {
		lines = append(lines, "", e.name+"All iterates over the items of every page.")
	}
	lines = append(lines, "", "Source: "+sourceRef(e.ep.Pos)+".")
	f.Add(commentBlock(lines))
	names := clientParamNames(primary)
	extra, extraWidth := em.clientArgs(e)
	width := append([]string{"func (c *Client)", e.name, "ctx context.Context", em.resultName(e), "error"}, extraWidth...)
	args := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	params := make([]jen.Code, len(names))
	for i, n := range names {
		width = append(width, n+" string")
		args = append(args, jen.Id(n).String())
		params[i] = jen.Id(n)
	}
	args = append(args, extra...)
	var paramList jen.Code = jen.Nil()
	if len(params) > 0 {
		paramList = jen.Index().String().Values(params...)
	}
	callWidth := []string{primary.Path(), strings.Join(names, ", ")}
	em.clientMethodBody(f, e, e.name, args, width, callWidth, pathLit(primary.Path()), paramList, false)
	if e.paged() {
		f.Line()
		f.Add(commentLines(e.name + "All iterates over the items of every page of " + e.name + ", following @odata.nextLink; it stops at the first error, which it yields, and when ctx is done."))
		em.clientMethodBody(f, e, e.name+"All", args, append(width, "All"), callWidth, pathLit(primary.Path()), paramList, true)
	}
	if len(e.routes) == 1 {
		return
	}
	f.Line()
	lines = wrap(e.name+"At calls "+e.name+" on route, one of the following; params fill its placeholders in order:", longLine)
	for _, r := range e.routes {
		lines = append(lines, listItem(r.Path())...)
	}
	f.Add(commentBlock(lines))
	width = append([]string{"func (c *Client)", e.name + "At", "ctx context.Context, route string", "params ...string", em.resultName(e), "error"}, extraWidth...)
	args = append(append([]jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("route").String()}, extra...), jen.Id("params").Op("...").String())
	em.clientMethodBody(f, e, e.name+"At", args, width, []string{"route", "params"}, jen.Id("route"), jen.Id("params"), false)
	if e.paged() {
		f.Line()
		f.Add(commentLines(e.name + "AllAt is " + e.name + "All on route, one of " + e.name + "At's."))
		em.clientMethodBody(f, e, e.name+"AllAt", args, append(width, "All"), []string{"route", "params"}, jen.Id("route"), jen.Id("params"), true)
	}
}

// clientMethodBody writes a Client method that sends the request on
// route with params and decodes the documented answer; all makes the
// iterator of a list. width lists the signature's words, callWidth the
// route's and params' as the call writes them.
func (em emitter) clientMethodBody(f *jen.File, e *endpointInfo, name string, args []jen.Code, width, callWidth []string, route, params jen.Code, all bool) {
	results := em.clientResults(e)
	if all {
		results = []jen.Code{jen.Qual("iter", "Seq2").Types(em.elemType(*e.result), jen.Error())}
	}
	sig := f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(name).Add(argsOf(long(width...), args...)).Params(results...)
	ep := "endpoint" + e.name
	body, q := jen.Nil(), jen.Nil()
	if !e.shape.noBody {
		body = jen.Id("body")
	}
	if e.shape.query {
		q = jen.Id("q")
	}
	multi := long(append([]string{"\tif err := c.call(ctx, &", ep, "[]string{}, q, body, out, 201", "); err != nil {"}, callWidth...)...)
	switch {
	case e.paged():
		fn, typ := "list", jen.Op("*").Id("Page").Types(em.elemType(*e.result))
		if all {
			fn, typ = "all", em.elemType(*e.result)
		}
		sig.Block(jen.Return(jen.Id(fn).Types(typ).Add(argsOf(multi,
			jen.Id("ctx"), jen.Id("c"), jen.Op("&").Id(ep), route, params, q))))
	case e.shape.content || e.shape.target:
		if e.shape.upload {
			body = jen.Id("body")
		}
		sig.Block(jen.Return(jen.Id("c").Dot("stream").Add(argsOf(multi,
			jen.Id("ctx"), jen.Op("&").Id(ep), route, params, q, body, jen.Lit(e.status)))))
	default:
		call := func(out jen.Code) *jen.Statement {
			if e.shape.upload {
				return jen.Id("c").Dot("upload").Add(argsOf(multi, jen.Id("ctx"), jen.Op("&").Id(ep), route, params, body, out, jen.Lit(e.status)))
			}
			return jen.Id("c").Dot("call").Add(argsOf(multi, jen.Id("ctx"), jen.Op("&").Id(ep), route, params, q, body, out, jen.Lit(e.status)))
		}
		if rt := em.resultType(e); rt != nil {
			sig.Block(
				jen.Id("out").Op(":=").New(rt),
				jen.If(jen.Err().Op(":=").Add(call(jen.Id("out"))), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
				jen.Return(jen.Id("out"), jen.Nil()),
			)
			return
		}
		sig.Block(jen.Return(call(jen.Nil())))
	}
}

// commentBlock writes lines as one comment, blank lines included.
func commentBlock(lines []string) *jen.Statement {
	st := jen.Comment(lines[0])
	for _, l := range lines[1:] {
		st.Line().Comment(l)
	}
	return st
}

// clientParamNames names the path arguments of a client method after the
// route's wildcards, which are Go identifiers unique in the route; a name
// the method itself uses (ctx, body, q, c, out, err) or a keyword gets "Arg".
func clientParamNames(r route) []string {
	var names []string
	for _, s := range r.Params() {
		n := s.Param
		switch {
		case token.IsKeyword(n), n == "ctx", n == "body", n == "c", n == "out", n == "err", n == "route", n == "params", n == "q":
			n += "Arg"
		}
		names = append(names, n)
	}
	return names
}

// serverFile builds server.go: the Server interface, UnimplementedServer
// and NewHandler, one entry per generated endpoint sorted by name. It
// returns the pages of those endpoints too.
func (em emitter) serverFile() (*jen.File, []string) {
	eps := em.generated()
	var pages []string
	for _, e := range eps {
		pages = append(pages, e.ep.Page)
	}
	f := em.newFile(sharedHeader)
	f.Comment("Server is implemented by the service: one method per endpoint. A method returns an *Error")
	f.Comment("to choose the failure status; any other error becomes 500.")
	f.Type().Id("Server").InterfaceFunc(func(in *jen.Group) {
		for _, e := range eps {
			in.Add(servesComment(e.name, e.routes, append(e.statusNote(), "Source: "+sourceRef(e.ep.Pos)+".")...))
			in.Id(e.name).Add(argsOf(em.longMethod(e, "ctx context.Context", "req *"), jen.Id("ctx").Qual("context", "Context"), jen.Id("req").Op("*").Id(e.name+"Request"))).
				Params(em.serverResults(e)...)
		}
	})
	f.Line()
	f.Comment("UnimplementedServer answers every operation with 501 notImplemented. Embed it in a Server")
	f.Comment("to implement only some operations.")
	f.Type().Id("UnimplementedServer").Struct()
	for _, e := range eps {
		f.Line()
		f.Add(commentLines(e.name + " returns a 501 notImplemented *Error."))
		ret := append(e.zeroResults(), jen.Id("errNotImplemented").Call(jen.Lit(e.name)))
		f.Func().Params(jen.Id("UnimplementedServer")).Id(e.name).
			Add(argsOf(em.longMethod(e, "func (UnimplementedServer)", "context.Context"), jen.Qual("context", "Context"), jen.Op("*").Id(e.name+"Request"))).
			Params(em.serverResults(e)...).
			Block(jen.Return(ret...))
	}
	f.Line()
	// Endpoints and NewHandler loop over tables instead of naming every
	// endpoint and route in their bodies: a table of addresses and
	// function values is data the linker lays out, while a function of
	// 4,000 copies or 6,000 calls was one of the largest the compiler
	// built for the beta reference.
	f.Comment("servedEndpoints lists what Endpoints describes, sorted by operation.")
	f.Var().Id("servedEndpoints").Op("=").Index(jen.Op("...")).Op("*").Id("EndpointInfo").CustomFunc(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, func(v *jen.Group) {
		for _, e := range eps {
			v.Op("&").Id("endpoint" + e.name)
		}
	})
	f.Line()
	f.Comment("Endpoints describes every endpoint NewHandler serves, sorted by operation: the documented")
	f.Comment("permissions (for an Authenticator, see WithAuthenticator), routes and source page.")
	f.Func().Id("Endpoints").Params().Index().Id("EndpointInfo").Block(
		jen.Id("eps").Op(":=").Make(jen.Index().Id("EndpointInfo"), jen.Len(jen.Id("servedEndpoints"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("ep")).Op(":=").Range().Id("servedEndpoints")).Block(
			jen.Id("eps").Index(jen.Id("i")).Op("=").Op("*").Id("ep"),
		),
		jen.Return(jen.Id("eps")),
	)
	f.Line()
	// One entry per route: the plan left no two routes serving the same
	// requests, so Handle's conflict error cannot occur.
	f.Comment("servedRoutes pairs every documented request line with the function that builds its handler.")
	f.Var().Id("servedRoutes").Op("=").Index(jen.Op("...")).Struct(
		jen.Id("pattern").String(),
		jen.Id("handle").Func().Params(jen.Id("Server"), jen.Op("*").Id("handlerConfig")).Qual("net/http", "Handler"),
	).CustomFunc(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, func(v *jen.Group) {
		for _, e := range eps {
			for _, r := range e.routes {
				v.Add(structOf(long("{", r.Pattern(), "handle"+e.name, "}"), pathLit(r.Pattern()), jen.Id("handle"+e.name)))
			}
		}
	})
	f.Line()
	f.Comment("NewHandler routes every documented request line to s. Each request is authenticated, checked")
	f.Comment("(content type, size, JSON, the documented properties) and decoded before s sees it. Failures,")
	f.Comment("including unknown paths and methods, are answered in Graph's error shape")
	f.Comment("{\"error\":{\"code\":...,\"message\":...,\"innerError\":{\"request-id\":...,\"date\":...}}}.")
	f.Func().Id("NewHandler").Params(jen.Id("s").Id("Server"), jen.Id("opts").Op("...").Id("HandlerOption")).Qual("net/http", "Handler").Block(
		jen.Id("c").Op(":=").Id("newHandlerConfig").Call(jen.Id("opts")),
		jen.Id("rt").Op(":=").Id("newRouter").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("r")).Op(":=").Range().Id("servedRoutes")).Block(
			jen.Id("rt").Dot("Handle").Call(jen.Id("r").Dot("pattern"), jen.Id("r").Dot("handle").Call(jen.Id("s"), jen.Id("c"))),
		),
		jen.Return(jen.Id("withErrorShape").Call(jen.Id("rt"))),
	)
	return f, pages
}

// statusNote says, for an endpoint whose Server method chooses its
// status, which it may return.
func (e *endpointInfo) statusNote() []string {
	if e.shape.statuses == nil {
		return nil
	}
	var sts []string
	for _, st := range e.shape.statuses {
		sts = append(sts, strconv.Itoa(st))
	}
	return []string{"The int it returns is the status it answers: " + strings.Join(sts, " or ") + "; 0 is " + strconv.Itoa(e.status) + "."}
}

// generated lists the endpoints that have a Server method, sorted by name.
func (plan *Plan) generated() []*endpointInfo {
	var eps []*endpointInfo
	for _, e := range plan.endpoints {
		if e.ok {
			eps = append(eps, e)
		}
	}
	slices.SortFunc(eps, func(a, b *endpointInfo) int { return strings.Compare(a.name, b.name) })
	return eps
}

// endpointInfoValue is the EndpointInfo literal of e.
func (em emitter) endpointInfoValue(e *endpointInfo) *jen.Statement {
	d := jen.Dict{
		jen.Id("Operation"): jen.Lit(e.name),
		jen.Id("Method"):    jen.Lit(e.method),
		jen.Id("Source"):    jen.Lit(sourceRef(e.ep.Pos)),
	}
	var patterns []jen.Code
	for _, r := range e.routes {
		patterns = append(patterns, pathLit(r.Pattern()))
	}
	d[jen.Id("Patterns")] = jen.Index().String().Add(listOf(patterns...))
	if e.shape.upload {
		d[jen.Id("Content")] = jen.Lit(e.ep.Content)
	}
	if e.shape.content {
		d[jen.Id("Answer")] = jen.Lit(e.ep.ResultContent)
	}
	if e.shape.statuses != nil {
		var sts []jen.Code
		for _, st := range e.shape.statuses {
			sts = append(sts, jen.Lit(st))
		}
		d[jen.Id("Statuses")] = jen.Index().Int().Values(sts...)
	}
	if authRequired(e.ep) {
		d[jen.Id("AuthRequired")] = jen.True()
	}
	if len(e.ep.Permissions) > 0 {
		var perms []jen.Code
		for _, p := range e.ep.Permissions {
			pd := jen.Dict{jen.Id("Type"): jen.Lit(p.Type)}
			if len(p.Scopes) > 0 {
				var scopes []jen.Code
				for _, s := range p.Scopes {
					scopes = append(scopes, jen.Lit(s))
				}
				pd[jen.Id("Scopes")] = jen.Index().String().Add(listOf(scopes...))
			}
			perms = append(perms, jen.Values(pd))
		}
		d[jen.Id("Permissions")] = jen.Index().Id("Permission").Add(listOf(perms...))
	}
	if keys := em.documentedKeys(e); len(keys) > 0 {
		var ks []jen.Code
		for _, k := range keys {
			ks = append(ks, jen.Lit(k))
		}
		d[jen.Id("documented")] = jen.Index().String().Add(listOf(ks...))
	}
	return jen.Id("EndpointInfo").Values(d)
}

// authRequired reports whether the request headers table lists
// Authorization (Graph pages write "Bearer {token}. Required.").
func authRequired(ep *ir.Endpoint) bool {
	return slices.ContainsFunc(ep.Headers, func(h ir.HeaderSpec) bool {
		return strings.EqualFold(strings.TrimSpace(h.Name), "Authorization")
	})
}
