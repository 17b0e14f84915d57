package link

import (
	"iter"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// What an operation page other than a create documents: its kind, read
// from the request lines, the Response prose and the examples, never from
// the file name. The first rule that matches wins:
//
//	function  GET (or POST) with a segment name(…) holding "=" or "()", a
//	          last segment "delta", an example URL calling name(p=…), or
//	          an H1 ending in "function"
//	get       GET whose last segment is $value or content (media)
//	list      GET answering a collection: the Response prose says
//	          "collection", an example answer opens with "value": [, or
//	          its annotation says isCollection
//	get       any other GET
//	action    any other POST (including POST …/$ref)
//	update    PATCH
//	delete    DELETE (including DELETE …/$ref)
//	put       PUT

// opFacts is what one operation of a page other than a create is built
// from: a page documents one per method of its request lines, and a GET
// page documenting an object and its content (message-get.md:
// /messages/{id} and /messages/{id}/$value) one for each.
type opFacts struct {
	kind   ir.OpKind
	method string          // upper-case
	paths  []ir.PathSyntax // the request lines of the operation, document order
	media  bool            // a get of a stream ($value, content), a PUT of one
	ref    bool            // the request lines end in /$ref
	pos    ir.Pos          // where the endpoint is reported; the HTTP request section for the page's first
	// secondary: an operation of a create page (the create's PATCH or GET
	// lines): the Response prose's statuses are the create's.
	secondary bool
	opTypes
}

// operationsOf classifies the request lines of op by method, the most
// frequent method first, leaving out the method of the page's create
// (except): nil when the page is not an API reference page (overviews
// under resources/ show request lines too). A page without request lines
// gives one operation without paths, of the parser's or the first
// example's method, which becomes a skip.
func operationsOf(p *ir.Page, op *ir.Operation, except string) []*opFacts {
	if p.Kind != ir.PageAPI || strings.Contains("/"+p.File, "/resources/") {
		return nil
	}
	methods := methodsOf(op)
	if len(methods) == 0 && except == "" {
		if m := fallbackMethod(op); m != "" {
			methods = []string{m}
		}
	}
	var out []*opFacts
	for _, m := range methods {
		if m == except {
			continue
		}
		if len(out) == 0 {
			attachExampleJSON(op)
		}
		var paths []ir.PathSyntax
		for _, ps := range op.Paths {
			if strings.EqualFold(ps.Method, m) {
				paths = append(paths, ps)
			}
		}
		if obj, media := splitMedia(paths); m == "GET" && len(obj) > 0 && len(media) > 0 {
			out = append(out, classify(p, op, m, obj), classify(p, op, m, media))
			continue
		}
		if f := classify(p, op, m, paths); f != nil {
			out = append(out, f)
		}
	}
	for i, f := range out {
		if i > 0 || except != "" {
			f.pos, f.secondary = f.paths[0].Pos, except != ""
		}
	}
	return out
}

// methodsOf returns the methods of op's request lines, the most frequent
// first (document order on a tie).
func methodsOf(op *ir.Operation) []string {
	counts := map[string]int{}
	var order []string
	for _, ps := range op.Paths {
		m := strings.ToUpper(strings.TrimSpace(ps.Method))
		if counts[m] == 0 {
			order = append(order, m)
		}
		counts[m]++
	}
	slices.SortStableFunc(order, func(a, b string) int { return counts[b] - counts[a] })
	return order
}

// classify returns the operation of method over paths; nil for a method
// no operation kind has (the parser reads only the five of the docs).
func classify(p *ir.Page, op *ir.Operation, method string, paths []ir.PathSyntax) *opFacts {
	f := &opFacts{method: method, paths: paths}
	last := lastSegments(paths)
	f.ref = allAre(last, "$ref")
	switch method {
	case "GET":
		f.kind = getKind(p, op, paths, last)
		f.media = f.kind == ir.OpGet && anyIs(last, "$value", "content")
	case "POST":
		f.kind = ir.OpAction
		if hasFunctionSegment(paths) || anyIs(last, "delta") {
			f.kind = ir.OpFunction // "POST …/columnsAfter(count=n)", beta educationclass-delta.md
		}
	case "PATCH":
		f.kind = ir.OpUpdate
	case "DELETE":
		f.kind = ir.OpDelete
	case "PUT":
		f.kind = ir.OpPut
		f.media = anyIs(last, "$value", "content", "photo")
	default:
		return nil
	}
	return f
}

// getKind tells a function, a list and a get apart.
func getKind(p *ir.Page, op *ir.Operation, paths []ir.PathSyntax, last []string) ir.OpKind {
	switch {
	case hasFunctionSegment(paths) || anyIs(last, "delta") || exampleCallsFunction(op) ||
		hasSuffixFold(strings.TrimSpace(p.Title), " function"):
		return ir.OpFunction
	case anyIs(last, "$value", "content"):
		return ir.OpGet
	case answersCollection(op):
		return ir.OpList
	}
	return ir.OpGet
}

// isMediaPath reports a request line or URL whose last segment is $value
// or content: it reads a stream.
func isMediaPath(line string) bool {
	last := lastSegment(line)
	return strings.EqualFold(last, "$value") || strings.EqualFold(last, "content")
}

// splitMedia splits request lines into those of the object and those of
// its content.
func splitMedia(paths []ir.PathSyntax) (obj, media []ir.PathSyntax) {
	for _, ps := range paths {
		if isMediaPath(ps.Template) {
			media = append(media, ps)
		} else {
			obj = append(obj, ps)
		}
	}
	return obj, media
}

// fallbackMethod is the method of a page without request lines: the
// parser's, else the first example request's.
func fallbackMethod(op *ir.Operation) string {
	if op.Method != "" {
		return strings.ToUpper(op.Method)
	}
	for _, ex := range op.Examples {
		if ex.Request != nil {
			return strings.ToUpper(ex.Request.Method)
		}
	}
	return ""
}

// answersCollection reports a GET whose answer is a collection.
func answersCollection(op *ir.Operation) bool {
	if r := op.Response; r != nil && (r.Collection || r.Type != nil && r.Type.Collection) {
		return true
	}
	for _, ex := range op.Examples {
		if isCollectionAnswer(ex.Response) {
			return true
		}
	}
	return false
}

// isCollectionAnswer reports a response whose annotation says isCollection
// or whose body opens with "value": [.
func isCollectionAnswer(m *ir.HTTPMessage) bool {
	if m == nil {
		return false
	}
	if m.Annotation != nil && m.Annotation.IsCollection {
		return true
	}
	return valueArray(m) != nil
}

// valueArray returns the top-level "value" array of a response body.
func valueArray(m *ir.HTTPMessage) *jsontree.Node {
	if m == nil || m.Body == nil || strings.TrimSpace(m.Body.Text) == "" {
		return nil
	}
	v, err := jsontree.Of(m.Body).Lenient()
	if err != nil || v == nil || v.Kind != jsontree.Object {
		return nil
	}
	if a := v.Field("value"); a != nil && a.Kind == jsontree.Array {
		return a
	}
	return nil
}

// exampleCallsFunction reports an example GET whose URL ends in a call
// with named arguments, name(p=…): intune functions show their parameters
// only there.
func exampleCallsFunction(op *ir.Operation) bool {
	for _, ex := range op.Examples {
		if m := ex.Request; m != nil && strings.EqualFold(m.Method, "GET") {
			if last := lastSegment(m.URL); last != "" {
				if c := parseCall(last); c != nil && len(c.args) > 0 {
					return true
				}
			}
		}
	}
	return false
}

// hasFunctionSegment reports a request line whose last segment is a call
// name(…) holding "=" or an empty "()". A call inside the path (Excel's
// range(address='A1')/format) addresses a thing; the operation is on it.
func hasFunctionSegment(paths []ir.PathSyntax) bool {
	for _, s := range lastSegments(paths) {
		if isFunctionCall(s) && (strings.Contains(s, "=") || strings.HasSuffix(s, "()")) {
			return true
		}
	}
	return false
}

// isFunctionCall reports a segment name(…) whose name is an identifier.
func isFunctionCall(s string) bool {
	i := strings.IndexByte(s, '(')
	return i > 0 && strings.HasSuffix(s, ")") && isIdent(s[:i])
}

// segmentsOf yields the segments of a request line or URL path: the
// scheme, host and query string dropped, "/" inside parentheses or braces
// kept ("range(address='A1:B2')", "{path and filename}"). Most callers want
// only the last (lastSegment), so nothing is collected.
func segmentsOf(line string) iter.Seq[string] {
	return func(yield func(string) bool) {
		p := strings.TrimSpace(line)
		if i := strings.Index(p, "://"); i >= 0 {
			rest := p[i+3:]
			p = ""
			if j := strings.IndexByte(rest, '/'); j >= 0 {
				p = rest[j:]
			}
		}
		depth, start := 0, 0
		flush := func(end int) bool {
			s := strings.TrimSpace(p[start:end])
			return s == "" || yield(s)
		}
		for i := 0; i < len(p); i++ {
			switch c := p[i]; {
			case c == '(' || c == '{':
				depth++
			case (c == ')' || c == '}') && depth > 0:
				depth--
			case c == '?' && depth == 0:
				flush(i)
				return
			case c == '/' && depth == 0:
				if !flush(i) {
					return
				}
				start = i + 1
			}
		}
		flush(len(p))
	}
}

// lastSegment returns the last segment of a request line, "" when it has
// none.
func lastSegment(line string) string {
	last := ""
	for s := range segmentsOf(line) {
		last = s
	}
	return last
}

// lastSegments returns the last segment of every request line.
func lastSegments(paths []ir.PathSyntax) []string {
	var out []string
	for _, ps := range paths {
		if last := lastSegment(ps.Template); last != "" {
			out = append(out, last)
		}
	}
	return out
}

// anyIs reports whether one of segs is one of names, ignoring case.
func anyIs(segs []string, names ...string) bool {
	for _, s := range segs {
		for _, n := range names {
			if strings.EqualFold(s, n) {
				return true
			}
		}
	}
	return false
}

// allAre reports whether segs is not empty and every one is name.
func allAre(segs []string, name string) bool {
	for _, s := range segs {
		if !strings.EqualFold(s, name) {
			return false
		}
	}
	return len(segs) > 0
}

func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}
