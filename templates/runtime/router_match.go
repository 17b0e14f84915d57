package runtime

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// maxWildcards bounds the wildcards of a route, so a search binds them
// without allocating.
const maxWildcards = 16

// match returns the route serving method and the escaped path (as
// r.URL.EscapedPath gives it) and the values of its wildcards, in the
// order of its names; nil when there is none.
func (rt *router) match(method, path string) (*routeEntry, []string) {
	s := search{method: method}
	if !rt.lookup(&s, path) {
		return nil, nil
	}
	return s.found, slices.Clone(s.vals[:s.n])
}

// lookup finds the route of s.method for path. HEAD falls back to GET, as
// with ServeMux.
func (rt *router) lookup(s *search, path string) bool {
	path = strings.TrimPrefix(path, "/")
	if s.walk(&rt.root, path) {
		return true
	}
	if s.method != http.MethodHead {
		return false
	}
	s.method = http.MethodGet
	return s.walk(&rt.root, path)
}

// allowed lists, sorted, the methods of the routes matching path (for a
// 405's Allow header); HEAD is allowed where GET is.
func (rt *router) allowed(path string) []string {
	s := search{}
	s.walk(&rt.root, strings.TrimPrefix(path, "/"))
	if slices.Contains(s.allow, http.MethodGet) && !slices.Contains(s.allow, http.MethodHead) {
		s.allow = append(s.allow, http.MethodHead)
	}
	sort.Strings(s.allow)
	return slices.Compact(s.allow)
}

// search is one walk of the route tree: it finds the first route of
// method in precedence order, or (method "") collects the methods of
// every matching route.
type search struct {
	method string
	found  *routeEntry
	vals   [maxWildcards]string // the wildcard values bound so far: vals[:n]
	n      int
	allow  []string
}

// walk matches rest, the path after n's segment, below n.
func (s *search) walk(n *node, rest string) bool {
	if rest == "" {
		return s.atEnd(n)
	}
	seg, next, _ := strings.Cut(rest, "/")
	if seg == "" {
		return false // "//": an empty segment matches nothing
	}
	text := seg
	if strings.IndexByte(seg, '%') >= 0 {
		var err error
		if text, err = url.PathUnescape(seg); err != nil {
			return false
		}
	}
	if text == "." || text == ".." {
		return false
	}
	if c := n.lit(text); c != nil && s.walk(c, next) {
		return true
	}
	if name, args, ok := cutCall(text); ok && s.call(n, name, args, next) {
		return true
	}
	if len(n.funcs) > 0 && s.callFunc(n, text, nil, next) {
		return true // a bare name calls a function omitting every parameter
	}
	if n.colon != nil && len(seg) > 1 && seg[len(seg)-1] == ':' && s.bind(n.colon, next, text[:len(text)-1]) {
		return true
	}
	return n.wild != nil && s.bind(n.wild, next, text) || n.path != nil && s.bindPath(n.path, rest)
}

// bindPath walks c with a drive path bound to its wildcard: the segments
// of rest up to the first ending in a colon (a colon inside a name is
// escaped, %3A), or all of them, without that colon.
func (s *search) bindPath(c *node, rest string) bool {
	end := 0 // the end of the path in rest
	for {
		seg, after, more := strings.Cut(rest[end:], "/")
		if seg == "" {
			return false
		}
		end += len(seg)
		if seg[len(seg)-1] == ':' {
			return s.bindPathValue(c, rest[:end-1], after)
		}
		if !more {
			return s.bindPathValue(c, rest, "")
		}
		end++
	}
}

// bindPathValue walks c with the escaped path value bound, unescaped; each
// of its segments must be one (not empty, "." or "..").
func (s *search) bindPathValue(c *node, value, rest string) bool {
	if strings.IndexByte(value, '%') >= 0 {
		var err error
		if value, err = url.PathUnescape(value); err != nil {
			return false
		}
	}
	for more, v := true, value; more; {
		var seg string
		seg, v, more = strings.Cut(v, "/")
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
	}
	return s.bind(c, rest, value)
}

// bind walks c with value bound to its wildcard.
func (s *search) bind(c *node, rest, value string) bool {
	if s.n == maxWildcards {
		return false
	}
	s.vals[s.n], s.n = value, s.n+1
	if s.walk(c, rest) {
		return true
	}
	s.n--
	return false
}

// call matches an OData call segment name(args): name() is the literal
// name, name('x') the segments name and x, name(a=1,b='2') a function
// segment.
func (s *search) call(n *node, name, args, rest string) bool {
	c := n.lit(name)
	if args == "" {
		return c != nil && s.walk(c, rest) || s.callFunc(n, name, nil, rest)
	}
	var buf [8]callArg
	list, ok := parseArgs(args, buf[:0])
	if !ok {
		return false
	}
	if len(list) == 1 && list[0].name == "" {
		return c != nil && c.wild != nil && s.bind(c.wild, rest, unquote(list[0].value))
	}
	return s.callFunc(n, name, list, rest)
}

// callFunc matches a call of the function name with the arguments list
// against n's function segments: first those whose parameters the call
// names exactly, then (OData's optional parameters) those of which it
// names some, the others bound empty.
func (s *search) callFunc(n *node, name string, list []callArg, rest string) bool {
	for _, all := range [2]bool{true, false} {
		for _, f := range n.funcs {
			if !strings.EqualFold(f.name, name) || (len(f.params) == len(list)) != all || len(f.params) < len(list) {
				continue
			}
			mark := s.n
			if s.bindArgs(f, list) && s.walk(f.next, rest) {
				return true
			}
			s.n = mark
		}
	}
	return false
}

// bindArgs binds the call arguments list to f's parameters: each argument
// names a distinct parameter, a fixed value is given and equal, and a
// wildcard the call omits is bound empty.
func (s *search) bindArgs(f *funcNode, list []callArg) bool {
	named := 0
	for _, p := range f.params {
		i := slices.IndexFunc(list, func(a callArg) bool { return strings.EqualFold(a.name, p.name) })
		v := ""
		if i >= 0 {
			v, named = unquote(list[i].value), named+1
		}
		if !p.wild && (i < 0 || !strings.EqualFold(v, p.value)) {
			return false
		}
		if p.wild {
			if s.n == maxWildcards {
				return false
			}
			s.vals[s.n], s.n = v, s.n+1
		}
	}
	return named == len(list) // no argument unknown or repeated
}

// atEnd finds the route of s.method ending at n, or collects the methods
// of those routes.
func (s *search) atEnd(n *node) bool {
	for _, e := range n.leaf {
		if s.method == "" {
			s.allow = append(s.allow, e.method)
		} else if e.method == s.method {
			s.found = e
			return true
		}
	}
	return false
}

// lit returns n's child for literal text, ignoring case.
func (n *node) lit(text string) *node {
	if len(n.lits) == 0 {
		return nil
	}
	var buf [64]byte
	if len(text) > len(buf) {
		return n.lits[lowerASCII(text)]
	}
	b := buf[:len(text)]
	for i := range len(text) {
		b[i] = lowerByte(text[i])
	}
	return n.lits[string(b)] // no allocation: the conversion is only a map key
}

// lowerASCII lower-cases the ASCII letters of s.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = lowerByte(c)
	}
	return string(b)
}

// lowerByte lower-cases an ASCII letter.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
