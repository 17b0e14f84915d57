package apidiff

import (
	"strings"

	"github.com/docs2go/docs2go/generator"
	"github.com/docs2go/docs2go/parser/ir"
)

// compareEnums compares the enumerations and their members.
func (d *differ) compareEnums() {
	compareNamed(d, d.old.DocSet.Enums, d.new.DocSet.Enums, namedKind[*ir.Enum]{
		kind: KindEnum, name: (*ir.Enum).QualifiedName, pos: func(e *ir.Enum) ir.Pos { return e.Pos }, compare: d.compareEnum,
		names: func(e *ir.Enum) []string {
			names := make([]string, len(e.Members))
			for i, m := range e.Members {
				names[i] = m.Name
			}
			return names
		},
	})
}

func (d *differ) compareEnum(o, n *ir.Enum, guess string) {
	oq, nq := o.QualifiedName(), n.QualifiedName()
	oa, na := d.old.API.Types[oq], d.new.API.Types[nq]
	if c, ok := renameOf(oq, nq, oa.GoName, na.GoName, guess); ok {
		c.Kind, c.Name, c.Go, c.Old, c.New = KindEnum, nq, na.GoName, pos(o.Pos), pos(n.Pos)
		d.add(c)
	}
	if d.opts.All && !sameText(o.Description, n.Description) {
		d.add(Change{Kind: KindEnum, Change: DescriptionEdited, Name: nq, Go: na.GoName, Class: Compatible,
			Old: pos(o.Pos), New: pos(n.Pos)})
	}
	name := func(m ir.EnumMember) string { return m.Name }
	oldMembers, oldOrder := byName(o.Members, name)
	newMembers, newOrder := byName(n.Members, name)
	for _, k := range oldOrder {
		om := oldMembers[k]
		nm, ok := newMembers[k]
		if !ok {
			d.add(Change{Kind: KindEnumMember, Change: Removed, Name: nq + "." + om.Name, Go: oa.Consts[om.Name],
				Class: Breaking, Old: pos(om.Pos), New: pos(n.Pos)})
			continue
		}
		at := func(c Change) Change {
			c.Kind, c.Name, c.Go, c.Old, c.New = KindEnumMember, nq+"."+nm.Name, na.Consts[nm.Name], pos(om.Pos), pos(nm.Pos)
			return c
		}
		if c, ok := renameOf(om.Name, nm.Name, constOf(oa, om.Name), constOf(na, nm.Name), ""); ok {
			d.add(at(c))
		}
		if d.opts.All && !sameText(om.Description, nm.Description) {
			d.add(at(Change{Change: DescriptionEdited, Class: Compatible}))
		}
	}
	for _, k := range newOrder {
		if _, ok := oldMembers[k]; !ok {
			nm := newMembers[k]
			d.add(Change{Kind: KindEnumMember, Change: Added, Name: nq + "." + nm.Name, Go: na.Consts[nm.Name],
				Class: Compatible, New: pos(nm.Pos)})
		}
	}
}

// constOf is a member's constant without the enum's Go name in front: a
// renamed enum renames every constant, and that is reported on the enum.
func constOf(a generator.APIType, member string) string {
	return strings.TrimPrefix(a.Consts[member], a.GoName)
}
