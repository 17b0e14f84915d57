package generator

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/templates"
)

// fixedNames are the identifiers server.go and server_test.go declare.
var fixedNames = []string{"Server", "UnimplementedServer", "NewHandler", "Endpoints", "serverCalls", "exampleServer"}

// runtimeNames returns the top-level identifiers of the support files,
// read from their source so that the reserved list cannot drift.
var runtimeNames = sync.OnceValue(func() []string {
	var names []string
	fset := token.NewFileSet()
	for _, f := range templates.Support() {
		file, err := parser.ParseFile(fset, f.Name, f.Src, parser.SkipObjectResolution)
		if err != nil {
			panic(fmt.Sprintf("templates/runtime/%s: %v", f.Name, err)) // caught by NewPlan; tested
		}
		for _, d := range file.Decls {
			names = append(names, declNames(d)...)
		}
	}
	return names
})

// declNames lists the package-scope names a declaration introduces.
func declNames(d ast.Decl) []string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			return []string{d.Name.Name}
		}
	case *ast.GenDecl:
		var out []string
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				out = append(out, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					out = append(out, n.Name)
				}
			}
		}
		return out
	}
	return nil
}

// supportPath is the output path of a support file.
func supportPath(name string) string { return "runtime_" + name }

// nameAll assigns every Go identifier. The endpoints are routed, and
// what their names are built from prepared, beside the naming of the
// types, fields and enum members and the polymorphic wrappers their
// fields need: neither side reads what the other writes (both read the
// doc set and the type index, which index built), and each keeps its own
// findings, so the plan is the one a serial run makes. The endpoints'
// bodies and answers then get their wrappers (the set of wrappers does
// not depend on the order they are found in), and the endpoints are
// named last, in the package scope the types filled.
func (pl *planner) nameAll() {
	routing := pl.sibling()
	var eps *endpointNaming
	routed := planBeside(func() {
		routing.routeEndpoints()
		eps = routing.prepareEndpointNames()
	})
	pkg := newNamerSize(&pl.diags, pl.packageScopeSize(), append(fixedNames, runtimeNames()...)...)
	pl.nameTypes(pkg)
	found := make([]ir.Diagnostics, len(pl.types)) // each type's fields are named on their own
	planEach(len(pl.types), func(i int) { found[i] = nameFields(pl.types[i]) })
	for _, d := range found {
		pl.diags = append(pl.diags, d...)
	}
	pl.nameConsts(pkg)
	for _, ti := range pl.types {
		for i := range ti.fields {
			ti.fields[i].typ = pl.polyElem(ti.fields[i].prop.Type)
		}
	}
	routed()
	pl.adopt(routing)
	for _, e := range pl.sortedEndpoints() {
		if e.reason == "" {
			pl.polymorphic(e)
		}
	}
	pl.namePolys(pkg)
	pl.nameEndpoints(pkg, eps)
	pl.planParameters()
	pl.namePolys(pkg) // the wrappers of the parameter tables' types
}

// packageScopeSize estimates how many identifiers the package will hold:
// a type's name, an enum's two and its members, the endpoints' (see
// endpointIdents) and the support code's.
func (pl *planner) packageScopeSize() int {
	n := len(fixedNames) + len(runtimeNames()) + len(pl.types)
	for _, ei := range pl.enums {
		n += 2 + len(ei.e.Members)
	}
	for _, e := range pl.endpoints {
		n += 11 + 3*len(e.ep.Examples)
	}
	return n
}

// nameTypes names structs and enums. Types of a sub-namespace
// (microsoft.graph.callRecords.session) get the namespace as a prefix only
// when their plain name is shared with another type.
func (pl *planner) nameTypes(pkg *namer) {
	type entry struct{ ns, q, goName string }
	var all []entry
	for _, ti := range pl.types {
		all = append(all, entry{ti.t.Namespace, ti.qname, goName(ti.t.Name)})
	}
	for _, ei := range pl.enums {
		all = append(all, entry{ei.e.Namespace, ei.e.QualifiedName(), goName(ei.e.Name)})
	}
	count := make(map[string]int, len(all))
	for _, e := range all {
		count[e.goName]++
	}
	base := make(map[string]string, len(all))
	for _, e := range all {
		b := e.goName
		switch {
		case count[b] > 1 && e.ns != "" && e.ns != ir.DefaultNamespace:
			b = goName(strings.TrimPrefix(e.ns, ir.DefaultNamespace+".")) + b
		case pkg.isTaken(b) || pkg.isTaken(b+"Values"):
			// A type named like the support code ("permission" meets the
			// runtime's Permission): its namespace reads better than "2".
			b = nsPrefix(e.ns) + b
		}
		base[e.q] = b
	}
	var ws []want
	for _, ti := range pl.types {
		ws = append(ws, want{Key: ti.qname, Base: base[ti.qname], What: "type", Pos: firstPos(ti.t.Sources)})
	}
	for _, ei := range pl.enums {
		q := ei.e.QualifiedName()
		ws = append(ws, want{Key: q, Base: base[q], What: "enum", Pos: ei.e.Pos,
			Derive: func(b string) []string { return []string{b, b + "Values"} }})
	}
	got := pkg.assign(ws)
	for _, ti := range pl.types {
		ti.goName = got[ti.qname]
	}
	for _, ei := range pl.enums {
		ei.goName = got[ei.e.QualifiedName()]
	}
}

// nsPrefix is the Go form of a namespace's last element, for names that
// need qualifying: "microsoft.graph" → "Graph", "" → "Graph".
func nsPrefix(ns string) string {
	if i := strings.LastIndexByte(ns, '.'); i >= 0 {
		ns = ns[i+1:]
	}
	if strings.TrimSpace(ns) == "" {
		ns = "graph"
	}
	return goName(ns)
}

// nameFields names a struct's fields. AdditionalData and the JSON methods
// are fixed; ODataType is added unless a property already carries
// "@odata.type". A property listed twice (flattened inheritance repeats
// rows) or with a name encoding/json cannot use as a tag is left to
// AdditionalData, which keeps it losslessly. It returns its findings.
func nameFields(ti *typeInfo) (diags ir.Diagnostics) {
	seen := make(map[string]bool, len(ti.t.Properties))
	ti.fields = make([]fieldInfo, 0, len(ti.t.Properties))
	for _, p := range ti.t.Properties {
		switch {
		case seen[p.Name]:
			diags.Warnf(p.Pos, ir.CodeDuplicateProperty, "property table: %s.%s listed twice; keeping the first row", ti.t.Name, p.Name)
		case !validJSONName(p.Name):
			diags.Warnf(p.Pos, ir.CodeUnsupportedPropertyName, "property table: %s.%s: name %q cannot be a JSON struct tag; the property is kept in AdditionalData", ti.t.Name, p.Name, p.Name)
		default:
			seen[p.Name] = true
			ti.fields = append(ti.fields, fieldInfo{prop: p, goName: goName(p.Name), typ: p.Type}) // the base name, until a collision
		}
	}
	ti.odata = !seen["@odata.type"]
	fixed := []string{"AdditionalData", "MarshalJSON", "UnmarshalJSON", "ODataType"}
	if !ti.odata {
		fixed = fixed[:3]
	}
	if uncontested(ti.fields, fixed) {
		return diags
	}
	ws := make([]want, len(ti.fields))
	what := "field of " + ti.goName
	for i, f := range ti.fields {
		ws[i] = want{Key: f.prop.Name, Base: f.goName, What: what, Pos: f.prop.Pos}
	}
	got := newNamer(&diags, fixed...).assign(ws)
	for i := range ti.fields {
		ti.fields[i].goName = got[ti.fields[i].prop.Name]
	}
	return diags
}

// uncontested reports whether no two of fields have the same base name
// and none has a reserved one: then a namer would give each its base,
// and most types, whose fields do not collide, need none (its maps cost
// a tenth of naming the fields).
func uncontested(fields []fieldInfo, reserved []string) bool {
	bases := make([]string, len(fields))
	for i, f := range fields {
		bases[i] = f.goName
	}
	slices.Sort(bases)
	for i, b := range bases {
		if i > 0 && b == bases[i-1] || slices.Contains(reserved, b) {
			return false
		}
	}
	return true
}

// validJSONName mirrors encoding/json's isValidTag: a name it rejects is
// silently replaced by the Go field name, which would break round trips.
func validJSONName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

// nameConsts names enum member constants: enum name + member name.
func (pl *planner) nameConsts(pkg *namer) {
	var ws []want
	for _, ei := range pl.enums {
		seen := map[string]bool{}
		for _, m := range ei.e.Members {
			if strings.TrimSpace(m.Name) == "" {
				pl.diags.Warnf(m.Pos, ir.CodeEmptyEnumMember, "enum %s: member without a name; left out", ei.e.Name)
				continue
			}
			if seen[m.Name] {
				pl.diags.Warnf(m.Pos, ir.CodeDuplicateEnumMember, "enum %s: member %q listed twice; keeping the first", ei.e.Name, m.Name)
				continue
			}
			seen[m.Name] = true
			ei.consts = append(ei.consts, constInfo{m: m})
			ws = append(ws, want{Key: ei.e.QualifiedName() + "/" + m.Name, Base: ei.goName + goName(m.Name), What: "enum member", Pos: m.Pos})
		}
	}
	got := pkg.assign(ws)
	for _, ei := range pl.enums {
		for i := range ei.consts {
			ei.consts[i].goName = got[ei.e.QualifiedName()+"/"+ei.consts[i].m.Name]
		}
	}
}
