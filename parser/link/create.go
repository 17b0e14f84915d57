package link

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// What a create page is: the method and request lines that create, and the
// example request and response its types are read from.

// createFacts is what a create page's endpoint is built from: the page's
// own facts (prepare), then its body and result types (resolveBodies).
type createFacts struct {
	method string
	paths  []ir.PathSyntax // the request lines of method, syntax block order
	req    request

	body     *ir.TypeRef // nil: no body type (noBody says why) or none taken
	result   *ir.TypeRef
	noBodyAt ir.Pos
	noBody   string // why the page has no body type; "" when it has one or takes none
}

// createFactsOf reads what a create operation documents; nil when op is not
// a create.
func createFactsOf(op *ir.Operation) *createFacts {
	method := createMethod(op)
	if method == "" {
		return nil
	}
	attachExampleJSON(op)
	f := &createFacts{method: method, req: exampleRequest(op, method)}
	for _, ps := range op.Paths {
		if strings.EqualFold(ps.Method, method) {
			f.paths = append(f.paths, ps)
		}
	}
	return f
}

// attachExampleJSON parses the example bodies of a create operation once,
// keeping each tree on its block: the linker infers from them, and the
// endpoint checks and the generator's example fit read them again.
func attachExampleJSON(op *ir.Operation) {
	for _, ex := range op.Examples {
		for _, m := range []*ir.HTTPMessage{ex.Request, ex.Response} {
			if m != nil && m.Body != nil && strings.TrimSpace(m.Body.Text) != "" {
				jsontree.Attach(m.Body)
			}
		}
	}
}

// createMethod returns "POST" or "PUT" when op documents a create: a POST (or
// PUT upsert, e.g. v1.0 team-put-teams.md) answering 201, whether the
// Response prose or an example status line says so. Never the file name.
func createMethod(op *ir.Operation) string {
	has201 := op.Response != nil && op.Response.Status == 201
	var exMethods []string
	for _, ex := range op.Examples {
		has201 = has201 || (ex.Response != nil && ex.Response.Status == 201)
		if ex.Request != nil {
			exMethods = append(exMethods, strings.ToUpper(ex.Request.Method))
		}
	}
	if !has201 {
		return ""
	}
	var methods []string
	for _, ps := range op.Paths {
		methods = append(methods, strings.ToUpper(ps.Method))
	}
	methods = append(methods, strings.ToUpper(op.Method))
	for _, set := range [][]string{methods, exMethods} {
		for _, m := range []string{"POST", "PUT"} {
			if slices.Contains(set, m) {
				return m
			}
		}
	}
	return ""
}

// request is the example request a create page's body is read from.
type request struct {
	msg  *ir.HTTPMessage
	obj  *jsontree.Node // the body when it is a JSON object
	err  string         // why the body is unusable, "" when obj is set or there is no body
	resp *ir.HTTPMessage
}

// exampleRequest picks the first example request of the create method whose
// body is a JSON object, else the first one of that method, with the
// response of its example.
func exampleRequest(op *ir.Operation, method string) request {
	var first request
	for _, ex := range op.Examples {
		m := ex.Request
		if m == nil || !strings.EqualFold(m.Method, method) {
			continue
		}
		r := request{msg: m, resp: ex.Response}
		if m.Body != nil && strings.TrimSpace(m.Body.Text) != "" {
			v, err := jsontree.Of(m.Body).Lenient()
			switch {
			case err != nil:
				r.err = "body is not JSON (" + err.Error() + ")"
			case v.Kind != jsontree.Object:
				r.err = "body is not a JSON object"
			default:
				r.obj = v
				return r
			}
		}
		if first.msg == nil {
			first = r
		}
	}
	if first.msg == nil {
		// No request of that method: a response alone may still name the
		// result type.
		for _, ex := range op.Examples {
			if ex.Response != nil && ex.Response.Status == 201 {
				return request{resp: ex.Response}
			}
		}
	}
	return first
}

// odataName returns the type an annotation or "@odata.type" value names,
// without "#" and "Collection(...)".
func odataName(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if strings.HasPrefix(s, "Collection(") && strings.HasSuffix(s, ")") {
		s = s[len("Collection(") : len(s)-1]
	}
	return s
}

// requestODataType returns the type the example request names: its JSON
// "@odata.type" (every intune create body has one), else its annotation's.
func requestODataType(req request) (name string, at ir.Pos) {
	if t := req.obj.ODataType(); t != "" {
		return odataName(t), req.msg.Body.Pos
	}
	if req.msg != nil && req.msg.Annotation != nil && req.msg.Annotation.ODataType != "" {
		return odataName(req.msg.Annotation.ODataType), req.msg.Annotation.Pos
	}
	return "", ir.Pos{}
}
