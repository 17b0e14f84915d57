package runtime

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unsafe"
)

// decoder reads one JSON value into a Go value in one pass over the
// bytes, driven by the codecs of codec.go. With check set it also finds,
// during the same pass, the bodies that break a rule of validate.go
// (unknown, required and read-only properties, enum members), skipping
// what the docs' examples send; validate then words the error.
type decoder struct {
	reader
	check      bool
	documented []string
	invalid    bool       // a rule is broken
	path       []string   // property names down to the value being read, for the documented exemptions
	pathBuf    [16]string // path's first backing array, on the stack
	// alias: data is never written again (a body the handler or client
	// read), so strings without escapes are views of it instead of copies.
	alias bool
	strs  []string // room for the strings Opts and pointers point to, see newValue
	slab  int      // the size of the last slab of strs
}

// maxStringSlab is the most strings newValue allocates at once.
const maxStringSlab = 64

// newValue returns a new zero c for an Opt or a pointer to hold. A string
// (enums included) comes from a slab, so that the many string properties
// of a body cost a few allocations instead of one each; the slabs double
// from 4 strings, so that at most half of what they hold is unused.
func (d *decoder) newValue(c *codec) unsafe.Pointer {
	if c.kind != kindString {
		return reflect.New(c.typ).UnsafePointer()
	}
	if len(d.strs) == 0 {
		d.slab = min(max(4, 2*d.slab), maxStringSlab)
		d.strs = make([]string, d.slab)
	}
	p := unsafe.Pointer(&d.strs[0])
	d.strs = d.strs[1:]
	return p
}

// text consumes a string and returns its value.
func (d *decoder) text() string {
	if !d.alias {
		return d.stringValue()
	}
	start := d.pos
	inner, plain := d.str()
	switch {
	case d.err != nil || len(inner) == 0:
		return ""
	case plain:
		return unsafe.String(&inner[0], len(inner))
	}
	return unquoteJSON(d.data[start:d.pos])
}

// errType marks a value of the wrong JSON kind or out of range; the
// failing request is then decoded again by encoding/json to word it.
type typeError struct{ t reflect.Type }

func (e *typeError) Error() string {
	return "json: cannot unmarshal into Go value of type " + e.t.String()
}

// unmarshalJSON decodes data, one JSON value, into v (a pointer): what the
// generated UnmarshalJSON methods call. Unknown properties are kept in
// AdditionalData; nothing is validated.
func unmarshalJSON(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return &json.InvalidUnmarshalError{Type: reflect.TypeOf(v)}
	}
	d := decoder{reader: reader{data: data}}
	d.value(codecOf(rv.Type().Elem()), rv.UnsafePointer())
	if d.err == nil && (d.next() != 0 || d.pos != len(data)) {
		d.fail(errSyntax)
	}
	if d.err == errSyntax {
		var s any
		if err := json.Unmarshal(data, &s); err != nil {
			return err // encoding/json's words and offset
		}
	}
	return d.err
}

// decodeJSON is json.Unmarshal for the client's answers: the one-pass
// decoder, and encoding/json's error when it fails.
// data must not be written again: v's strings may share its bytes.
func decodeJSON(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		d := decoder{reader: reader{data: data}, alias: true}
		d.value(codecOf(rv.Type().Elem()), rv.UnsafePointer())
		if d.err == nil && d.next() == 0 && d.pos == len(data) {
			return nil
		}
	}
	return json.Unmarshal(data, v)
}

// value reads the value at the position into the c at p.
func (d *decoder) value(c *codec, p unsafe.Pointer) {
	if d.err != nil {
		return
	}
	tok := d.next()
	if tok == 'n' {
		d.null(c, p)
		return
	}
	switch c.kind {
	case kindOpt, kindPointer:
		v := d.newValue(c.elem)
		if c.kind == kindOpt && c.elem.kind == kindBytes {
			d.bytes(c.elem, v, tok, true)
		} else {
			d.value(c.elem, v)
		}
		switch {
		case d.err != nil:
		case c.kind == kindOpt:
			c.setOpt(p, v, false)
		default:
			*(*unsafe.Pointer)(p) = v
		}
	case kindObject:
		d.object(c, p)
	case kindPoly:
		d.poly(c, p)
	case kindSlice:
		d.slice(c, p)
	case kindString:
		if tok != '"' {
			d.mismatch(c)
			return
		}
		s := d.text()
		*(*string)(p) = s
		if c.enum && d.check && !d.invalid && !reflect.NewAt(c.typ, p).Interface().(enumValue).Valid() {
			d.broken("enum", "", s)
		}
	case kindBool:
		switch tok {
		case 't':
			*(*bool)(p) = d.literal("true")
		case 'f':
			d.literal("false")
			*(*bool)(p) = false
		default:
			d.mismatch(c)
		}
	case kindInt, kindUint, kindDouble:
		d.number(c, p, tok)
	case kindTime:
		if tok != '"' {
			d.mismatch(c)
			return
		}
		start := d.pos
		if d.str(); d.err == nil {
			d.setErr(c, (*time.Time)(p).UnmarshalJSON(d.data[start:d.pos]))
		}
	case kindBytes:
		d.bytes(c, p, tok, false)
	default:
		d.delegate(c, p)
	}
}

// null reads a JSON null into the c at p as encoding/json does: slices
// and Opts take it, most other values keep what they hold.
func (d *decoder) null(c *codec, p unsafe.Pointer) {
	switch c.kind {
	case kindOpt:
		if d.literal("null") {
			c.setOpt(p, nil, true)
		}
	case kindSlice, kindBytes, kindPointer:
		if d.literal("null") {
			c.value(p).SetZero()
		}
	case kindPoly:
		if d.literal("null") {
			c.value(p).Field(0).SetZero()
		}
	case kindDouble:
		if d.literal("null") {
			*(*float64)(p) = 0 // Double's UnmarshalJSON does so
		}
	case kindRaw, kindMethod, kindFallback:
		d.delegate(c, p)
	default:
		d.literal("null")
	}
}

// mismatch fails on a value of the wrong JSON kind for c.
func (d *decoder) mismatch(c *codec) { d.fail(&typeError{c.typ}) }

func (d *decoder) setErr(c *codec, err error) {
	if err != nil {
		d.fail(&typeError{c.typ})
	}
}

// delegate reads the value with the type's own decoder (RawMessage,
// Date, Duration, ...) or encoding/json.
func (d *decoder) delegate(c *codec, p unsafe.Pointer) {
	raw := d.skip()
	if d.err != nil {
		return
	}
	switch c.kind {
	case kindRaw:
		*(*json.RawMessage)(p) = append(json.RawMessage(nil), raw...)
	case kindMethod:
		d.setErr(c, reflect.NewAt(c.typ, p).Interface().(json.Unmarshaler).UnmarshalJSON(raw))
	default:
		d.setErr(c, json.Unmarshal(raw, reflect.NewAt(c.typ, p).Interface()))
	}
}

// number reads an integer, an unsigned integer or a Double.
func (d *decoder) number(c *codec, p unsafe.Pointer, tok byte) {
	if tok == '"' && c.kind == kindDouble {
		s := d.text()
		switch s {
		case "NaN":
			*(*float64)(p) = math.NaN()
		case "INF", "Infinity":
			*(*float64)(p) = math.Inf(1)
		case "-INF", "-Infinity":
			*(*float64)(p) = math.Inf(-1)
		default:
			d.mismatch(c)
		}
		return
	}
	if tok != '-' && (tok < '0' || tok > '9') {
		d.mismatch(c)
		return
	}
	lit := d.reader.number()
	if d.err != nil {
		return
	}
	switch c.kind {
	case kindInt:
		n, err := strconv.ParseInt(unsafeString(lit), 10, c.bits)
		if err != nil {
			d.mismatch(c)
			return
		}
		c.value(p).SetInt(n) // any size: the parse checked the range
	case kindUint:
		n, err := strconv.ParseUint(unsafeString(lit), 10, c.bits)
		if err != nil {
			d.mismatch(c)
			return
		}
		c.value(p).SetUint(n)
	default:
		f, err := strconv.ParseFloat(unsafeString(lit), 64)
		if err != nil {
			d.mismatch(c)
			return
		}
		*(*float64)(p) = f
	}
}

// unsafeString views b as a string for a parse that does not keep it.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// bytes reads base64 into a []byte; url also accepts the URL-safe
// alphabet, padded or not (OData writes Edm.Binary as base64url), as an
// Opt[[]byte] property does.
func (d *decoder) bytes(c *codec, p unsafe.Pointer, tok byte, url bool) {
	if tok != '"' {
		d.mismatch(c)
		return
	}
	start := d.pos
	src, plain := d.str()
	if d.err != nil {
		return
	}
	if !plain {
		src = []byte(unquoteJSON(d.data[start:d.pos]))
	}
	b := make([]byte, base64.StdEncoding.DecodedLen(len(src)))
	n, err := base64.StdEncoding.Decode(b, src)
	if err != nil && url {
		enc := base64.URLEncoding
		if len(src)%4 != 0 {
			enc = base64.RawURLEncoding
		}
		b = make([]byte, enc.DecodedLen(len(src)))
		n, err = enc.Decode(b, src)
	}
	if err != nil {
		d.mismatch(c)
		return
	}
	*(*[]byte)(p) = b[:n]
}

// slice reads an array into a new slice.
func (d *decoder) slice(c *codec, p unsafe.Pointer) {
	if d.next() != '[' {
		d.mismatch(c)
		return
	}
	var h sliceHeader // [] is an empty slice, not nil
	h.data = unsafe.Pointer(&zeroArray)
	size := c.elem.typ.Size()
	if d.depth < presizeDepth {
		if n, bytes := arrayLen(d.data, d.pos); n > 0 && uintptr(n)*size <= maxPresizeRatio*uintptr(bytes) {
			h.cap, h.data = n, reflect.New(reflect.ArrayOf(n, c.elem.typ)).UnsafePointer()
		}
	}
	d.eachElement(func() {
		if h.len == h.cap { // grow as encoding/json does
			h.cap = max(4, h.len+h.len/2)
			grown := reflect.New(reflect.ArrayOf(h.cap, c.elem.typ)).UnsafePointer()
			if h.len > 0 {
				reflect.Copy(reflect.NewAt(reflect.ArrayOf(h.cap, c.elem.typ), grown).Elem(), c.value(unsafe.Pointer(&h)))
			}
			h.data = grown
		}
		h.len++
		d.push("")
		d.value(c.elem, unsafe.Add(h.data, uintptr(h.len-1)*size))
		d.pop()
	})
	if d.err == nil {
		*(*sliceHeader)(p) = h
	}
}

// presizeDepth is how deep an array is counted before its slice is made
// (a page's items, a collection answer): once, not on every level, so
// that nested arrays are not skimmed again and again.
const presizeDepth = 2

// maxPresizeRatio bounds the slice made up front to this many times the
// array's bytes: an array of numbers sent for a property of large objects
// fails at its first element, without a slice for all of them first. A
// page of users selected down to their id (50 bytes of JSON each, 1,096
// bytes of Go) is still sized once.
const maxPresizeRatio = 32

// sliceHeader is the layout of a Go slice, for building a slice of a type
// known only at run time without reflect.Value's allocations.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// zeroArray is where empty slices point.
var zeroArray [0]byte

// object reads a JSON object into a generated struct, a Page or a Value.
// Properties no field claims (matched exactly, not ignoring case as
// encoding/json would) are kept in AdditionalData, replacing what it
// held; a Page or Value has none and drops them.
func (d *decoder) object(c *codec, p unsafe.Pointer) {
	if d.next() != '{' {
		d.mismatch(c)
		return
	}
	o := c.obj
	var extra map[string]json.RawMessage
	d.eachMember(func(key []byte, plain bool) {
		i, known := o.byName[string(key)]
		if !plain {
			i, known = o.byName[keyName(key, plain)]
		}
		if known {
			f := &o.fields[i]
			d.push(f.name)
			d.value(f.c, unsafe.Add(p, f.off))
			d.pop()
			return
		}
		raw := d.skip()
		if d.err != nil || !o.hasExtra {
			return
		}
		if extra == nil {
			extra = map[string]json.RawMessage{}
		}
		extra[keyName(key, plain)] = append(json.RawMessage(nil), raw...)
	})
	if d.err != nil || !o.hasExtra {
		return
	}
	*(*map[string]json.RawMessage)(unsafe.Add(p, o.extra)) = extra
	if d.check && !d.invalid {
		d.checkObject(c, p, extra)
	}
}

// poly reads a polymorphic value: the struct type "@odata.type" names.
// When it is the first property (as Graph and its SDKs write it) the
// object is decoded once; otherwise its keys are skimmed for it first.
// The last "@odata.type" wins, as with encoding/json.
func (d *decoder) poly(c *codec, p unsafe.Pointer) {
	if d.next() != '{' {
		c.value(p).Field(0).Set(reflect.New(c.poly.base)) // locate then names the base type's kind
		d.mismatch(c)
		return
	}
	start := d.pos
	name, first := d.firstODataType()
	if !first {
		name = d.lastODataType()
	}
	if d.err != nil {
		return
	}
	t := c.poly.typeFor(name)
	d.polyObject(c, p, t, start)
	if d.err == nil && first {
		// A later "@odata.type" overrides the first one: decode again.
		if last := d.lastODataTypeIn(codecOf(t), c.value(p).Field(0).Elem().UnsafePointer()); c.poly.typeFor(last) != t {
			d.polyObject(c, p, c.poly.typeFor(last), start)
		}
	}
}

// polyObject decodes the object at start into a new t held by the wrapper
// at p. The wrapper holds it before the decode, so that even a failed
// decode tells which type was chosen (locate reads it).
func (d *decoder) polyObject(c *codec, p unsafe.Pointer, t reflect.Type, start int) {
	v := reflect.New(t)
	c.value(p).Field(0).Set(v)
	d.pos = start
	d.object(codecOf(t), v.UnsafePointer())
}

// firstODataType reads the object's first key, without moving: its
// string value when the key is "@odata.type".
func (d *decoder) firstODataType() (string, bool) {
	r := reader{data: d.data, pos: d.pos + 1}
	if r.next() != '"' {
		return "", false
	}
	key, plain := r.str()
	if r.err != nil || keyName(key, plain) != "@odata.type" || !r.expect(':') || r.next() != '"' {
		return "", false
	}
	s := r.stringValue()
	return s, r.err == nil
}

// lastODataType skims the object at the position for its last
// "@odata.type" string, without moving.
func (d *decoder) lastODataType() string {
	r := reader{data: d.data, pos: d.pos, depth: d.depth}
	name := ""
	r.eachMember(func(key []byte, plain bool) {
		if keyName(key, plain) == "@odata.type" && r.next() == '"' {
			name = r.stringValue()
			return
		}
		r.skip()
	})
	if r.err != nil {
		d.fail(r.err)
	}
	return name
}

// lastODataTypeIn is the "@odata.type" the struct at p holds after
// decoding.
func (d *decoder) lastODataTypeIn(c *codec, p unsafe.Pointer) string {
	if c.obj.odata < 0 {
		return ""
	}
	f := &c.obj.fields[c.obj.odata]
	if f.c.kind != kindOpt || f.c.elem.kind != kindString {
		return ""
	}
	v, _ := f.c.optAt(unsafe.Add(p, f.off))
	if v == nil {
		return ""
	}
	return *(*string)(v)
}

// push and pop keep the path of the value being read (a name, "" for an
// array element) when rules are checked.
func (d *decoder) push(name string) {
	if d.check {
		d.path = append(d.path, name)
	}
}

func (d *decoder) pop() {
	if d.check {
		d.path = d.path[:len(d.path)-1]
	}
}

// checkObject finds what validate rejects in a decoded struct: a missing
// or null required property, a read-only one that is sent, an unknown
// one (unless the type is open, or "@odata.type" names a type the
// decoder did not know).
func (d *decoder) checkObject(c *codec, p unsafe.Pointer, extra map[string]json.RawMessage) {
	o := c.obj
	for _, i := range o.checked {
		f := &o.fields[i]
		set, null := true, false
		if f.c.kind == kindOpt {
			v, n := f.c.optAt(unsafe.Add(p, f.off))
			set, null = v != nil, n
		}
		switch {
		case f.rules.required && !set:
			d.broken("required", f.name, "")
		case f.rules.readOnly && (set || null):
			d.broken("readonly", f.name, "")
		}
	}
	if len(extra) == 0 || o.open {
		return
	}
	if name := d.lastODataTypeIn(c, p); name != "" {
		name = strings.TrimPrefix(name, "#")
		if !strings.EqualFold(name[strings.LastIndexByte(name, '.')+1:], c.typ.Name()) {
			return // a derived type the decoder did not know: its properties are not unknown
		}
	}
	for k := range extra {
		if !strings.Contains(k, "@") {
			d.broken("unknown", k, "")
		}
	}
}

// broken records that a rule fails for the property name under the
// current path (name "" for the value being read), unless the docs'
// examples do the same.
func (d *decoder) broken(rule, name, value string) {
	if len(d.documented) == 0 {
		d.invalid = true
		return
	}
	path := ""
	for _, n := range d.path {
		if n != "" {
			path = joinPath(path, n)
		}
	}
	if name != "" {
		path = joinPath(path, name)
	}
	vd := validator{documented: d.documented}
	if !vd.allowed(rule, path, value) {
		d.invalid = true
	}
}
