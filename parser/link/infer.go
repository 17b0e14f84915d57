package link

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// inferredType returns the synthesized type ns.name, creating it on first
// use. A synthesized name never shadows a type a page defines: it gets a
// numeric suffix instead. Synthesized types are not in the name index, so a
// reference that does not resolve keeps its "unresolved-type" warning.
func (l *linker) inferredType(ns, name string, src ir.Pos) *typeDef {
	base := name
	for i := 2; ; i++ {
		key := strings.ToLower(ir.Qualify(ns, name))
		if l.defs[key] == nil {
			td := l.inferred[key]
			if td == nil {
				td = newTypeDef(key, ns, name)
				td.typ.Inferred, td.resolved = true, true
				l.inferred[key] = td
			}
			if src.IsValid() || src.File != "" {
				td.addSource(src)
			}
			return td
		}
		name = base + strconv.Itoa(i)
	}
}

// fillFromJSON adds to td a property for every key of obj it lacks; keys
// starting with "@" are OData control information ("@odata.type"), while
// "x@odata.bind" keys are real request data and are kept.
// warnAgainst, when not "", names what the keys were expected in.
func (l *linker) fillFromJSON(td *typeDef, file string, blk *ir.Block, obj *jsontree.Node, warnAgainst string) {
	for _, m := range obj.Members {
		if !isDataKey(m.Key) || propIndex(td.typ.Properties, m.Key) >= 0 {
			continue
		}
		pos := jsontree.OffsetPos(blk, m.KeyOff)
		prop := ir.Property{Name: m.Key, RawName: m.Key, Pos: pos,
			Type: l.jsonRef(file, blk, td.typ, m.Key, m.Val, pos)}
		if warnAgainst != "" {
			l.diags.Warnf(pos, ir.CodePropertyNotInResource, "request example: %s is not in %s; added to %s",
				m.Key, warnAgainst, td.qname)
		}
		l.addProperty(td, file, prop)
	}
}

// isDataKey reports whether a JSON key or table row names data: OData
// control information ("@odata.type", "invoiceStatus@odata.type" in beta
// booking examples) is not, while "members@odata.bind" is (it is how a
// create links existing objects).
func isDataKey(key string) bool {
	if key == "" || strings.HasPrefix(key, "@") {
		return false
	}
	return !strings.Contains(key, "@") || strings.HasSuffix(key, "@odata.bind")
}

// jsonRef infers a property type from an example value: strings are String
// (DateTimeOffset when RFC 3339), integral numbers Int32 (Int64 beyond its
// range), other numbers Double, objects their "@odata.type" or a nested
// inferred type <parent><Prop>, arrays collections of their first element.
func (l *linker) jsonRef(file string, blk *ir.Block, parent *ir.Type, key string, v *jsontree.Node, pos ir.Pos) ir.TypeRef {
	prim := func(name string) ir.TypeRef { return ir.TypeRef{Name: name, Primitive: true, Pos: pos} }
	switch v.Kind {
	case jsontree.String:
		if _, err := time.Parse(time.RFC3339Nano, v.Str); err == nil {
			return prim("DateTimeOffset")
		}
		return prim("String")
	case jsontree.Number:
		return prim(numberType(v.Raw))
	case jsontree.Bool:
		return prim("Boolean")
	case jsontree.Object:
		return l.objectRef(file, blk, parent, key, v, "", pos)
	case jsontree.Array:
		for _, e := range v.Elems {
			if e.Kind == jsontree.Null {
				continue
			}
			if e.Kind == jsontree.Array {
				break // nested arrays have no model type
			}
			r := l.jsonRef(file, blk, parent, key, e, pos)
			r.Collection = true
			return r
		}
		r := prim("Json")
		r.Collection = true
		return r
	}
	return prim("Json") // null says nothing about the type
}

// objectRef types an example object: a type its "@odata.type" names, else a
// nested inferred type called name (when it is an identifier) or
// <parent><Key>, filled from the object's keys.
func (l *linker) objectRef(file string, blk *ir.Block, parent *ir.Type, key string, v *jsontree.Node, name string, pos ir.Pos) ir.TypeRef {
	ns := parent.Namespace
	if t := v.ODataType(); t != "" {
		if d := l.byName(t, ns); d != nil {
			return ir.TypeRef{Name: d.name(), Target: d.qualified(), Pos: pos}
		}
		if tns, short := ir.SplitQualified(t); isIdent(short) && name == "" {
			name = short
			if tns != "" {
				ns = normNamespace(tns, "")
			}
		}
	}
	if !isIdent(name) {
		name = parent.Name + upperFirst(key)
	}
	td := l.inferredType(ns, name, pos)
	l.fillFromJSON(td, file, blk, v, "")
	return ir.TypeRef{Name: td.typ.Name, Target: td.qname, Pos: pos}
}

func numberType(s string) string {
	if strings.ContainsAny(s, ".eE") {
		return "Double"
	}
	n, err := strconv.ParseInt(s, 10, 64)
	switch {
	case err != nil:
		return "Double"
	case n >= math.MinInt32 && n <= math.MaxInt32:
		return "Int32"
	default:
		return "Int64"
	}
}

// isIdent reports whether s can name a type: letters, digits and
// underscores, not starting with a digit.
func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || (i > 0 && unicode.IsDigit(r))) {
			return false
		}
	}
	return true
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// camelWords joins words like "driveitem-createlink" into driveitemCreatelink,
// dropping characters that cannot be in an identifier.
func camelWords(s string) string {
	var b strings.Builder
	for i, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if i > 0 {
			w = upperFirst(w)
		}
		b.WriteString(w)
	}
	out := b.String()
	if out != "" && unicode.IsDigit([]rune(out)[0]) {
		out = "x" + out
	}
	return out
}
