package runtime

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// fuzzItem has the shape of a generated type, with a property of every
// kind the decoder reads natively, and itself nested.
type fuzzItem struct {
	Name    Opt[string]          `json:"name,omitzero"`
	Count   Opt[int32]           `json:"count,omitzero"`
	Size    Opt[int64]           `json:"size,omitzero"`
	Small   Opt[int8]            `json:"small,omitzero"`
	Byte    Opt[uint8]           `json:"byte,omitzero"`
	On      Opt[bool]            `json:"on,omitzero"`
	Ratio   Opt[Double]          `json:"ratio,omitzero"`
	At      Opt[time.Time]       `json:"at,omitzero"`
	Day     Opt[Date]            `json:"day,omitzero"`
	Kind    Opt[widgetKind]      `json:"kind,omitzero"`
	Data    Opt[[]byte]          `json:"data,omitzero"`
	Tags    Opt[[]string]        `json:"tags,omitzero"`
	Raw     Opt[json.RawMessage] `json:"raw,omitzero"`
	Child   Opt[fuzzItem]        `json:"child,omitzero"`
	Items   Opt[[]fuzzItem]      `json:"items,omitzero"`
	ODataTy Opt[string]          `json:"@odata.type,omitzero"`
	// AdditionalData as generated types name it: the codec looks for it.
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m fuzzItem) MarshalJSON() ([]byte, error)     { return encodeJSON(&m) }
func (m *fuzzItem) UnmarshalJSON(data []byte) error { return unmarshalJSON(data, m) }

// FuzzDecodeMatchesEncodingJSON decodes random bodies with the one-pass
// decoder into a generated-style type and, property by property, with
// encoding/json into the same Go types (the reference reads the object
// as a map of raw values, exact keys, the last duplicate winning, then
// each known property with json.Unmarshal into the property's type; an
// Opt[[]byte] also takes base64url). Both must accept the same bodies and
// read the same values; what the decoder reads must encode and decode
// back to itself.
func FuzzDecodeMatchesEncodingJSON(f *testing.F) {
	for _, s := range []string{
		`{"name":"a","count":1,"size":-9007199254740993,"on":true,"ratio":"NaN","at":"2017-01-01T00:00:44.0416421+03:00"}`,
		`{"day":"2020-02-29","kind":"small","data":"dmFsdWU=","tags":["a","b\u00e9"],"raw":{"x":[1,2]}}`,
		`{"child":{"name":"c","child":null},"items":[{"count":2},{}],"@odata.type":"#x.y","z":1}`,
		`{"data":"_-8","small":-128,"byte":255,"ratio":1e308,"name":"<&>\u2028"}`,
		`{"count":2147483648}`, `{"byte":-1}`, `{"at":"2017-01-01"}`, `{"day":"2020-13-01"}`, `{"tags":[1]}`,
		`{"name":1}`, `{"x":1,"x":2,"name":"n","name":null}`, `{"\u006eame":"escaped"}`, `[]`, `null`, `{"a":}`,
		`{"items":[{"child":{"child":{"tags":[]}}}]}`, `{"ratio":"INF","on":false,"raw":null}`, ` {"name" : "s" } `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got fuzzItem
		err := unmarshalJSON(data, &got)
		want, wantErr := referenceDecode(data)
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("%q: decoder error %v, encoding/json %v", data, err, wantErr)
		}
		if err != nil {
			return
		}
		if !reflect.DeepEqual(canonical(&got), canonical(want)) {
			t.Fatalf("%q:\ndecoder       %#v\nencoding/json %#v", data, canonical(&got), canonical(want))
		}
		out, err := encodeJSON(&got)
		if err != nil || !json.Valid(out) {
			t.Fatalf("%q: encode: %s, %v", data, out, err)
		}
		var back fuzzItem
		if err := unmarshalJSON(out, &back); err != nil || !reflect.DeepEqual(canonical(&back), canonical(&got)) {
			t.Fatalf("%q: encoded %s, decoded back %#v (%v)", data, out, canonical(&back), err)
		}
	})
}

// referenceDecode reads data into a fuzzItem with encoding/json, one
// property at a time.
func referenceDecode(data []byte) (*fuzzItem, error) {
	v := new(fuzzItem)
	if !json.Valid(data) {
		return nil, json.Unmarshal(data, new(any))
	}
	if string(bytes.TrimSpace(data)) == "null" {
		return v, nil
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		return nil, err
	}
	fields := reflect.ValueOf(v).Elem()
	for k, raw := range all {
		i := fieldIndex(k)
		if i < 0 {
			if v.AdditionalData == nil {
				v.AdditionalData = map[string]json.RawMessage{}
			}
			v.AdditionalData[k] = raw
			continue
		}
		if err := referenceProperty(raw, fields.Field(i)); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// referenceProperty reads raw into the Opt field with encoding/json.
func referenceProperty(raw []byte, field reflect.Value) error {
	if string(raw) == "null" {
		return setOptValue(field, reflect.Value{})
	}
	elem, _ := optElem(field.Type())
	x := reflect.New(elem)
	var err error
	switch elem {
	case reflect.TypeFor[fuzzItem]():
		var sub *fuzzItem
		sub, err = referenceDecode(raw)
		if err == nil {
			x = reflect.ValueOf(sub)
		}
	case reflect.TypeFor[[]fuzzItem]():
		var items []json.RawMessage
		if err = json.Unmarshal(raw, &items); err == nil {
			list := []fuzzItem{}
			for _, r := range items {
				sub, e := referenceDecode(r)
				if e != nil {
					return e
				}
				list = append(list, *sub)
			}
			x.Elem().Set(reflect.ValueOf(list))
		}
	case reflect.TypeFor[[]byte]():
		if err = json.Unmarshal(raw, x.Interface()); err != nil {
			var s string
			if json.Unmarshal(raw, &s) == nil {
				enc := base64.URLEncoding
				if len(s)%4 != 0 {
					enc = base64.RawURLEncoding
				}
				var b []byte
				if b, err = enc.DecodeString(s); err == nil {
					x.Elem().SetBytes(b)
				}
			}
		}
	default:
		err = json.Unmarshal(raw, x.Interface())
	}
	if err != nil {
		return err
	}
	return setOptValue(field, x.Elem())
}

// setOptValue sets the Opt field to val, or to null when val is invalid.
func setOptValue(field reflect.Value, val reflect.Value) error {
	c := codecOf(field.Type())
	p := field.Addr().UnsafePointer()
	if !val.IsValid() {
		c.setOpt(p, nil, true)
		return nil
	}
	x := reflect.New(val.Type())
	x.Elem().Set(val)
	c.setOpt(p, x.UnsafePointer(), false)
	return nil
}

func fieldIndex(name string) int {
	t := reflect.TypeFor[fuzzItem]()
	for i := range t.NumField() {
		if tag := t.Field(i).Tag.Get("json"); tag != "-" && tag[:len(tag)-len(",omitzero")] == name {
			return i
		}
	}
	return -1
}

// canonical is v as plain Go values: absent properties left out, null as
// nil, times as their text (the decoders read the same text), NaN as a
// string (it equals nothing), raw JSON as its value.
func canonical(v *fuzzItem) map[string]any {
	out := map[string]any{}
	rv := reflect.ValueOf(v).Elem()
	for i := range rv.NumField() {
		name := rv.Type().Field(i).Name
		if !isOpt(rv.Field(i).Type()) {
			if m := rv.Field(i).Interface().(map[string]json.RawMessage); len(m) > 0 {
				vals := map[string]any{}
				for k, raw := range m {
					vals[k] = canonicalValue(raw)
				}
				out[name] = vals
			}
			continue
		}
		x, set, null := optOf(rv.Field(i))
		switch {
		case null:
			out[name] = nil
		case set:
			out[name] = canonicalValue(x.Interface())
		}
	}
	return out
}

func canonicalValue(x any) any {
	switch x := x.(type) {
	case fuzzItem:
		return canonical(&x)
	case []fuzzItem:
		list := []any{}
		for i := range x {
			list = append(list, canonical(&x[i]))
		}
		return list
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case Double:
		if x != x {
			return "NaN"
		}
	case json.RawMessage: // compared as values: the encoder compacts and escapes
		var v any
		json.Unmarshal(x, &v)
		return v
	}
	return x
}

// FuzzHandlerDecodeMatchesTwoPass checks the handler's one-pass decode and
// check against the two passes it replaces (syntax, encoding/json's
// decode with the failing property located, then validate's walk over
// the decoded value): the same bodies refused with the same message, on
// a type with rules, enums and documented exemptions, a polymorphic one
// and an open one.
func FuzzHandlerDecodeMatchesTwoPass(f *testing.F) {
	for _, s := range []string{
		`{"name":"a"}`, `{"id":"x","name":"a","kind":"legacy"}`, `{"name":"a","kind":"bogus"}`, `{"kind":"small"}`,
		`{"name":null}`, `{"name":"a","part":{"value":"AA==","legacyLabel":1}}`, `{"name":"a","part":{"value":"AA==","x":1}}`,
		`{"name":"a","parts":[{"label":"l"}]}`, `{"name":"a","kinds":["small","huge"]}`, `{"name":"a","count":"1"}`,
		`{"name":"a","@odata.type":"#microsoft.graph.special","special":1}`, `{"name":"a","x@odata.bind":"y"}`,
		`{"one":{"@odata.type":"#microsoft.graph.roundGadget","name":"a","radius":1}}`, `{"many":[{"radius":1},null]}`,
		`{"many":[{"name":"b","@odata.type":"#microsoft.graph.roundGadget"}]}`, `{"name":"a","manager":{"x":1},"y":2}`,
		`{"name":"a","day":"2020-1-1"}`, `{"name":"a","when":"2020-01-01T00:00:00Z","span":"PT1H"}`, `{"name":"a"} x`, ` `, `null`,
	} {
		f.Add([]byte(s))
	}
	holderEndpoint := &EndpointInfo{Operation: "CreateHolder"}
	f.Fuzz(func(t *testing.T, data []byte) {
		compareTwoPass(t, data, new(widget), &widgetEndpoint)
		compareTwoPass(t, data, new(holder), holderEndpoint)
		compareTwoPass(t, data, new(contact), holderEndpoint)
	})
}

func compareTwoPass[T any](t *testing.T, data []byte, dst *T, ep *EndpointInfo) {
	t.Helper()
	got := decodeBody(data, dst, ep)
	want := decodeTwoPass(data, new(T), ep)
	if (got == nil) != (want == nil) || got != nil && got.Message != want.Message {
		t.Fatalf("%T %q: one pass %v, two passes %v", dst, data, got, want)
	}
}

// decodeTwoPass is the handler's decode as it was before the one-pass
// decoder: the whole body checked, decoded, then walked by validate.
func decodeTwoPass(data []byte, dst any, ep *EndpointInfo) *Error {
	raw, e := oneJSONValue(data)
	if e != nil {
		return e
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		at, msg := locate(raw, reflect.TypeOf(dst), "", err, 0)
		return badRequest("%s: %s", where(at), msg)
	}
	return validate(dst, ep)
}
