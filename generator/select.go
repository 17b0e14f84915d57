package generator

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// Endpoint selection. A user who calls a dozen endpoints gets a package
// with those endpoints and the types they reach, nothing else. Selection
// prunes a finished Plan: every name was decided on the whole doc set, so
// a type or method keeps its Go name when the selection grows and the
// user's code keeps compiling.
//
// What a selected endpoint reaches: its request body and answer types, the
// types and enums of their properties, transitively, and, wherever a value
// is polymorphic (a wrapper AnyB: a non-collection body or answer, or any
// property, whose type has derived types), the base type and every type
// derived from it, since the wire may carry any of them. A collection body
// or answer ([]B) is not polymorphic, so B's derived types are reached
// only if something else reaches them; Pruning.Derived lists those left
// out.
//
// Shared routes: an endpoint whose routes another ("primary") endpoint
// serves has no method of its own. Selecting it selects the primary's
// method (through which it is called) and keeps its own golden tests;
// the primary's other members stay out unless selected too. Selecting
// the primary keeps its members only when they are selected.

// Selection is the include and exclude patterns of a run. An empty
// Include selects every endpoint; Exclude then removes endpoints.
type Selection struct {
	Include, Exclude []Pattern
}

// Empty reports whether s selects everything.
func (s Selection) Empty() bool { return len(s.Include) == 0 && len(s.Exclude) == 0 }

// Pattern is one selection pattern, matched against an endpoint:
//
//   - a route, when it starts with "/" or with an HTTP method and a space:
//     "GET /users/{id}", "/deviceManagement/**". "*" matches within a path
//     segment, "**" any number of segments, "{...}" any path parameter
//     (the parameter's name is not compared); routes compare without case,
//     as Graph's do. Without a method, any method matches.
//   - a page glob, when it ends in ".md": "api/intune-*.md" (path.Match,
//     on the docs-relative page or any trailing part of it that starts at
//     a folder).
//   - otherwise a Go name glob: "CreateUser", "Create*Message" (path.Match).
//     An endpoint served through a primary's method matches its own name
//     (that of its tests) and the method's.
type Pattern struct {
	Text string
	Pos  ir.Pos // where it was written, for errors; File may be a flag name
}

// Pruning is what Select left out that a user may miss.
type Pruning struct {
	// Derived lists, by qualified name, the types derived from a kept type
	// that nothing selected reaches.
	Derived []PrunedType
}

// PrunedType is a type Select left out.
type PrunedType struct {
	Name   string // qualified, e.g. "microsoft.graph.iosVppApp"
	GoName string // the name it has in the full package
	Base   string // the kept type it derives from, qualified
	Pos    ir.Pos
}

// Select returns the plan of the endpoints sel selects and the types they
// reach; plan is not changed. A pattern that matches no endpoint is an
// error naming its position. An empty selection returns plan itself.
func (plan *Plan) Select(sel Selection) (*Plan, *Pruning, error) {
	if sel.Empty() {
		return plan, &Pruning{}, nil
	}
	chosen, err := plan.matchSelection(sel)
	if err != nil {
		return nil, nil, err
	}
	out := plan.keepEndpoints(chosen)
	r := newReach(plan)
	for _, e := range out.endpoints {
		if e.hasTests() {
			r.endpoint(e)
		}
	}
	out.types, out.enums, out.polys = r.keptTypes(), r.keptEnums(), r.keptPolys()
	return out, &Pruning{Derived: r.prunedDerived()}, nil
}

// matchSelection returns the indexes of the selected endpoints, with the
// primaries of selected members.
func (plan *Plan) matchSelection(sel Selection) (map[int]bool, error) {
	var errs []error
	hits := func(ps []Pattern, kind string) []map[int]bool {
		sets := make([]map[int]bool, len(ps))
		for i, p := range ps {
			sets[i] = map[int]bool{}
			for _, e := range plan.endpoints {
				if e.ep != nil && matchEndpoint(p.Text, e) {
					sets[i][e.index] = true
				}
			}
			if len(sets[i]) == 0 {
				errs = append(errs, fmt.Errorf("%s: %s pattern %q matches no endpoint", p.Pos, kind, p.Text))
			}
		}
		return sets
	}
	inc, exc := hits(sel.Include, "include"), hits(sel.Exclude, "exclude")
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	chosen := map[int]bool{}
	for _, e := range plan.endpoints {
		in := len(inc) == 0 || slices.ContainsFunc(inc, func(s map[int]bool) bool { return s[e.index] })
		if in && !slices.ContainsFunc(exc, func(s map[int]bool) bool { return s[e.index] }) {
			chosen[e.index] = true
		}
	}
	for _, e := range plan.endpoints {
		if chosen[e.index] && e.primary != nil {
			chosen[e.primary.index] = true
		}
	}
	return chosen, nil
}

// matchEndpoint reports whether pattern selects e.
func matchEndpoint(pattern string, e *endpointInfo) bool {
	switch {
	case isRoutePattern(pattern):
		method, route := "", pattern
		if !strings.HasPrefix(pattern, "/") {
			method, route, _ = strings.Cut(pattern, " ")
		}
		if method != "" && !strings.EqualFold(method, e.ep.Method) {
			return false
		}
		return slices.ContainsFunc(e.ep.Paths, func(ps ir.PathSyntax) bool { return matchRoute(route, ps.Template) })
	case strings.HasSuffix(pattern, ".md"):
		return MatchPageGlob(pattern, e.ep.Page)
	default:
		own, _ := path.Match(pattern, e.name)
		served := false
		if e.primary != nil {
			served, _ = path.Match(pattern, e.primary.name)
		}
		return own || served
	}
}

// isRoutePattern reports whether p is a route: "/..." or "METHOD /...".
func isRoutePattern(p string) bool {
	if strings.HasPrefix(p, "/") {
		return true
	}
	method, rest, ok := strings.Cut(p, " ")
	return ok && strings.HasPrefix(strings.TrimSpace(rest), "/") && method == strings.ToUpper(method) && method != ""
}

// matchRoute matches a route pattern against a documented template,
// segment by segment.
func matchRoute(pattern, template string) bool {
	if i := strings.IndexAny(template, "?"); i >= 0 {
		template = template[:i]
	}
	return matchSegments(routeSegments(pattern), routeSegments(template))
}

// routeSegments lower-cases a route, reduces every "{...}" to "{}" and
// splits it at "/".
func routeSegments(route string) []string {
	var b strings.Builder
	depth := 0
	for _, r := range strings.ToLower(strings.TrimSpace(route)) {
		switch {
		case r == '{':
			if depth == 0 {
				b.WriteString("{}")
			}
			depth++
		case r == '}' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.Split(strings.Trim(b.String(), "/"), "/")
}

func matchSegments(pat, segs []string) bool {
	if len(pat) == 0 {
		return len(segs) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(segs); i++ {
			if matchSegments(pat[1:], segs[i:]) {
				return true
			}
		}
		return false
	}
	if len(segs) == 0 {
		return false
	}
	ok, _ := path.Match(pat[0], segs[0])
	return ok && matchSegments(pat[1:], segs[1:])
}

// MatchPageGlob matches a path.Match glob against a slash path or, when
// the glob does not start with "/", against any trailing part of the path
// that starts at a folder, so "api/intune-*.md" matches
// "beta/api/intune-x-create.md"; a leading "/" anchors the glob. The lint
// suppressions match pages the same way.
func MatchPageGlob(glob, file string) bool {
	if anchored, ok := strings.CutPrefix(glob, "/"); ok {
		match, _ := path.Match(anchored, file)
		return match
	}
	for {
		if ok, _ := path.Match(glob, file); ok {
			return true
		}
		i := strings.IndexByte(file, '/')
		if i < 0 {
			return false
		}
		file = file[i+1:]
	}
}

// keepEndpoints copies plan with the endpoints not chosen marked as not
// generated and without tests. The kept primaries' member lists hold only
// the kept members, in their order.
func (plan *Plan) keepEndpoints(chosen map[int]bool) *Plan {
	out := *plan
	out.endpoints = make([]*endpointInfo, len(plan.endpoints))
	copies := map[*endpointInfo]*endpointInfo{}
	for i, e := range plan.endpoints {
		c := *e
		if !chosen[e.index] {
			if c.ok || c.primary != nil {
				c.reason = "not selected"
			}
			c.ok, c.primary, c.members = false, nil, nil
		}
		out.endpoints[i] = &c
		copies[e] = &c
	}
	for _, c := range out.endpoints {
		if c.primary != nil {
			c.primary = copies[c.primary]
		}
		var members []*endpointInfo
		for _, m := range c.members {
			if chosen[m.index] {
				members = append(members, copies[m])
			}
		}
		c.members = members
	}
	return &out
}
