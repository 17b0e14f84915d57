package generator

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// widen gives a primary endpoint whose routes other pages share the types
// that accept its own and its variants' bodies and answers: the nearest
// common base type (Intune's per-derived-type create pages all POST to the
// base collection, e.g. beta/api/intune-apps-androidlobapp-create.md and
// 29 others to /deviceAppManagement/mobileApps), over the members whose
// body is a variant of the primary's (see variant). Other members (v1.0
// singlevaluelegacyextendedproperty-post-singlevalueextendedproperties.md
// posting to /me/messages) do not widen the primary: they are served by
// it as it is, with a shared-route-types warning.
func (pl *planner) widen(p *endpointInfo) {
	natural := pl.naturalType(p)
	group := []*endpointInfo{p}
	var others []*endpointInfo
	for _, m := range p.members {
		if pl.variant(p, m, natural) {
			group = append(group, m)
		} else {
			others = append(others, m)
		}
	}
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
		pl.unrelated(p, group[1:], true, "body", func(e *endpointInfo) *ir.TypeRef { return &e.body })
	}
	if len(results) > 0 {
		if res, ok := pl.common(results); ok {
			p.result = res
		} else {
			pl.unrelated(p, group[1:], true, "response", func(e *endpointInfo) *ir.TypeRef { return e.result })
		}
	}
	pl.unrelated(p, others, false, "body", func(e *endpointInfo) *ir.TypeRef { return &e.body })
	for _, m := range p.members {
		m.method, m.status, m.body, m.result = p.method, p.status, p.body, p.result
	}
}

// variant reports whether m's body is a variant of primary p's: the same
// type or derived from it; or both derived from the route's natural type;
// or, when p's type is not the natural type's, both derived from p's
// direct base (Intune's policySets/{id}/items takes every policySetItem
// kind; a message and an extended property share only entity, which is
// no resource of /me/messages).
func (pl *planner) variant(p, m *endpointInfo, natural *typeInfo) bool {
	pt := pl.byName[p.body.Target]
	if sameRef(m.body, p.body) || pl.refDerives(m.body, pt) {
		return true
	}
	if pl.refDerives(p.body, natural) {
		return pl.refDerives(m.body, natural)
	}
	return pt != nil && pl.refDerives(m.body, pl.byName[pt.t.Base])
}

// naturalType is the type p's first route posts to: its last literal
// segment made singular, in the namespace of p's body type (nil when no
// such type is declared).
func (pl *planner) naturalType(p *endpointInfo) *typeInfo {
	if len(p.routes) == 0 || p.body.Target == "" {
		return nil
	}
	segs := p.routes[0].Segments
	last := segs[len(segs)-1].Lit
	if last == "" {
		return nil
	}
	ns := p.body.Target[:max(strings.LastIndexByte(p.body.Target, '.'), 0)]
	want := ns + "." + singular(last)
	for _, ti := range pl.types {
		if strings.EqualFold(ti.qname, want) {
			return ti
		}
	}
	return nil
}

// refDerives reports whether ref's struct target is b or derives from it
// (false when b is nil).
func (pl *planner) refDerives(ref ir.TypeRef, b *typeInfo) bool {
	d := pl.byName[ref.Target]
	return d != nil && b != nil && !ref.Primitive && pl.derives(d, b)
}

// unrelated reports the members whose type shares no base with the
// primary's (every member given, when related is false: they are not
// variants of the primary's type): the primary keeps its type (a generic
// page must not untype a specific one), and the member's examples are
// checked against it.
func (pl *planner) unrelated(p *endpointInfo, members []*endpointInfo, related bool, what string, ref func(*endpointInfo) *ir.TypeRef) {
	pr := ref(p)
	for _, m := range members {
		mr := ref(m)
		if pr == nil || mr == nil {
			continue
		}
		if _, ok := pl.common([]*ir.TypeRef{pr, mr}); !ok || !related {
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
