package runtime

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"
)

// encoder writes a Go value as JSON, driven by the codecs of codec.go,
// byte for byte as json.Marshal writes it (HTML characters escaped,
// omitzero properties left out, AdditionalData after the fields, sorted).
// The buffer goes from call to call as an argument and a result, not as a
// field: a slice written through a pointer costs a write barrier at every
// append while the collector runs.
type encoder struct {
	err error
}

// encodeJSON is json.Marshal for generated types and what their
// MarshalJSON methods call: v is a value or a pointer.
func encodeJSON(v any) ([]byte, error) { return appendJSON(nil, v) }

// appendJSON appends the encoding of v (a value or a pointer) to buf,
// first making room for the length of the type's last encoding.
func appendJSON(buf []byte, v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return append(buf, "null"...), nil
	}
	if rv.Kind() != reflect.Pointer {
		p := reflect.New(rv.Type())
		p.Elem().Set(rv)
		rv = p
	}
	if rv.IsNil() {
		return append(buf, "null"...), nil
	}
	c := codecOf(rv.Type().Elem())
	start := len(buf)
	var e encoder
	out := e.value(slices.Grow(buf, int(max(64, c.sizeHint.Load()+64))), c, rv.UnsafePointer())
	if e.err != nil {
		return buf, e.err
	}
	c.sizeHint.Store(int64(len(out) - start))
	return out, nil
}

// answerBuffers holds the handler's encoding buffers (*[]byte) between
// answers: an answer is written, and its buffer free, before the handler
// returns, so a large answer (a page of items) costs no new buffer to
// zero and collect. A buffer grown past maxPooledBuffer is dropped.
var answerBuffers = sync.Pool{New: func() any { return new([]byte) }}

const maxPooledBuffer = 1 << 20

// value appends the c at p to b.
func (e *encoder) value(b []byte, c *codec, p unsafe.Pointer) []byte {
	switch c.kind {
	case kindOpt, kindPointer:
		v := c.target(p)
		if v == nil {
			return append(b, "null"...)
		}
		return e.value(b, c.elem, v)
	case kindObject:
		return e.object(b, c, p, "")
	case kindPoly:
		return e.poly(b, c, p)
	case kindSlice:
		return e.slice(b, c, p)
	case kindString, kindMethod:
		return appendString(b, *(*string)(p))
	case kindBool:
		return strconv.AppendBool(b, *(*bool)(p))
	case kindInt:
		return strconv.AppendInt(b, c.value(p).Int(), 10)
	case kindUint:
		return strconv.AppendUint(b, c.value(p).Uint(), 10)
	case kindDouble:
		return appendDouble(b, *(*float64)(p))
	case kindTime:
		return e.time(b, *(*time.Time)(p))
	case kindBytes:
		raw := *(*[]byte)(p)
		if raw == nil {
			return append(b, "null"...)
		}
		b = append(b, '"')
		b = base64.StdEncoding.AppendEncode(b, raw)
		return append(b, '"')
	case kindRaw:
		raw := *(*json.RawMessage)(p)
		if raw == nil {
			raw = json.RawMessage("null")
		}
		return e.raw(b, raw)
	}
	data, err := json.Marshal(c.value(p).Interface())
	e.fail(err)
	return append(b, data...)
}

func (e *encoder) fail(err error) {
	if err != nil && e.err == nil {
		e.err = err
	}
}

// time appends t as time.Time's MarshalJSON writes it (RFC 3339, fraction
// kept).
func (e *encoder) time(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b, err := t.AppendText(b)
	if err != nil {
		e.fail(errors.New("Time.MarshalJSON: " + err.Error()))
	}
	return append(b, '"')
}

// slice appends a slice; nil is null.
func (e *encoder) slice(b []byte, c *codec, p unsafe.Pointer) []byte {
	h := (*sliceHeader)(p)
	if h.data == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	size := c.elem.typ.Size()
	for i := range h.len {
		if i > 0 {
			b = append(b, ',')
		}
		b = e.value(b, c.elem, unsafe.Add(h.data, uintptr(i)*size))
	}
	return append(b, ']')
}

// object appends a generated struct: "@odata.type": typeName first when
// typeName is given and the struct sets no "@odata.type" itself, then the
// fields that are not left out, then the AdditionalData properties no
// field claims, sorted by name.
func (e *encoder) object(b []byte, c *codec, p unsafe.Pointer, typeName string) []byte {
	o := c.obj
	b = append(b, '{')
	first := true
	if typeName != "" && !o.setsODataType(p) {
		b = append(b, `"@odata.type":`...)
		b = appendString(b, typeName)
		first = false
	}
	for i := range o.fields {
		f := &o.fields[i]
		fp := unsafe.Add(p, f.off)
		if f.omit && f.c.kind == kindOpt { // most properties of most objects are absent Opts: checked inline
			if *(*unsafe.Pointer)(unsafe.Add(fp, f.c.optValue)) == nil && !*(*bool)(unsafe.Add(fp, f.c.optNull)) {
				continue
			}
		} else if f.omit && f.isZero(fp) {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, f.key...)
		b = e.value(b, f.c, fp)
	}
	if o.hasExtra {
		b = e.extra(b, o, *(*map[string]json.RawMessage)(unsafe.Add(p, o.extra)), first)
	}
	return append(b, '}')
}

// extra appends the AdditionalData properties no field claims, sorted by
// name; first tells that nothing was written before them.
func (e *encoder) extra(b []byte, o *objectPlan, extra map[string]json.RawMessage, first bool) []byte {
	if len(extra) == 0 {
		return b
	}
	keys := make([]string, 0, len(extra))
	for k := range extra {
		if _, known := o.byName[k]; !known {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(appendString(b, k), ':')
		val := extra[k]
		if len(bytes.TrimSpace(val)) == 0 {
			val = json.RawMessage("null")
		}
		b = e.raw(b, val)
	}
	return b
}

// isZero reports whether the field at p is left out by omitzero (or by
// omitempty, the same for the strings and pointers that Page and Value
// tag so).
func (f *fieldPlan) isZero(p unsafe.Pointer) bool {
	switch f.c.kind {
	case kindOpt:
		v, null := f.c.optAt(p)
		return v == nil && !null
	case kindPointer:
		return *(*unsafe.Pointer)(p) == nil
	case kindString:
		return *(*string)(p) == ""
	}
	return f.c.value(p).IsZero()
}

// setsODataType reports whether the struct at p has its "@odata.type"
// field set or null.
func (o *objectPlan) setsODataType(p unsafe.Pointer) bool {
	if o.odata < 0 {
		return false
	}
	f := &o.fields[o.odata]
	return !f.isZero(unsafe.Add(p, f.off))
}

// poly appends the wrapper's value; a derived type gets its "@odata.type"
// when it sets none, so that the receiver decodes it as that type.
func (e *encoder) poly(b []byte, c *codec, p unsafe.Pointer) []byte {
	v := c.value(p).Field(0)
	if v.IsNil() {
		return append(b, "null"...)
	}
	v = v.Elem()
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return append(b, "null"...)
		}
	} else { // a struct value: copied to be addressed
		ptr := reflect.New(v.Type())
		ptr.Elem().Set(v)
		v = ptr
	}
	t := v.Type().Elem()
	return e.object(b, codecOf(t), v.UnsafePointer(), c.poly.names[t])
}

// raw appends a JSON value as given, compacted and with HTML characters
// escaped, as json.Marshal writes a json.RawMessage.
func (e *encoder) raw(b, raw []byte) []byte {
	if !validJSON(raw) {
		e.fail(&json.MarshalerError{Type: rawMessageType, Err: errors.New("invalid JSON")})
		return b
	}
	if bytes.IndexAny(raw, " \t\r\n<>&\u2028\u2029") < 0 {
		return append(b, raw...)
	}
	var compact, escaped bytes.Buffer
	json.Compact(&compact, raw) // valid: checked above
	json.HTMLEscape(&escaped, compact.Bytes())
	return append(b, escaped.Bytes()...)
}

// appendDouble writes f as encoding/json writes a float64, or OData's
// "NaN", "INF", "-INF".
func appendDouble(b []byte, f float64) []byte {
	switch {
	case math.IsNaN(f):
		return append(b, `"NaN"`...)
	case math.IsInf(f, 1):
		return append(b, `"INF"`...)
	case math.IsInf(f, -1):
		return append(b, `"-INF"`...)
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' { // e-09 -> e-9, as encoding/json
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// plainASCII tells the ASCII bytes json.Marshal writes as they are: not a
// control character, a quote, a backslash or an HTML character.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendString writes s quoted as json.Marshal does: HTML characters,
// U+2028 and U+2029 escaped, invalid UTF-8 replaced.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if plainASCII[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(append(b, s[start:i]...), `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(b, s[start:]...), '"')
}
