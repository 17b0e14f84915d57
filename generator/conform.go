package generator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"time"

	"github.com/docs2go/docs2go/parser/ir"
)

// conforms reports why the example body data would not round-trip through
// ref's Go type, or nil when it would. It mirrors what the generated test
// does (decode, encode, compare as JSON values) without compiling
// anything: structure is walked here, and primitives are decoded into the
// same Go types the output uses. A body that fails here gets a warning and
// no golden test, never a failing test.
func (g *gen) conforms(data []byte, ref ir.TypeRef) error {
	v, err := decodeJSON(data)
	if err != nil {
		return fmt.Errorf("invalid JSON: %v", err)
	}
	if v == nil {
		return fmt.Errorf("body is null")
	}
	return g.conformValue(v, ref, "$", 0)
}

// decodeJSON decodes exactly one JSON value, numbers as json.Number.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("unexpected data after the JSON value")
	}
	return v, nil
}

// maxDepth bounds recursion on deeply nested examples.
const maxDepth = 64

// conformValue checks a non-null value against ref at path.
func (g *gen) conformValue(v any, ref ir.TypeRef, path string, depth int) error {
	if depth > maxDepth {
		return fmt.Errorf("%s: nested deeper than %d", path, maxDepth)
	}
	k, p, ti, _ := g.resolve(ref)
	if ref.Collection {
		arr, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: got %s, want an array", path, jsonKind(v))
		}
		elem := ref
		elem.Collection = false
		for i, x := range arr {
			at := fmt.Sprintf("%s[%d]", path, i)
			if x == nil {
				if k != kindRaw {
					return fmt.Errorf("%s: null element would not survive decoding", at)
				}
				continue
			}
			if err := g.conformValue(x, elem, at, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	switch k {
	case kindRaw:
		return nil
	case kindEnum:
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: got %s, want an enum member string", path, jsonKind(v))
		}
		return nil
	case kindPrimitive:
		return conformPrimitive(v, ref.Name, p, path)
	}
	return g.conformObject(v, ti, path, depth)
}

// conformObject checks an object against a struct's fields. Keys the
// struct does not list are fine: AdditionalData keeps them.
func (g *gen) conformObject(v any, ti *typeInfo, path string, depth int) error {
	obj, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: got %s, want an object (%s)", path, jsonKind(v), ti.t.QualifiedName())
	}
	fields := map[string]ir.TypeRef{}
	for _, f := range ti.fields {
		fields[f.prop.Name] = f.prop.Type
	}
	if ti.odata {
		fields["@odata.type"] = ir.TypeRef{Name: "String", Primitive: true}
	}
	for key, x := range obj {
		ref, ok := fields[key]
		if !ok || x == nil {
			continue // extra property, or an explicit null (Opt keeps it)
		}
		if err := g.conformValue(x, ref, path+"."+key, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// conformPrimitive decodes v into the primitive's Go type, encodes it
// again and compares, as the generated test will.
func conformPrimitive(v any, name string, p primitive, path string) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	dst := p.sample()
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("%s: %s does not decode as %s: %v", path, raw, name, err)
	}
	out, err := json.Marshal(dst)
	if err != nil {
		return fmt.Errorf("%s: %s: %v", path, name, err)
	}
	back, err := decodeJSON(out)
	if err != nil || !sameJSON(v, back) {
		return fmt.Errorf("%s: %s re-encodes as %s (%s does not keep it)", path, raw, out, name)
	}
	return nil
}

// sameJSON compares two decoded scalars as the generated tests' options
// do: numbers numerically, date-time strings as instants.
func sameJSON(a, b any) bool {
	switch a := a.(type) {
	case json.Number:
		b, ok := b.(json.Number)
		if !ok {
			return false
		}
		x, okx := new(big.Float).SetString(string(a))
		y, oky := new(big.Float).SetString(string(b))
		return okx && oky && x.Cmp(y) == 0
	case string:
		b, ok := b.(string)
		if !ok {
			return false
		}
		if a == b {
			return true
		}
		ta, ea := time.Parse(time.RFC3339Nano, a)
		tb, eb := time.Parse(time.RFC3339Nano, b)
		return ea == nil && eb == nil && ta.Equal(tb)
	}
	return reflect.DeepEqual(a, b)
}

// jsonKind names the JSON kind of a decoded value.
func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return strings.TrimPrefix(fmt.Sprintf("%T", v), "*")
}
