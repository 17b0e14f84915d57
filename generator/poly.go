package generator

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// Polymorphic bodies. An endpoint whose body or answer is a struct type
// with derived types (beta/api/intune-deviceconfig-*-create.md all POST to
// /deviceManagement/deviceConfigurations) accepts every derived type,
// chosen by "@odata.type". For such a base B the generator emits, next
// to B:
//
//	type BKind interface{ isBKind() }      // B and every derived struct
//	type AnyB struct{ Value BKind }        // the Server's body/answer type
//	func (m AnyB) MarshalJSON (writes a derived type's @odata.type when unset)
//	func (m *AnyB) UnmarshalJSON (a switch on @odata.type)
//	func (m AnyB) polyValue() any             // for the runtime's validation
//	func (B) isBKind() {}; func (D) isBKind() {} ...
//
// Properties and collection-valued properties of such a type are
// Opt[AnyB] and Opt[[]AnyB] (fieldInfo.typ), so "@odata.type" picks the
// derived type at any depth and the handler validates its own fields.
// parser/check's Fit follows the same rule: nested objects always
// dispatch, the top-level one when FitOptions.Derived says so (a body or
// answer of a non-collection type). A collection body or answer keeps []B.

// polyPrefix marks a TypeRef.Target that names the polymorphic wrapper of
// a base type rather than the type itself; it cannot occur in the docs.
const polyPrefix = "\x00any:"

// polyInfo is one polymorphic base type with its Go names.
type polyInfo struct {
	base    *typeInfo
	derived []*typeInfo // sorted by qualified name
	wrapper string      // e.g. "AnyMobileApp"
	kind    string      // interface, e.g. "MobileAppKind"
	marker  string      // e.g. "isMobileAppKind"
	view    *typeInfo   // base's fields under the wrapper's name, for resolve
}

// polyOf returns the wrapper a ref names, or nil.
func (plan *Plan) polyOf(ref ir.TypeRef) *polyInfo {
	if !strings.HasPrefix(ref.Target, polyPrefix) {
		return nil
	}
	return plan.polys[strings.TrimPrefix(ref.Target, polyPrefix)]
}

// refLabel names ref's type for messages, a wrapper as "x or a derived type".
func refLabel(ref ir.TypeRef) string {
	s := typeLabel(ref.Name, unpoly(ref).Target, ref.Collection)
	if strings.HasPrefix(ref.Target, polyPrefix) {
		s += " or a derived type"
	}
	return s
}

// unpoly returns ref with a wrapper target replaced by its base type.
func unpoly(ref ir.TypeRef) ir.TypeRef {
	ref.Target = strings.TrimPrefix(ref.Target, polyPrefix)
	return ref
}

// polymorphic makes e's body and answer polymorphic when their type (not
// a collection: the Server signature keeps []B) has derived types in the
// doc set.
func (pl *planner) polymorphic(e *endpointInfo) {
	e.body = pl.polyRef(e.body)
	if e.result != nil {
		r := pl.polyRef(*e.result)
		if e.shape.wrap == "Page" {
			r = pl.polyElem(r) // a page's items dispatch on "@odata.type"
		}
		e.result = &r
	}
}

func (pl *planner) polyRef(ref ir.TypeRef) ir.TypeRef {
	if ref.Collection {
		return ref
	}
	return pl.polyElem(ref)
}

// polyElem returns ref naming the wrapper of its element type when that
// type has derived types: a property's type, a collection's items.
func (pl *planner) polyElem(ref ir.TypeRef) ir.TypeRef {
	if ref.Primitive || strings.HasPrefix(ref.Target, polyPrefix) {
		return ref
	}
	ti := pl.byName[ref.Target]
	if ti == nil {
		return ref
	}
	q := ti.t.QualifiedName()
	if pl.polys[q] == nil {
		if pl.monomorphic[ti] {
			return ref
		}
		ds := pl.derivedOf(ti)
		if len(ds) == 0 {
			// derivedOf walks every type: remembered, it ran once per
			// endpoint body and answer (6% of a run when profiled)
			pl.monomorphic[ti] = true
			return ref
		}
		pl.polys[q] = &polyInfo{base: ti, derived: ds}
	}
	ref.Target = polyPrefix + q
	return ref
}

// derivedOf lists the doc set's types that derive from ti: those its
// Derived list names and those whose Base chain reaches it, as
// parser/check's isDerived decides. It is asked about most types, so it
// looks the answer up in an index built once (a walk over every type per
// question was a tenth of generation on the beta doc set).
func (pl *planner) derivedOf(ti *typeInfo) []*typeInfo {
	if pl.lineage == nil {
		pl.lineage = pl.buildLineage()
	}
	if !pl.lineage.ascii {
		return pl.derivedOfSlow(ti)
	}
	var idx []int
	idx = append(idx, pl.lineage.below[strings.ToLower(ti.qname)]...)
	for _, s := range ti.t.Derived {
		idx = append(idx, pl.lineage.named[strings.ToLower(s)]...)
	}
	slices.Sort(idx)
	var out []*typeInfo
	for _, i := range slices.Compact(idx) {
		if d := pl.types[i]; d != ti {
			out = append(out, d)
		}
	}
	return out
}

// lineage indexes the types by lower-cased qualified name: the ones with
// that name, and the ones whose Base chain (themselves included) passes
// through it. Lower-casing matches strings.EqualFold only for ASCII, so
// a doc set with any other name takes the slow path.
type lineage struct {
	ascii bool
	named map[string][]int // pl.types indices, ascending
	below map[string][]int
}

func (pl *planner) buildLineage() *lineage {
	l := &lineage{ascii: true, named: map[string][]int{}, below: map[string][]int{}}
	for i, d := range pl.types {
		if !isASCII(d.qname) {
			return &lineage{}
		}
		l.named[strings.ToLower(d.qname)] = append(l.named[strings.ToLower(d.qname)], i)
		var seen []string
		for cur, n := d, 0; cur != nil && n < 64; cur, n = pl.byName[cur.t.Base], n+1 {
			k := strings.ToLower(cur.qname)
			if !slices.Contains(seen, k) {
				seen = append(seen, k)
				l.below[k] = append(l.below[k], i)
			}
		}
	}
	for _, d := range pl.types {
		if slices.ContainsFunc(d.t.Derived, func(s string) bool { return !isASCII(s) }) {
			return &lineage{}
		}
	}
	return l
}

func isASCII(s string) bool {
	for i := range len(s) {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// derivedOfSlow is derivedOf by walking every type.
func (pl *planner) derivedOfSlow(ti *typeInfo) []*typeInfo {
	var out []*typeInfo
	for _, d := range pl.types {
		if d != ti && pl.derives(d, ti) {
			out = append(out, d)
		}
	}
	return out
}

func (plan *Plan) derives(d, b *typeInfo) bool {
	q := b.qname
	if slices.ContainsFunc(b.t.Derived, func(s string) bool { return strings.EqualFold(s, d.qname) }) {
		return true
	}
	for cur, n := d, 0; cur != nil && n < 64; cur, n = plan.byName[cur.t.Base], n+1 {
		if strings.EqualFold(cur.qname, q) {
			return true
		}
	}
	return false
}

// namePolys names the wrappers and their interfaces.
func (pl *planner) namePolys(pkg *namer) {
	var ws []want
	keys := make([]string, 0, len(pl.polys))
	for q, p := range pl.polys {
		if p.view == nil { // not named yet: nameAll calls this again for the parameter tables' types
			keys = append(keys, q)
		}
	}
	slices.Sort(keys)
	for _, q := range keys {
		p := pl.polys[q]
		ws = append(ws, want{Key: q, Base: "Any" + p.base.goName, What: "polymorphic type", Pos: firstPos(p.base.t.Sources),
			Derive: func(b string) []string { return []string{b, strings.TrimPrefix(b, "Any") + "Kind"} }})
	}
	got := pkg.assign(ws)
	for _, q := range keys {
		p := pl.polys[q]
		p.wrapper = got[q]
		p.kind = strings.TrimPrefix(p.wrapper, "Any") + "Kind"
		p.marker = "is" + p.kind
		p.view = &typeInfo{t: p.base.t, qname: p.base.qname, goName: p.wrapper, fields: p.base.fields, odata: p.base.odata}
	}
}
