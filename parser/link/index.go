package link

import (
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// def is a named type that pages define: a struct type or an enum.
type def struct {
	key   string // lower-cased qualified name
	qname string // canonical qualified name
	lname string // lower-cased canonical short name, for matching on a page
	typ   *typeDef
	enum  *ir.Enum
}

// newDef makes the definition of ns.name stored under key; the names are
// computed once here because resolution compares them for every link.
func newDef(key, ns, name string) *def {
	return &def{key: key, qname: qualify(ns, name), lname: strings.ToLower(name)}
}

// name returns the canonical (first-defined) short name.
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
	base     *ir.TypeRef // copy of the first BaseType found; Target set by resolveBases
	baseFile string      // page the base reference was read on
	baseKey  string      // resolved base def key, "" when none or unresolved
	resolved bool        // property references resolved (and warned about)
	children []string    // keys of the types whose base is this one, sorted
}

// index registers every resource and enum of every page, merging types that
// several pages describe (v1.0 deviceManagement is spread over 16 intune
// pages; beta keyValue has two pages).
func (l *linker) index() {
	for i, p := range l.pages {
		for j, r := range p.Resources {
			if r != nil {
				l.addResource(p, r, l.facts[i].resources[j])
			}
		}
		for j, e := range p.Enums {
			if e != nil {
				l.addEnum(p, e, l.facts[i].enums[j])
			}
		}
	}
	for k := range l.byShort {
		slices.Sort(l.byShort[k])
	}
}

// canonicalName splits a defined name into namespace and short name; pages
// sometimes give the name qualified ("microsoft.graph.x").
func canonicalName(name, ns, pageNS string) (string, string) {
	name = strings.TrimSpace(name)
	if qns, short := splitQualified(name); qns != "" && strings.TrimSpace(ns) == "" {
		return normNamespace(qns, ""), short
	}
	return normNamespace(ns, pageNS), strings.TrimPrefix(name, "#")
}

func (l *linker) register(p *ir.Page, d *def) {
	l.defs[d.key] = d
	l.byShort[d.lname] = append(l.byShort[d.lname], d.key)
	l.pageDefs[p.File] = append(l.pageDefs[p.File], d.key)
}

// newTypeDef makes the struct type ns.name stored under key.
func newTypeDef(key, ns, name string) *typeDef {
	return &typeDef{key: key, qname: qualify(ns, name), typ: &ir.Type{Name: name, Namespace: ns}}
}

func (l *linker) addResource(p *ir.Page, r *ir.Resource, n defName) {
	ns, name, key := n.ns, n.name, n.key
	if key == "" {
		l.diags.Warnf(r.Pos, "unnamed-type", "resource: the type has no name; its properties are not used")
		return
	}
	d := l.defs[key]
	if d != nil && d.enum != nil {
		l.diags.Warnf(r.Pos, "type-merge-conflict", "resource: %s is also defined as an enum in %s; the enum is kept",
			qualify(ns, name), d.enum.Pos.File)
		return
	}
	if d == nil {
		d = newDef(key, ns, name)
		d.typ = newTypeDef(key, ns, name)
		l.register(p, d)
	} else if !slices.Contains(l.pageDefs[p.File], key) {
		l.pageDefs[p.File] = append(l.pageDefs[p.File], key)
	}
	l.mergeResource(d.typ, p, r)
}

// mergeResource adds r's facts to td. Pages are visited in sorted order, so
// the first definition by page path wins for every property.
func (l *linker) mergeResource(td *typeDef, p *ir.Page, r *ir.Resource) {
	t := td.typ
	if t.Description == "" {
		t.Description = r.Description
	}
	t.Abstract = t.Abstract || r.Abstract
	t.OpenType = t.OpenType || r.OpenType
	t.Sources = sortPos(append(t.Sources, r.Pos))
	if r.BaseType != nil && (r.BaseType.Name != "" || r.BaseType.Link != "") {
		if td.base == nil {
			b := *r.BaseType
			td.base, td.baseFile = &b, p.File
		} else if !sameRef(*td.base, *r.BaseType) {
			l.diags.Warnf(r.BaseType.Pos, "type-merge-conflict", "resource: %s has base type %s here but %s in %s",
				t.QualifiedName(), r.BaseType.Name, td.base.Name, td.baseFile)
		}
	}
	// Room for the rows up front: types spread over many pages grew often.
	t.Properties = slices.Grow(t.Properties, len(r.Properties))
	td.propFile = slices.Grow(td.propFile, len(r.Properties))
	for _, prop := range r.Properties {
		if prop.Name == "" {
			l.diags.Warnf(prop.Pos, "property-without-name", "property table: a row of %s has no name; it is not a property",
				t.QualifiedName())
			continue
		}
		l.addProperty(td, p.File, prop)
	}
}

// addProperty appends prop unless td already has a property of that name
// (case-insensitively: JSON names that differ only in case cannot both become
// Go fields); a conflicting repeat is reported.
func (l *linker) addProperty(td *typeDef, file string, prop ir.Property) bool {
	if prop.Name == "" {
		return false
	}
	if i := propIndex(td.typ.Properties, prop.Name); i >= 0 {
		old := td.typ.Properties[i]
		if !sameRef(old.Type, prop.Type) && td.propFile[i] != file {
			l.diags.Warnf(prop.Pos, "type-merge-conflict", "property table: %s.%s is %s here but %s in %s",
				td.qname, prop.Name, refString(prop.Type), refString(old.Type), td.propFile[i])
		}
		return false
	}
	td.typ.Properties = append(td.typ.Properties, prop)
	td.propFile = append(td.propFile, file)
	return true
}

func propIndex(props []ir.Property, name string) int {
	for i := range props { // by index: slices.IndexFunc copied every Property
		if strings.EqualFold(props[i].Name, name) {
			return i
		}
	}
	return -1
}

// sameRef reports whether two references name the same type, ignoring how
// they are written.
func sameRef(a, b ir.TypeRef) bool {
	_, an := splitQualified(a.Name)
	_, bn := splitQualified(b.Name)
	return strings.EqualFold(an, bn) && a.Collection == b.Collection
}

func refString(r ir.TypeRef) string {
	if r.Collection {
		return r.Name + " collection"
	}
	return r.Name
}

func (l *linker) addEnum(p *ir.Page, e *ir.Enum, n defName) {
	ns, name, key := n.ns, n.name, n.key
	if key == "" {
		l.diags.Warnf(e.Pos, "unnamed-type", "enum: the enum has no name; its members are not used")
		return
	}
	d := l.defs[key]
	if d != nil && d.typ != nil {
		l.diags.Warnf(e.Pos, "type-merge-conflict", "enum: %s is also defined as a resource in %s; the resource is kept",
			qualify(ns, name), d.typ.typ.Sources[0].File)
		return
	}
	if d == nil {
		c := *e
		c.Name, c.Namespace, c.Members = name, ns, nil
		d = newDef(key, ns, name)
		d.enum = &c
		l.register(p, d)
	} else if !slices.Contains(l.pageDefs[p.File], key) {
		l.pageDefs[p.File] = append(l.pageDefs[p.File], key)
	}
	l.mergeEnum(d.enum, e)
}

// mergeEnum unions the members of a repeated enum; the first value wins.
func (l *linker) mergeEnum(dst, e *ir.Enum) {
	dst.Flags = dst.Flags || e.Flags
	if dst.Description == "" {
		dst.Description = e.Description
	}
	for _, m := range e.Members {
		i := slices.IndexFunc(dst.Members, func(o ir.EnumMember) bool { return strings.EqualFold(o.Name, m.Name) })
		switch {
		case i < 0:
			dst.Members = append(dst.Members, m)
		case dst.Members[i].Value != m.Value && m.Value != "" && dst.Members[i].Value != "" &&
			m.Pos.File != dst.Members[i].Pos.File:
			l.diags.Warnf(m.Pos, "type-merge-conflict", "enum: member %s of %s has value %q here but %q in %s",
				m.Name, dst.QualifiedName(), m.Value, dst.Members[i].Value, dst.Members[i].Pos.File)
		}
	}
}
