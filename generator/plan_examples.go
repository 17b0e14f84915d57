package generator

import (
	"net/url"
	"strings"

	"github.com/docs2go/docs2go/parser/check"
	"github.com/docs2go/docs2go/parser/ir"
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
	if e.unimplemented.target == "" {
		diags.Warnf(e.ep.Pos, ir.CodeEndpointUnroutable, "endpoint %s: every request line is shadowed by another endpoint; no 501 test", e.name)
	}
	return diags
}

// unimplementedRequest is what the 501 test sends: the first example
// with a request body that reaches e, else an empty body to the first
// request line that does.
func (plan *Plan) unimplementedRequest(e *endpointInfo) testRequest {
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
	if resp.Status != 0 && resp.Status != e.status {
		diags.Warnf(resp.Pos, ir.CodeExampleStatus, "http example %d: response status %d, want %d; no golden test", info.n, resp.Status, e.status)
		return false
	}
	if resp.Body == nil || strings.TrimSpace(resp.Body.Text) == "" {
		return true
	}
	if e.result == nil {
		diags.Warnf(resp.Body.Pos, ir.CodeExampleNonconforming, "http example %d: response has a body but the endpoint answers %d without one; no golden test", info.n, e.status)
		return false
	}
	if d := plan.fit(*e.result, resp.Body, "response body"); d != nil {
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
	ds := &ir.DocSet{}
	for _, ti := range plan.types {
		t := *ti.t
		t.Properties = nil
		for _, f := range ti.fields {
			t.Properties = append(t.Properties, f.prop)
		}
		ds.Types = append(ds.Types, &t)
	}
	for _, ei := range plan.enums {
		ds.Enums = append(ds.Enums, ei.e)
	}
	return check.New(ds)
}

// exampleTarget returns the path the handler test sends the example to:
// the example's own URL when it routes to e, else a path built from e's
// request line.
func (plan *Plan) exampleTarget(e *endpointInfo, raw string, pos ir.Pos, diags *ir.Diagnostics) string {
	if p := urlPath(raw); p != "" && plan.router.match(e.method, p) == e.owner() {
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
			return path
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
