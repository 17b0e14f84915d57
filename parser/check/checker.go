package check

import (
	"strings"
	"sync"

	"github.com/docs2go/docs2go/parser/ir"
)

// Checker checks example bodies against the types of one DocSet. Build it
// once with New and reuse it: lookups are indexed.
type Checker struct {
	types   map[string]*ir.Type // lower-cased qualified name → type
	enums   map[string]*ir.Enum
	open    map[string]bool            // lower-cased short names of open types (UsePages)
	defined map[string]bool            // lower-cased short names of every type pages define (UsePages)
	nav     map[string]map[string]bool // lower-cased short type name → relationship names (UsePages)
	bases   map[string]bool            // lower-cased qualified names of the types others derive from
	fields  sync.Map                   // *ir.Type → *fields, made at the type's first object (fieldsOf)
}

// New indexes ds. A nil ds gives a Checker that knows no types, so every
// body is only checked for JSON validity.
func New(ds *ir.DocSet) *Checker {
	c := &Checker{types: map[string]*ir.Type{}, enums: map[string]*ir.Enum{}, open: map[string]bool{},
		defined: map[string]bool{}, nav: map[string]map[string]bool{}, bases: map[string]bool{}}
	if ds == nil {
		return c
	}
	// ds.Types is sorted; on a repeated name the page-defined type sorts
	// before the inferred one and wins.
	for _, t := range ds.Types {
		if t == nil {
			continue
		}
		k := strings.ToLower(t.QualifiedName())
		if _, dup := c.types[k]; !dup {
			c.types[k] = t
		}
	}
	for _, e := range ds.Enums {
		if e == nil {
			continue
		}
		k := strings.ToLower(e.QualifiedName())
		if _, dup := c.enums[k]; !dup {
			c.enums[k] = e
		}
	}
	c.indexBases()
	return c
}

// UsePages adds what only pages know: the types annotated "openType":
// true, whose objects may carry any property (ir.Type does not record it),
// the Relationships rows (navigation properties, which bodies may carry
// but types do not declare), and the names of every type a page defines, reachable from an endpoint
// or not, so that an @odata.type naming an unreachable type is reported as
// "not declared derived" rather than "not defined". Names are compared
// ignoring case, as annotations and links write them inconsistently.
func (c *Checker) UsePages(pages []*ir.Page) {
	for _, p := range pages {
		if p == nil {
			continue
		}
		for _, r := range p.Resources {
			if r == nil {
				continue
			}
			short := strings.ToLower(r.Name)
			ns := r.Namespace
			if ns == "" {
				ns = ir.DefaultNamespace // as the linker defaults pages without a Namespace line
			}
			c.defined[strings.ToLower(ns+"."+r.Name)] = true
			if r.OpenType {
				c.open[short] = true
			}
			for _, rel := range r.Relationships {
				if c.nav[short] == nil {
					c.nav[short] = map[string]bool{}
				}
				c.nav[short][rel.Name] = true
			}
		}
	}
}

// typ finds a struct type by qualified name, ignoring case and a leading
// "#" (request bodies write "#microsoft.graph.x", annotations "x"), as the
// linker does.
func (c *Checker) typ(name string) *ir.Type {
	return c.types[strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "#"))]
}

func (c *Checker) enum(name string) *ir.Enum {
	return c.enums[strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "#"))]
}

// Options say how a body is checked for lint.
type Options struct {
	// Label names the construct in messages, e.g. "request body";
	// "example body" when empty.
	Label string
	// Request enables the missing-required check: only request examples
	// must carry the required properties.
	Request bool
	// Truncated marks a documented subset ("truncated": true): no
	// missing-required findings.
	Truncated bool
	// Required adds required property names for the top-level object,
	// e.g. the rows of the create page's body table that say "Required".
	Required []string
	// Wrapped: the body is Graph's wrapper {"value": ...} around a value of
	// the type (a list's page, an action's collection or primitive
	// result); its "value" member is checked, its other members are
	// OData control information ("@odata.nextLink").
	Wrapped bool
	// TopOnly checks the required properties of the top-level object
	// only: an action's parameters carry resource objects that are often
	// partial (alert-updatealerts.md sends alerts by id and a status).
	TopOnly bool
}

// Body checks a JSON body against ref, the documented type, and returns
// diagnostics positioned inside the page (body.Pos plus the offset). Codes:
// invalid-json, type-mismatch, odata-type-mismatch (errors);
// unknown-property, unknown-enum-member, missing-required, lossy-value,
// duplicate-key (warnings). An empty body gives no findings.
func (c *Checker) Body(ref ir.TypeRef, body *ir.Block, o Options) ir.Diagnostics {
	if body == nil || strings.TrimSpace(body.Text) == "" {
		return nil
	}
	w := &walker{c: c, blk: body, lint: true, opts: o}
	if w.opts.Label == "" {
		w.opts.Label = "example body"
	}
	w.run(ref)
	return w.diags
}

// Conforms reports whether text decodes into the Go type the generator
// emits for ref and re-encodes to an equal value (under the golden tests'
// comparison: key order ignored, numbers compared numerically, date-times as
// instants). It is false exactly when decoding would fail or lose data:
// invalid JSON, a value of the wrong kind or out of range, a bad date-time,
// Date, TimeOfDay, Duration or base64 string, null inside a collection of
// non-nullable items, a Decimal written as a string, a Double written as
// "Infinity". Unknown properties (also those differing from a documented
// one only in case: the runtime keeps them in AdditionalData), unknown enum
// members and missing required properties do not make a body
// non-conforming: the generated code keeps or tolerates them.
func (c *Checker) Conforms(ref ir.TypeRef, text string) bool {
	if strings.TrimSpace(text) == "" {
		return false
	}
	w := &walker{c: c, blk: &ir.Block{Text: text}, opts: Options{Label: "body"}}
	w.run(ref)
	return w.worst == ok
}

// FitOptions say which Go type a body is checked against.
type FitOptions struct {
	// Label names the body in the reason, e.g. "request body".
	Label string
	// Derived: the top-level object (or a top-level collection's items)
	// decodes into the type its "@odata.type" names when that type derives
	// from ref's type (the generator's polymorphic body and result types).
	// Nested objects always do, as the generator's properties of a type
	// with derived types are its AnyB wrapper; Conforms is Fit without
	// Derived.
	Derived bool
}

// Fit is Conforms with the reason: nil when body fits ref's generated Go
// type, else the first finding that makes it not fit (a warning positioned
// inside the page, code invalid-json, type-mismatch or lossy-value). An
// empty body does not fit.
func (c *Checker) Fit(ref ir.TypeRef, body *ir.Block, o FitOptions) *ir.Diagnostic {
	if o.Label == "" {
		o.Label = "body"
	}
	if body == nil || strings.TrimSpace(body.Text) == "" {
		pos := ir.Pos{}
		if body != nil {
			pos = body.Pos
		}
		return &ir.Diagnostic{Pos: pos, Severity: ir.Warning, Code: ir.CodeTypeMismatch, Message: o.Label + ": empty"}
	}
	w := &walker{c: c, blk: body, opts: Options{Label: o.Label}, derived: o.Derived}
	w.run(ref)
	if w.worst == ok {
		return nil
	}
	if w.first == nil { // a verdict without a finding would be a bug; still say no
		w.first = &ir.Diagnostic{Pos: body.Pos, Severity: ir.Warning, Code: ir.CodeTypeMismatch, Message: o.Label + ": does not fit"}
	}
	return w.first
}

// Conforms is New(ds).Conforms(ref, text), for one-off calls.
func Conforms(ds *ir.DocSet, ref ir.TypeRef, text string) bool {
	return New(ds).Conforms(ref, text)
}

// Example checks body against the type or enum with the qualified name
// typeName as a request example (required properties are checked unless
// truncated). typeName may also be a canonical primitive name such as
// "String"; an unknown name only checks JSON validity.
func Example(ds *ir.DocSet, typeName string, body *ir.Block, truncated bool) ir.Diagnostics {
	ref := ir.TypeRef{Name: typeName, Target: typeName}
	for _, p := range ir.Primitives {
		if p == typeName {
			ref = ir.TypeRef{Name: typeName, Primitive: true}
		}
	}
	return New(ds).Body(ref, body, Options{Request: true, Truncated: truncated})
}

// isNavigation reports whether key is a relationship of t or of a base.
func (c *Checker) isNavigation(t *ir.Type, key string) bool {
	for i := 0; t != nil && i < 64; i++ { // bounded: base cycles
		if c.nav[strings.ToLower(t.Name)][key] {
			return true
		}
		t = c.typ(t.Base)
	}
	return false
}
