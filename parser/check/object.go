package check

import (
	"strings"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// object checks n against struct type t: every member against its
// property, @odata.type against t's family, and (lint, requests) the
// required properties. poly: outside lint mode, n decodes into the type
// its "@odata.type" names (the generator's AnyB wrapper).
func (w *walker) object(t *ir.Type, n *jsontree.Node, top, poly bool) {
	if n.Kind != jsontree.Object {
		w.fail(mismatch, n, ir.CodeTypeMismatch, "want object %s, got %s", t.QualifiedName(), describe(n))
		return
	}
	if w.lint {
		t = w.dispatch(t, n)
	} else if poly {
		t = w.derivedType(t, n)
	}
	f := w.c.fieldsOf(t)
	var keys keySet
	if w.lint { // duplicates and missing properties are lint warnings only
		keys = newKeySet(n.Members)
	}
	for i, m := range n.Members {
		w.enter(m.Key)
		if w.lint && keys.before(m.Key, i) {
			w.warnAt(m.KeyOff, ir.CodeDuplicateKey, "%s: property appears more than once; the last value wins", w.pathString())
		}
		w.member(t, f, m)
		w.leave()
	}
	if w.lint && w.opts.Request && !w.opts.Truncated && !t.Inferred {
		w.required(t, n, top, keys)
	}
}

// member checks one key of an object of type t, whose fields are f; the
// path leads to the member.
func (w *walker) member(t *ir.Type, f *fields, m jsontree.Member) {
	if fld := f.byName[m.Key]; fld != nil {
		if m.Val.Kind != jsontree.Null { // every field is Opt[T]: null is a value
			w.value(fld.shape, m.Val, false)
		}
		return
	}
	switch {
	case m.Key == "@odata.type":
		// The generated ODataType field is Opt[string].
		if m.Val.Kind != jsontree.String && m.Val.Kind != jsontree.Null {
			w.fail(mismatch, m.Val, ir.CodeTypeMismatch, "want String, got %s", describe(m.Val))
		}
	case !w.lint:
		// What follows only warns.
	case strings.Contains(m.Key, "@"):
		// Instance annotations ("@odata.context", "x@odata.bind") are kept
		// in AdditionalData.
	case f.lower(m.Key) != nil:
		// The runtime's unmarshalObject keeps such a key in AdditionalData
		// and decodes fields from exact names only (encoding/json alone
		// would fold case), so this is lossless; but it is still a typo.
		want := f.lower(m.Key).prop.Name
		w.warnAt(m.KeyOff, ir.CodeUnknownProperty, "%s: property %q is not a property of %s; did you mean %q (names are case-sensitive)",
			w.pathString(), m.Key, t.QualifiedName(), want)
	case t.Inferred || w.c.open[strings.ToLower(t.Name)] || w.c.isNavigation(t, m.Key):
		// An inferred type was built from the examples themselves, an
		// open type allows any property, and a relationship is
		// documented (the value lands in AdditionalData): nothing to
		// report.
	default:
		w.warnAt(m.KeyOff, ir.CodeUnknownProperty, "%s: property %q is not a property of %s%s",
			w.pathString(), m.Key, t.QualifiedName(), didYouMean(m.Key, f.propertyNames()))
	}
}

func (w *walker) warnAt(off int, code ir.Code, format string, args ...any) {
	w.warnf(off, code, format, args...)
}

// dispatch follows "@odata.type" to the type the body claims to be: t
// itself or a type derived from it. Anything else is odata-type-mismatch.
func (w *walker) dispatch(t *ir.Type, n *jsontree.Node) *ir.Type {
	var v *jsontree.Node
	for _, m := range n.Members {
		if m.Key == "@odata.type" && m.Val.Kind == jsontree.String {
			v = m.Val
		}
	}
	if v == nil {
		return t
	}
	name := strings.TrimPrefix(strings.TrimSpace(v.Str), "#")
	if strings.EqualFold(name, t.QualifiedName()) {
		return t
	}
	named := w.c.typ(name)
	if named != nil && isDerived(w.c, named, t) {
		return named
	}
	w.enter("@odata.type")
	defer w.leave()
	at := w.pathString()
	if named == nil {
		if w.c.defined[strings.ToLower(name)] {
			w.warnf(v.Off, ir.CodeODataTypeMismatch, "%s: %q is not declared as derived from %s (no baseType or \"Inherits from\" on its page)",
				at, v.Str, t.QualifiedName())
		} else {
			w.warnf(v.Off, ir.CodeODataTypeMismatch, "%s: %q names a type the docs do not define (documented type: %s)",
				at, v.Str, t.QualifiedName())
		}
		return t
	}
	w.errorf(v.Off, ir.CodeODataTypeMismatch, "%s: %q is neither %s nor a type derived from it",
		at, v.Str, t.QualifiedName())
	return t
}

// derivedType is dispatch for Fit: the type "@odata.type" names when it
// derives from t (the generated decoder picks it), else t, silently.
func (w *walker) derivedType(t *ir.Type, n *jsontree.Node) *ir.Type {
	var last *jsontree.Node // encoding/json keeps the last of repeated keys
	for _, m := range n.Members {
		if m.Key == "@odata.type" {
			last = m.Val
		}
	}
	if last == nil || last.Kind != jsontree.String {
		return t
	}
	if named := w.c.typ(last.Str); named != nil && named != t && isDerived(w.c, named, t) {
		return named
	}
	return t
}

// hasDerived reports whether some type of the Checker derives from t
// (isDerived), as the generator's derivedOf decides which types get an
// AnyB wrapper.
func (c *Checker) hasDerived(t *ir.Type) bool {
	return c.bases[strings.ToLower(t.QualifiedName())]
}

// indexBases fills c.bases once, in New, so that a Checker stays safe for
// concurrent use: every type a Base chain reaches, and every type whose
// Derived list names another known type.
func (c *Checker) indexBases() {
	for _, d := range c.types {
		for i, cur := 0, c.typ(d.Base); cur != nil && cur != d && i < 64; i, cur = i+1, c.typ(cur.Base) {
			c.bases[strings.ToLower(cur.QualifiedName())] = true
		}
	}
	for k, t := range c.types {
		for _, q := range t.Derived {
			if d := c.typ(q); d != nil && d != t {
				c.bases[k] = true
			}
		}
	}
}

// isDerived reports whether d inherits from t, following d's Base chain.
func isDerived(c *Checker, d, t *ir.Type) bool {
	for i, cur := 0, d; cur != nil && i < 64; i++ { // bound: cycles are broken by the linker, but be safe
		if strings.EqualFold(cur.QualifiedName(), t.QualifiedName()) {
			return true
		}
		if cur.Base == "" {
			break
		}
		cur = c.typ(cur.Base)
	}
	for _, q := range t.Derived {
		if strings.EqualFold(q, d.QualifiedName()) {
			return true
		}
	}
	return false
}

// required reports required, writable properties absent from a request
// body (ApiDoctor never checks request bodies against tables).
func (w *walker) required(t *ir.Type, n *jsontree.Node, top bool, keys keySet) {
	if w.opts.TopOnly && !top {
		return
	}
	var want []string
	for _, p := range t.Properties {
		if p.Required && !p.ReadOnly {
			want = append(want, p.Name)
		}
	}
	if top {
		want = append(want, w.opts.Required...)
	}
	reported := map[string]bool{}
	for _, name := range want {
		if keys.has(name) || reported[name] {
			continue
		}
		reported[name] = true
		w.warnf(n.Off, ir.CodeMissingRequired, "%srequired property %q of %s is missing", w.pathPrefix(), name, t.QualifiedName())
	}
}
