package runtime

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// This file checks a decoded request body against what the docs say, by
// reflection over the generated structs, so it works on whatever value an
// endpoint decodes into (a derived type chosen by @odata.type included):
//
//   - unknown properties (kept in AdditionalData) are rejected, as Graph
//     does, unless the type is open (AdditionalData tagged
//     `docs2go:"open"`: the docs' "openType": true, whose instances carry
//     directory and open extensions); instance annotations
//     ("@odata.type", "x@odata.bind") are never rejected;
//   - a field tagged `docs2go:"required"` must be present and not null;
//   - a field tagged `docs2go:"readonly"` must be absent;
//   - an enum value (a string type with Valid() bool) must be a documented
//     member (the types' decoders stay tolerant; only the handler checks).
//
// The docs' own request examples win over the tables: what an example
// sends is listed in EndpointInfo.documented and never rejected (many
// pages call id or createdDateTime read-only and send them anyway).

// optElem returns T when t is an Opt[T].
func optElem(t reflect.Type) (reflect.Type, bool) {
	if !isOpt(t) {
		return nil, false
	}
	return t.Field(1).Type.Elem(), true
}

// polymorphic is implemented by every generated AnyB wrapper: its value
// is the *B or derived struct that "@odata.type" chose, which validation
// and error locating descend into (a property or item of such a type
// included), so a derived object's own fields are checked.
type polymorphic interface{ polyValue() any }

var polymorphicType = reflect.TypeFor[polymorphic]()

// enumValue is implemented by generated enum types.
type enumValue interface{ Valid() bool }

var enumValueType = reflect.TypeFor[enumValue]()

// fieldRules are a field's docs2go tag options.
type fieldRules struct{ required, readOnly bool }

func rulesOf(f reflect.StructField) fieldRules {
	var r fieldRules
	for opt := range strings.SplitSeq(f.Tag.Get("docs2go"), ",") {
		switch strings.TrimSpace(opt) {
		case "required":
			r.required = true
		case "readonly":
			r.readOnly = true
		}
	}
	return r
}

// validator walks one decoded body.
type validator struct {
	documented []string // sorted keys the docs' examples send, see documentedKey
	err        *Error
}

// validate checks the decoded body v (a pointer) for ep.
func validate(v any, ep *EndpointInfo) *Error {
	vd := &validator{documented: ep.documented}
	vd.value(reflect.ValueOf(v), "", 0)
	return vd.err
}

// documentedKey is the form of EndpointInfo.documented entries: the rule,
// the property path without array indexes, and for enums the value, e.g.
// "readonly:createdDateTime", "unknown:target.groupId",
// "required:qrCodeImage.value", "enum:intent=bogus".
func documentedKey(rule, path, value string) string {
	k := rule + ":" + stripIndexes(path)
	if value != "" || rule == "enum" {
		k += "=" + value // an enum's documented value may be "" (Graph examples send "contentType": "")
	}
	return k
}

// stripIndexes removes "[n]" from a path.
func stripIndexes(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	var b strings.Builder
	depth := 0
	for _, r := range path {
		switch {
		case r == '[':
			depth++
		case r == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (vd *validator) allowed(rule, path, value string) bool {
	_, ok := slices.BinarySearch(vd.documented, documentedKey(rule, path, value))
	return ok
}

func (vd *validator) fail(path, msg string) {
	if vd.err == nil {
		vd.err = errorf(http.StatusBadRequest, "badRequest", "%s: %s", where(path), msg)
	}
}

// value checks v at path.
func (vd *validator) value(v reflect.Value, path string, depth int) {
	if vd.err != nil || depth > maxLocateDepth {
		return
	}
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if isOpt(v.Type()) {
		if x, set, _ := optOf(v); set {
			vd.value(x, path, depth+1)
		}
		return
	}
	if v.CanInterface() {
		// Through a pointer when it can: boxing a copy of v allocates.
		x := v.Interface()
		if v.CanAddr() {
			x = v.Addr().Interface()
		}
		if p, ok := x.(polymorphic); ok {
			if x := p.polyValue(); x != nil {
				vd.value(reflect.ValueOf(x), path, depth+1)
			}
			return
		}
		if e, ok := x.(enumValue); ok && v.Kind() == reflect.String {
			if s := v.String(); !e.Valid() && !vd.allowed("enum", path, s) {
				vd.fail(path, strconv.Quote(s)+" is not a documented member of the enumeration")
			}
			return
		}
	}
	switch {
	case isObjectType(v.Type()):
		vd.object(v, path, depth)
	case v.Kind() == reflect.Slice && v.Type() != rawMessageType && v.Type().Elem().Kind() != reflect.Uint8:
		for i := range v.Len() {
			vd.value(v.Index(i), path+"["+strconv.Itoa(i)+"]", depth+1)
		}
	}
}

// object checks a generated struct: its fields' rules, their values, and
// its unknown properties.
func (vd *validator) object(v reflect.Value, path string, depth int) {
	if !v.CanAddr() { // a value an Opt held: copied once so that its fields are read in place
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		v = c
	}
	fields := fieldsOf(v.Type())
	for i := range fields.list {
		f := &fields.list[i]
		fv := v.FieldByIndex(f.index)
		set, null := true, false
		if isOpt(fv.Type()) {
			_, set, null = optOf(fv)
		}
		r := f.rules
		if !r.required && !r.readOnly && !f.checked {
			continue // nothing to check, nothing inside to check
		}
		p := joinPath(path, f.name)
		switch {
		case r.required && !set && !vd.allowed("required", p, ""):
			what := "missing"
			if null {
				what = "null"
			}
			vd.fail(p, "required property is "+what)
		case r.readOnly && (set || null) && !vd.allowed("readonly", p, ""):
			vd.fail(p, "property is read-only")
		}
		if f.checked {
			vd.value(fv, p, depth+1)
		}
	}
	if fields.extra == nil || fields.open || derivedElsewhere(v, fields) {
		return
	}
	m, _ := v.FieldByIndex(fields.extra).Interface().(map[string]json.RawMessage)
	for _, k := range sortedKeys(m) {
		if strings.Contains(k, "@") {
			continue // instance annotation: @odata.type, x@odata.bind, ...
		}
		if p := joinPath(path, k); !vd.allowed("unknown", p, "") {
			vd.fail(p, "unknown property")
			return
		}
	}
}

// isOpenType reports whether the AdditionalData field says its type is
// open: any property is allowed.
func isOpenType(extra reflect.StructField) bool {
	return slices.Contains(strings.Split(extra.Tag.Get("docs2go"), ","), "open")
}

// derivedElsewhere reports whether the object's @odata.type names another
// type than its Go type: a derived type the decoder did not resolve, whose
// properties the base type cannot know, so they are not called unknown.
func derivedElsewhere(v reflect.Value, fields *objectFields) bool {
	o := odataTypeField(v, fields)
	if !o.IsValid() || !isOpt(o.Type()) {
		return false
	}
	x, set, _ := optOf(o)
	if !set || x.Kind() != reflect.String || x.String() == "" {
		return false
	}
	s := x.String()
	s = strings.TrimPrefix(s, "#")
	s = s[strings.LastIndexByte(s, '.')+1:]
	return !strings.EqualFold(s, v.Type().Name())
}

// odataTypeField returns the struct v's "@odata.type" field, invalid
// when it has none; fields are v's.
func odataTypeField(v reflect.Value, fields *objectFields) reflect.Value {
	f, ok := fields.byName["@odata.type"]
	if !ok {
		return reflect.Value{}
	}
	return v.FieldByIndex(f.index)
}

// objectField is one JSON property of a generated struct.
type objectField struct {
	name  string
	index []int // reflect.Value.FieldByIndex path, embedded structs flattened
	typ   reflect.Type
	rules fieldRules
	// checked: a value of typ can hold what validation checks inside it
	// (an object, an enum, a polymorphic value); other values are skipped.
	checked bool
}

// objectFields is what validation and error locating need of a struct
// type, built once per type instead of on every request.
type objectFields struct {
	list   []objectField           // sorted by name
	byName map[string]*objectField // the same fields by JSON name
	extra  []int                   // index of AdditionalData, nil when there is none
	open   bool                    // AdditionalData is tagged docs2go:"open"
}

// fieldCache holds an *objectFields per struct type.
var fieldCache sync.Map // reflect.Type -> *objectFields

// fieldsOf returns the JSON fields of the struct type t, embedded structs
// flattened as encoding/json does.
func fieldsOf(t reflect.Type) *objectFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*objectFields)
	}
	fs := &objectFields{byName: map[string]*objectField{}}
	for name, f := range jsonFields(t) {
		fs.list = append(fs.list, objectField{name: name, index: f.Index, typ: f.Type, rules: rulesOf(f), checked: holdsChecked(f.Type)})
	}
	sort.Slice(fs.list, func(i, j int) bool { return fs.list[i].name < fs.list[j].name })
	for i := range fs.list {
		fs.byName[fs.list[i].name] = &fs.list[i]
	}
	if extra, ok := t.FieldByName("AdditionalData"); ok {
		fs.extra, fs.open = extra.Index, isOpenType(extra)
	}
	f, _ := fieldCache.LoadOrStore(t, fs)
	return f.(*objectFields)
}

// jsonFields maps the JSON names of t's fields, embedded structs
// flattened as encoding/json does, to the fields. It builds the table
// fieldsOf caches.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for f := range t.Fields() {
		tag, hasTag := f.Tag.Lookup("json")
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && !hasTag && f.Type.Kind() == reflect.Struct {
			for k, sub := range jsonFields(f.Type) {
				if _, dup := out[k]; !dup {
					sub.Index = append([]int{f.Index[0]}, sub.Index...)
					out[k] = sub
				}
			}
			continue
		}
		if !f.IsExported() || !hasTag || name == "-" || name == "" {
			continue
		}
		out[name] = f
	}
	return out
}

// holdsChecked reports whether a value of type t can hold something
// validator.value checks: an object, an enum member or a polymorphic
// value, also behind Opts, pointers, interfaces and slices. It looks at
// t's own fields only (not fieldsOf), so that building the table of a type
// that refers to itself does not recurse.
func holdsChecked(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if et, ok := optElem(t); ok {
		return holdsChecked(et)
	}
	switch {
	case t.Kind() == reflect.Interface, t.Implements(polymorphicType), reflect.PointerTo(t).Implements(polymorphicType):
		return true
	case t.Kind() == reflect.String:
		return t.Implements(enumValueType) || reflect.PointerTo(t).Implements(enumValueType)
	case t.Kind() == reflect.Struct:
		return t != timeType && len(jsonFields(t)) > 0
	case t.Kind() == reflect.Slice:
		return t != rawMessageType && t.Elem().Kind() != reflect.Uint8 && holdsChecked(t.Elem())
	}
	return false
}
