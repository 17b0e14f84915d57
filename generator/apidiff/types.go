package apidiff

import (
	"fmt"
	"strings"

	"github.com/docs2go/docs2go/generator"
	"github.com/docs2go/docs2go/parser/ir"
)

// compareTypes compares the structs.
func (d *differ) compareTypes() {
	compareNamed(d, d.old.DocSet.Types, d.new.DocSet.Types, namedKind[*ir.Type]{
		kind: KindType, name: (*ir.Type).QualifiedName, pos: typePos, compare: d.compareType,
		names: func(t *ir.Type) []string {
			names := make([]string, len(t.Properties))
			for i, p := range t.Properties {
				names[i] = p.Name
			}
			return names
		},
	})
}

// goType is the Go name of a struct or enum, "" when it has none.
func (v Version) goType(qname string) string { return v.API.Types[qname].GoName }

// compareType compares two versions of one struct; guess is the evidence of
// a structural match, "" when the names are the same.
func (d *differ) compareType(o, n *ir.Type, guess string) {
	oq, nq := o.QualifiedName(), n.QualifiedName()
	oa, na := d.old.API.Types[oq], d.new.API.Types[nq]
	at := func(c Change) Change {
		c.Kind, c.Name, c.Go = KindType, nq, na.GoName
		c.Old, c.New = pos(typePos(o)), pos(typePos(n))
		return c
	}
	if rename, ok := renameOf(oq, nq, oa.GoName, na.GoName, guess); ok {
		d.add(at(rename))
	}
	if !strings.EqualFold(o.Base, n.Base) {
		d.add(at(Change{Change: BaseChanged, Class: Breaking, Detail: orNone(o.Base) + " → " + orNone(n.Base)}))
	}
	if d.opts.All && !sameText(o.Description, n.Description) {
		d.add(at(Change{Change: DescriptionEdited, Class: Compatible}))
	}
	d.compareProperties(o, n, oa, na)
}

// renameOf is the change that says an item's documented or Go name
// changed, if either did.
func renameOf(oldName, newName, oldGo, newGo, guess string) (Change, bool) {
	var parts []string
	if oldName != newName {
		parts = append(parts, "was "+oldName)
	}
	class := Compatible
	if oldGo != newGo {
		class = Breaking
		parts = append(parts, "Go name "+orNone(oldGo)+" → "+orNone(newGo))
	}
	if len(parts) == 0 {
		return Change{}, false
	}
	if guess != "" {
		parts = append(parts, "guess: "+guess)
	}
	return Change{Change: Renamed, Class: class, Detail: strings.Join(parts, "; ")}, true
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// compareProperties compares the rows of two versions of a struct.
func (d *differ) compareProperties(o, n *ir.Type, oa, na generator.APIType) {
	nq := n.QualifiedName()
	oldProps, oldOrder := byName(o.Properties, func(p ir.Property) string { return p.Name })
	newProps, newOrder := byName(n.Properties, func(p ir.Property) string { return p.Name })
	goOf := func(a generator.APIType, p ir.Property) string {
		if f, ok := a.Fields[p.Name]; ok {
			return a.GoName + "." + f.GoName
		}
		return ""
	}
	// When another page defines the type now (two pages define
	// microsoft.graph.organization), a removal may be that page's choice
	// rather than an edit: say so.
	removedWhy := ""
	if was, is := typePos(o).File, typePos(n).File; pageKey(was) != pageKey(is) {
		removedWhy = "the type is now read from " + is + " (was " + was + ")"
	}
	for _, k := range oldOrder {
		op := oldProps[k]
		np, ok := newProps[k]
		if !ok {
			d.add(Change{Kind: KindProperty, Change: Removed, Name: nq + "." + op.Name, Go: goOf(oa, op),
				Class: Breaking, Old: pos(op.Pos), New: pos(typePos(n)), Detail: removedWhy})
			continue
		}
		d.compareProperty(nq, op, np, oa, na, goOf(na, np))
	}
	for _, k := range newOrder {
		if _, ok := oldProps[k]; ok {
			continue
		}
		np := newProps[k]
		c := Change{Kind: KindProperty, Change: Added, Name: nq + "." + np.Name, Go: goOf(na, np),
			Class: Compatible, New: pos(np.Pos), Detail: docType(np.Type)}
		if np.Required && !np.ReadOnly {
			c.Class, c.Detail = BreakingServers, c.Detail+", required"
		}
		d.add(c)
	}
}

// compareProperty compares one row of a struct in both versions.
func (d *differ) compareProperty(typeName string, op, np ir.Property, oa, na generator.APIType, newGo string) {
	at := func(c Change) Change {
		c.Kind, c.Name, c.Go = KindProperty, typeName+"."+np.Name, newGo
		c.Old, c.New = pos(op.Pos), pos(np.Pos)
		return c
	}
	// A field is renamed when its own name changes; a renamed type is
	// reported on the type.
	oldField, newField := oa.Fields[op.Name].GoName, na.Fields[np.Name].GoName
	if c, ok := renameOf(op.Name, np.Name, oldField, newField, ""); ok {
		// Only the JSON name's case changed when the Go name did not: the
		// generated decoder reads either spelling.
		d.add(at(c))
	}
	if c, ok := typeChange(op.Type, np.Type, oa.Fields[op.Name].GoType, na.Fields[np.Name].GoType); ok {
		d.add(at(c))
	}
	flags := []struct {
		was, is       bool
		on, off       What
		onCls, offCls Class
	}{
		{op.Required, np.Required, BecameRequired, BecameOptional, BreakingServers, Compatible},
		{op.ReadOnly, np.ReadOnly, BecameReadOnly, BecameWritable, BreakingServers, Compatible},
	}
	for _, f := range flags {
		switch {
		case !f.was && f.is:
			d.add(at(Change{Change: f.on, Class: f.onCls}))
		case f.was && !f.is:
			d.add(at(Change{Change: f.off, Class: f.offCls}))
		}
	}
	if c, ok := nullabilityChange(op.Description, np.Description); ok {
		d.add(at(c))
	}
	if d.opts.All && !sameText(op.Description, np.Description) {
		d.add(at(Change{Change: DescriptionEdited, Class: Compatible}))
	}
}

// typeChange reports a property whose type changed: breaking when its Go
// type did, compatible when only the documented spelling of an equivalent
// type did (Guid → String). Go types are "" for rows the struct leaves to
// AdditionalData.
func typeChange(o, n ir.TypeRef, oldGo, newGo string) (Change, bool) {
	sameDoc := typeKey(o) == typeKey(n)
	if oldGo != "" && newGo != "" {
		if oldGo != newGo {
			detail := fmt.Sprintf("%s → %s (Go %s → %s)", docType(o), docType(n), oldGo, newGo)
			if sameDoc && strings.Contains(newGo, "Any") && !strings.Contains(oldGo, "Any") {
				detail += ": the type now has derived types"
			}
			return Change{Change: TypeChanged, Class: Breaking, Detail: detail}, true
		}
		if sameDoc {
			return Change{}, false
		}
		return Change{Change: TypeChanged, Class: Compatible,
			Detail: fmt.Sprintf("%s → %s (Go type unchanged: %s)", docType(o), docType(n), newGo)}, true
	}
	if sameDoc {
		return Change{}, false
	}
	return Change{Change: TypeChanged, Class: Breaking, Detail: docType(o) + " → " + docType(n)}, true
}

// typeKey identifies a documented type: the resolved target or the
// primitive, and whether it is a collection.
func typeKey(t ir.TypeRef) string {
	name := t.Target
	if name == "" {
		name = t.Name
	}
	return fmt.Sprintf("%s/%t", strings.ToLower(name), t.Collection)
}

// docType spells a documented type for details, e.g. "String collection".
func docType(t ir.TypeRef) string {
	name := t.Name
	if t.Target != "" {
		name = t.Target
	}
	if name == "" {
		name = strings.TrimSpace(t.Raw)
	}
	if t.Collection {
		return name + " collection"
	}
	return name
}

// nullabilityChange compares what two descriptions say about null: only a
// statement in both versions counts (most rows say nothing).
func nullabilityChange(o, n string) (Change, bool) {
	was, wasKnown := nullable(o)
	is, isKnown := nullable(n)
	switch {
	case !wasKnown || !isKnown || was == is:
		return Change{}, false
	case is:
		return Change{Change: BecameNullable, Class: Compatible}, true
	}
	return Change{Change: BecameNonNullable, Class: BreakingServers}, true
}

// nullable reads "Nullable." / "Not nullable." from a description.
func nullable(desc string) (isNullable, stated bool) {
	s := strings.ToLower(desc)
	switch {
	case strings.Contains(s, "not nullable"), strings.Contains(s, "non-nullable"), strings.Contains(s, "non nullable"):
		return false, true
	case strings.Contains(s, "nullable"):
		return true, true
	}
	return false, false
}

// typePos is where a struct is defined: its resource page when one
// contributed, else the first page that did (a create page's table).
func typePos(t *ir.Type) ir.Pos {
	for _, p := range t.Sources {
		if p.IsValid() && strings.Contains(p.File, "resources/") {
			return p
		}
	}
	return firstPos(t.Sources)
}
