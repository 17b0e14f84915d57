package link

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// Passes 4b and 5b: every operation page other than a create becomes an
// endpoint of its kind (opkind.go), or a skip saying why it could not. The
// types are found after the creates' (body.go), so a create's body type
// and the names synthesized for it never depend on the other operations.

// opTypes are the facts of an operation that resolveOperations finds.
type opTypes struct {
	examples  []ir.Example // the operation's own (examplesFor)
	unclaimed []ir.Example
	status    int
	statuses  []int
	body      *ir.TypeRef
	params    []ir.Property
	result    *ir.TypeRef
	content   string
	resultCT  string
	redirect  bool
	skipAt    ir.Pos
	skip      string // why the page makes no endpoint; "" when it makes one
}

// resolveOperations finds the request and answer of every operation page
// that is not a create, in sorted page order.
func (l *linker) resolveOperations() {
	for i, p := range l.pages {
		ops := l.facts[i].ops
		if len(ops) == 0 {
			continue
		}
		if !l.onPage("operation", p, func() {
			for j, f := range ops {
				// The examples no request line claims are reported once
				// per page: with its create, else with its first operation.
				l.operationTypes(p, f, j == 0 && l.facts[i].create == nil)
			}
		}) {
			l.facts[i].ops = nil // reported: half-found types make no endpoint
		}
	}
}

// exampleFacts sorts out the examples and statuses of the operations of a
// page, which depend on the page alone: prepare finds them on every core.
// Only the first operation keeps the examples no request line claims
// (operationTypes decides whether it reports them).
func exampleFacts(op *ir.Operation, ops []*opFacts) {
	for j, f := range ops {
		f.examples, f.unclaimed = examplesFor(op, f.method)
		if j > 0 {
			f.unclaimed = nil
		}
		if f.method == "GET" && splitsMedia(op) {
			f.examples = mediaExamples(f.examples, f.media)
		}
		prose := op.Response
		if f.secondary {
			prose = nil
		}
		f.status, f.statuses = statuses(prose, f.examples, f.kind)
	}
}

// operationTypes finds the types of one operation of p, whose examples and
// statuses exampleFacts found; unclaimed says whether it reports the
// examples no request line claims.
func (l *linker) operationTypes(p *ir.Page, f *opFacts, unclaimed bool) {
	op := p.Operation
	if !unclaimed {
		f.unclaimed = nil
	}
	if len(f.paths) == 0 {
		f.skipAt, f.skip = firstValid(op.Pos, p.TitlePos, ir.Pos{File: p.File}),
			"http request: no "+f.method+" request line in the syntax block"
		return
	}
	req := requestOf(op, f.method)
	switch f.kind {
	case ir.OpUpdate:
		f.body, f.skipAt, f.skip = l.resourceBody(p, req)
		if f.body != nil && f.status == 200 && answerShown(f.examples, 200) {
			r := *f.body
			f.result = &r
		}
	case ir.OpPut:
		l.putRequest(p, f, req)
		if f.body != nil && answerShown(f.examples, f.status) {
			r := *f.body
			f.result = &r
		}
	case ir.OpAction:
		l.actionRequest(p, f, req)
		f.result = l.opResult(p, f, f.examples)
	case ir.OpFunction:
		l.functionRequest(p, f)
		f.result = l.opResult(p, f, f.examples)
	case ir.OpGet, ir.OpList:
		f.result = l.opResult(p, f, f.examples)
	}
	f.redirect = f.status == 302
	if f.redirect {
		f.result = nil
	}
	if f.media && f.kind == ir.OpGet {
		f.result = nil
		if f.resultCT = answerContent(f.examples, f.status, true); f.resultCT == "" {
			f.resultCT = "application/octet-stream"
		}
	} else if ct := answerContent(f.examples, f.status, false); ct != "" && !f.redirect {
		f.result, f.resultCT = nil, ct // a report's CSV body
	}
	if f.kind == ir.OpList {
		listResult(f)
	}
}

// listResult keeps the list contract: a list answers a page of items, so
// its Result is the element type, raw JSON when the page types nothing. A
// "list" answering a redirect or a non-JSON body (beta
// reportroot-getoffice365activationcounts.md: "collection" in the prose,
// a 302 to a CSV) reads one thing: a get.
func listResult(f *opFacts) {
	switch {
	case f.redirect || f.resultCT != "":
		f.kind = ir.OpGet
	case f.result == nil:
		f.result = &ir.TypeRef{Raw: untypedAnswer, Collection: true}
	}
}

// splitsMedia reports a page whose GET lines read both an object and its
// content: each of its two gets keeps the examples of its own lines.
func splitsMedia(op *ir.Operation) bool {
	var obj, media bool
	for _, ps := range op.Paths {
		if strings.EqualFold(ps.Method, "GET") {
			m := isMediaPath(ps.Template)
			obj, media = obj || !m, media || m
		}
	}
	return obj && media
}

// mediaExamples keeps the examples of a page's object (media false) or
// of its content: those whose request reads the content, and those showing
// only a response, which name no URL.
func mediaExamples(exs []ir.Example, media bool) []ir.Example {
	var out []ir.Example
	for _, ex := range exs {
		if ex.Request == nil || isMediaPath(ex.Request.URL) == media {
			out = append(out, ex)
		}
	}
	return out
}

// answerShown reports an example answer of status with a body.
func answerShown(examples []ir.Example, status int) bool {
	for _, ex := range examples {
		if m := ex.Response; m != nil && m.Status == status && m.Body != nil && strings.TrimSpace(m.Body.Text) != "" {
			return true
		}
	}
	return false
}

// buildOperation turns one operation of a page into its endpoint, or a
// skip.
func (l *linker) buildOperation(p *ir.Page, f *opFacts) {
	op := p.Operation
	pos := firstValid(f.pos, op.Pos, p.TitlePos, ir.Pos{File: p.File})
	if f.skip != "" {
		s := ir.Skip{Kind: f.kind, Page: p.File, Method: f.method, Reason: f.skip, Pos: firstValid(f.skipAt, pos)}
		if len(f.paths) > 0 {
			s.Path = f.paths[0].Template
		}
		l.skipped = append(l.skipped, s)
		l.diags.Warnf(s.Pos, ir.CodeOperationSkipped, "%s page: %s", f.kind, f.skip)
		return
	}
	ep := &ir.Endpoint{
		Kind:          f.kind,
		Page:          p.File,
		Title:         p.Title,
		Method:        f.method,
		Paths:         f.paths,
		Body:          f.body,
		Result:        f.result,
		Status:        f.status,
		Statuses:      f.statuses,
		Parameters:    f.params,
		Query:         queryParams(op, f.paths),
		OData:         slices.Clone(op.ODataOptions),
		Content:       f.content,
		ResultContent: f.resultCT,
		Redirect:      f.redirect,
		Permissions:   l.permissions(p, op),
		Headers:       slices.Clone(op.Headers),
		Examples:      f.examples,
		Unclaimed:     f.unclaimed,
		Pos:           pos,
	}
	l.endpoints = append(l.endpoints, ep)
}
