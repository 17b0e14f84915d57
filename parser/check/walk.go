package check

import (
	"fmt"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// walker checks one body. In lint mode it reports diagnostics and follows
// @odata.type to derived types; otherwise it only computes the worst
// verdict for Conforms and Fit, against the type the generated code
// decodes into (which follows @odata.type below the top level, see derived).
type walker struct {
	c     *Checker
	blk   *ir.Block
	lint  bool
	opts  Options
	diags ir.Diagnostics
	worst verdict
	// first is, outside lint mode, the first finding that makes the body
	// not conform (Fit reports it).
	first *ir.Diagnostic
	// derived makes the top-level value (an object, or a collection's
	// items) decode into the type its "@odata.type" names when that type
	// derives from the documented one, as the generator's polymorphic body
	// and result types do. Nested values always do: properties of a type
	// with derived types are the generator's AnyB wrapper.
	derived bool
	// path leads to the value being checked (path.go).
	path []step
}

// shape is the part of a TypeRef the walk needs, its type name resolved.
type shape struct {
	name       string // primitive name or qualified target; "" = unresolved (json.RawMessage)
	primitive  bool
	collection bool
	typ        *ir.Type // the struct type name names, or nil
	enum       *ir.Enum // the enum name names when it names no struct type, or nil
}

func (c *Checker) shapeOf(ref ir.TypeRef) shape {
	if ref.Primitive {
		return shape{name: ref.Name, primitive: true, collection: ref.Collection}
	}
	sh := shape{name: ref.Target, collection: ref.Collection, typ: c.typ(ref.Target)}
	if sh.typ == nil {
		sh.enum = c.enum(ref.Target)
	}
	return sh
}

func (w *walker) run(ref ir.TypeRef) {
	root, err := jsontree.Of(w.blk).Strict()
	if err != nil {
		w.worst = mismatch
		w.errorf(err.Off, ir.CodeInvalidJSON, "invalid JSON: %v", err)
		w.note(err.Off, ir.CodeInvalidJSON, fmt.Sprintf("invalid JSON: %v", err))
		return
	}
	sh := w.c.shapeOf(ref)
	if root.Kind == jsontree.Null {
		w.fail(mismatch, root, ir.CodeTypeMismatch, "want %s, got null", sh.describe())
		return
	}
	if w.opts.Wrapped {
		if root = w.unwrap(root); root == nil {
			return
		}
		w.enter("value")
	}
	w.value(sh, root, true)
}

// unwrap returns the "value" member of a wrapped answer; nil, reported,
// when root is not an object holding one.
func (w *walker) unwrap(root *jsontree.Node) *jsontree.Node {
	if root.Kind == jsontree.Object {
		if v := root.Field("value"); v != nil {
			return v
		}
	}
	w.fail(mismatch, root, ir.CodeTypeMismatch, `want {"value": ...}, got %s`, describe(root))
	return nil
}

func (s shape) describe() string {
	name := s.name
	if name == "" {
		name = "any JSON"
	}
	if s.collection {
		return "a collection of " + name
	}
	return name
}

// value checks n (not null at property level) against sh.
func (w *walker) value(sh shape, n *jsontree.Node, top bool) {
	poly := !top || w.derived
	if !sh.collection {
		w.item(sh, n, top, poly)
		return
	}
	if n.Kind != jsontree.Array {
		w.fail(mismatch, n, ir.CodeTypeMismatch, "want %s, got %s", sh.describe(), describe(n))
		return
	}
	elem := sh
	elem.collection = false
	for i, e := range n.Elems {
		w.enterItem(i)
		if e.Kind != jsontree.Null {
			w.item(elem, e, false, poly)
		} else if !nullableItem(w.c, elem, poly) {
			w.fail(lossy, e, ir.CodeTypeMismatch, "null in %s, whose items are not nullable", sh.describe())
		}
		w.leave()
	}
}

// nullableItem reports whether a null collection item survives a round
// trip: json.RawMessage keeps it, a nil []byte re-encodes as null, and so
// does the polymorphic wrapper (poly: items dispatch) of a type with
// derived types, whose Value stays nil.
func nullableItem(c *Checker, sh shape, poly bool) bool {
	if sh.primitive {
		return sh.name == "Json" || sh.name == "Binary" || sh.name == "Stream" || !slices.Contains(ir.Primitives, sh.name)
	}
	if sh.typ != nil {
		return poly && c.hasDerived(sh.typ)
	}
	return sh.enum == nil
}

// item checks one non-null, non-collection value; poly: an object
// decodes into the type its "@odata.type" names (outside lint mode).
func (w *walker) item(sh shape, n *jsontree.Node, top, poly bool) {
	switch {
	case sh.primitive:
		if v, msg := primitiveRule(sh.name, n); v != ok {
			code := ir.CodeTypeMismatch
			if v == lossy {
				code = ir.CodeLossyValue
			}
			w.fail(v, n, code, "%s", msg)
		}
	case sh.typ != nil:
		w.object(sh.typ, n, top, poly)
	case sh.enum != nil:
		w.enumValue(sh.enum, n)
	}
	// Unresolved types decode into json.RawMessage: anything goes.
}

// fail records a verdict and, in lint mode, a diagnostic at n that names
// the current path; outside lint mode, only the first finding is spelled
// out.
func (w *walker) fail(v verdict, n *jsontree.Node, code ir.Code, format string, args ...any) {
	w.worst = max(w.worst, v)
	if !w.lint && (v == ok || w.first != nil) {
		return
	}
	msg := w.pathPrefix() + fmt.Sprintf(format, args...)
	if !w.lint {
		w.note(n.Off, code, msg)
		return
	}
	if v == mismatch || code == ir.CodeTypeMismatch {
		w.errorf(n.Off, code, "%s", msg)
	} else {
		w.warnf(n.Off, code, "%s", msg)
	}
}

// note keeps the first non-conformance outside lint mode.
func (w *walker) note(off int, code ir.Code, msg string) {
	if w.lint || w.first != nil {
		return
	}
	w.first = &ir.Diagnostic{Pos: jsontree.OffsetPos(w.blk, off), Severity: ir.Warning, Code: code, Message: w.opts.Label + ": " + msg}
}

func (w *walker) errorf(off int, code ir.Code, format string, args ...any) {
	if w.lint {
		w.diags.Errorf(jsontree.OffsetPos(w.blk, off), code, w.opts.Label+": "+format, args...)
	}
}

func (w *walker) warnf(off int, code ir.Code, format string, args ...any) {
	if w.lint {
		w.diags.Warnf(jsontree.OffsetPos(w.blk, off), code, w.opts.Label+": "+format, args...)
	}
}

// enumValue: enums are Go strings; unknown members are tolerated by the
// generated code (Graph enums evolve), so they are warnings only. Flags
// enums are "a,b" strings checked part by part.
func (w *walker) enumValue(e *ir.Enum, n *jsontree.Node) {
	if n.Kind != jsontree.String {
		w.fail(mismatch, n, ir.CodeTypeMismatch, "want enum %s (a string), got %s", e.QualifiedName(), describe(n))
		return
	}
	if !w.lint || len(e.Members) == 0 {
		return
	}
	parts := []string{n.Str}
	if e.Flags {
		parts = strings.Split(n.Str, ",")
	}
	names := make([]string, 0, len(e.Members))
	for _, m := range e.Members {
		names = append(names, m.Name)
	}
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if slices.Contains(names, p) {
			continue
		}
		msg := w.pathPrefix() + fmt.Sprintf("%q is not a member of %s%s", p, e.QualifiedName(), didYouMean(p, names))
		w.warnf(n.Off, ir.CodeUnknownEnumMember, "%s", msg)
	}
}
