package generator

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// reach is the closure of the types and enums the selected endpoints
// reach (see select.go for the rule).
type reach struct {
	plan  *Plan
	types map[*typeInfo]bool
	enums map[*enumInfo]bool
	polys map[*polyInfo]bool
}

func newReach(plan *Plan) *reach {
	return &reach{plan: plan, types: map[*typeInfo]bool{}, enums: map[*enumInfo]bool{}, polys: map[*polyInfo]bool{}}
}

// endpoint adds what e's method and tests use: its body and answer.
func (r *reach) endpoint(e *endpointInfo) {
	r.ref(e.body)
	if e.result != nil {
		r.ref(*e.result)
	}
}

func (r *reach) ref(ref ir.TypeRef) {
	if ref.Primitive || ref.Target == "" {
		return
	}
	if p := r.plan.polyOf(ref); p != nil {
		if r.polys[p] {
			return
		}
		r.polys[p] = true
		r.typ(p.base)
		for _, d := range p.derived {
			r.typ(d)
		}
		return
	}
	if ti := r.plan.byName[strings.TrimPrefix(ref.Target, polyPrefix)]; ti != nil {
		r.typ(ti)
		return
	}
	if ei := r.plan.enumNames[ref.Target]; ei != nil {
		r.enums[ei] = true
	}
}

func (r *reach) typ(ti *typeInfo) {
	if r.types[ti] {
		return
	}
	r.types[ti] = true
	for _, fi := range ti.fields {
		r.ref(fi.typ)
	}
}

// keptTypes, keptEnums and keptPolys filter the plan's lists, keeping
// their order.
func (r *reach) keptTypes() []*typeInfo {
	return slices.DeleteFunc(slices.Clone(r.plan.types), func(ti *typeInfo) bool { return !r.types[ti] })
}

func (r *reach) keptEnums() []*enumInfo {
	return slices.DeleteFunc(slices.Clone(r.plan.enums), func(ei *enumInfo) bool { return !r.enums[ei] })
}

func (r *reach) keptPolys() map[string]*polyInfo {
	out := map[string]*polyInfo{}
	for q, p := range r.plan.polys {
		if r.polys[p] {
			out[q] = p
		}
	}
	return out
}

// prunedDerived lists the types left out whose base type was kept.
func (r *reach) prunedDerived() []PrunedType {
	var out []PrunedType
	for _, ti := range r.plan.types {
		base := r.plan.byName[ti.t.Base]
		if r.types[ti] || base == nil || !r.types[base] {
			continue
		}
		out = append(out, PrunedType{Name: ti.qname, GoName: ti.goName, Base: base.qname, Pos: firstPos(ti.t.Sources)})
	}
	return out
}
