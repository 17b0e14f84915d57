package runtime

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"
)

// encoder writes a Go value as JSON into one buffer, driven by the codecs
// of codec.go, byte for byte as json.Marshal writes it (HTML characters
// escaped, omitzero properties left out, AdditionalData after the fields,
// sorted).
type encoder struct {
	buf []byte
	err error
}

// encodeJSON is json.Marshal for generated types and what their
// MarshalJSON methods call: v is a value or a pointer.
func encodeJSON(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return []byte("null"), nil
	}
	if rv.Kind() != reflect.Pointer {
		p := reflect.New(rv.Type())
		p.Elem().Set(rv)
		rv = p
	}
	if rv.IsNil() {
		return []byte("null"), nil
	}
	c := codecOf(rv.Type().Elem())
	e := encoder{buf: make([]byte, 0, max(64, c.sizeHint.Load()+64))}
	e.value(c, rv.UnsafePointer())
	if e.err != nil {
		return nil, e.err
	}
	c.sizeHint.Store(int64(len(e.buf)))
	return e.buf, nil
}

// value writes the c at p.
func (e *encoder) value(c *codec, p unsafe.Pointer) {
	switch c.kind {
	case kindOpt:
		v, _ := c.optAt(p)
		if v == nil {
			e.buf = append(e.buf, "null"...)
			return
		}
		e.value(c.elem, v)
	case kindObject:
		e.object(c, p, "")
	case kindPoly:
		e.poly(c, p)
	case kindSlice:
		e.slice(c, p)
	case kindString, kindMethod:
		e.buf = appendString(e.buf, *(*string)(p))
	case kindBool:
		e.buf = strconv.AppendBool(e.buf, *(*bool)(p))
	case kindInt:
		e.buf = strconv.AppendInt(e.buf, c.value(p).Int(), 10)
	case kindUint:
		e.buf = strconv.AppendUint(e.buf, c.value(p).Uint(), 10)
	case kindDouble:
		e.buf = appendDouble(e.buf, *(*float64)(p))
	case kindTime:
		e.time(*(*time.Time)(p))
	case kindBytes:
		b := *(*[]byte)(p)
		if b == nil {
			e.buf = append(e.buf, "null"...)
			return
		}
		e.buf = append(e.buf, '"')
		e.buf = base64.StdEncoding.AppendEncode(e.buf, b)
		e.buf = append(e.buf, '"')
	case kindRaw:
		raw := *(*json.RawMessage)(p)
		if raw == nil {
			raw = json.RawMessage("null")
		}
		e.raw(raw)
	default:
		data, err := json.Marshal(c.value(p).Interface())
		e.fail(err)
		e.buf = append(e.buf, data...)
	}
}

func (e *encoder) fail(err error) {
	if err != nil && e.err == nil {
		e.err = err
	}
}

// time writes t as time.Time's MarshalJSON does (RFC 3339, fraction kept).
func (e *encoder) time(t time.Time) {
	e.buf = append(e.buf, '"')
	var err error
	if e.buf, err = t.AppendText(e.buf); err != nil {
		e.fail(errors.New("Time.MarshalJSON: " + err.Error()))
	}
	e.buf = append(e.buf, '"')
}

// slice writes a slice; nil is null.
func (e *encoder) slice(c *codec, p unsafe.Pointer) {
	s := c.value(p)
	if s.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	e.buf = append(e.buf, '[')
	size := c.elem.typ.Size()
	for i := range s.Len() {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.value(c.elem, unsafe.Add(s.UnsafePointer(), uintptr(i)*size))
	}
	e.buf = append(e.buf, ']')
}

// object writes a generated struct: "@odata.type": typeName first when
// typeName is given and the struct sets no "@odata.type" itself, then the
// fields that are not left out, then the AdditionalData properties no
// field claims, sorted by name.
func (e *encoder) object(c *codec, p unsafe.Pointer, typeName string) {
	o := c.obj
	e.buf = append(e.buf, '{')
	first := true
	if typeName != "" && !o.setsODataType(p) {
		e.buf = append(e.buf, `"@odata.type":`...)
		e.buf = appendString(e.buf, typeName)
		first = false
	}
	for i := range o.fields {
		f := &o.fields[i]
		fp := unsafe.Add(p, f.off)
		if f.omit && f.isZero(fp) {
			continue
		}
		if !first {
			e.buf = append(e.buf, ',')
		}
		first = false
		e.buf = append(e.buf, f.key...)
		e.value(f.c, fp)
	}
	if extra := *(*map[string]json.RawMessage)(unsafe.Add(p, o.extra)); len(extra) > 0 {
		keys := make([]string, 0, len(extra))
		for k := range extra {
			if _, known := o.byName[k]; !known {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !first {
				e.buf = append(e.buf, ',')
			}
			first = false
			e.buf = append(appendString(e.buf, k), ':')
			val := extra[k]
			if len(bytes.TrimSpace(val)) == 0 {
				val = json.RawMessage("null")
			}
			e.raw(val)
		}
	}
	e.buf = append(e.buf, '}')
}

// isZero reports whether the field at p is left out by omitzero.
func (f *fieldPlan) isZero(p unsafe.Pointer) bool {
	if f.c.kind == kindOpt {
		v, null := f.c.optAt(p)
		return v == nil && !null
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

// poly writes the wrapper's value; a derived type gets its "@odata.type"
// when it sets none, so that the receiver decodes it as that type.
func (e *encoder) poly(c *codec, p unsafe.Pointer) {
	v := c.value(p).Field(0)
	if v.IsNil() {
		e.buf = append(e.buf, "null"...)
		return
	}
	v = v.Elem()
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			e.buf = append(e.buf, "null"...)
			return
		}
	} else { // a struct value: copied to be addressed
		ptr := reflect.New(v.Type())
		ptr.Elem().Set(v)
		v = ptr
	}
	t := v.Type().Elem()
	e.object(codecOf(t), v.UnsafePointer(), c.poly.names[t])
}

// raw writes a JSON value as given, compacted and with HTML characters
// escaped, as json.Marshal writes a json.RawMessage.
func (e *encoder) raw(raw []byte) {
	if !validJSON(raw) {
		e.fail(&json.MarshalerError{Type: rawMessageType, Err: errors.New("invalid JSON")})
		return
	}
	if bytes.IndexAny(raw, " \t\r\n<>&\u2028\u2029") < 0 {
		e.buf = append(e.buf, raw...)
		return
	}
	var compact, escaped bytes.Buffer
	json.Compact(&compact, raw) // valid: checked above
	json.HTMLEscape(&escaped, compact.Bytes())
	e.buf = append(e.buf, escaped.Bytes()...)
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

// appendString writes s quoted as json.Marshal does: HTML characters,
// U+2028 and U+2029 escaped, invalid UTF-8 replaced.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
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
