package generator

import (
	"net/url"
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
	args, ok := em.clientArgs(owner, ex.target)
	if !ok {
		return
	}
	call := []jen.Code{jen.Qual("context", "Background").Call()}
	width := []string{"got, err := client.", owner.name, "context.Background()", "body"}
	for _, a := range args {
		call = append(call, jen.Lit(a))
		width = append(width, a)
	}
	call = append(call, jen.Id("body"))
	client := jen.Id("client").Dot(owner.name).Add(argsOf(long(width...), call...))
	b.Id("t").Dot("Run").Call(jen.Lit("client"), jen.Func().Params(jen.Id("t").Op("*").Qual("testing", "T")).BlockFunc(func(h *jen.Group) {
		h.Id("client").Op(":=").Id("exampleClient").Call(jen.Id("t"), jen.Id("NewHandler").Call(em.exampleFake(owner, ex)))
		h.Id("body").Op(":=").Id("decodeExample").Types(em.bodyType(owner)).Call(jen.Id("t"), jen.Id("req"))
		switch {
		case owner.result == nil:
			h.Err().Op(":=").Add(client)
			h.Id("checkClientAnswer").Call(jen.Id("t"), jen.Err(), jen.Nil(), jen.Nil())
		case ex.response == nil:
			h.List(jen.Id("_"), jen.Err()).Op(":=").Add(client)
			h.Id("checkClientAnswer").Call(jen.Id("t"), jen.Err(), jen.Nil(), jen.Nil())
		default:
			h.List(jen.Id("got"), jen.Err()).Op(":=").Add(client)
			h.Id("checkClientAnswer").Call(jen.Id("t"), jen.Err(), jen.Id("resp"), jen.Id("got"))
		}
	}))
}

// clientArgs returns the path arguments the client call of an example
// passes: the values of the example's target when it is written on the
// client's request line (the first route), else the wildcard names. ok is
// false when that line does not reach e (shadowed by another endpoint).
func (em emitter) clientArgs(e *endpointInfo, target string) ([]string, bool) {
	if target == "" {
		return nil, false
	}
	r := e.routes[0]
	segs := strings.Split(strings.TrimPrefix(target, "/"), "/")
	var args []string
	seen := map[string]bool{}
	matched := len(segs) == len(r.Segments)
	for i, s := range r.Segments {
		if !matched {
			break
		}
		if s.Param == "" {
			continue
		}
		v, err := url.PathUnescape(segs[i])
		if err != nil || v == "" {
			matched = false
			break
		}
		if !seen[s.Param] {
			seen[s.Param] = true
			args = append(args, v)
		}
	}
	if !matched {
		args, seen = nil, map[string]bool{}
		for _, s := range r.Params() {
			if !seen[s.Param] {
				seen[s.Param] = true
				args = append(args, s.Param)
			}
		}
	}
	// The path the client builds must route back to e.
	var b strings.Builder
	vals := map[string]string{}
	i := 0
	for _, s := range r.Params() {
		if _, ok := vals[s.Param]; !ok {
			vals[s.Param] = args[i]
			i++
		}
	}
	for _, s := range r.Segments {
		b.WriteByte('/')
		if s.Param != "" {
			b.WriteString(url.PathEscape(vals[s.Param]))
		} else {
			b.WriteString((&url.URL{Path: s.Lit}).EscapedPath())
		}
	}
	return args, em.router.match(e.method, b.String()) == e.index
}
