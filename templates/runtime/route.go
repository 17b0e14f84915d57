package runtime

import (
	"context"
	"fmt"
	"net/url"
	"strings"
)

// call sends body (nil for none) with the query options q (nil for none) on route, one of ep's request lines without the method
// as its Patterns write them (e.g. "/users/{userID}/events"), with the
// placeholders filled in order by params, and decodes a want-status answer
// into out. One generic path builder serves every client method, so a
// method is a single call whatever its number of routes.
func (c *Client) call(ctx context.Context, ep *EndpointInfo, route string, params []string, q *Query, body, out any, want int) error {
	path, err := fillRoute(ep, route, params)
	if err != nil {
		return err
	}
	return c.do(ctx, ep.Method, path+q.encode(), body, out, want)
}

// fillRoute checks that route is one of ep's request lines and replaces
// its placeholders by params, path-escaped. An empty parameter would
// address another resource, so it is an error.
func fillRoute(ep *EndpointInfo, route string, params []string) (string, error) {
	known := false
	for _, p := range ep.Patterns {
		method, path, ok := strings.Cut(p, " ")
		known = known || ok && method == ep.Method && path == route
	}
	if !known {
		return "", fmt.Errorf("%s: %q is not one of its routes %s", ep.Operation, route, routesOf(ep))
	}
	if len(params) == 0 && strings.HasPrefix(route, "/") && !strings.Contains(route, "{") {
		return route, nil // nothing to fill: the route is the path
	}
	var b strings.Builder
	n := 0
	for _, seg := range strings.Split(strings.TrimPrefix(route, "/"), "/") {
		b.WriteByte('/')
		if !strings.HasPrefix(seg, "{") {
			b.WriteString(seg)
			continue
		}
		if n == len(params) {
			return "", fmt.Errorf("%s %s: %d path parameters given, want more", ep.Operation, route, len(params))
		}
		if params[n] == "" {
			return "", errEmptyParam(ep.Operation, strings.Trim(seg, "{}"))
		}
		b.WriteString(url.PathEscape(params[n]))
		n++
	}
	if n != len(params) {
		return "", fmt.Errorf("%s %s: %d path parameters given, want %d", ep.Operation, route, len(params), n)
	}
	return b.String(), nil
}

// routesOf lists ep's routes without the method, for error messages.
func routesOf(ep *EndpointInfo) string {
	routes := make([]string, len(ep.Patterns))
	for i, p := range ep.Patterns {
		routes[i] = strings.TrimPrefix(p, ep.Method+" ")
	}
	return strings.Join(routes, ", ")
}
