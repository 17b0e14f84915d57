package generator

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"
)

// emitClientSubtest adds the "client" subtest of an example test: the
// generated Client sends the documented request through NewHandler to the
// fake Server, and what it returns must equal the documented response.
func (em emitter) emitClientSubtest(b *jen.Group, e *endpointInfo, ex exampleInfo) {
	owner := e
	if e.primary != nil {
		owner = e.primary // members are served, and called, through their primary
	}
	r, args, ok := em.clientRoute(owner, ex.target)
	if !ok {
		return
	}
	if owner.shape.target {
		return // the client follows the redirect to a URL the test cannot serve
	}
	client := clientCall(owner, r, args, jen.Id("body"), targetQuery(ex.target))
	b.Id("t.Run").Call(jen.Lit("client"), jen.Func().Params(jen.Id("t *").Qual("testing", "T")).BlockFunc(func(h *jen.Group) {
		h.Id("client := exampleClient").Call(jen.Id("t"), jen.Id("NewHandler").Call(em.exampleFake(owner, ex)))
		if !owner.shape.noBody {
			h.Id("body := decodeExample").Types(em.bodyType(owner)).Call(jen.Id("t"), jen.Id("req"))
		}
		status := "" // the status result of a PUT documenting several
		if owner.shape.statuses != nil {
			status = "status, "
		}
		switch {
		case owner.shape.content:
			h.Id("got, err :=").Add(client)
			h.Id("checkClientStream(t, err, got, " + strconv.Quote(exampleContent) + ")")
		case !owner.answers():
			h.Id(status + "err :=").Add(client)
			h.Id("checkClientAnswer(t, err, nil, nil)")
		case ex.response == nil:
			h.Id("_, " + status + "err :=").Add(client)
			h.Id("checkClientAnswer(t, err, nil, nil)")
		default:
			h.Id("got, " + status + "err :=").Add(client)
			h.Id("checkClientAnswer(t, err, resp, got)")
		}
		if status != "" {
			h.Id("checkClientStatus").Call(jen.Id("t"), jen.Id("status"), jen.Lit(cmp.Or(ex.status, owner.status)))
		}
	}))
}

// clientCall is the call of e's client method that sends body (when it
// takes one) and the query options of the raw query (when it takes them)
// on r with the path arguments args: X with named arguments on the first route, XAt
// with the route and its arguments on any other.
func clientCall(e *endpointInfo, r route, args []string, body jen.Code, query string) *jen.Statement {
	ctx := jen.Qual("context", "Background").Call()
	width := []string{"got, err := client.", e.name, "context.Background()", "body"}
	var tail []jen.Code // the body and query arguments
	if !e.shape.noBody {
		tail = append(tail, body)
	}
	switch {
	case e.shape.query && query != "":
		tail = append(tail, jen.Id("exampleQuery").Call(jen.Id("t"), longLit(query)))
		width = append(width, "exampleQuery(t, ", query)
	case e.shape.query:
		tail = append(tail, jen.Nil())
	}
	if r.Path() == e.routes[0].Path() {
		call := []jen.Code{ctx}
		for _, a := range args {
			call = append(call, jen.Lit(a))
			width = append(width, a)
		}
		call = append(call, tail...)
		return jen.Id("client." + e.name).Add(argsOf(long(width...), call...))
	}
	call := append([]jen.Code{ctx, pathLit(r.Path())}, tail...)
	width = append(width, "At", r.Path())
	for _, a := range args {
		call = append(call, jen.Lit(a))
		width = append(width, a)
	}
	return jen.Id("client." + e.name + "At").Add(argsOf(long(width...), call...))
}

// clientRoute returns the route and path arguments the client call of an
// example passes: the route the example's target is written on, with the
// target's values, else the first route with the wildcard names as
// values. ok is false when the path the client builds does not reach e
// (shadowed by another endpoint).
func (em emitter) clientRoute(e *endpointInfo, target string) (route, []string, bool) {
	if target == "" {
		return route{}, nil, false
	}
	target, _, _ = strings.Cut(target, "?")
	for _, r := range e.routes {
		if args, ok := r.values(target); ok && em.reaches(e, r, args) {
			return r, args, true
		}
	}
	r := e.routes[0]
	var args []string
	for _, s := range r.Params() {
		args = append(args, s.Param)
	}
	return r, args, em.reaches(e, r, args)
}

// reaches reports whether the path the client builds from r and args
// routes back to e.
func (em emitter) reaches(e *endpointInfo, r route, args []string) bool {
	path, err := r.fill(args)
	return err == nil && em.router.match(e.method, path) == e.index
}

// targetQuery is the raw query of a test target, "" when it has none.
func targetQuery(target string) string {
	_, q, _ := strings.Cut(target, "?")
	return q
}
