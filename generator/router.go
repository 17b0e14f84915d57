package generator

import (
	"github.com/docs2go/docs2go/templates/runtime"
)

// router is the plan-time model of the generated NewHandler: the generated
// package's own router (templates/runtime/router.go), with endpoint
// indexes for handlers. Two routes conflict exactly when the router would
// serve the same requests with both (same method and shape: literals
// compared ignoring case, keys read as segments, function parameters in
// any order), and an overlap is no conflict: the router prefers the more
// specific route, as match does here.
type router struct {
	table *runtime.RouteTable
}

func newRouter() *router { return &router{table: runtime.NewRouteTable()} }

// add registers r for endpoint ep. When an earlier route serves the same
// requests it returns that route's endpoint (ep itself for a line the page
// repeats) and ok false; err is set when the router rejects the pattern.
func (rt *router) add(r route, ep int) (owner int, ok bool, err error) {
	owner, err = rt.table.Add(r.Pattern(), ep)
	return owner, err == nil, err
}

// match returns the endpoint index whose route serves method path (an
// escaped URL path), or -1.
func (rt *router) match(method, path string) int {
	owner, _, _ := rt.table.Match(method, path)
	return owner
}

// fill returns the path the generated client sends on r with the wildcard
// values in Params order.
func (r route) fill(values []string) (string, error) {
	return runtime.FillRoute(r.Path(), values)
}

// values matches path (escaped) against r alone: the values of its
// wildcards in Params order, ok false when r does not serve path or a
// value is empty.
func (r route) values(path string) ([]string, bool) {
	t := runtime.NewRouteTable()
	if _, err := t.Add(r.Pattern(), 0); err != nil {
		return nil, false
	}
	owner, names, vals := t.Match(r.Method, path)
	if owner < 0 {
		return nil, false
	}
	byName := make(map[string]string, len(names))
	for i, n := range names {
		byName[n] = vals[i]
	}
	var out []string
	for _, p := range r.Params() {
		if byName[p.Param] == "" {
			return nil, false
		}
		out = append(out, byName[p.Param])
	}
	return out, true
}
