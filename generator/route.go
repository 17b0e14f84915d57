package generator

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode"
)

// route is one request line of an endpoint as a Go 1.22 ServeMux pattern.
type route struct {
	Method   string
	Segments []segment // at least one; "/" alone is not a create path
	Template string    // as written, for comments and diagnostics
}

// segment is a literal path segment or a single-segment wildcard.
type segment struct {
	Lit   string // literal text, when Param is ""
	Param string // ServeMux wildcard name, a Go identifier unique in the route
	Doc   string // the placeholder as written, e.g. "{id | userPrincipalName}"
}

// Pattern returns the ServeMux pattern, e.g. "POST /users/{id}/events".
func (r route) Pattern() string { return r.Method + " " + r.Path() }

// Path returns the path part of the pattern.
func (r route) Path() string {
	var b strings.Builder
	for _, s := range r.Segments {
		b.WriteByte('/')
		if s.Param != "" {
			b.WriteString("{" + s.Param + "}")
		} else {
			b.WriteString(s.Lit)
		}
	}
	return b.String()
}

// Params returns the wildcard names in path order.
func (r route) Params() []segment {
	var ps []segment
	for _, s := range r.Segments {
		if s.Param != "" {
			ps = append(ps, s)
		}
	}
	return ps
}

// parseRoute turns a syntax-block request line into a route. The docs
// write placeholders in several shapes ({id}, {user-id},
// {id | userPrincipalName}, the same {id} twice), sometimes without the
// leading slash and with a query string; all become ServeMux wildcards
// named after the (first) placeholder name, a generic {id} after the
// segment before it (see paramNamePrefix), numbered when repeated.
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
		seg, err := makeSegment(s, paramNamePrefix(r.Segments), used)
		if err != nil {
			return r, fmt.Errorf("request line %q: %w", tmpl, err)
		}
		r.Segments = append(r.Segments, seg)
	}
	return r, nil
}

// paramNamePrefix is what names a generic placeholder ({id}) following
// segs: the singular of the literal segment before it ("users" gives
// "user", so /users/{id}/messages/{id} has the wildcards userID and
// messageID, as /users/{user-id}/messages/{message-id} has), or "" after
// another placeholder or a cast segment ("microsoft.graph.iosVppApp").
func paramNamePrefix(segs []segment) string {
	if len(segs) == 0 {
		return ""
	}
	last := segs[len(segs)-1].Lit
	if last == "" || strings.ContainsAny(last, ".()$:") {
		return ""
	}
	return singular(last)
}

// splitSegments splits a path at slashes outside braces, dropping empty
// segments ("//", leading or trailing "/").
func splitSegments(p string) ([]string, error) {
	var segs []string
	depth, start := 0, 0
	for i := 0; i <= len(p); i++ {
		if i == len(p) || (p[i] == '/' && depth == 0) {
			if s := strings.TrimSpace(p[start:i]); s != "" {
				segs = append(segs, s)
			}
			start = i + 1
			continue
		}
		switch p[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth < 0 {
				return nil, fmt.Errorf("request line: unbalanced \"}\" in %q", p)
			}
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("request line: unbalanced \"{\" in %q", p)
	}
	return segs, nil
}

// makeSegment classifies one segment. ServeMux wildcards match whole
// segments only, so a placeholder sharing its segment with other text
// (drive paths "{item-id}:", key syntax "users('{id}')") cannot be routed.
func makeSegment(s, prefix string, used map[string]int) (segment, error) {
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") && strings.Count(s, "{") == 1 {
		inner := strings.TrimSpace(s[1 : len(s)-1])
		first, _, _ := strings.Cut(inner, "|")
		first = strings.TrimSpace(first)
		if strings.EqualFold(first, "id") && prefix != "" {
			first = prefix + "-id"
		}
		name := localName(first)
		used[name]++
		if n := used[name]; n > 1 {
			name += strconv.Itoa(n)
		}
		return segment{Param: name, Doc: commentSafe(s)}, nil
	}
	if strings.ContainsAny(s, "{}") {
		return segment{}, fmt.Errorf("placeholder inside segment %q; ServeMux wildcards match whole segments only", s)
	}
	for _, c := range s {
		if unicode.IsSpace(c) || c == '%' || c < 0x20 || c == 0x7f {
			return segment{}, fmt.Errorf("segment %q has a character a route cannot hold (%q)", s, c)
		}
	}
	return segment{Lit: s}, nil
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

// router checks patterns with a real http.ServeMux, so conflict rules
// (same method, overlapping paths, neither more specific) are exactly
// Go's; the registration panic is caught and becomes an error here rather
// than in the generated NewHandler.
type router struct {
	mux      *http.ServeMux
	owner    map[string]int // pattern → endpoint index
	shapes   map[string]int // shape (pattern with anonymous wildcards) → endpoint index
	patterns []string       // registration order
}

func newRouter() *router {
	return &router{mux: http.NewServeMux(), owner: map[string]int{}, shapes: map[string]int{}}
}

// shape is r's pattern with every wildcard written "{}": two routes of
// the same shape match exactly the same requests.
func (r route) shape() string {
	var b strings.Builder
	b.WriteString(r.Method + " ")
	for _, s := range r.Segments {
		b.WriteByte('/')
		if s.Param != "" {
			b.WriteString("{}")
		} else {
			b.WriteString(s.Lit)
		}
	}
	return b.String()
}

// sameAs returns the endpoint already serving exactly r's requests.
func (rt *router) sameAs(r route) (int, bool) {
	ep, ok := rt.shapes[r.shape()]
	return ep, ok
}

// add registers r for endpoint ep, or names the pattern it conflicts with.
func (rt *router) add(r route, ep int) error {
	pattern := r.Pattern()
	if !tryHandle(rt.mux, pattern) {
		return fmt.Errorf("conflicts with %s", rt.conflictOf(pattern))
	}
	rt.owner[pattern] = ep
	rt.shapes[r.shape()] = ep
	rt.patterns = append(rt.patterns, pattern)
	return nil
}

// tryHandle registers pattern on mux and reports whether ServeMux accepted
// it (it panics on invalid and conflicting patterns).
func tryHandle(mux *http.ServeMux, pattern string) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	mux.Handle(pattern, http.NotFoundHandler())
	return true
}

// conflictOf finds the registered pattern that pattern conflicts with. The
// panic text is not used: it holds source paths of the generator itself.
func (rt *router) conflictOf(pattern string) string {
	if !tryHandle(http.NewServeMux(), pattern) {
		return "nothing: ServeMux rejects the pattern " + strconv.Quote(pattern)
	}
	for _, p := range rt.patterns {
		m := http.NewServeMux()
		tryHandle(m, p)
		if !tryHandle(m, pattern) {
			return strconv.Quote(p)
		}
	}
	return "an earlier pattern"
}

// match returns the endpoint index whose pattern routes method path, or -1.
func (rt *router) match(method, path string) int {
	req, err := http.NewRequest(method, "http://x"+path, nil)
	if err != nil {
		return -1
	}
	_, pattern := rt.mux.Handler(req)
	if ep, ok := rt.owner[pattern]; ok {
		return ep
	}
	return -1
}
