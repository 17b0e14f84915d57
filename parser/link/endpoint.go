package link

import (
	"slices"

	"github.com/docs2go/docs2go/parser/ir"
)

// Pass 5: endpoints. Every create page becomes an endpoint from its facts
// (request lines, body and result types, permissions, examples), or a skip
// saying why it could not; so does every other operation of a page
// (opendpoint.go).

// buildEndpoints turns every operation of every page into an endpoint, or
// records why it could not become one.
// Each page's work reads its own facts and the index only, so the pages
// are built on every core (shard.go).
func (l *linker) buildEndpoints() {
	l.sharded(len(l.pages), func(s *linker, i int) {
		p := l.pages[i]
		create, ops := l.facts[i].create, l.facts[i].ops
		if create == nil && len(ops) == 0 {
			return
		}
		s.onPage("endpoint", p, func() {
			if create != nil {
				s.buildEndpoint(p, create)
			}
			for _, f := range ops {
				s.buildOperation(p, f)
			}
		})
	})
}

func (l *linker) buildEndpoint(p *ir.Page, f *createFacts) {
	op, method := p.Operation, f.method
	pos := firstValid(op.Pos, p.TitlePos, ir.Pos{File: p.File})
	skip := func(at ir.Pos, reason string) {
		s := ir.Skip{Kind: ir.OpCreate, Page: p.File, Method: method, Reason: reason, Pos: firstValid(at, pos)}
		if len(f.paths) > 0 {
			s.Path = f.paths[0].Template
		}
		l.skipped = append(l.skipped, s)
		l.diags.Warnf(s.Pos, ir.CodeCreateSkipped, "create page: %s", reason)
	}
	switch {
	case len(f.paths) == 0:
		skip(pos, "http request: no "+method+" request line in the syntax block")
		return
	case f.body == nil && f.noBody != "":
		skip(f.noBodyAt, f.noBody)
		return
	}
	ep := &ir.Endpoint{
		Kind:        ir.OpCreate,
		Page:        p.File,
		Title:       p.Title,
		Method:      method,
		Paths:       f.paths,
		Body:        f.body,
		Result:      f.result,
		Status:      201,
		Permissions: l.permissions(p, op),
		Headers:     slices.Clone(op.Headers),
		Pos:         pos,
	}
	ep.Examples, ep.Unclaimed = examplesFor(op, method) // examples.go
	if method == "PUT" {
		// An upsert documents what a replace answers too ("201 Created if
		// the activity was created or 200 OK if it was replaced").
		_, ep.Statuses = statuses(op.Response, ep.Examples, ir.OpCreate)
	}
	l.endpoints = append(l.endpoints, ep)
}

func firstValid(ps ...ir.Pos) ir.Pos {
	for _, p := range ps {
		if p.IsValid() {
			return p
		}
	}
	if len(ps) > 0 {
		return ps[len(ps)-1]
	}
	return ir.Pos{}
}
