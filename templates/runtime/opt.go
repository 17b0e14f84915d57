package runtime

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
)

// Opt is a tri-state optional value: absent, explicit null, or a value.
// Graph marks almost every property nullable, and a PATCH-style body must
// tell "leave it" (absent) from "clear it" (null), so a pointer is not
// enough. The value is held by pointer so that types may refer to
// themselves (item.parent is an item).
//
// The zero Opt is absent; with the `omitzero` tag option it is left out of
// the JSON, while Null() writes null.
type Opt[T any] struct {
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
