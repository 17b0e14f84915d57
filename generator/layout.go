package generator

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/docs2go/docs2go/parser/ir"
)

// The output groups declarations by kind and by the first letter of their
// Go name: models_a.go holds every struct, enum and polymorphic wrapper
// whose name starts with A, endpoints_a.go the endpoints that create
// something starting with A, endpoints_a_test.go their golden tests, with
// the documented examples inline. One file per type (and one per example
// body) made the beta doc set 3,847 files in 526 folders, and creating them
// could cost more than everything else docs2go does; grouped, it is 79
// files. A declaration's file depends on its own name only, so a changed
// page rewrites the same files at every run and a diff stays where it was.

// unit is one group of declarations bound for a file: a type, an enum, a
// polymorphic wrapper, an endpoint, an endpoint's tests, or one
// declaration of server.go or server_test.go.
type unit struct {
	file  string // output path
	order string // position inside the file
	pos   ir.Pos // where it comes from, for render errors
	// emit adds the declarations to f and returns the pages they were
	// built from.
	emit func(em emitter, f *jen.File) []string
}

// letterOf is the lower-case ASCII letter a Go name starts with, or
// "other" (goName may start with a non-ASCII capital such as "Ä").
func letterOf(name string) string {
	if name != "" {
		if c := name[0] | 0x20; c >= 'a' && c <= 'z' {
			return string(c)
		}
	}
	return "other"
}

// modelsFile is the file of a type, enum or wrapper named goName.
func modelsFile(goName string) string { return "models_" + letterOf(goName) + ".go" }

// endpointsStem is the file stem of an endpoint: by what it acts on,
// without the verb of its kind, so that CreateUser, GetUser, ListUsers
// and DeleteUser share endpoints_u.go.
func endpointsStem(name string) string {
	for _, verb := range []string{"Create", "Get", "List", "Update", "Delete", "Put", "Add"} {
		if rest, ok := strings.CutPrefix(name, verb); ok && rest != "" && rest[0] >= 'A' && rest[0] <= 'Z' {
			name = rest
			break
		}
	}
	return "endpoints_" + letterOf(name)
}

// modelUnits lists the types, enums and polymorphic wrappers.
func (em emitter) modelUnits() []unit {
	var us []unit
	for _, ti := range em.types {
		us = append(us, unit{file: modelsFile(ti.goName), order: ti.goName, pos: firstPos(ti.t.Sources),
			emit: func(em emitter, f *jen.File) []string { return em.emitStruct(f, ti) }})
	}
	for _, ei := range em.enums {
		us = append(us, unit{file: modelsFile(ei.goName), order: ei.goName, pos: ei.e.Pos,
			emit: func(em emitter, f *jen.File) []string { return em.emitEnum(f, ei) }})
	}
	for _, p := range em.polys {
		// Next to its base type: "Shape", then "Shape\x00" for AnyShape.
		us = append(us, unit{file: modelsFile(p.base.goName), order: p.base.goName + "\x00", pos: firstPos(p.base.t.Sources),
			emit: func(em emitter, f *jen.File) []string { return em.emitPoly(f, p) }})
	}
	return us
}

// endpointUnits lists the endpoints and their tests.
func (em emitter) endpointUnits() []unit {
	var us []unit
	for _, e := range em.endpoints {
		if !e.hasTests() {
			continue
		}
		stem := endpointsStem(e.name)
		if e.ok {
			us = append(us, unit{file: stem + ".go", order: e.name, pos: e.ep.Pos,
				emit: func(em emitter, f *jen.File) []string { return em.emitEndpoint(f, e) }})
		}
		us = append(us, unit{file: stem + "_test.go", order: e.name, pos: e.ep.Pos,
			emit: func(em emitter, f *jen.File) []string { return em.emitEndpointTest(f, e) }})
	}
	return us
}

// emitGroups queues one job per file of units that builds, renders and
// formats it. The biggest files are queued first, so that no large file
// starts last and leaves the other cores idle.
func (o *output) emitGroups(us []unit) {
	for _, grp := range groupUnits(us) {
		o.queueUnits(grp, "")
	}
}

// queueUnits reserves the place of the file of us (which share it) and
// queues the job that builds, renders and formats it. header, when set,
// heads the file whatever pages it was built from.
func (o *output) queueUnits(us []unit, header string) {
	o.add(us[0].file, nil)
	o.queue(renderJob{file: len(o.files) - 1, path: us[0].file, units: us, header: header, pos: us[0].pos, out: new(renderOut)})
}

// groupUnits sorts units by file, then by position inside the file, and
// returns the units of each file, the files with the most units first.
func groupUnits(us []unit) [][]unit {
	slices.SortFunc(us, func(a, b unit) int { return cmp.Or(cmp.Compare(a.file, b.file), cmp.Compare(a.order, b.order)) })
	var groups [][]unit
	for start := 0; start < len(us); {
		end := start + 1
		for end < len(us) && us[end].file == us[start].file {
			end++
		}
		groups = append(groups, us[start:end])
		start = end
	}
	slices.SortStableFunc(groups, func(a, b []unit) int { return -cmp.Compare(len(a), len(b)) })
	return groups
}

// buildGrouped builds one file from units that share it, as one jen.File:
// what renderGrouped renders unit by unit, and its fallback. Its header
// is header, or when that is empty names the page when a single page
// produced it.
func (em emitter) buildGrouped(us []unit, header string) (*jen.File, []string) {
	f := jen.NewFile(em.pkg)
	var sources []string
	for i, u := range us {
		if i > 0 {
			f.Line()
		}
		sources = append(sources, u.emit(em, f)...)
	}
	sources = pagesOf(sources)
	f.HeaderComment(cmp.Or(header, fileHeader(sources)))
	return f, sources
}
