package generator

import (
	"fmt"
	"strings"
)

// route is one request line of an endpoint as a pattern of the generated
// package's router (templates/runtime/router.go).
type route struct {
	Method   string
	Segments []segment // at least one; "/" alone is not a create path
	Template string    // as written, for comments and diagnostics
}

// segment is a path segment: a literal (Lit), a single-segment wildcard
// (Param), an OData key Lit('{Param}') (Key), a function call
// Lit(a='{x}',b={y}) whose parameters are wildcards (Args), or a wildcard
// of drive path addressing {Param}: (Colon): a segment ending in a colon
// (items/{parent-id}:), or, after a segment ending in one (root:), a path
// of segments up to the next colon (root:/{item-path}:/content).
type segment struct {
	Lit    string    // literal text; the name before the parentheses of a key or call
	Param  string    // wildcard name, a Go identifier unique in the route
	Doc    string    // the placeholder as written, e.g. "{id | userPrincipalName}"
	Key    bool      // Lit(Param): an OData key
	Quoted bool      // the key is an OData string: Lit('{Param}')
	Args   []funcArg // the parameters of a function call, as written
	Colon  bool      // {Param}: drive path addressing
}

// funcArg is a parameter of a function segment, bound to a wildcard.
type funcArg struct {
	Name   string // the parameter name as written
	Param  string // wildcard name
	Doc    string // the value as written
	Quoted bool   // an OData string: name='{Param}'
}

// Pattern returns the router pattern, e.g. "POST /users/{userID}/events".
func (r route) Pattern() string { return r.Method + " " + r.Path() }

// Path returns the path part of the pattern: what the router registers
// and the client fills in.
func (r route) Path() string {
	var b strings.Builder
	for _, s := range r.Segments {
		b.WriteByte('/')
		b.WriteString(s.text())
	}
	return b.String()
}

// text is s as the router reads it.
func (s segment) text() string {
	quote := func(quoted bool, param string) string {
		if quoted {
			return "'{" + param + "}'"
		}
		return "{" + param + "}"
	}
	switch {
	case s.Args != nil:
		args := make([]string, len(s.Args))
		for i, a := range s.Args {
			args[i] = a.Name + "=" + quote(a.Quoted, a.Param)
		}
		return s.Lit + "(" + strings.Join(args, ",") + ")"
	case s.Key:
		return s.Lit + "(" + quote(s.Quoted, s.Param) + ")"
	case s.Colon:
		return "{" + s.Param + "}:"
	case s.Param != "":
		return "{" + s.Param + "}"
	}
	return s.Lit
}

// Params returns every wildcard, of segments, keys and function
// parameters, in path order (the order the client fills them in).
func (r route) Params() []segment {
	var ps []segment
	for _, s := range r.Segments {
		for _, a := range s.Args {
			ps = append(ps, segment{Param: a.Param, Doc: a.Doc})
		}
		if s.Param != "" {
			ps = append(ps, segment{Param: s.Param, Doc: s.Doc})
		}
	}
	return ps
}

// parseRoute turns a syntax-block request line into a route. The docs
// write placeholders in several shapes ({id}, {user-id},
// {id | userPrincipalName}, the same {id} twice), sometimes without the
// leading slash and with a query string; all become wildcards named after
// the (first) placeholder name, a generic {id} after the segment before it
// (see paramNamePrefix), numbered when repeated. OData keys and function
// calls keep their parentheses (see makeSegment).
func parseRoute(method, tmpl string) (route, error) {
	r := route{Method: strings.ToUpper(strings.TrimSpace(method)), Template: commentSafe(tmpl)}
	if !isToken(r.Method) {
		return r, fmt.Errorf("request line: method %q is not an HTTP token", method)
	}
	p := strings.TrimSpace(tmpl)
	if i := strings.IndexAny(p, "?#"); i >= 0 && !insideBraces(p, i) {
		p = p[:i] // query options are not part of the route
	}
	if i := strings.Index(p, "://"); i >= 0 { // a full URL: keep the path
		rest := p[i+3:]
		p = ""
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			p = rest[j:]
		}
	}
	raw, err := splitSegments(p)
	if err != nil {
		return r, err
	}
	if len(raw) == 0 {
		return r, fmt.Errorf("request line: path %q has no segments", tmpl)
	}
	used := map[string]int{}
	for _, s := range raw {
		seg, err := makeSegment(s, r.Segments, used)
		if err != nil {
			return r, fmt.Errorf("request line %q: %w", tmpl, err)
		}
		r.Segments = append(r.Segments, seg)
	}
	if n := len(r.Segments); n > 1 && r.Segments[n-1].Param != "" && r.Segments[n-1].Lit == "" && endsInColon(r.Segments[n-2]) {
		r.Segments[n-1].Colon = true // root:/{item-path} ends the path: the closing colon is optional
	}
	return r, nil
}

// endsInColon reports whether s ends in a colon (root:, {parent-id}:):
// a {x}: after it is a drive path.
func endsInColon(s segment) bool {
	return s.Colon || s.Param == "" && s.Args == nil && strings.HasSuffix(s.Lit, ":")
}

// paramNamePrefix is what names a generic placeholder ({id}) following
// segs: the singular of the literal segment before it ("users" gives
// "user", so /users/{id}/messages/{id} has the wildcards userID and
// messageID, as /users/{user-id}/messages/{message-id} has), or "" after
// another placeholder, a key, a call or a cast segment
// ("microsoft.graph.iosVppApp").
func paramNamePrefix(segs []segment) string {
	if len(segs) == 0 {
		return ""
	}
	last := segs[len(segs)-1]
	if last.Param != "" || last.Args != nil || strings.ContainsAny(last.Lit, ".()$:") {
		return ""
	}
	return singular(last.Lit)
}

// splitSegments splits a path at slashes outside braces and parentheses,
// dropping empty segments ("//", leading or trailing "/").
func splitSegments(p string) ([]string, error) {
	var segs []string
	braces, parens, start := 0, 0, 0
	for i := 0; i <= len(p); i++ {
		if i == len(p) || (p[i] == '/' && braces == 0 && parens == 0) {
			if s := strings.TrimSpace(p[start:i]); s != "" {
				segs = append(segs, s)
			}
			start = i + 1
			continue
		}
		switch p[i] {
		case '{':
			braces++
		case '}':
			braces--
		case '(':
			parens++
		case ')':
			parens--
		}
		if braces < 0 || parens < 0 {
			return nil, fmt.Errorf("request line: unbalanced %q in %q", p[i], p)
		}
	}
	if braces != 0 {
		return nil, fmt.Errorf("request line: unbalanced \"{\" in %q", p)
	}
	if parens != 0 {
		return nil, fmt.Errorf("request line: unbalanced \"(\" in %q", p)
	}
	return segs, nil
}

// insideBraces reports whether byte i of p is inside a {placeholder}.
func insideBraces(p string, i int) bool {
	return strings.Count(p[:i], "{") > strings.Count(p[:i], "}")
}

// isToken reports whether m is a non-empty run of upper-case letters.
func isToken(m string) bool {
	if m == "" {
		return false
	}
	for _, c := range m {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
