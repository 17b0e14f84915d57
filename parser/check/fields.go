package check

import (
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// fields indexes the properties of one struct type for the walk: built
// once per type and Checker (fieldsOf), where every object of every body
// built two maps of its type's properties and resolved each member's type
// name again.
type fields struct {
	byName  map[string]*field // the first property of each name
	byLower map[string]*field // the first property of each lower-cased name
	names   []string          // every property name, in order (suggestions)
}

// field is one property with its type resolved.
type field struct {
	prop  *ir.Property
	shape shape
}

// fieldsOf returns t's index. The Checker stays safe for concurrent use:
// two walks indexing the same type at once build equal indexes and keep
// the first stored. The index assumes, as the Checker does, that the
// DocSet's types do not change after New.
func (c *Checker) fieldsOf(t *ir.Type) *fields {
	if f, ok := c.fields.Load(t); ok {
		return f.(*fields)
	}
	f := &fields{byName: make(map[string]*field, len(t.Properties)), byLower: make(map[string]*field, len(t.Properties)),
		names: make([]string, len(t.Properties))}
	all := make([]field, len(t.Properties))
	for i := range t.Properties {
		p := &t.Properties[i]
		all[i] = field{prop: p, shape: c.shapeOf(p.Type)}
		f.names[i] = p.Name
		if _, dup := f.byName[p.Name]; !dup {
			f.byName[p.Name] = &all[i]
		}
		if lower := strings.ToLower(p.Name); f.byLower[lower] == nil {
			f.byLower[lower] = &all[i]
		}
	}
	stored, _ := c.fields.LoadOrStore(t, f)
	return stored.(*fields)
}
