package runtime

import (
	"encoding/json"
	"reflect"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// The one-pass decoder (unmarshal.go) and encoder (marshal.go) are driven
// by a codec per Go type, built once by reflection and cached: the
// generated package carries no per-type decoding code, so it compiles
// cheaply, and a request costs no reflection beyond reading the cached
// plan. Values are reached through unsafe pointers at field offsets the
// plan holds, as encoding/json's own field cache does with indexes.

// codecKind says how a type is read and written.
type codecKind uint8

const (
	kindFallback codecKind = iota // anything else: encoding/json
	kindString                    // a string, or a string type without methods (enums included)
	kindBool
	kindInt
	kindUint
	kindDouble // Double: a number or "NaN", "INF", "-INF"
	kindTime   // time.Time: RFC 3339
	kindBytes  // []byte: base64
	kindRaw    // json.RawMessage: kept as sent
	kindMethod // a type with its own UnmarshalJSON (Date, TimeOfDay, Duration); written as a string
	kindOpt
	kindPointer // a pointer to a value the codec reads (Page's Count)
	kindSlice
	kindObject // a generated struct (JSON-tagged fields and AdditionalData), Page or Value
	kindPoly   // a generated polymorphic wrapper (AnyX)
)

// codec is the plan of one type.
type codec struct {
	typ  reflect.Type
	kind codecKind
	bits int  // kindInt, kindUint: the size in bits
	enum bool // kindString: the type has Valid (an enum)
	// kindOpt: the offsets of Opt's value pointer and null flag; elem is
	// T. kindPointer: elem is what it points to. kindSlice: elem is the
	// element type.
	optValue, optNull uintptr
	elem              *codec
	obj               *objectPlan // kindObject
	poly              *polyPlan   // kindPoly
	// sizeHint is the length of the last encoding of this type, the
	// encoder's first buffer size, so that the buffer rarely grows.
	sizeHint atomic.Int64
}

// objectPlan is what the decoder and encoder need of a generated struct.
type objectPlan struct {
	fields   []fieldPlan    // in declaration order, as encoding/json writes them
	byName   map[string]int // JSON name -> index in fields
	checked  []int          // fields with a required or read-only rule, sorted by name
	extra    uintptr        // offset of AdditionalData
	hasExtra bool           // false for Page and Value: they drop unknown properties, as encoding/json does
	open     bool           // AdditionalData is tagged docs2go:"open"
	odata    int            // index of the "@odata.type" field, -1 when there is none
}

// fieldPlan is one JSON property of a generated struct.
type fieldPlan struct {
	name  string
	key   []byte // `"name":` as encoding/json writes it
	off   uintptr
	c     *codec
	rules fieldRules
	omit  bool // omitzero or omitempty: left out when zero
}

// derivedType names a type derived from a polymorphic base: its
// "@odata.type" ("#microsoft.graph.x") and a nil pointer to its Go type.
type derivedType struct {
	name string
	ptr  any
}

// polyTyped is implemented by every generated polymorphic wrapper: the
// base type and the derived types "@odata.type" may name.
type polyTyped interface {
	polyTypes() (base any, derived []derivedType)
}

// polyPlan is what the decoder and encoder need of a polymorphic wrapper.
type polyPlan struct {
	base   reflect.Type            // the base struct type
	byName map[string]reflect.Type // lower-cased name without "#" -> struct type
	names  map[reflect.Type]string // derived struct type -> its "@odata.type"
}

var (
	codecs   sync.Map // reflect.Type -> *codec, complete plans only
	buildMu  sync.Mutex
	building map[reflect.Type]*codec // plans under construction, under buildMu

	doubleType    = reflect.TypeFor[Double]()
	unmarshalerTy = reflect.TypeFor[json.Unmarshaler]()
	marshalerTy   = reflect.TypeFor[json.Marshaler]()
	polyTypedType = reflect.TypeFor[polyTyped]()
	optPkgPath    = reflect.TypeFor[Opt[bool]]().PkgPath()
)

// codecOf returns the plan of t, building it (and the plans it refers
// to) on first use.
func codecOf(t reflect.Type) *codec {
	if c, ok := codecs.Load(t); ok {
		return c.(*codec)
	}
	buildMu.Lock()
	defer buildMu.Unlock()
	if c, ok := codecs.Load(t); ok {
		return c.(*codec)
	}
	building = map[reflect.Type]*codec{}
	c := build(t)
	for bt, bc := range building { // publish only complete plans: types refer to each other in cycles
		codecs.Store(bt, bc)
	}
	building = nil
	return c
}

// build makes the plan of t under buildMu.
func build(t reflect.Type) *codec {
	if c, ok := codecs.Load(t); ok {
		return c.(*codec)
	}
	if c := building[t]; c != nil {
		return c
	}
	c := &codec{typ: t}
	building[t] = c
	ptr := reflect.PointerTo(t)
	switch {
	case t == timeType:
		c.kind = kindTime
	case t == rawMessageType:
		c.kind = kindRaw
	case t == doubleType:
		c.kind = kindDouble
	case isOpt(t):
		c.kind, c.elem = kindOpt, build(t.Field(1).Type.Elem())
		c.optValue, c.optNull = t.Field(1).Offset, t.Field(2).Offset
	case t.Implements(polyTypedType):
		c.kind, c.poly = kindPoly, buildPoly(t)
	case t.Kind() == reflect.Struct && (isGeneratedStruct(t) || isAnswerWrapper(t)):
		c.kind, c.obj = kindObject, buildObject(t)
	case t.Implements(marshalerTy) || ptr.Implements(marshalerTy):
		c.kind = kindFallback // a type that writes itself
	case t.Kind() == reflect.String && ptr.Implements(unmarshalerTy):
		c.kind = kindMethod
	case t.Kind() == reflect.String && !ptr.Implements(unmarshalerTy) && t.PkgPath() != "encoding/json":
		c.kind, c.enum = kindString, t.Implements(enumValueType)
	case t.Kind() == reflect.Bool && !ptr.Implements(unmarshalerTy):
		c.kind = kindBool
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64 && !ptr.Implements(unmarshalerTy):
		c.kind, c.bits = kindInt, t.Bits()
	case t.Kind() >= reflect.Uint && t.Kind() <= reflect.Uint64 && !ptr.Implements(unmarshalerTy):
		c.kind, c.bits = kindUint, t.Bits()
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8 && !ptr.Implements(unmarshalerTy) &&
		!reflect.PointerTo(t.Elem()).Implements(unmarshalerTy) && !t.Elem().Implements(marshalerTy):
		c.kind = kindBytes
	case t.Kind() == reflect.Slice && !ptr.Implements(unmarshalerTy):
		c.kind, c.elem = kindSlice, build(t.Elem())
	case t.Kind() == reflect.Pointer && !ptr.Implements(unmarshalerTy):
		c.kind, c.elem = kindPointer, build(t.Elem())
	}
	return c
}

// isOpt reports whether t is an Opt[T] of this package.
func isOpt(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.PkgPath() == optPkgPath && strings.HasPrefix(t.Name(), "Opt[") && t.NumField() == 3
}

// isAnswerWrapper reports whether t is a Page or Value of this package:
// its items (or value) are then read and written in the same pass as the
// annotations around them, with the item type's plan.
func isAnswerWrapper(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.PkgPath() == optPkgPath &&
		(strings.HasPrefix(t.Name(), "Page[") || strings.HasPrefix(t.Name(), "Value["))
}

// isGeneratedStruct reports whether t has the shape of a generated model
// type: an AdditionalData map of raw values and no embedded fields.
func isGeneratedStruct(t reflect.Type) bool {
	extra, ok := t.FieldByName("AdditionalData")
	if !ok || extra.Type != reflect.TypeFor[map[string]json.RawMessage]() || len(extra.Index) != 1 {
		return false
	}
	for f := range t.Fields() {
		if f.Anonymous {
			return false
		}
	}
	return true
}

// buildObject makes the plan of a generated struct.
func buildObject(t reflect.Type) *objectPlan {
	p := &objectPlan{byName: map[string]int{}, odata: -1}
	for f := range t.Fields() {
		tag, hasTag := f.Tag.Lookup("json")
		name, opts, _ := strings.Cut(tag, ",")
		if !f.IsExported() || !hasTag || name == "-" || name == "" {
			continue
		}
		key, _ := json.Marshal(name)
		p.byName[name] = len(p.fields)
		if name == "@odata.type" {
			p.odata = len(p.fields)
		}
		p.fields = append(p.fields, fieldPlan{
			name: name, key: append(key, ':'), off: f.Offset, c: build(f.Type), rules: rulesOf(f),
			omit: strings.Contains(","+opts+",", ",omitzero,") || strings.Contains(","+opts+",", ",omitempty,"),
		})
	}
	for i, f := range p.fields {
		if f.rules.required || f.rules.readOnly {
			p.checked = append(p.checked, i)
		}
	}
	sort.Slice(p.checked, func(i, j int) bool { return p.fields[p.checked[i]].name < p.fields[p.checked[j]].name })
	if extra, ok := t.FieldByName("AdditionalData"); ok {
		p.extra, p.hasExtra, p.open = extra.Offset, true, isOpenType(extra)
	}
	return p
}

// buildPoly makes the plan of a polymorphic wrapper.
func buildPoly(t reflect.Type) *polyPlan {
	base, derived := reflect.Zero(t).Interface().(polyTyped).polyTypes()
	p := &polyPlan{base: reflect.TypeOf(base).Elem(), byName: map[string]reflect.Type{}, names: map[reflect.Type]string{}}
	build(p.base)
	for _, d := range derived {
		dt := reflect.TypeOf(d.ptr).Elem()
		p.byName[strings.ToLower(strings.TrimPrefix(d.name, "#"))] = dt
		p.names[dt] = d.name
		build(dt)
	}
	return p
}

// typeFor returns the struct type an "@odata.type" value names: the base
// type when it names none or an unknown one.
func (p *polyPlan) typeFor(name string) reflect.Type {
	if t, ok := p.byName[strings.ToLower(strings.TrimPrefix(strings.TrimSpace(name), "#"))]; ok {
		return t
	}
	return p.base
}

// optOf reads the Opt v: its value (addressable) when it holds one, and
// its state.
func optOf(v reflect.Value) (x reflect.Value, set, null bool) {
	c := codecOf(v.Type())
	if !v.CanAddr() {
		cp := reflect.New(v.Type()).Elem()
		cp.Set(v)
		v = cp
	}
	vp, null := c.optAt(v.Addr().UnsafePointer())
	if vp == nil {
		return reflect.Value{}, false, null
	}
	return reflect.NewAt(c.elem.typ, vp).Elem(), true, false
}

// target is where the Opt or pointer at p points, nil when it holds no
// value.
func (c *codec) target(p unsafe.Pointer) unsafe.Pointer {
	if c.kind == kindPointer {
		return *(*unsafe.Pointer)(p)
	}
	v, _ := c.optAt(p)
	return v
}

// optAt reads the Opt at p: its value pointer and null flag.
func (c *codec) optAt(p unsafe.Pointer) (v unsafe.Pointer, null bool) {
	return *(*unsafe.Pointer)(unsafe.Add(p, c.optValue)), *(*bool)(unsafe.Add(p, c.optNull))
}

// setOpt sets the Opt at p to the value v points to, or to null.
func (c *codec) setOpt(p, v unsafe.Pointer, null bool) {
	*(*unsafe.Pointer)(unsafe.Add(p, c.optValue)) = v
	*(*bool)(unsafe.Add(p, c.optNull)) = null
}

// value is the reflect.Value of the t at p, addressable and settable.
func (c *codec) value(p unsafe.Pointer) reflect.Value {
	return reflect.NewAt(c.typ, p).Elem()
}
