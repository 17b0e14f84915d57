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
	_, err := c.callStatus(ctx, ep, route, params, q, body, out, want)
	return err
}

// callStatus is call returning the status that answered: the client
// method of a PUT documenting several success statuses (201 created, 200
// replaced) returns it, as its Server method does.
func (c *Client) callStatus(ctx context.Context, ep *EndpointInfo, route string, params []string, q *Query, body, out any, want int) (int, error) {
	path, err := fillRoute(ep, route, params)
	if err != nil {
		return 0, err
	}
	return c.doStatus(ctx, ep.Method, path+q.encode(), body, out, ep.accepts(want)...)
}

// fillRoute checks that route is one of ep's request lines and replaces
// its placeholders by params, in order, path-escaped: whole segments,
// keys (companies('{companyID}')) and function parameters
// (getEmailActivityCounts(period='{period}')). Inside quotes a value is an
// OData string literal, its quotes doubled; a drive path
// (root:/{itemPath}:) keeps its slashes. An empty parameter would
// address another resource, so it is an error, except as a quoted
// function parameter (two quotes are an empty string); so is a value that an
// unquoted key or parameter cannot hold.
func fillRoute(ep *EndpointInfo, route string, params []string) (string, error) {
	known := false
	for _, p := range ep.Patterns {
		method, path, ok := strings.Cut(p, " ")
		known = known || ok && method == ep.Method && path == route
	}
	if !known {
		return "", fmt.Errorf("%s: %q is not one of its routes %s", ep.Operation, route, routesOf(ep))
	}
	var b strings.Builder
	n, rest := 0, route
	for {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest[max(i, 0):], '}') + max(i, 0)
		if i < 0 || j < i {
			b.WriteString(rest)
			break
		}
		if n == len(params) {
			return "", fmt.Errorf("%s %s: %d path parameters given, want more", ep.Operation, route, len(params))
		}
		before, v := rest[:i], params[n]
		quoted := strings.HasSuffix(before, "'")
		if v == "" && !strings.HasSuffix(before, "='") {
			return "", errEmptyParam(ep.Operation, rest[i+1:j])
		}
		escaped := url.PathEscape(v)
		switch {
		case strings.HasSuffix(before, ":/") && strings.HasPrefix(rest[j+1:], ":"):
			var err error
			if escaped, err = escapeDrivePath(v); err != nil {
				return "", fmt.Errorf("%s %s: parameter %s: %w", ep.Operation, route, rest[i+1:j], err)
			}
		case quoted:
			escaped = url.PathEscape(strings.ReplaceAll(v, "'", "''"))
		case strings.ContainsAny(before[max(len(before)-1, 0):], "(=") && strings.ContainsAny(v, "'(),="):
			return "", fmt.Errorf("%s %s: parameter %s: %q is not an unquoted OData value (a number, date or GUID)", ep.Operation, route, rest[i+1:j], v)
		}
		b.WriteString(before)
		b.WriteString(escaped)
		n, rest = n+1, rest[j+1:]
	}
	if n != len(params) {
		return "", fmt.Errorf("%s %s: %d path parameters given, want %d", ep.Operation, route, len(params), n)
	}
	return b.String(), nil
}

// escapeDrivePath escapes a drive path (root:/{itemPath}:): each
// segment path-escaped, its colons too (the router ends the path at the
// first segment ending in one), the slashes kept. A segment cannot be
// empty, "." or "..".
func escapeDrivePath(v string) (string, error) {
	segs := strings.Split(v, "/")
	for i, seg := range segs {
		if seg == "" || seg == "." || seg == ".." {
			return "", fmt.Errorf("%q is not a drive path (segments separated by single slashes, not \".\" or \"..\")", v)
		}
		segs[i] = strings.ReplaceAll(url.PathEscape(seg), ":", "%3A")
	}
	return strings.Join(segs, "/"), nil
}

// routesOf lists ep's routes without the method, for error messages.
func routesOf(ep *EndpointInfo) string {
	routes := make([]string, len(ep.Patterns))
	for i, p := range ep.Patterns {
		routes[i] = strings.TrimPrefix(p, ep.Method+" ")
	}
	return strings.Join(routes, ", ")
}
