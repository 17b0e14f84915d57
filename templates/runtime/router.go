package runtime

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"unsafe"
)

// router routes a request to the handler of its method and path.
// net/http.ServeMux cannot express OData paths: its wildcards take whole
// segments, so it cannot route keys (/companies('{id}')), function
// parameters (getEmailActivityCounts(period='{period}')) or delta() as
// delta; its literals are case-sensitive while Graph's are not; and it
// panics on overlapping patterns. This router:
//
//   - matches whole segments; literals ignore case;
//   - prefers, segment by segment from the left, a literal over a function
//     segment over a wildcard (so /users/delta beats /users/{userID}), the
//     first match in that order winning; two routes conflict only when they
//     have the same method and shape, and then the first registered wins;
//   - treats a key segment name('x') or name(x) as the two segments name/x
//     (in a pattern and in a request; a request key only fills a wildcard),
//     name() as name, and a function segment name(a='{x}',b={y}) as
//     matching a call with the same parameter names in any order, binding
//     their values with OData string quotes removed (a doubled quote is a quote);
//   - routes drive path addressing: a wildcard {x}: ending in a colon
//     takes a segment ending in one (items/{parentID}:), and after a
//     segment ending in a colon (root:, {parentID}:) it takes a path, the
//     segments up to the first ending in a colon, which may be left out at
//     the end of the request (root:/{itemPath}:/content);
//   - sets r.Pattern and r.SetPathValue for every wildcard, so handlers
//     read them as from ServeMux.
//
// It never panics: Handle reports a bad or conflicting pattern as an error.
type router struct {
	root node
}

// node is a position in the route tree: the routes ending here and the
// segments that may follow.
type node struct {
	lits  map[string]*node // literal segments, by lower-case text
	funcs []*funcNode      // function segments, in matching order (see addFunc)
	wild  *node            // a whole-segment wildcard
	colon *node            // a wildcard of a segment ending in a colon: {x}:
	path  *node            // a drive path after a segment ending in a colon: {x}:
	leaf  []*routeEntry    // the routes ending here, one per method
}

// funcNode is a function segment with named parameters.
type funcNode struct {
	name   string      // lower case
	params []funcParam // sorted by name
	next   *node
}

// funcParam is a parameter of a function segment: a wildcard or a fixed
// value.
type funcParam struct {
	name  string // lower case
	value string // the fixed value, when !wild
	wild  bool
}

// routeEntry is one registered route.
type routeEntry struct {
	method  string
	pattern string
	names   []string // the wildcard names, in the order the tree binds them
	h       http.Handler
}

// newRouter returns an empty router.
func newRouter() *router { return &router{} }

// Handle registers h for pattern, "METHOD /path" (e.g. "GET
// /users/{userID}/messages"). A pattern with the same method and shape as
// an earlier one is not registered (the earlier one keeps serving its
// requests): the error names it.
func (rt *router) Handle(pattern string, h http.Handler) error {
	_, err := rt.add(pattern, h)
	return err
}

// add registers h for pattern and returns its entry, or the entry that
// already serves the same requests with the error.
func (rt *router) add(pattern string, h http.Handler) (*routeEntry, error) {
	method, path, ok := strings.Cut(pattern, " ")
	if !ok || !validMethod(method) || !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("route %q: want \"METHOD /path\"", pattern)
	}
	segs, err := parsePattern(path)
	if err != nil {
		return nil, fmt.Errorf("route %q: %w", pattern, err)
	}
	n := &rt.root
	var names []string
	for _, s := range segs {
		switch {
		case s.call:
			f := n.addFunc(s)
			for _, p := range f.params {
				if p.wild {
					names = append(names, s.wildOf(p.name))
				}
			}
			n = f.next
		case s.wild != "":
			child := &n.wild
			switch {
			case s.path:
				child = &n.path
			case s.colon:
				child = &n.colon
			}
			if *child == nil {
				*child = &node{}
			}
			n, names = *child, append(names, s.wild)
		default:
			n = n.addLit(s.name)
		}
	}
	if len(names) > maxWildcards {
		return nil, fmt.Errorf("route %q: more than %d wildcards", pattern, maxWildcards)
	}
	for _, e := range n.leaf {
		if e.method == method {
			return e, fmt.Errorf("route %q serves the same requests as %q, registered first", pattern, e.pattern)
		}
	}
	e := &routeEntry{method: method, pattern: pattern, names: names, h: h}
	n.leaf = append(n.leaf, e)
	return e, nil
}

// validMethod reports whether m is a non-empty run of upper-case letters.
func validMethod(m string) bool {
	for _, c := range []byte(m) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return m != ""
}

// addLit returns the child of n for literal segment s, adding it.
func (n *node) addLit(s string) *node {
	key := lowerASCII(s)
	if c := n.lits[key]; c != nil {
		return c
	}
	if n.lits == nil {
		n.lits = map[string]*node{}
	}
	c := &node{}
	n.lits[key] = c
	return c
}

// addFunc returns the child of n for function segment s, adding it. A
// function with more fixed values is tried first (it is more specific),
// then by text, so the order does not depend on registration order.
func (n *node) addFunc(s patternSeg) *funcNode {
	f := &funcNode{name: lowerASCII(s.name), params: s.params, next: &node{}}
	key := f.key()
	for _, g := range n.funcs {
		if g.key() == key {
			return g
		}
	}
	n.funcs = append(n.funcs, f)
	sort.SliceStable(n.funcs, func(i, j int) bool {
		a, b := n.funcs[i], n.funcs[j]
		if d := b.fixed() - a.fixed(); d != 0 {
			return d < 0
		}
		return a.key() < b.key()
	})
	return f
}

// key identifies f's shape: name and parameters, wildcards anonymous.
func (f *funcNode) key() string {
	var b strings.Builder
	b.WriteString(f.name + "(")
	for _, p := range f.params {
		b.WriteString(p.name + "=")
		if !p.wild {
			b.WriteString("'" + p.value + "'")
		}
		b.WriteByte(',')
	}
	return b.String()
}

// fixed counts f's parameters with a fixed value.
func (f *funcNode) fixed() int {
	n := 0
	for _, p := range f.params {
		if !p.wild {
			n++
		}
	}
	return n
}

// ServeHTTP routes r: it sets r.Pattern and the path values of the route
// matching r and calls its handler, or answers 404 or 405 (with Allow) in
// Graph's error shape. The route is matched once.
func (rt *router) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := r.URL.EscapedPath()
	s := search{method: r.Method}
	if !rt.lookup(&s, path) {
		status := http.StatusNotFound
		if allow := rt.allowed(path); len(allow) > 0 {
			status = http.StatusMethodNotAllowed
			w.Header().Set("Allow", strings.Join(allow, ", "))
		}
		writeError(w, errorf(status, statusCode(status), "%s %s: %s", r.Method, path, http.StatusText(status)))
		return
	}
	r.Pattern = s.found.pattern
	for i, name := range s.found.names {
		r.SetPathValue(name, s.vals[i])
	}
	s.found.h.ServeHTTP(w, r)
}

// withErrorShape wraps rt: every answer carries request-id and
// client-request-id headers as Graph's do (client-request-id echoes the
// caller's, else repeats request-id), and the router's own answers (404
// for no route, 405 with Allow for a wrong method) use the OData error
// shape.
func withErrorShape(rt *router) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ids := new(answerIDs) // both header values and the id's text in one allocation
		formatRequestID(&ids.text)
		rid := unsafe.String(&ids.text[0], len(ids.text)) // text is not written again
		crid := r.Header.Get("Client-Request-Id")         // canonical: looked up without a copy
		if crid == "" || len(crid) > 128 {
			crid = rid
		}
		ids.values = [2]string{rid, crid}
		h := w.Header()
		h["Request-Id"], h["Client-Request-Id"] = ids.values[0:1:1], ids.values[1:2:2]
		rt.ServeHTTP(w, r)
	})
}

// answerIDs holds an answer's request-id and client-request-id header
// values, and the request-id's text.
type answerIDs struct {
	values [2]string
	text   [36]byte
}
