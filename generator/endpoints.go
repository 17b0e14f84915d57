package generator

import (
	"cmp"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// routeEndpoints turns every endpoint's request lines into routes and
// registers them, in page order, on one ServeMux: a path that conflicts
// with an earlier endpoint's is dropped with a diagnostic, so the
// generated NewHandler can never panic at registration.
//
// Pages whose request lines end in fewer distinct collections register
// first: a page creating one kind of thing owns its lines before a generic
// page (beta multivaluelegacyextendedproperty-post-multivalueextendedproperties.md
// documents creating messages, events, tasks, contacts... with extended
// properties), so the generic page's lines join the specific pages.
func (g *gen) routeEndpoints() {
	eps := g.sortedEndpoints()
	spreads := make(map[*endpointInfo]int, len(eps)) // computed once: it parses every request line
	for _, e := range eps {
		spreads[e] = spread(e.ep)
	}
	slices.SortStableFunc(eps, func(a, b *endpointInfo) int { return cmp.Compare(spreads[a], spreads[b]) })
	for _, e := range eps {
		if e.reason != "" {
			continue
		}
		ep := e.ep
		e.method = strings.ToUpper(strings.TrimSpace(ep.Method))
		e.status = ep.Status
		if e.status == 0 {
			e.status = http.StatusCreated
		}
		if e.status < 200 || e.status > 299 {
			g.skip(e, ep.Pos, "unsupported-status", "endpoint: status %d is not a success status", e.status)
			continue
		}
		if ep.Body != nil {
			e.body = *ep.Body
		} else {
			e.body = ir.TypeRef{Raw: "(no body type)"} // unresolved: raw JSON
		}
		e.result = ep.Result
		shared := -1
		for _, ps := range ep.Paths {
			if owner := g.addRoute(e, ps); owner >= 0 && shared < 0 {
				shared = owner
			}
		}
		if len(e.routes) == 0 && shared >= 0 && g.endpoints[shared].primary == nil {
			p := g.endpoints[shared]
			e.primary = p
			p.members = append(p.members, e)
			continue
		}
		if len(e.routes) == 0 {
			pos, why := ep.Pos, "none written"
			if e.routeErr != "" {
				pos, why = e.routeErrPos, e.routeErr
			}
			g.skip(e, pos, "no-route", "endpoint: no request line can be routed (%d written): %s", len(ep.Paths), why)
			continue
		}
		e.collectParams()
	}
	for _, e := range g.endpoints {
		if len(e.members) > 0 {
			g.widen(e)
		}
	}
}

// addRoute parses and registers one request line of e. When an earlier
// endpoint already serves exactly this route it returns that endpoint's
// index (else -1).
func (g *gen) addRoute(e *endpointInfo, ps ir.PathSyntax) int {
	method := ps.Method
	if method == "" {
		method = e.method
	}
	if e.method != "" && !strings.EqualFold(method, e.method) {
		g.diags.Warnf(ps.Pos, "method-mismatch", "request line: method %s differs from the endpoint's %s; path left out", method, e.method)
		e.noteRouteErr(ps.Pos, fmt.Sprintf("method %s differs from the endpoint's %s", method, e.method))
		return -1
	}
	r, err := parseRoute(method, ps.Template)
	if err != nil {
		g.diags.Warnf(ps.Pos, "unroutable-path", "%v; path left out", err)
		e.noteRouteErr(ps.Pos, err.Error())
		return -1
	}
	if e.method == "" {
		e.method = r.Method
	}
	if owner, same := g.router.sameAs(r); same {
		if owner == e.index {
			g.diags.Warnf(ps.Pos, "route-duplicate", "request line: %q repeats an earlier line of this page with other placeholder names; left out", r.Pattern())
			return -1
		}
		// Not a defect: Intune documents one create page per derived type,
		// all posting to the base collection. Unrelated body types sharing a
		// route are reported as shared-route-types.
		return owner
	}
	if err := g.router.add(r, e.index); err != nil {
		g.diags.Warnf(ps.Pos, "route-conflict", "request line: %q %v; path left out", r.Pattern(), err)
		e.noteRouteErr(ps.Pos, fmt.Sprintf("%q %v", r.Pattern(), err))
		return -1
	}
	e.routes = append(e.routes, r)
	return -1
}

// spread counts the distinct last segments of ep's routable request lines.
func spread(ep *ir.Endpoint) int {
	seen := map[string]bool{}
	for _, ps := range ep.Paths {
		method := ps.Method
		if method == "" {
			method = ep.Method
		}
		r, err := parseRoute(method, ps.Template)
		if err != nil || !strings.EqualFold(method, ep.Method) {
			continue
		}
		seen[r.Segments[len(r.Segments)-1].Lit] = true
	}
	return len(seen)
}

// noteRouteErr keeps the first reason a request line was left out, for the
// skip reason when none is left.
func (e *endpointInfo) noteRouteErr(pos ir.Pos, msg string) {
	if e.routeErr == "" {
		e.routeErr, e.routeErrPos = pos.String()+": "+msg, pos
	}
}

// collectParams merges the routes' wildcards into the request fields.
func (e *endpointInfo) collectParams() {
	seen := map[string]bool{}
	fields := newNamer(new(ir.Diagnostics), "Body", "Header")
	for _, r := range e.routes {
		for _, s := range r.Params() {
			if seen[s.Param] {
				continue
			}
			seen[s.Param] = true
			field := fields.assign([]want{{Key: s.Param, Base: goName(s.Param)}})[s.Param]
			e.params = append(e.params, paramInfo{wildcard: s.Param, field: field, doc: s.Doc})
		}
	}
}

// skip marks e as not generated, with a diagnostic at pos.
func (g *gen) skip(e *endpointInfo, pos ir.Pos, code, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	g.diags.Warnf(pos, code, "%s", msg)
	e.ok, e.reason = false, msg
}

// nameEndpoints names each endpoint's method and everything derived from
// it (request type, handler, test fake, test functions).
func (g *gen) nameEndpoints(pkg *namer) {
	perPage := map[string]int{}
	var primaries, members []*endpointInfo
	for _, e := range g.sortedEndpoints() {
		perPage[e.ep.Page]++
		e.key = fmt.Sprintf("%s#%d", e.ep.Page, perPage[e.ep.Page])
		switch {
		case e.reason != "":
		case e.primary == nil:
			e.ok = true
			primaries = append(primaries, e)
		default:
			members = append(members, e)
		}
	}
	// Primaries (the Server and Client methods) are named first, so a
	// member page (its golden tests only) never lengthens or numbers them.
	got := nameGroup(pkg, primaries)
	maps.Copy(got, nameGroup(pkg, members))
	for _, e := range g.endpoints {
		if e.ok || e.primary != nil {
			e.name = got[e.key]
		}
		if e.primary != nil {
			e.routes, e.params = e.primary.routes, e.primary.params
		}
		if e.ok {
			for i := range e.params {
				e.params[i].arg = argName(e.params[i].wildcard)
			}
		}
	}
}

// nameGroup names eps in pkg. Pages creating the same kind of thing under
// different parents (chat and channel messages) are qualified by their
// paths (see qualify), so only true ties reach the namer's numeric suffix
// and its warning.
func nameGroup(pkg *namer, eps []*endpointInfo) map[string]string {
	parts := map[string]nameParts{}
	examples := map[string]int{}
	for _, e := range eps {
		if e.primary == nil {
			parts[e.key] = routeParts(e.routes[0])
		} else {
			parts[e.key] = memberParts(e)
		}
		examples[e.key] = len(e.ep.Examples)
	}
	bases := qualify(parts, func(key, b string) []string { return endpointIdents(b, examples[key]) }, pkg.isTaken)
	var ws []want
	for _, e := range eps {
		n := examples[e.key]
		ws = append(ws, want{Key: e.key, Base: bases[e.key], What: "endpoint", Pos: e.ep.Pos,
			Derive: func(b string) []string { return endpointIdents(b, n) }})
	}
	return pkg.assign(ws)
}

// endpointIdents lists the package identifiers an endpoint named b uses.
func endpointIdents(b string, examples int) []string {
	ids := []string{b, b + "Request", "handle" + b, "endpoint" + b, "Test" + b + "Unimplemented"}
	for i := 1; i <= examples; i++ {
		ids = append(ids, "example"+b+"Request"+strconv.Itoa(i), "example"+b+"Response"+strconv.Itoa(i))
		ids = append(ids, "Test"+b+"Example"+strconv.Itoa(i))
	}
	return ids
}

// clientLocals are names the client methods use besides the parameters.
var clientLocals = map[string]bool{"c": true, "ctx": true, "body": true, "out": true, "err": true, "url": true,
	"http": true, "context": true, "json": true}

// argName makes a path wildcard a client method parameter that shadows
// nothing the method body uses.
func argName(wildcard string) string {
	if clientLocals[wildcard] {
		return wildcard + "Param"
	}
	for _, n := range runtimeNames() {
		if n == wildcard {
			return wildcard + "Param"
		}
	}
	return wildcard
}

// endpointName derives the method name from the route's last literal
// segment: a collection ("androidDeviceOwnerEnrollmentProfiles") gives
// "Create" + its singular, an action ("microsoft.graph.createReply")
// gives its own name, prefixed with "Create" unless it already is. It is
// the name before any qualifying (see qualify).
func endpointName(r route) string { return routeParts(r).name(0) }
