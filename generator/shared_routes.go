package generator

import (
	"slices"

	"github.com/docs2go/docs2go/parser/ir"
)

// widen gives a primary endpoint whose routes other pages share the types
// that accept every member's body and answer: the nearest common base type
// (Intune's per-derived-type create pages all POST to the base collection,
// e.g. beta/api/intune-apps-androidlobapp-create.md and 29 others to
// /deviceAppManagement/mobileApps). Struct types with no common base
// degrade to raw JSON, with a warning. Members then use the primary's types.
func (pl *planner) widen(p *endpointInfo) {
	group := append([]*endpointInfo{p}, p.members...)
	bodies := make([]*ir.TypeRef, len(group))
	var results []*ir.TypeRef
	for i, e := range group {
		bodies[i] = &e.body
		if e.result != nil {
			results = append(results, e.result)
		}
	}
	if body, ok := pl.common(bodies); ok {
		p.body = *body
	} else {
		pl.unrelated(p, "body", func(e *endpointInfo) *ir.TypeRef { return &e.body })
	}
	if len(results) > 0 {
		if res, ok := pl.common(results); ok {
			p.result = res
		} else {
			pl.unrelated(p, "response", func(e *endpointInfo) *ir.TypeRef { return e.result })
		}
	}
	for _, m := range p.members {
		m.method, m.status, m.body, m.result = p.method, p.status, p.body, p.result
	}
}

// unrelated reports the members whose type shares no base with the
// primary's: the primary keeps its type (a generic page must not untype a
// specific one), and the member's examples are checked against it.
func (pl *planner) unrelated(p *endpointInfo, what string, ref func(*endpointInfo) *ir.TypeRef) {
	pr := ref(p)
	for _, m := range p.members {
		mr := ref(m)
		if pr == nil || mr == nil {
			continue
		}
		if _, ok := pl.common([]*ir.TypeRef{pr, mr}); !ok {
			pl.diags.Warnf(m.ep.Pos, ir.CodeSharedRouteTypes, "endpoint %s: its request lines are served by %s, whose %s type %s is unrelated to %s; examples are checked against %s",
				m.ep.Title, sourceRef(p.ep.Pos), what, refLabel(*pr), refLabel(*mr), refLabel(*pr))
		}
	}
}

// common returns a type every ref's values fit: the ref itself when all
// agree, else the nearest common base of their struct targets, else raw
// JSON (ok false).
func (pl *planner) common(refs []*ir.TypeRef) (*ir.TypeRef, bool) {
	first := refs[0]
	same := true
	for _, r := range refs[1:] {
		same = same && sameRef(*r, *first)
	}
	if same {
		return first, true
	}
	raw := &ir.TypeRef{Raw: "(types of a shared route)", Collection: first.Collection}
	var chain []string // ancestors of the first target, nearest first
	for ti := pl.byName[first.Target]; ti != nil && len(chain) < 64; ti = pl.byName[ti.t.Base] {
		chain = append(chain, ti.t.QualifiedName())
	}
	best := 0
	for _, r := range refs {
		if r.Collection != first.Collection || pl.byName[r.Target] == nil {
			return raw, false
		}
		i := -1
		for ti, n := pl.byName[r.Target], 0; ti != nil && i < 0 && n < 64; ti, n = pl.byName[ti.t.Base], n+1 {
			i = slices.Index(chain, ti.t.QualifiedName())
		}
		if i < 0 {
			return raw, false
		}
		best = max(best, i)
	}
	t := pl.byName[chain[best]].t
	return &ir.TypeRef{Raw: first.Raw, Name: t.Name, Target: t.QualifiedName(), Collection: first.Collection, Pos: first.Pos}, true
}

// sameRef reports whether two refs map to the same Go type.
func sameRef(a, b ir.TypeRef) bool {
	return a.Collection == b.Collection && a.Primitive == b.Primitive && a.Target == b.Target &&
		(!a.Primitive || a.Name == b.Name)
}
