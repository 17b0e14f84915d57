package runtime

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
)

// knownNames caches, per struct type, the JSON names its fields carry.
var knownNames sync.Map // reflect.Type -> map[string]bool

// jsonNames returns the set of JSON names of t's exported fields.
func jsonNames(t reflect.Type) map[string]bool {
	if v, ok := knownNames.Load(t); ok {
		return v.(map[string]bool)
	}
	names := map[string]bool{}
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		if !f.IsExported() || tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if name == "" {
			name = f.Name
		}
		names[name] = true
	}
	v, _ := knownNames.LoadOrStore(t, names)
	return v.(map[string]bool)
}

// marshalObject encodes v, a struct without JSON methods, and appends the
// extra properties whose names no field claims, sorted by name. Generated
// MarshalJSON methods call it with their "plain" twin type, so the
// reflection-based code lives once instead of once per type.
func marshalObject(v any, extra map[string]json.RawMessage) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return data, err
	}
	known := jsonNames(reflect.TypeOf(v))
	keys := make([]string, 0, len(extra))
	for k := range extra {
		if !known[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.Write(data[:len(data)-1]) // drop the closing brace
	empty := len(data) == 2
	for _, k := range keys {
		name, err := json.Marshal(k)
		if err != nil {
			return nil, err
		}
		val := extra[k]
		if len(bytes.TrimSpace(val)) == 0 {
			val = json.RawMessage("null")
		}
		if !empty {
			b.WriteByte(',')
		}
		empty = false
		b.Write(name)
		b.WriteByte(':')
		if err := json.Compact(&b, val); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// unmarshalObject decodes data into v (a pointer to a struct without JSON
// methods) and keeps every property that no field claims in *extra, so
// properties the docs do not list survive a round trip (the docs lag the
// live API). A JSON null leaves v unchanged.
//
// encoding/json matches field names case-insensitively; an unknown key that
// differs from a field only in case would be decoded twice, so in that case
// the fields are decoded from the exactly-named properties only.
func unmarshalObject(data []byte, v any, extra *map[string]json.RawMessage) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return nil
	}
	known := jsonNames(reflect.TypeOf(v).Elem())
	var rest map[string]json.RawMessage
	folded := false
	scanned := scanObject(data, func(key, val []byte) {
		if known[string(key)] {
			return
		}
		if rest == nil {
			rest = map[string]json.RawMessage{}
		}
		k := string(key)
		rest[k] = bytes.Clone(val) // data is the caller's buffer
		folded = folded || foldsToKnown(k, known)
	})
	if !scanned || folded {
		return unmarshalExact(data, v, extra, known)
	}
	err := json.Unmarshal(data, v)
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return err // as unmarshalExact, which reads the properties first
	}
	*extra = rest
	return err
}

// unmarshalExact is unmarshalObject through a map of the properties: for
// keys with escapes, for data scanObject does not take, and when an
// unknown key equals a field's name but for case.
func unmarshalExact(data []byte, v any, extra *map[string]json.RawMessage, known map[string]bool) error {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		return err
	}
	var rest map[string]json.RawMessage
	folded := false
	for k, raw := range all {
		if known[k] {
			continue
		}
		if rest == nil {
			rest = map[string]json.RawMessage{}
		}
		rest[k] = raw
		folded = folded || foldsToKnown(k, known)
	}
	*extra = rest
	if !folded {
		return json.Unmarshal(data, v)
	}
	for k := range rest {
		delete(all, k)
	}
	exact, err := json.Marshal(all)
	if err != nil {
		return err
	}
	return json.Unmarshal(exact, v)
}

// scanObject calls member with each key (without its quotes) and value of
// the JSON object data, in order, without decoding them. It takes the
// common case only: a well-formed object whose keys have no escapes; false
// means it did not (member may have been called), and the caller decodes
// the slow way, which also reports any syntax error.
func scanObject(data []byte, member func(key, val []byte)) bool {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return skipSpace(data, i+1) == len(data)
	}
	for i < len(data) && data[i] == '"' {
		end := i + 1
		for end < len(data) && data[end] != '"' && data[end] != '\\' {
			end++
		}
		if end >= len(data) || data[end] != '"' {
			return false
		}
		key := data[i+1 : end]
		i = skipSpace(data, end+1)
		if i >= len(data) || data[i] != ':' {
			return false
		}
		i = skipSpace(data, i+1)
		vend := skipValue(data, i)
		if vend <= i {
			return false
		}
		member(key, data[i:vend])
		i = skipSpace(data, vend)
		switch {
		case i < len(data) && data[i] == ',':
			i = skipSpace(data, i+1)
		case i < len(data) && data[i] == '}':
			return skipSpace(data, i+1) == len(data)
		default:
			return false
		}
	}
	return false
}

// skipSpace returns the index of the first byte at or after i that is
// not JSON whitespace.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the end of the JSON value starting at i, or i when
// there is none. It matches brackets and skips strings; it does not check
// what it skips (the decode that follows does).
func skipValue(data []byte, i int) int {
	depth := 0
	for j := i; j < len(data); j++ {
		c := data[j]
		switch c {
		case '"':
			j++
			for j < len(data) && data[j] != '"' {
				if data[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(data) {
				return i
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth < 0 {
				return j
			}
		case ',', ' ', '\t', '\n', '\r':
			if depth == 0 {
				return j
			}
		}
		if depth == 0 && (c == '"' || c == '}' || c == ']') {
			return j + 1
		}
	}
	if depth == 0 {
		return len(data)
	}
	return i
}

// foldsToKnown reports whether k equals a known name ignoring case.
func foldsToKnown(k string, known map[string]bool) bool {
	for name := range known {
		if strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

// validEnum reports whether e is one of values; for flags enums every
// comma-separated part must be.
func validEnum[E ~string](e E, values []E, flags bool) bool {
	if !flags {
		return slices.Contains(values, e)
	}
	for part := range strings.SplitSeq(string(e), ",") {
		if !slices.Contains(values, E(strings.TrimSpace(part))) {
			return false
		}
	}
	return true
}

// odataType returns what a JSON object's "@odata.type" names, lower-cased
// and without the leading "#" ("#microsoft.graph.androidLobApp" →
// "microsoft.graph.androidlobapp"), "" when it names nothing; null reports
// a JSON null. Polymorphic wrappers switch on it to pick the derived type.
func odataType(data []byte) (name string, null bool) {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		return "", true
	}
	var all map[string]json.RawMessage // exact key match, unlike a struct field
	if json.Unmarshal(data, &all) != nil {
		return "", false
	}
	var s string
	if json.Unmarshal(all["@odata.type"], &s) != nil {
		return "", false
	}
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "#")), false
}

// marshalWithType encodes v, a generated struct or a pointer to one, and
// writes "@odata.type": name first unless v sets its "@odata.type" field
// (to a value or null) or name is "". Polymorphic wrappers call it with
// the name of a derived type, so that a value built in Go (without
// ODataType) is decoded as the same type by the receiver instead of as
// the base type, whose validation calls the derived properties unknown.
func marshalWithType(v any, name string) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil || name == "" || len(data) < 2 || data[0] != '{' || setsODataType(v) {
		return data, err
	}
	tag, err := json.Marshal(name)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(data)+len(tag)+16)
	out = append(append(append(out, `{"@odata.type":`...), tag...), data[1:]...)
	if len(data) > 2 {
		out = slices.Insert(out, len(`{"@odata.type":`)+len(tag), ',')
	}
	return out, nil
}

// setsODataType reports whether the struct v (or *v) has an "@odata.type"
// field that is set or null.
func setsODataType(v any) bool {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return false
		}
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Struct {
		return false
	}
	o := odataTypeField(rv, fieldsOf(rv.Type()))
	if o == nil {
		return false
	}
	_, set, null := o.optState()
	return set || null
}
