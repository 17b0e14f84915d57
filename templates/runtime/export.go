package runtime

import "net/http"

// This file is docs2go's window on the router: templates.Support does not
// copy it into generated packages. The generator plans routes, attributes
// examples and builds client paths with the router's and the client's own
// code, so a route conflict is a plan-time warning, never a surprise in
// the generated handler.

// RouteTable is a router whose routes carry an owner number (the
// generator's endpoint index) instead of a handler.
type RouteTable struct{ rt router }

// routeOwner is the owner number as the router's handler.
type routeOwner int

func (routeOwner) ServeHTTP(http.ResponseWriter, *http.Request) {}

// NewRouteTable returns an empty table.
func NewRouteTable() *RouteTable { return &RouteTable{} }

// Add registers pattern ("METHOD /path") for owner, as the generated
// NewHandler will. When an earlier route serves the same requests (same
// method and shape) it returns that route's owner and an error; a pattern
// the router rejects gives -1 and an error.
func (t *RouteTable) Add(pattern string, owner int) (sameAs int, err error) {
	e, err := t.rt.add(pattern, routeOwner(owner))
	if err != nil && e != nil {
		return int(e.h.(routeOwner)), err
	}
	return -1, err
}

// Match returns the owner of the route the generated handler would serve
// method and path (escaped, as in a request URL) with, and the names and
// values of its wildcards; -1 when none.
func (t *RouteTable) Match(method, path string) (owner int, names, values []string) {
	e, vals := t.rt.match(method, path)
	if e == nil {
		return -1, nil, nil
	}
	return int(e.h.(routeOwner)), e.names, vals
}

// FillRoute is the path the generated client sends for route (a pattern
// without its method) and its parameters in order.
func FillRoute(route string, params []string) (string, error) {
	ep := &EndpointInfo{Operation: "route", Method: "GET", Patterns: []string{"GET " + route}}
	return fillRoute(ep, route, params)
}

// CallArg is an argument of an OData call segment: name=value, or a key
// (Name ""). Value is as written (quoted strings keep their quotes).
type CallArg struct{ Name, Value string }

// ParseCall reads an OData call segment name(args) as the router does:
// isCall is false when seg is no call, ok false when its arguments are
// malformed (unbalanced quotes, empty arguments, a key among named
// arguments). name() has no arguments.
func ParseCall(seg string) (name string, args []CallArg, isCall, ok bool) {
	name, inner, isCall := cutCall(seg)
	if !isCall {
		return "", nil, false, false
	}
	if inner == "" {
		return name, nil, true, true
	}
	list, ok := parseArgs(inner, nil)
	for _, a := range list {
		args = append(args, CallArg{a.name, a.value})
	}
	return name, args, true, ok
}

// CheckQuery returns the 400 the generated handler answers a request
// with this query (escaped, as in a URL) with, nil when it parses: the
// plan gives an example whose documented URL the handler would refuse a
// query it accepts, with a warning, instead of a failing test.
func CheckQuery(raw string) error {
	if _, err := parseQuery(raw); err != nil {
		return err
	}
	return nil
}
