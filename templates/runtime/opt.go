package runtime

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"time"
)

// Opt is a tri-state optional value: absent, explicit null, or a value.
// Graph marks almost every property nullable, and a PATCH-style body must
// tell "leave it" (absent) from "clear it" (null), so a pointer is not
// enough. The value is held by pointer so that types may refer to
// themselves (item.parent is an item).
//
// The zero Opt is absent; with the `omitzero` tag option it is left out of
// the JSON, while Null() writes null.
//
// Opts do not compare with ==: the value sits behind a pointer, so
// Some("x") == Some("x") would compare two addresses and be false. The
// zero-size func array makes such a comparison (and == on a struct holding
// an Opt) a compile error; use Equal.
type Opt[T any] struct {
	_    [0]func()
	v    *T
	null bool
}

// Some returns an Opt holding v.
func Some[T any](v T) Opt[T] { return Opt[T]{v: &v} }

// Null returns an Opt that encodes as an explicit JSON null.
func Null[T any]() Opt[T] { return Opt[T]{null: true} }

// Get returns the value and whether there is one (false when absent or null).
func (o Opt[T]) Get() (T, bool) {
	if o.v == nil {
		var zero T
		return zero, false
	}
	return *o.v, true
}

// Or returns the value, or def when absent or null.
func (o Opt[T]) Or(def T) T {
	if o.v == nil {
		return def
	}
	return *o.v
}

// IsNull reports whether o is an explicit null.
func (o Opt[T]) IsNull() bool { return o.null }

// IsSet reports whether o holds a value.
func (o Opt[T]) IsSet() bool { return o.v != nil }

// IsZero reports whether o is absent; encoding/json's omitzero uses it.
func (o Opt[T]) IsZero() bool { return o.v == nil && !o.null }

// Equal reports whether o and p are both absent, both null, or both hold
// equal values: an Opt[time.Time] compares instants, any other T uses
// reflect.DeepEqual (so times nested in a struct compare by representation).
func (o Opt[T]) Equal(p Opt[T]) bool {
	x, xSet, xNull := o.optState()
	y, ySet, yNull := p.optState()
	return xSet == ySet && xNull == yNull && (!xSet || valuesEqual(x, y))
}

// Format makes fmt print the value with the verb and flags given
// (Printf("%q", Some("x")) prints "x" quoted), or "null" or "absent",
// instead of the pointer the Opt holds; fmt.Sprint(o) is o as a string.
func (o Opt[T]) Format(f fmt.State, verb rune) {
	x, set, null := o.optState()
	formatOpt(f, verb, x, set, null)
}

// Every method of Opt is compiled once per property type of a doc set
// (about 1,700 shapes in the beta reference): Equal and Format together
// cost the generated beta package 340 MB more to build (2.05 -> 2.39 GB,
// measured twice each), whatever their bodies. So Opt has no String
// (fmt.Sprint(o) gives it), and the bodies live in these plain functions.

func valuesEqual(x, y any) bool {
	if t, ok := x.(time.Time); ok {
		u, ok := y.(time.Time)
		return ok && t.Equal(u)
	}
	return reflect.DeepEqual(x, y)
}

func optString(x any, set, null bool) string {
	switch {
	case set:
		return fmt.Sprint(x)
	case null:
		return "null"
	}
	return "absent"
}

func formatOpt(f fmt.State, verb rune, x any, set, null bool) {
	if set {
		fmt.Fprintf(f, fmt.FormatString(f, verb), x)
		return
	}
	io.WriteString(f, optString(x, set, null))
}

// MarshalJSON writes null or the value. An absent Opt outside a struct
// field with omitzero also writes null.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	if o.v == nil {
		return []byte("null"), nil
	}
	if data, ok := encodeScalar(o.v); ok {
		return data, nil
	}
	return json.Marshal(*o.v)
}

// UnmarshalJSON reads null as Null and anything else as a value.
func (o *Opt[T]) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		*o = Opt[T]{null: true}
		return nil
	}
	v := new(T)
	if decodeScalar(data, v) {
		*o = Opt[T]{v: v}
		return nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		b, isBinary := any(v).(*[]byte)
		if !isBinary || !decodeBase64URL(data, b) {
			return err
		}
	}
	*o = Opt[T]{v: v}
	return nil
}

// decodeBase64URL decodes a JSON string in the URL-safe base64 alphabet,
// padded or not, into b. OData JSON writes Edm.Binary as base64url, while
// encoding/json only reads the standard alphabet; the value is written back
// in the standard alphabet, the same bytes.
func decodeBase64URL(data []byte, b *[]byte) bool {
	var s string
	if json.Unmarshal(data, &s) != nil {
		return false
	}
	enc := base64.URLEncoding
	if len(s)%4 != 0 {
		enc = base64.RawURLEncoding
	}
	out, err := enc.DecodeString(s)
	if err != nil {
		return false
	}
	*b = out
	return true
}

// encodeScalar encodes what p points to as json.Marshal does, for the
// common property types whose encoding is simple (a string of plain
// ASCII, a bool, an integer, a time), without encoding/json's reflection;
// ok is false for anything else.
func encodeScalar(p any) (data []byte, ok bool) {
	switch p := p.(type) {
	case *string:
		if !plainASCII(*p) {
			return nil, false
		}
		return append(append(append(make([]byte, 0, len(*p)+2), '"'), *p...), '"'), true
	case *bool:
		return strconv.AppendBool(nil, *p), true
	case *int32:
		return strconv.AppendInt(nil, int64(*p), 10), true
	case *int64:
		return strconv.AppendInt(nil, *p, 10), true
	case *time.Time:
		data, err := p.MarshalJSON() // what json.Marshal calls
		return data, err == nil
	case *[]string:
		if *p == nil {
			return []byte("null"), true
		}
		data := append(make([]byte, 0, 64), '[')
		for i, s := range *p {
			if !plainASCII(s) {
				return nil, false
			}
			if i > 0 {
				data = append(data, ',')
			}
			data = append(append(append(data, '"'), s...), '"')
		}
		return append(data, ']'), true
	}
	return nil, false
}

// decodeScalar decodes data into what p points to as json.Unmarshal
// does, for the cases encodeScalar writes (an escape-free ASCII string, a
// bool, an integer in plain form, a time); false leaves *p alone and
// means encoding/json must decide.
func decodeScalar(data []byte, p any) bool {
	switch p := p.(type) {
	case *string:
		n := len(data)
		if n < 2 || data[0] != '"' || data[n-1] != '"' || !plainString(data[1:n-1]) {
			return false
		}
		*p = string(data[1 : n-1])
		return true
	case *bool:
		switch string(data) {
		case "true", "false":
			*p = data[0] == 't'
			return true
		}
	case *int32:
		n, ok := plainInt(data, 32)
		*p = int32(n)
		return ok
	case *int64:
		n, ok := plainInt(data, 64)
		*p = n
		return ok
	case *time.Time:
		// time.Time's own decoder, which json.Unmarshal calls, accepts
		// only a quoted RFC 3339 string: valid JSON.
		return len(data) > 0 && data[0] == '"' && p.UnmarshalJSON(data) == nil
	case *[]string:
		return decodePlainStrings(data, p)
	}
	return false
}

// decodePlainStrings is decodeScalar for a JSON array of escape-free
// ASCII strings (whitespace allowed between the tokens).
func decodePlainStrings(data []byte, p *[]string) bool {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '[' {
		return false
	}
	out := []string{}
	for i = skipSpace(data, i+1); i < len(data) && data[i] != ']'; {
		if len(out) > 0 {
			if data[i] != ',' {
				return false
			}
			i = skipSpace(data, i+1)
		}
		if i >= len(data) || data[i] != '"' {
			return false
		}
		end := i + 1
		for end < len(data) && data[end] != '"' {
			end++
		}
		if end >= len(data) || !plainString(data[i+1:end]) {
			return false
		}
		out = append(out, string(data[i+1:end]))
		i = skipSpace(data, end+1)
	}
	if i >= len(data) || skipSpace(data, i+1) != len(data) {
		return false
	}
	*p = out
	return true
}

// plainASCII reports whether json.Marshal writes s between quotes as it
// is: printable ASCII without quote, backslash or the HTML characters it
// escapes.
func plainASCII(s string) bool {
	for i := range len(s) {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
	}
	return true
}

// plainString reports whether b, the inside of a JSON string, is
// printable ASCII without escapes or quotes, so that it is its own value.
func plainString(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// plainInt parses a JSON integer -?(0|[1-9][0-9]*) that fits bits; false
// for any other form or an overflow (json.Unmarshal then gives the error).
func plainInt(data []byte, bits int) (int64, bool) {
	digits := data
	if len(digits) > 0 && digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) == 0 || len(digits) > 1 && digits[0] == '0' {
		return 0, false
	}
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(string(data), 10, bits)
	return n, err == nil
}
