package runtime

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
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
// equal values: by T's own Equal method when it has one (time.Time: the
// same instant), else by reflect.DeepEqual.
func (o Opt[T]) Equal(p Opt[T]) bool {
	if o.v == nil || p.v == nil {
		return o.v == nil && p.v == nil && o.null == p.null
	}
	if eq, ok := any(*o.v).(interface{ Equal(T) bool }); ok {
		return eq.Equal(*p.v)
	}
	return reflect.DeepEqual(*o.v, *p.v)
}

// String returns the value as fmt prints it, "null" or "absent".
func (o Opt[T]) String() string {
	switch {
	case o.v != nil:
		return fmt.Sprint(*o.v)
	case o.null:
		return "null"
	}
	return "absent"
}

// Format makes fmt print the value with the verb and flags given
// (Printf("%q", Some("x")) prints "x" quoted), or "null" or "absent",
// instead of the pointer the Opt holds.
func (o Opt[T]) Format(f fmt.State, verb rune) {
	if o.v != nil {
		fmt.Fprintf(f, fmt.FormatString(f, verb), *o.v)
		return
	}
	io.WriteString(f, o.String())
}

// MarshalJSON writes null or the value. An absent Opt outside a struct
// field with omitzero also writes null.
func (o Opt[T]) MarshalJSON() ([]byte, error) {
	if o.v == nil {
		return []byte("null"), nil
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
