package link

import (
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// Pass 2: merge duplicate declarations. Several pages may describe one type
// (v1.0 deviceManagement is spread over 16 intune pages; user has its own
// page and an intune stub): the canonical declaration comes first and gives
// the name, description, base type and the properties it lists; the others
// add what it lacks, and contradictions are reported.

// mergeDeclarations builds every type and enum from its declarations. A
// definition's merge writes only that definition, so the definitions are
// merged on every core (shard.go), in sorted key order.
func (l *linker) mergeDeclarations() {
	keys := slices.Sorted(maps.Keys(l.defs))
	l.sharded(len(keys), func(s *linker, i int) {
		s.mergeDef(l.defs[keys[i]])
	})
}

// mergeDef builds d from its declarations, the canonical one first.
func (l *linker) mergeDef(d *def) {
	l.working = l.defFile(d.key)
	slices.SortStableFunc(d.decls, func(a, b decl) int { return declRank(a, d.lname) - declRank(b, d.lname) })
	canon := d.decls[0].name
	d.qname = ir.Qualify(canon.ns, canon.name)
	if d.typ != nil {
		d.typ.qname, d.typ.typ.Name, d.typ.typ.Namespace = d.qname, canon.name, canon.ns
	} else {
		c := *d.decls[0].enum
		c.Name, c.Namespace, c.Members = canon.name, canon.ns, nil
		d.enum = &c
	}
	for _, dc := range d.decls {
		l.onPage("merge", dc.page, func() {
			if d.typ != nil {
				l.mergeResource(d.typ, dc.page, dc.res)
			} else {
				l.mergeEnum(d.enum, dc.enum)
			}
		})
	}
}

// declRank orders the declarations of one type, lowest first; ties keep
// sorted page order. The canonical page is the type's own: not an intune
// stub (intune-shared-user.md declares user with two rows, "Not yet
// documented"), then a page whose file is named after the type, then one
// whose title names it ("user resource type"), then a resource or enum page
// rather than an API page that mentions the type in passing.
func declRank(dc decl, lname string) int {
	file := strings.ToLower(path.Base(dc.page.File))
	rank := 0
	if strings.HasPrefix(file, "intune-") || strings.Contains(file, "-shared-") {
		rank += 8
	}
	if strings.TrimSuffix(file, ".md") != lname {
		rank += 4
	}
	if words := strings.Fields(dc.page.Title); len(words) == 0 || !strings.EqualFold(strings.Trim(words[0], "`*"), lname) {
		rank += 2
	}
	if dc.page.Kind == ir.PageAPI {
		rank++
	}
	return rank
}

// mergeResource adds r's facts to td: the first declaration wins for the
// description, the base type and every property.
func (l *linker) mergeResource(td *typeDef, p *ir.Page, r *ir.Resource) {
	t := td.typ
	if t.Description == "" {
		t.Description = r.Description
	}
	t.Abstract = t.Abstract || r.Abstract
	t.OpenType = t.OpenType || r.OpenType
	td.addSource(r.Pos)
	if r.BaseType != nil && (r.BaseType.Name != "" || r.BaseType.Link != "") {
		if td.base == nil {
			b := *r.BaseType
			td.base, td.baseFile = &b, p.File
		} else if !sameRef(*td.base, *r.BaseType) {
			l.diags.Warnf(r.BaseType.Pos, ir.CodeTypeMergeConflict, "resource: %s has base type %s here but %s in %s",
				t.QualifiedName(), r.BaseType.Name, td.base.Name, td.baseFile)
		}
	}
	// Room for the rows up front: types spread over many pages grew often.
	t.Properties = slices.Grow(t.Properties, len(r.Properties))
	td.propFile = slices.Grow(td.propFile, len(r.Properties))
	for _, prop := range r.Properties {
		if prop.Name == "" {
			l.diags.Warnf(prop.Pos, ir.CodePropertyWithoutName, "property table: a row of %s has no name; it is not a property",
				t.QualifiedName())
			continue
		}
		l.addProperty(td, p.File, prop)
	}
}

// addProperty appends prop unless td already has a property of that name
// (case-insensitively: JSON names that differ only in case cannot both become
// Go fields); a conflicting repeat is reported. A property added to a page
// type after resolveTypes is resolved here, as resolveTypes would have.
func (l *linker) addProperty(td *typeDef, file string, prop ir.Property) bool {
	if prop.Name == "" {
		return false
	}
	if i := propIndex(td.typ.Properties, prop.Name); i >= 0 {
		old := td.typ.Properties[i]
		if !sameRef(old.Type, prop.Type) && td.propFile[i] != file {
			l.diags.Warnf(prop.Pos, ir.CodeTypeMergeConflict, "property table: %s.%s is %s here but %s in %s",
				td.qname, prop.Name, refString(prop.Type), refString(old.Type), td.propFile[i])
		}
		return false
	}
	if td.resolved && !td.typ.Inferred {
		l.resolvePropRef(file, &prop.Type)
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
	_, an := ir.SplitQualified(a.Name)
	_, bn := ir.SplitQualified(b.Name)
	return strings.EqualFold(an, bn) && a.Collection == b.Collection
}

func refString(r ir.TypeRef) string {
	if r.Collection {
		return r.Name + " collection"
	}
	return r.Name
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
			l.diags.Warnf(m.Pos, ir.CodeTypeMergeConflict, "enum: member %s of %s has value %q here but %q in %s",
				m.Name, dst.QualifiedName(), m.Value, dst.Members[i].Value, dst.Members[i].Pos.File)
		}
	}
}

// addSource records a page section that contributed to td. A page type's
// first source stays its canonical declaration; the others are kept sorted.
func (td *typeDef) addSource(p ir.Pos) {
	s := td.typ.Sources
	if td.typ.Inferred || len(s) == 0 {
		td.typ.Sources = sortPos(append(s, p))
		return
	}
	rest := sortPos(append(slices.Clone(s[1:]), p))
	rest = slices.DeleteFunc(rest, func(x ir.Pos) bool { return x == s[0] })
	td.typ.Sources = append(s[:1:1], rest...)
}
