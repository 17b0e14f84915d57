package check

import (
	"strings"
	"sync"

	"github.com/docs2go/docs2go/parser/ir"
)

// fields indexes the properties of one struct type for the walk: built
// once per type and Checker (fieldsOf), where every object of every body
// built two maps of its type's properties and resolved each member's type
// name again.
type fields struct {
	all    []field
	byName map[string]*field // the first property of each name

	// The rest serves only lint findings on unknown keys: made at the first.
	suggest sync.Once
	byLower map[string]*field // the first property of each lower-cased name
	names   []string          // every property name, in order
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
	f := &fields{all: make([]field, len(t.Properties)), byName: make(map[string]*field, len(t.Properties))}
	for i := range t.Properties {
		p := &t.Properties[i]
		f.all[i] = field{prop: p, shape: c.shapeOf(p.Type)}
		if _, dup := f.byName[p.Name]; !dup {
			f.byName[p.Name] = &f.all[i]
		}
	}
	stored, _ := c.fields.LoadOrStore(t, f)
	return stored.(*fields)
}

// lower returns the field whose name is key's ignoring case, the first
// such, or nil.
func (f *fields) lower(key string) *field {
	f.index()
	return f.byLower[strings.ToLower(key)]
}

// propertyNames returns every property name, in order.
func (f *fields) propertyNames() []string {
	f.index()
	return f.names
}

func (f *fields) index() {
	f.suggest.Do(func() {
		f.byLower = make(map[string]*field, len(f.all))
		f.names = make([]string, len(f.all))
		for i := range f.all {
			name := f.all[i].prop.Name
			f.names[i] = name
			if lower := strings.ToLower(name); f.byLower[lower] == nil {
				f.byLower[lower] = &f.all[i]
			}
		}
	})
}
