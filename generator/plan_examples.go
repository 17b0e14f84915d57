package generator

import (
	"encoding/json"
	"net/url"
	"strings"

	"github.com/docs2go/docs2go/parser/check"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/templates/runtime"
)

// planExamples checks e's documented examples and keeps the usable
// ones. An example whose body is not valid JSON or does not fit the type
// gets a warning and no golden test; one without bodies still gets a
// status test. The examples no operation of the page claims (their method
// is on none of its request lines) get a warning. It then picks the request of e's 501 test. It changes e
// only, and returns its findings.
func (plan *Plan) planExamples(e *endpointInfo) ir.Diagnostics {
	var diags ir.Diagnostics
	for i, ex := range e.ep.Examples {
		info := exampleInfo{n: i + 1}
		if !plan.exampleRequest(e, ex, &info, &diags) || !plan.exampleResponse(e, ex, &info, &diags) {
			continue
		}
		if ex.Request != nil {
			info.target = plan.exampleTarget(e, ex.Request.URL, ex.Request.Pos, &diags)
		} else {
			info.target = plan.syntheticTarget(e)
		}
		if info.target == "" {
			diags.Warnf(examplePos(e, ex), ir.CodeExampleUnroutable, "http example %d: no request path reaches this endpoint; no handler test", info.n)
		}
		e.examples = append(e.examples, info)
	}
	for _, ex := range e.ep.Unclaimed {
		diags.Warnf(examplePos(e, ex), ir.CodeExampleMethod, "http example: method %s is on none of the page's request lines; no operation claims it, no golden test", strings.ToUpper(ex.Request.Method))
	}
	e.unimplemented = plan.unimplementedRequest(e)
	if e.unimplemented.target == "" && !e.shape.upload {
		diags.Warnf(e.ep.Pos, ir.CodeEndpointUnroutable, "endpoint %s: every request line is shadowed by another endpoint; no 501 test", e.name)
	}
	return diags
}

// unimplementedRequest is what the 501 test sends: the first example
// with a request body that reaches e, else an empty body to the first
// request line that does.
func (plan *Plan) unimplementedRequest(e *endpointInfo) testRequest {
	if e.shape.upload {
		return testRequest{} // the tests send JSON
	}
	for _, ex := range e.examples {
		if ex.request != nil && ex.target != "" {
			return testRequest{target: ex.target, example: ex.n}
		}
	}
	return testRequest{target: plan.syntheticTarget(e)}
}

// exampleRequest takes the request body of ex, or says why the example
// cannot be used.
func (plan *Plan) exampleRequest(e *endpointInfo, ex ir.Example, info *exampleInfo, diags *ir.Diagnostics) bool {
	req := ex.Request
	if e.shape.upload {
		// The examples show a file's bytes (or nothing); the tests send JSON.
		diags.Warnf(examplePos(e, ex), ir.CodeExampleNonconforming, "http example %d: the request body is a %s stream; no golden test", info.n, e.ep.Content)
		return false
	}
	if req == nil {
		return true
	}
	if req.Method != "" && !strings.EqualFold(req.Method, e.method) {
		diags.Warnf(req.Pos, ir.CodeExampleMethod, "http example %d: method %s, want %s; no golden test", info.n, req.Method, e.method)
		return false
	}
	if req.Body == nil || strings.TrimSpace(req.Body.Text) == "" {
		return true
	}
	switch {
	case e.shape.noBody:
		diags.Warnf(req.Body.Pos, ir.CodeExampleNonconforming, "http example %d: %s request with a body, which the endpoint does not read; the test sends none", info.n, e.method)
		return true
	}
	if d := plan.fit(e.body, req.Body, "request body"); d != nil {
		diags.Warnf(d.Pos, ir.CodeExampleNonconforming, "http example %d: %s (%s, type %s); no golden test",
			info.n, d.Message, d.Code, refLabel(e.body))
		return false
	}
	info.request = []byte(req.Body.Text)
	return true
}

// exampleResponse takes the response body of ex, or says why the example
// cannot be used.
func (plan *Plan) exampleResponse(e *endpointInfo, ex ir.Example, info *exampleInfo, diags *ir.Diagnostics) bool {
	resp := ex.Response
	if resp == nil {
		return true
	}
	if resp.Status != 0 && !e.documents(resp.Status) {
		diags.Warnf(resp.Pos, ir.CodeExampleStatus, "http example %d: response status %d, want %d; no golden test", info.n, resp.Status, e.status)
		return false
	}
	info.status = resp.Status
	if resp.Body == nil || strings.TrimSpace(resp.Body.Text) == "" || e.shape.content || e.shape.target {
		return true // a stream's bytes are the fake Server's own (exampleContent)
	}
	if e.result == nil {
		diags.Warnf(resp.Body.Pos, ir.CodeExampleNonconforming, "http example %d: response has a body but the endpoint answers %d without one; no golden test", info.n, e.status)
		return false
	}
	ref := *e.result
	if e.shape.wrap != "" {
		if !wrapped(resp.Body.Text) {
			diags.Warnf(resp.Body.Pos, ir.CodeExampleNonconforming, "http example %d: the answer is not wrapped as {\"value\": ...} as a %s's is; no golden test", info.n, e.kind)
			return false
		}
		ref = ir.TypeRef{Name: e.shape.wrap, Target: answerWrapper(e)}
	}
	if d := plan.fit(ref, resp.Body, "response body"); d != nil {
		diags.Warnf(d.Pos, ir.CodeExampleNonconforming, "http example %d: %s (%s, type %s); no golden test",
			info.n, d.Message, d.Code, refLabel(*e.result))
		return false
	}
	info.response = []byte(resp.Body.Text)
	return true
}

// fit asks parser/check, the one implementation of "does this body
// decode into the generated type and re-encode equal", whether body fits
// ref's Go type; polymorphic types decode the type "@odata.type" names.
func (plan *Plan) fit(ref ir.TypeRef, body *ir.Block, label string) *ir.Diagnostic {
	return plan.checker.Fit(unpoly(ref), body, check.FitOptions{Label: label, Derived: plan.polyOf(ref) != nil})
}

// newChecker indexes the types, fields and enums the generator kept, so
// that fit and the generated code resolve every name to the same
// definition (a property left to AdditionalData accepts any value). A
// Checker is safe for concurrent use: the plan checks the examples on
// every core.
func (plan *Plan) newChecker() *check.Checker {
	ds := &ir.DocSet{Types: make([]*ir.Type, 0, len(plan.types)), Enums: make([]*ir.Enum, 0, len(plan.enums))}
	for _, ti := range plan.types {
		if len(ti.fields) == len(ti.t.Properties) { // no property left out: the type as it is
			ds.Types = append(ds.Types, ti.t)
			continue
		}
		t := *ti.t
		t.Properties = make([]ir.Property, len(ti.fields))
		for i, f := range ti.fields {
			t.Properties[i] = f.prop
		}
		ds.Types = append(ds.Types, &t)
	}
	for _, ei := range plan.enums {
		ds.Enums = append(ds.Enums, ei.e)
	}
	for _, e := range plan.endpoints {
		if e.hasTests() && e.shape.wrap != "" && e.result != nil {
			ds.Types = append(ds.Types, answerWrapperType(e))
		}
	}
	return check.New(ds)
}

// exampleTarget returns the path the handler test sends the example to:
// the example's own URL when it routes to e, else a path built from e's
// request line.
func (plan *Plan) exampleTarget(e *endpointInfo, raw string, pos ir.Pos, diags *ir.Diagnostics) string {
	if p := urlPath(raw); p != "" && plan.router.match(e.method, p) == e.owner() {
		q := urlQuery(raw)
		if err := runtime.CheckQuery(q); err != nil {
			diags.Warnf(pos, ir.CodeExampleURL, "http example: url %q: the generated handler refuses its query (%v); the test sends %s", raw, err, p+requiredQuery(e))
			return p + requiredQuery(e)
		}
		if q != "" {
			return p + "?" + q // the example's query options and parameters
		}
		return p
	}
	t := plan.syntheticTarget(e)
	if t != "" && raw != "" {
		diags.Warnf(pos, ir.CodeExampleURL, "http example: url %q matches none of the endpoint's request lines; the test uses %s", raw, t)
	}
	return t
}

// syntheticTarget fills the first request line that routes to e with the
// wildcard names as values.
func (plan *Plan) syntheticTarget(e *endpointInfo) string {
	for _, r := range e.routes {
		var names []string
		for _, s := range r.Params() {
			names = append(names, s.Param)
		}
		if path, err := r.fill(names); err == nil && plan.router.match(e.method, path) == e.owner() {
			return path + requiredQuery(e)
		}
	}
	return ""
}

// urlPath extracts the escaped path of an example URL, without the host
// and the version segment ("https://graph.microsoft.com/beta/me" → "/me").
func urlPath(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	for _, v := range []string{"/beta/", "/v1.0/", "/v1/"} {
		if strings.HasPrefix(p, v) {
			return p[len(v)-1:]
		}
	}
	return p
}

// urlQuery is the query of an example URL, escaped (the docs write
// spaces and quotes as they are), "" when it has none or is malformed.
func urlQuery(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return ""
	}
	vals, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return ""
	}
	return vals.Encode()
}

// requiredQuery is the query string a synthesized request needs: a value
// of its type for every required query parameter.
func requiredQuery(e *endpointInfo) string {
	var b strings.Builder
	for _, q := range e.query {
		if !q.required {
			continue
		}
		b.WriteString(map[bool]string{true: "?", false: "&"}[b.Len() == 0])
		v := map[string]string{"int64": "0", "float64": "0", "bool": "false", "time.Time": "2006-01-02T15:04:05Z"}[q.typ]
		if v == "" {
			v = q.name
		}
		b.WriteString(url.QueryEscape(q.name) + "=" + url.QueryEscape(v))
	}
	return b.String()
}

// examplePos is the best position for an example-level diagnostic.
func examplePos(e *endpointInfo, ex ir.Example) ir.Pos {
	switch {
	case ex.Request != nil:
		return ex.Request.Pos
	case ex.Response != nil:
		return ex.Response.Pos
	}
	return e.ep.Pos
}

// answerWrapper names the checker's type of e's wrapped answer.
func answerWrapper(e *endpointInfo) string { return "docs2go.answer." + e.key }

// answerWrapperType is the shape of e's Page or Value answer for the
// checker: the value (unpolymorphic: nested objects dispatch anyway) and
// the annotations Page and Value keep.
func answerWrapperType(e *endpointInfo) *ir.Type {
	str := ir.TypeRef{Name: "String", Primitive: true}
	value := unpoly(*e.result)
	if e.shape.wrap == "Page" {
		value.Collection = true
	}
	props := []ir.Property{{Name: "@odata.context", Type: str}, {Name: "value", Type: value}}
	if e.shape.wrap == "Page" {
		props = append(props, ir.Property{Name: "@odata.count", Type: ir.TypeRef{Name: "Int64", Primitive: true}},
			ir.Property{Name: "@odata.nextLink", Type: str}, ir.Property{Name: "@odata.deltaLink", Type: str})
	}
	key := answerWrapper(e)
	i := strings.LastIndexByte(key, '.')
	return &ir.Type{Name: key[i+1:], Namespace: key[:i], Properties: props}
}

// wrapped reports whether body is a JSON object whose members are "value"
// and annotations only, as a Page or Value answer is: the docs show some
// lists' answers as a single object.
func wrapped(body string) bool {
	var members map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &members) != nil {
		return true // the checker reports what is wrong with it
	}
	if _, ok := members["value"]; !ok {
		return false
	}
	for k := range members {
		if k != "value" && !strings.HasPrefix(k, "@") {
			return false
		}
	}
	return true
}
