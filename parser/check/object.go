package check

import (
	"fmt"
	"strings"

	"github.com/docs2go/docs2go/parser/ir"
)

// object checks n against struct type t: every member against its
// property, @odata.type against t's family, and (lint, requests) the
// required properties. poly: outside lint mode, n decodes into the type
// its "@odata.type" names (the generator's AnyB wrapper).
func (w *walker) object(t *ir.Type, n *node, path string, top, poly bool) {
	if n.kind != kObject {
		w.fail(mismatch, n, "type-mismatch", path, "want object %s, got %s", t.QualifiedName(), describe(n))
		return
	}
	if w.lint {
		t = w.dispatch(t, n, path)
	} else if poly {
		t = w.derivedType(t, n)
	}
	props := map[string]*ir.Property{}
	lower := map[string]*ir.Property{}
	for i := range t.Properties {
		p := &t.Properties[i]
		if _, dup := props[p.Name]; !dup {
			props[p.Name] = p
		}
		if _, dup := lower[strings.ToLower(p.Name)]; !dup {
			lower[strings.ToLower(p.Name)] = p
		}
	}
	seen := map[string]bool{}
	for _, m := range n.members {
		mp := join(path, m.key)
		if seen[m.key] {
			w.warnAt(m.keyOff, "duplicate-key", "%s: property appears more than once; the last value wins", mp)
		}
		seen[m.key] = true
		w.member(t, props, lower, m, mp)
	}
	if w.lint && w.opts.Request && !w.opts.Truncated && !t.Inferred {
		w.required(t, n, path, top, seen)
	}
}

// member checks one key of an object of type t.
func (w *walker) member(t *ir.Type, props, lower map[string]*ir.Property, m member, mp string) {
	if p := props[m.key]; p != nil {
		if m.val.kind != kNull { // every field is Opt[T]: null is a value
			w.value(shapeOf(p.Type), m.val, mp, false)
		}
		return
	}
	switch {
	case m.key == "@odata.type":
		// The generated ODataType field is Opt[string].
		if m.val.kind != kString && m.val.kind != kNull {
			w.fail(mismatch, m.val, "type-mismatch", mp, "want String, got %s", describe(m.val))
		}
	case strings.Contains(m.key, "@"):
		// Instance annotations ("@odata.context", "x@odata.bind") are kept
		// in AdditionalData.
	case lower[strings.ToLower(m.key)] != nil:
		// The runtime's unmarshalObject keeps such a key in AdditionalData
		// and decodes fields from exact names only (encoding/json alone
		// would fold case), so this is lossless; but it is still a typo.
		want := lower[strings.ToLower(m.key)].Name
		w.warnAt(m.keyOff, "unknown-property", "%s: property %q is not a property of %s; did you mean %q (names are case-sensitive)",
			mp, m.key, t.QualifiedName(), want)
	case t.Inferred || w.c.open[strings.ToLower(t.Name)] || w.c.isNavigation(t, m.key):
		// An inferred type was built from the examples themselves, an
		// open type allows any property, and a relationship is
		// documented (the value lands in AdditionalData): nothing to
		// report.
	default:
		names := make([]string, 0, len(props))
		for _, p := range t.Properties {
			names = append(names, p.Name)
		}
		w.warnAt(m.keyOff, "unknown-property", "%s: property %q is not a property of %s%s",
			mp, m.key, t.QualifiedName(), didYouMean(m.key, names))
	}
}

func (w *walker) warnAt(off int, code, format string, args ...any) {
	w.warnf(off, code, format, args...)
}

// dispatch follows "@odata.type" to the type the body claims to be: t
// itself or a type derived from it. Anything else is odata-type-mismatch.
func (w *walker) dispatch(t *ir.Type, n *node, path string) *ir.Type {
	var v *node
	for _, m := range n.members {
		if m.key == "@odata.type" && m.val.kind == kString {
			v = m.val
		}
	}
	if v == nil {
		return t
	}
	name := strings.TrimPrefix(strings.TrimSpace(v.str), "#")
	if strings.EqualFold(name, t.QualifiedName()) {
		return t
	}
	named := w.c.typ(name)
	if named != nil && isDerived(w.c, named, t) {
		return named
	}
	at := join(path, "@odata.type")
	if named == nil {
		if w.c.defined[strings.ToLower(name)] {
			w.warnf(v.off, "odata-type-mismatch", "%s: %q is not declared as derived from %s (no baseType or \"Inherits from\" on its page)",
				at, v.str, t.QualifiedName())
		} else {
			w.warnf(v.off, "odata-type-mismatch", "%s: %q names a type the docs do not define (documented type: %s)",
				at, v.str, t.QualifiedName())
		}
		return t
	}
	w.errorf(v.off, "odata-type-mismatch", "%s: %q is neither %s nor a type derived from it",
		at, v.str, t.QualifiedName())
	return t
}

// derivedType is dispatch for Fit: the type "@odata.type" names when it
// derives from t (the generated decoder picks it), else t, silently.
func (w *walker) derivedType(t *ir.Type, n *node) *ir.Type {
	var last *node // encoding/json keeps the last of repeated keys
	for _, m := range n.members {
		if m.key == "@odata.type" {
			last = m.val
		}
	}
	if last == nil || last.kind != kString {
		return t
	}
	if named := w.c.typ(last.str); named != nil && named != t && isDerived(w.c, named, t) {
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
func (w *walker) required(t *ir.Type, n *node, path string, top bool, seen map[string]bool) {
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
		if seen[name] || reported[name] {
			continue
		}
		reported[name] = true
		w.warnf(n.off, "missing-required", "%srequired property %q of %s is missing", prefix(path), name, t.QualifiedName())
	}
}

// prefix returns "path: ", or "" at the top level.
func prefix(path string) string {
	if path == "" {
		return ""
	}
	return path + ": "
}

// join extends a JSON path: "" + "a" = "a", "a" + "b" = "a.b".
func join(path, key string) string {
	if path == "" {
		return key
	}
	return fmt.Sprintf("%s.%s", path, key)
}
