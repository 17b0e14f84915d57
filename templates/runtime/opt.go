package runtime

import (
	"fmt"
	"io"
	"reflect"
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

// IsNull reports whether o is an explicit null.
func (o Opt[T]) IsNull() bool { return o.null }

// IsSet reports whether o holds a value.
func (o Opt[T]) IsSet() bool { return o.v != nil }

// An absent Opt is the zero Opt (!IsSet() && !IsNull()), which is what
// encoding/json's omitzero leaves out; there is no IsZero method, as
// each method costs a compile per property type.

// OptEqual reports whether a and b are both absent, both null, or both
// hold equal values: an Opt[time.Time] compares instants, any other T
// uses reflect.DeepEqual (so times nested in a struct compare by
// representation). It is a function, not a method: a method of Opt is
// compiled for every property type of the package, a function only for
// the types it is called with.
func OptEqual[T any](a, b Opt[T]) bool {
	if a.v == nil || b.v == nil {
		return a.v == nil && b.v == nil && a.null == b.null
	}
	return valuesEqual(*a.v, *b.v)
}

// Format makes fmt print the value with the verb and flags given
// (Printf("%q", Some("x")) prints "x" quoted), or "null" or "absent",
// instead of the pointer the Opt holds; fmt.Sprint(o) is o as a string.
// It hands formatOpt the pointer, not the value: boxing a *T is the same
// code for every T, while boxing a T was compiled per property type and
// cost the beta package's build about 150 MB.
func (o Opt[T]) Format(f fmt.State, verb rune) {
	formatOpt(f, verb, o.v, o.null)
}

// Every method of Opt is compiled once per property type of a doc set
// (about 1,700 shapes in the beta reference; a selection of ten endpoints
// has about 190), each once more as a pointer-receiver wrapper. So Opt
// has no String (fmt.Sprint(o) gives it), no IsZero and no Or (Get gives
// the value and whether it is set), Equal is the
// function OptEqual, and the runtime reads an Opt's state by reflection
// (optOf) instead of through methods.

func valuesEqual(x, y any) bool {
	if t, ok := x.(time.Time); ok {
		u, ok := y.(time.Time)
		return ok && t.Equal(u)
	}
	return reflect.DeepEqual(x, y)
}

// formatOpt prints the value p (a *T, nil when o is absent or null)
// points to.
func formatOpt(f fmt.State, verb rune, p any, null bool) {
	if v := reflect.ValueOf(p); !v.IsNil() {
		fmt.Fprintf(f, fmt.FormatString(f, verb), v.Elem().Interface())
		return
	}
	if null {
		io.WriteString(f, "null")
		return
	}
	io.WriteString(f, "absent")
}

// MarshalJSON writes null or the value. An absent Opt outside a struct
// field with omitzero also writes null.
func (o Opt[T]) MarshalJSON() ([]byte, error) { return encodeJSON(&o) }

// UnmarshalJSON reads null as Null and anything else as a value. An
// Opt[[]byte] takes base64 in either alphabet: OData JSON writes
// Edm.Binary as base64url, encoding/json reads the standard one; the value
// is written back in the standard alphabet, the same bytes.
func (o *Opt[T]) UnmarshalJSON(data []byte) error { return unmarshalJSON(data, o) }
