package generator

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// routeEndpoints turns every endpoint's request lines into routes and
// registers them, in page order, on the plan's router: a line serving the
// same requests as an earlier endpoint's joins that endpoint (a shared
// route), so no two routes of the generated NewHandler conflict.
//
// Pages whose request lines end in fewer distinct collections register
// first: a page creating one kind of thing owns its lines before a generic
// page (beta multivaluelegacyextendedproperty-post-multivalueextendedproperties.md
// documents creating messages, events, tasks, contacts... with extended
// properties), so the generic page's lines join the specific pages.
// Among pages of equal spread, a page posting its own resource (its body
// type is named after the collection) registers before one posting a
// variant of another resource, and a stub page after the others, by the
// rule the linker uses for type declarations: POST /users is served by
// v1.0 user-post-users.md, not intune-shared-user-create.md.
func (pl *planner) routeEndpoints() {
	var routed []*endpointInfo
	for _, re := range pl.rankedEndpoints() {
		e := re.e
		if e.reason != "" {
			continue
		}
		ep := e.ep
		e.method = strings.ToUpper(strings.TrimSpace(ep.Method))
		e.status = ep.Status
		if e.status == 0 {
			e.status = e.kind.defaultStatus()
		}
		if (e.status < 200 || e.status > 299) && !(ep.Redirect && e.status == 302) {
			pl.skip(e, ep.Pos, ir.CodeUnsupportedStatus, "endpoint: status %d is not a success status", e.status)
			continue
		}
		e.planShape()
		shared := -1
		for i, ps := range ep.Paths {
			if owner := pl.addRoute(e, ps, re.lines[i]); owner >= 0 && shared < 0 {
				shared = owner
			}
		}
		if len(e.routes) == 0 && shared >= 0 && pl.endpoints[shared].primary == nil {
			p := pl.endpoints[shared]
			e.primary = p
			p.members = append(p.members, e)
			continue
		}
		if len(e.routes) == 0 {
			pos, why := ep.Pos, "none written"
			if e.routeErr != "" {
				pos, why = e.routeErrPos, e.routeErr
			}
			pl.skip(e, pos, ir.CodeNoRoute, "endpoint: no request line can be routed (%d written): %s", len(ep.Paths), why)
			continue
		}
		routed = append(routed, e)
	}
	// Path and query fields depend on each endpoint's own routes and page.
	planEach(len(routed), func(i int) {
		routed[i].collectParams()
		routed[i].planQuery()
	})
	for _, e := range pl.endpoints {
		if len(e.members) > 0 {
			pl.widen(e)
		}
	}
}

// rankedEndpoint is an endpoint with its request lines parsed and its
// registration rank (see routeEndpoints).
type rankedEndpoint struct {
	e                             *endpointInfo
	lines                         []parsedLine // parallel to e.ep.Paths
	shared, spread, foreign, stub int
}

// rankEndpoints parses the request lines of every endpoint of the doc
// set and ranks it (see routeEndpoints), on every core, by DocSet
// position (e unset): it reads the doc set alone, so that NewPlan runs
// it beside the indexing. Every request line is parsed once, here: the
// rank reads them and addRoute registers them.
func rankEndpoints(eps []*ir.Endpoint) []rankedEndpoint {
	ranks := make([]rankedEndpoint, len(eps))
	planEach(len(eps), func(i int) {
		ep := eps[i]
		if ep == nil {
			ep = &ir.Endpoint{} // as index stands in for it
		}
		lines := parseRequestLines(ep)
		spread, foreign := routeRank(ep, lines)
		ranks[i] = rankedEndpoint{nil, lines, sharedStubPage(ep.Page), spread, foreign, stubPage(ep.Page)}
	})
	return ranks
}

// rankedEndpoints returns the endpoints in registration order, ranked by
// rankEndpoints.
func (pl *planner) rankedEndpoints() []rankedEndpoint {
	sorted := pl.sortedEndpoints()
	eps := make([]rankedEndpoint, len(sorted))
	for i, e := range sorted {
		eps[i] = pl.ranks[e.index]
		eps[i].e = e
	}
	slices.SortStableFunc(eps, func(a, b rankedEndpoint) int {
		return cmp.Or(cmp.Compare(a.shared, b.shared), cmp.Compare(a.spread, b.spread), cmp.Compare(a.foreign, b.foreign), cmp.Compare(a.stub, b.stub))
	})
	return eps
}

// parsedLine is a request line parsed for its page's method.
type parsedLine struct {
	method string // as parseRoute was given it
	r      route
	err    error
}

// parseRequestLines parses each of ep's request lines, a line without a
// method of its own for the page's method (as routeEndpoints sets it).
func parseRequestLines(ep *ir.Endpoint) []parsedLine {
	lines := make([]parsedLine, len(ep.Paths))
	for i, ps := range ep.Paths {
		l := &lines[i]
		l.method = cmp.Or(ps.Method, strings.ToUpper(strings.TrimSpace(ep.Method)))
		l.r, l.err = parseRoute(l.method, ps.Template)
	}
	return lines
}

// addRoute registers one request line of e, parsed (parsed, unless e's
// method has changed since). When an earlier endpoint already serves
// exactly this route it returns that endpoint's index (else -1).
func (pl *planner) addRoute(e *endpointInfo, ps ir.PathSyntax, parsed parsedLine) int {
	method := ps.Method
	if method == "" {
		method = e.method
	}
	if e.method != "" && !strings.EqualFold(method, e.method) {
		pl.diags.Warnf(ps.Pos, ir.CodeMethodMismatch, "request line: method %s differs from the endpoint's %s; path left out", method, e.method)
		e.noteRouteErr(ps.Pos, fmt.Sprintf("method %s differs from the endpoint's %s", method, e.method))
		return -1
	}
	r, err := parsed.r, parsed.err
	if method != parsed.method {
		r, err = parseRoute(method, ps.Template) // a line before gave the page its method
	}
	if err != nil {
		pl.diags.Warnf(ps.Pos, ir.CodeUnroutablePath, "%v; path left out", err)
		e.noteRouteErr(ps.Pos, err.Error())
		return -1
	}
	if e.method == "" {
		e.method = r.Method
	}
	owner, ok, err := pl.router.add(r, e.index)
	switch {
	case ok:
	case owner == e.index:
		pl.diags.Warnf(ps.Pos, ir.CodeRouteDuplicate, "request line: %q repeats an earlier line of this page; left out", r.Pattern())
		return -1
	case owner >= 0:
		// Not a defect: Intune documents one create page per derived type,
		// all posting to the base collection. Unrelated body types sharing a
		// route are reported as shared-route-types.
		return owner
	default:
		pl.diags.Warnf(ps.Pos, ir.CodeRouteConflict, "request line: %q: %v; path left out", r.Pattern(), err)
		e.noteRouteErr(ps.Pos, fmt.Sprintf("%q: %v", r.Pattern(), err))
		return -1
	}
	e.routes = append(e.routes, r)
	return -1
}

// routeRank returns the number of distinct last segments of ep's
// routable request lines (its spread), and 1 when none of those
// collections is named after ep's body type (foreign: the page posts a
// variant of another resource), else 0. lines are ep's request lines
// parsed (a line's route does not depend on how its method is spelled,
// and it parses only when the method, upper-cased, is a token).
func routeRank(ep *ir.Endpoint, lines []parsedLine) (spread, foreign int) {
	body := ""
	if ep.Body != nil {
		body = ep.Body.Target[strings.LastIndexByte(ep.Body.Target, '.')+1:]
	}
	seen := map[string]bool{}
	foreign = 1
	for i, ps := range ep.Paths {
		method := ps.Method
		if method == "" {
			method = ep.Method
		}
		r, err := lines[i].r, lines[i].err
		if err != nil || !strings.EqualFold(method, ep.Method) {
			continue
		}
		last := r.Segments[len(r.Segments)-1].Lit
		seen[last] = true
		if body != "" && strings.EqualFold(singular(last), body) {
			foreign = 0
		}
	}
	return len(seen), foreign
}

// stubPage is 1 for an Intune or shared stub page (intune-*.md,
// *-shared-*.md), which documents another area's operation in passing.
func stubPage(page string) int {
	file := strings.ToLower(path.Base(page))
	if strings.HasPrefix(file, "intune-") || strings.Contains(file, "-shared-") {
		return 1
	}
	return 0
}

// sharedStubPage is 1 for an Intune page restating an operation of a
// resource documented elsewhere (intune-shared-user-get.md documents
// GET /users/{usersId}, which user-get.md documents with GET /me): it
// registers after every other page, so the resource's own page owns the
// route whatever its number of request lines and the stub joins it.
func sharedStubPage(page string) int {
	if strings.Contains(strings.ToLower(path.Base(page)), "-shared-") {
		return 1
	}
	return 0
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
	fields := fieldScope{"Body", "Header"}
	for _, r := range e.routes {
		for _, s := range r.Params() {
			if seen[s.Param] {
				continue
			}
			seen[s.Param] = true
			field := fields.add(goName(s.Param))
			e.params = append(e.params, paramInfo{wildcard: s.Param, field: field, doc: s.Doc})
		}
	}
}

// skip marks e as not generated, with a diagnostic at pos.
func (pl *planner) skip(e *endpointInfo, pos ir.Pos, code ir.Code, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	pl.diags.Warnf(pos, code, "%s", msg)
	e.ok, e.reason = false, msg
}
