package link

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// Pass 1: index every declaration. Each resource and enum section of every
// page becomes a declaration of its qualified name; the first declaration
// (in sorted page order) decides whether the name is a struct type or an
// enum. Nothing is merged here (see merge.go), so later passes can choose
// among the declarations of one name.

// def is a named type that pages define: a struct type or an enum.
type def struct {
	key   string // lower-cased qualified name
	qname string // canonical qualified name
	lname string // lower-cased canonical short name, for matching on a page
	typ   *typeDef
	enum  *ir.Enum
	decls []decl // the declarations of this name and kind, sorted page order
}

// decl is one page's declaration of a type or enum.
type decl struct {
	page *ir.Page
	name defName
	res  *ir.Resource // set for a struct type
	enum *ir.Enum     // set for an enum
}

// newDef makes the definition of ns.name stored under key; the names are
// computed once here because resolution compares them for every link.
func newDef(key, ns, name string) *def {
	return &def{key: key, qname: ir.Qualify(ns, name), lname: strings.ToLower(name)}
}

// name returns the canonical short name.
func (d *def) name() string {
	if d.typ != nil {
		return d.typ.typ.Name
	}
	return d.enum.Name
}

// qualified returns the canonical qualified name.
func (d *def) qualified() string {
	return d.qname
}

// typeDef is a struct type under construction, with what resolution needs:
// the page each property was read from (links are relative to it).
type typeDef struct {
	key      string
	qname    string // typ.QualifiedName(), which sorting and references need often
	typ      *ir.Type
	propFile []string    // page File of each property, parallel to typ.Properties
	base     *ir.TypeRef // copy of the canonical BaseType; Target set by resolveTypes
	baseFile string      // page the base reference was read on
	baseKey  string      // resolved base def key, "" when none or unresolved
	resolved bool        // property references resolved (page types: by resolveTypes)
	children []string    // keys of the types whose base is this one, sorted
}

// newTypeDef makes the struct type ns.name stored under key.
func newTypeDef(key, ns, name string) *typeDef {
	return &typeDef{key: key, qname: ir.Qualify(ns, name), typ: &ir.Type{Name: name, Namespace: ns}}
}

// indexDeclarations registers every resource and enum of every page under
// its name, and which names each page declares.
func (l *linker) indexDeclarations() {
	for i, p := range l.pages {
		l.onPage("index", p, func() {
			for j, r := range p.Resources {
				if r != nil {
					l.declare(decl{page: p, name: l.facts[i].resources[j], res: r})
				}
			}
			for j, e := range p.Enums {
				if e != nil {
					l.declare(decl{page: p, name: l.facts[i].enums[j], enum: e})
				}
			}
		})
	}
	for k := range l.byShort {
		slices.Sort(l.byShort[k])
	}
}

// declare adds one declaration; one that contradicts the kind of the name
// (a resource where an enum was declared first, or the reverse) is
// reported and left out.
func (l *linker) declare(dc decl) {
	what, pos := "resource", ir.Pos{}
	if dc.res != nil {
		pos = dc.res.Pos
	} else {
		what, pos = "enum", dc.enum.Pos
	}
	n := dc.name
	if n.key == "" {
		if dc.res != nil {
			l.diags.Warnf(pos, ir.CodeUnnamedType, "resource: no annotation names the type and the title is not one word; its properties are not used")
		} else {
			l.diags.Warnf(pos, ir.CodeUnnamedType, "enum: no one-word values heading or title names the enum; its members are not used")
		}
		return
	}
	if !isIdent(n.name) {
		// A title or heading ("Add attachment") is no type name: a type is
		// named by its annotation or "@odata.type".
		l.diags.Warnf(pos, ir.CodeInvalidTypeName, "%s: %q is not a type name; it is not used", what, n.name)
		return
	}
	d := l.defs[n.key]
	if d != nil && (d.typ != nil) != (dc.res != nil) {
		other, kept := "an enum", "enum"
		if d.typ != nil {
			other, kept = "a resource", "resource"
		}
		l.diags.Warnf(pos, ir.CodeTypeMergeConflict, "%s: %s is also defined as %s in %s; the %s is kept",
			what, ir.Qualify(n.ns, n.name), other, d.decls[0].page.File, kept)
		return
	}
	if d == nil {
		d = newDef(n.key, n.ns, n.name)
		if dc.res != nil {
			d.typ = newTypeDef(n.key, n.ns, n.name)
		} else {
			c := *dc.enum
			c.Name, c.Namespace, c.Members = n.name, n.ns, nil
			d.enum = &c
		}
		l.defs[d.key] = d
		l.byShort[d.lname] = append(l.byShort[d.lname], d.key)
	}
	if !slices.Contains(l.pageDefs[dc.page.File], n.key) {
		l.pageDefs[dc.page.File] = append(l.pageDefs[dc.page.File], n.key)
	}
	d.decls = append(d.decls, dc)
}

// canonicalName splits a defined name into namespace and short name; pages
// sometimes give the name qualified ("microsoft.graph.x").
func canonicalName(name, ns, pageNS string) (string, string) {
	name = strings.TrimSpace(name)
	if qns, short := ir.SplitQualified(name); qns != "" && strings.TrimSpace(ns) == "" {
		return normNamespace(qns, ""), short
	}
	return normNamespace(ns, pageNS), strings.TrimPrefix(name, "#")
}
