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
			if name, ok := functionParam(e.routes, p.wildcard); ok {
				doc = p.field + " is the " + name + " function parameter, empty when the call omits it"
			} else if !everyRouteHas(e.routes, p.wildcard) {
				doc += ", empty on the routes without it"
			}
			st.Add(commentLines(doc + "."))
			st.Id(p.field + " string")
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
			st.Id("Body *Content")
		case !e.shape.noBody:
			st.Comment("Body is the decoded request body.")
			st.Id("Body *").Add(em.bodyType(e))
		}
		st.Comment("Query holds the OData query options and the query parameters as sent.")
		st.Id("Query Query")
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

// functionParam returns the name of the function parameter bound to
// wildcard in a call segment of routes, if it is one: the router serves a
// call that omits it (OData's optional parameters), leaving it empty.
func functionParam(routes []route, wildcard string) (string, bool) {
	for _, r := range routes {
		for _, s := range r.Segments {
			for _, a := range s.Args {
				if a.Param == wildcard {
					return a.Name, true
				}
			}
		}
	}
	return "", false
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
	f.Func().Id("handle"+e.name).Params(jen.Id("s Server"), jen.Id("c *handlerConfig")).
		Qual("net/http", "Handler").Block(
		jen.Return(jen.Id(serve).Add(argsOf(long(serve, "c, s, endpoint"+e.name, call),
			jen.Id("c"), jen.Id("s"), jen.Id("&endpoint"+e.name), jen.Lit(e.status), jen.Id(call)))),
	)
	f.Line()
	var fields []jen.Code
	width := []string{"return s." + e.name, "r.Context()", e.name + "Request", "Query: *q", "Header: r.Header"}
	for _, p := range e.params {
		fields = append(fields, jen.Id(p.field+": pathValue").Call(jen.Id("r"), jen.Lit(p.wildcard)))
		width = append(width, p.field+`: pathValue(r, "`+p.wildcard+`")`)
	}
	body := "body"
	if !e.shape.noBody {
		fields = append(fields, jen.Id("Body: body"))
		width = append(width, "Body: body")
	} else {
		body = "_"
	}
	fields = append(fields, jen.Id("Query: *q"), jen.Id("Header: r.Header"))
	req := jen.Id("&" + e.name + "Request").Add(structOf(long(width...), fields...))
	var stmts []jen.Code
	// The request is built first when typed query fields are bound from
	// the parsed query (a malformed or missing required one is a 400
	// *Error), and when its literal would make the return line long.
	if len(e.query) > 0 || long("return s."+e.name, "r.Context()", "&"+e.name+"Request{") {
		stmts = append(stmts, jen.Id("req :=").Add(req))
		req = jen.Id("req")
	}
	if len(e.query) > 0 {
		fail := append(e.zeroResults(), jen.Err())
		stmts = append(stmts, jen.If(jen.Id("err := bindParams(req, q)"), jen.Id("err != nil")).Block(jen.Return(fail...)))
	}
	stmts = append(stmts, jen.Return(jen.Id("s."+e.name).Call(jen.Id("r.Context()"), req)))
	f.Add(commentLines(call + " calls s." + e.name + " with a decoded request."))
	f.Func().Id(call).
		Add(argsOf(long(append(e.statusWord(), "func", call, "s Server, r *http.Request, q *Query", em.typeName(&e.body), em.resultName(e), "error")...),
			jen.Id("s Server"), jen.Id("r *").Qual("net/http", "Request"), jen.Id("q *Query"), jen.Id(body+" *").Add(em.bodyType(e)))).
		Params(em.serverResults(e)...).Block(stmts...)
}

// clientArgs are the Client method's arguments after ctx and the path
// parameters: the body, and the query options of a get, list or function.
func (em emitter) clientArgs(e *endpointInfo) ([]jen.Code, []string) {
	var args []jen.Code
	var width []string
	switch {
	case e.shape.upload:
		args, width = append(args, jen.Id("body *Content")), append(width, "body *Content")
	case !e.shape.noBody:
		args, width = append(args, jen.Id("body *").Add(em.bodyType(e))), append(width, "body *"+em.typeName(&e.body))
	}
	if e.shape.query {
		args, width = append(args, jen.Id("q *Query")), append(width, "q *Query")
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
	f.Add(lineComments(lines))
	names := clientParamNames(primary)
	extra, extraWidth := em.clientArgs(e)
	width := append([]string{"func (c *Client)", e.name, "ctx context.Context", em.resultName(e), "error"}, extraWidth...)
	args := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	params := make([]jen.Code, len(names))
	for i, n := range names {
		width = append(width, n+" string")
		args = append(args, jen.Id(n+" string"))
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
	f.Add(lineComments(lines))
	width = append([]string{"func (c *Client)", e.name + "At", "ctx context.Context, route string", "params ...string", em.resultName(e), "error"}, extraWidth...)
	args = append(append([]jen.Code{jen.Id("ctx").Qual("context", "Context"), jen.Id("route string")}, extra...), jen.Id("params ...string"))
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
	sig := f.Func().Params(jen.Id("c *Client")).Id(name).Add(argsOf(long(width...), args...)).Params(results...)
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
			jen.Id("ctx"), jen.Id("c"), jen.Id("&"+ep), route, params, q))))
	case e.shape.content || e.shape.target:
		if e.shape.upload {
			body = jen.Id("body")
		}
		sig.Block(jen.Return(jen.Id("c.stream").Add(argsOf(multi,
			jen.Id("ctx"), jen.Id("&"+ep), route, params, q, body, jen.Lit(e.status)))))
	case e.shape.statuses != nil:
		em.clientStatusBody(sig, e, long(append([]string{"\tstatus, err := c.callStatus(ctx, &", ep, "[]string{}, q, body, out, 201", ")"}, callWidth...)...), route, params, q, body)
	default:
		call := func(out jen.Code) *jen.Statement {
			if e.shape.upload {
				return jen.Id("c.upload").Add(argsOf(multi, jen.Id("ctx"), jen.Id("&"+ep), route, params, body, out, jen.Lit(e.status)))
			}
			return jen.Id("c.call").Add(argsOf(multi, jen.Id("ctx"), jen.Id("&"+ep), route, params, q, body, out, jen.Lit(e.status)))
		}
		if rt := em.resultType(e); rt != nil {
			sig.Block(
				jen.Id("out :=").New(rt),
				jen.If(jen.Id("err :=").Add(call(jen.Id("out"))), jen.Id("err != nil")).Block(jen.Id("return nil, err")),
				jen.Id("return out, nil"),
			)
			return
		}
		sig.Block(jen.Return(call(jen.Nil())))
	}
}

// clientStatusBody writes the body of the Client method of a PUT
// documenting several statuses, which returns the status that answered
// (callStatus, uploadStatus) with its result, as its Server method does.
func (em emitter) clientStatusBody(sig *jen.Statement, e *endpointInfo, multi bool, route, params, q, body jen.Code) {
	ep := "endpoint" + e.name
	call := func(out jen.Code) *jen.Statement {
		if e.shape.upload {
			return jen.Id("c.uploadStatus").Add(argsOf(multi, jen.Id("ctx"), jen.Id("&"+ep), route, params, body, out, jen.Lit(e.status)))
		}
		return jen.Id("c.callStatus").Add(argsOf(multi, jen.Id("ctx"), jen.Id("&"+ep), route, params, q, body, out, jen.Lit(e.status)))
	}
	rt := em.resultType(e)
	if rt == nil {
		sig.Block(jen.Return(call(jen.Nil())))
		return
	}
	sig.Block(
		jen.Id("out :=").New(rt),
		jen.Id("status, err :=").Add(call(jen.Id("out"))),
		jen.If(jen.Id("err != nil")).Block(jen.Id("return nil, 0, err")),
		jen.Id("return out, status, nil"),
	)
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

// serverUnits are the declarations of server.go: the Server interface,
// UnimplementedServer and its methods, Endpoints and NewHandler, one entry
// per generated endpoint sorted by name. The interface unit returns the
// pages of those endpoints.
func (em emitter) serverUnits() []unit {
	eps := em.generated()
	us := []unit{
		{emit: func(em emitter, f *jen.File) []string { return em.emitServer(f, eps) }},
		{emit: func(em emitter, f *jen.File) []string {
			f.Comment("UnimplementedServer answers every operation with 501 notImplemented. Embed it in a Server")
			f.Comment("to implement only some operations.")
			f.Type().Id("UnimplementedServer").Struct()
			return nil
		}},
	}
	for _, e := range eps {
		us = append(us, unit{emit: func(em emitter, f *jen.File) []string {
			f.Add(commentLines(e.name + " returns a 501 notImplemented *Error."))
			ret := append(e.zeroResults(), jen.Id("errNotImplemented").Call(jen.Lit(e.name)))
			f.Func().Params(jen.Id("UnimplementedServer")).Id(e.name).
				Add(argsOf(em.longMethod(e, "func (UnimplementedServer)", "context.Context"), jen.Qual("context", "Context"), jen.Id("*"+e.name+"Request"))).
				Params(em.serverResults(e)...).
				Block(jen.Return(ret...))
			return nil
		}})
	}
	us = append(us,
		unit{emit: func(em emitter, f *jen.File) []string { emitServedEndpoints(f, eps); return nil }},
		unit{emit: func(em emitter, f *jen.File) []string { emitEndpoints(f); return nil }},
		unit{emit: func(em emitter, f *jen.File) []string { emitServedRoutes(f, eps); return nil }},
		unit{emit: func(em emitter, f *jen.File) []string { emitNewHandler(f); return nil }})
	for i := range us {
		us[i].file = "server.go"
	}
	return us
}

// emitServer adds the Server interface and returns the pages of its
// methods.
func (em emitter) emitServer(f *jen.File, eps []*endpointInfo) []string {
	var pages []string
	for _, e := range eps {
		pages = append(pages, e.ep.Page)
	}
	f.Comment("Server is implemented by the service: one method per endpoint. A method returns an *Error")
	f.Comment("to choose the failure status; any other error becomes 500.")
	f.Type().Id("Server").InterfaceFunc(func(in *jen.Group) {
		for _, e := range eps {
			in.Add(servesComment(e.name, e.routes, append(e.statusNote(), "Source: "+sourceRef(e.ep.Pos)+".")...))
			in.Id(e.name).Add(argsOf(em.longMethod(e, "ctx context.Context", "req *"), jen.Id("ctx").Qual("context", "Context"), jen.Id("req *"+e.name+"Request"))).
				Params(em.serverResults(e)...)
		}
	})
	return pages
}

// Endpoints and NewHandler loop over tables instead of naming every
// endpoint and route in their bodies: a table of addresses and function
// values is data the linker lays out, while a function of 4,000 copies or
// 6,000 calls was one of the largest the compiler built for the beta
// reference.

// emitServedEndpoints adds servedEndpoints, the address of every
// endpoint's EndpointInfo.
func emitServedEndpoints(f *jen.File, eps []*endpointInfo) {
	f.Comment("servedEndpoints lists what Endpoints describes, sorted by operation.")
	f.Var().Id("servedEndpoints").Op("=").Index(jen.Op("...")).Op("*").Id("EndpointInfo").CustomFunc(jen.Options{Open: "{", Close: "}", Separator: ",", Multi: true}, func(v *jen.Group) {
		for _, e := range eps {
			v.Id("&endpoint" + e.name)
		}
	})
}

// emitEndpoints adds Endpoints, which copies servedEndpoints.
func emitEndpoints(f *jen.File) {
	f.Comment("Endpoints describes every endpoint NewHandler serves, sorted by operation: the documented")
	f.Comment("permissions (for an Authenticator, see WithAuthenticator), routes and source page.")
	f.Func().Id("Endpoints").Params().Index().Id("EndpointInfo").Block(
		jen.Id("eps").Op(":=").Make(jen.Index().Id("EndpointInfo"), jen.Len(jen.Id("servedEndpoints"))),
		jen.For(jen.List(jen.Id("i"), jen.Id("ep")).Op(":=").Range().Id("servedEndpoints")).Block(
			jen.Id("eps").Index(jen.Id("i")).Op("=").Op("*").Id("ep"),
		),
		jen.Return(jen.Id("eps")),
	)
}

// emitServedRoutes adds servedRoutes, every request line with its
// endpoint's handle<X>. The plan left no two routes serving the same
// requests, so Handle's conflict error cannot occur.
func emitServedRoutes(f *jen.File, eps []*endpointInfo) {
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
}

// emitNewHandler adds NewHandler, which routes every request line of
// servedRoutes.
func emitNewHandler(f *jen.File) {
	f.Comment("NewHandler routes every documented request line to s. Each request is authenticated, checked")
	f.Comment("(content type, size, JSON, the documented properties) and decoded before s sees it. Failures,")
	f.Comment("including unknown paths and methods, are answered in Graph's error shape")
	f.Comment("{\"error\":{\"code\":...,\"message\":...,\"innerError\":{\"request-id\":...,\"date\":...}}}.")
	f.Func().Id("NewHandler").Params(jen.Id("s").Id("Server"), jen.Id("opts").Op("...").Id("HandlerOption")).Qual("net/http", "Handler").Block(
		jen.Id("c").Op(":=").Id("newHandlerConfig").Call(jen.Id("opts")),
		jen.Id("rt").Op(":=").Id("newRouter").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("r")).Op(":=").Range().Id("servedRoutes")).Block(
			jen.Id("rt.Handle").Call(jen.Id("r.pattern"), jen.Id("r.handle").Call(jen.Id("s"), jen.Id("c"))),
		),
		jen.Return(jen.Id("withErrorShape").Call(jen.Id("rt"))),
	)
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
	d := []keyValue{
		{"Operation", jen.Lit(e.name)},
		{"Method", jen.Lit(e.method)},
		{"Source", jen.Lit(sourceRef(e.ep.Pos))},
	}
	var patterns []jen.Code
	for _, r := range e.routes {
		patterns = append(patterns, pathLit(r.Pattern()))
	}
	d = append(d, keyValue{"Patterns", jen.Index().String().Add(listOf(patterns...))})
	if e.shape.upload {
		d = append(d, keyValue{"Content", jen.Lit(e.ep.Content)})
	}
	if e.shape.content {
		d = append(d, keyValue{"Answer", jen.Lit(e.ep.ResultContent)})
	}
	if e.shape.statuses != nil {
		var sts []jen.Code
		for _, st := range e.shape.statuses {
			sts = append(sts, jen.Lit(st))
		}
		d = append(d, keyValue{"Statuses", jen.Index().Int().Values(sts...)})
	}
	if authRequired(e.ep) {
		d = append(d, keyValue{"AuthRequired", jen.True()})
	}
	if len(e.ep.Permissions) > 0 {
		var perms []jen.Code
		for _, p := range e.ep.Permissions {
			pd := []keyValue{{"Type", jen.Lit(p.Type)}}
			if len(p.Scopes) > 0 {
				var scopes []jen.Code
				for _, s := range p.Scopes {
					scopes = append(scopes, jen.Lit(s))
				}
				pd = append(pd, keyValue{"Scopes", jen.Index().String().Add(listOf(scopes...))})
			}
			perms = append(perms, keyed(pd))
		}
		d = append(d, keyValue{"Permissions", jen.Index().Id("Permission").Add(listOf(perms...))})
	}
	if keys := em.documentedKeys(e); len(keys) > 0 {
		var ks []jen.Code
		for _, k := range keys {
			ks = append(ks, jen.Lit(k))
		}
		d = append(d, keyValue{"documented", jen.Index().String().Add(listOf(ks...))})
	}
	return jen.Id("EndpointInfo").Add(keyed(d))
}

// authRequired reports whether the request headers table lists
// Authorization (Graph pages write "Bearer {token}. Required.").
func authRequired(ep *ir.Endpoint) bool {
	return slices.ContainsFunc(ep.Headers, func(h ir.HeaderSpec) bool {
		return strings.EqualFold(strings.TrimSpace(h.Name), "Authorization")
	})
}
