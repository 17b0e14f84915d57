package runtime

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// A hand-written twin of a generated polymorphic wrapper (generator/poly.go):
// gadget is the base, roundGadget derives from it, and holder has a
// property and a collection of the wrapper, as generated structs now do.

type gadgetKind interface{ isGadgetKind() }

type anyGadget struct{ Value gadgetKind }

func (m anyGadget) MarshalJSON() ([]byte, error) { return encodeJSON(&m) }

func (m *anyGadget) UnmarshalJSON(data []byte) error { return unmarshalJSON(data, m) }

func (anyGadget) polyTypes() (any, []derivedType) {
	return (*gadget)(nil), []derivedType{{"#microsoft.graph.roundGadget", (*roundGadget)(nil)}}
}

func (m anyGadget) polyValue() any { return m.Value }

type gadget struct {
	Name           Opt[string]                `json:"name,omitzero" docs2go:"required"`
	ODataType      Opt[string]                `json:"@odata.type,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m gadget) MarshalJSON() ([]byte, error) {
	return encodeJSON(&m)
}

func (m *gadget) UnmarshalJSON(data []byte) error {
	return unmarshalJSON(data, m)
}

type roundGadget struct {
	Name           Opt[string]                `json:"name,omitzero" docs2go:"required"`
	Radius         Opt[int32]                 `json:"radius,omitzero" docs2go:"readonly"`
	ODataType      Opt[string]                `json:"@odata.type,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m roundGadget) MarshalJSON() ([]byte, error) {
	return encodeJSON(&m)
}

func (m *roundGadget) UnmarshalJSON(data []byte) error {
	return unmarshalJSON(data, m)
}

func (gadget) isGadgetKind()      {}
func (roundGadget) isGadgetKind() {}

type holder struct {
	One            Opt[anyGadget]             `json:"one,omitzero"`
	Many           Opt[[]anyGadget]           `json:"many,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m holder) MarshalJSON() ([]byte, error) {
	return encodeJSON(&m)
}

func (m *holder) UnmarshalJSON(data []byte) error {
	return unmarshalJSON(data, m)
}

// TestNestedPolymorphic checks that validation and error locating descend
// into the derived struct "@odata.type" chose for a property or an item.
func TestNestedPolymorphic(t *testing.T) {
	const round = `"@odata.type":"#microsoft.graph.roundGadget"`
	for _, tc := range []struct{ body, want string }{
		{`{"one":{` + round + `,"name":"a"},"many":[{"name":"b"},null]}`, ""},
		{`{"one":{` + round + `,"name":"a","radius":1}}`, "one.radius: property is read-only"},
		{`{"many":[{"name":"b"},{` + round + `,"name":"c","radius":2}]}`, "many[1].radius: property is read-only"},
		{`{"many":[{` + round + `}]}`, "many[0].name: required property is missing"},
		{`{"one":{"name":"a","radius":1}}`, "one.radius: unknown property"}, // base type: radius is not its property
		{`{"one":{` + round + `,"name":"a","radius":"x"}}`, "one.radius"},
	} {
		var h holder
		var got string
		if err := json.Unmarshal([]byte(tc.body), &h); err != nil {
			at, msg := locate([]byte(tc.body), reflect.TypeOf(&h), "", err, 0)
			got = at + ": " + msg
		} else if e := validate(&h, &EndpointInfo{}); e != nil {
			got = e.Message
		}
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.body, got, tc.want)
		}
	}
	var h holder
	body := `{"many":[{` + `"@odata.type":"#microsoft.graph.roundGadget","name":"c","radius":2},null]}`
	if err := json.Unmarshal([]byte(body), &h); err != nil {
		t.Fatal(err)
	}
	if _, ok := optValue(h.Many)[0].Value.(*roundGadget); !ok {
		t.Errorf("item 0 decoded as %T, want *roundGadget", optValue(h.Many)[0].Value)
	}
	out, _ := json.Marshal(h)
	if !strings.Contains(string(out), `"radius":2`) || !strings.HasSuffix(string(out), `null]}`) {
		t.Errorf("round trip: %s", out)
	}
}

// contact twins a generated open type ("openType": true): its
// AdditionalData is tagged docs2go:"open".
type contact struct {
	Name           Opt[string]                `json:"name,omitzero" docs2go:"required"`
	Manager        Opt[gadget]                `json:"manager,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-" docs2go:"open"`
}

func (m contact) MarshalJSON() ([]byte, error) {
	return encodeJSON(&m)
}

func (m *contact) UnmarshalJSON(data []byte) error {
	return unmarshalJSON(data, m)
}

// TestOpenTypeAcceptsUnknownProperties checks that an open type takes
// properties its table does not list (a directory extension, an open
// extension), keeps them and writes them back, while a nested type that
// is not open still rejects them and the open type's own rules hold.
func TestOpenTypeAcceptsUnknownProperties(t *testing.T) {
	const ext = `"extension_3b8a_employeeCode":"E1","com.contoso.roamingSettings":{"theme":"dark"}`
	for _, tc := range []struct{ body, want string }{
		{`{"name":"a",` + ext + `}`, ""},
		{`{"name":"a","manager":{"name":"m","extension_3b8a_x":1}}`, "manager.extension_3b8a_x: unknown property"},
		{`{` + ext + `}`, "name: required property is missing"},
	} {
		var c contact
		if err := json.Unmarshal([]byte(tc.body), &c); err != nil {
			t.Fatal(err)
		}
		got := ""
		if e := validate(&c, &EndpointInfo{}); e != nil {
			got = e.Message
		}
		if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.body, got, tc.want)
		}
	}
	var c contact
	in := `{"name":"a",` + ext + `}`
	if err := json.Unmarshal([]byte(in), &c); err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(c)
	if string(out) != `{"name":"a","com.contoso.roamingSettings":{"theme":"dark"},"extension_3b8a_employeeCode":"E1"}` {
		t.Errorf("round trip: %s", out)
	}
}

// TestPolymorphicEncodingNamesTheDerivedType checks that a derived value
// built in Go, without ODataType, is written with its "@odata.type", so it
// decodes as the same type; a set or null ODataType and the base type are
// written as they are.
func TestPolymorphicEncodingNamesTheDerivedType(t *testing.T) {
	for _, tc := range []struct {
		in   anyGadget
		want string
	}{
		{anyGadget{&roundGadget{Name: Some("r"), Radius: Some[int32](2)}}, `{"@odata.type":"#microsoft.graph.roundGadget","name":"r","radius":2}`},
		{anyGadget{roundGadget{}}, `{"@odata.type":"#microsoft.graph.roundGadget"}`},
		{anyGadget{&roundGadget{ODataType: Some("microsoft.graph.roundGadget")}}, `{"@odata.type":"microsoft.graph.roundGadget"}`},
		{anyGadget{&roundGadget{ODataType: Null[string]()}}, `{"@odata.type":null}`},
		{anyGadget{&gadget{Name: Some("g")}}, `{"name":"g"}`},
		{anyGadget{}, `null`},
	} {
		out, err := json.Marshal(tc.in)
		if err != nil || string(out) != tc.want {
			t.Errorf("Marshal(%#v) = %s, %v; want %s", tc.in.Value, out, err, tc.want)
		}
	}
	out, _ := json.Marshal(holder{Many: Some([]anyGadget{{&roundGadget{Name: Some("r")}}})})
	var back holder
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if _, ok := optValue(back.Many)[0].Value.(*roundGadget); !ok {
		t.Errorf("%s decoded item 0 as %T, want *roundGadget", out, optValue(back.Many)[0].Value)
	}
}

// TestDerivedTypeArrives sends a derived value built in Go (no ODataType)
// through the client and a handler whose body is polymorphic, as the
// generated Test<Name>DerivedTypes do: it must arrive as that type, and
// its own properties must not be called unknown.
func TestDerivedTypeArrives(t *testing.T) {
	var received any
	c := newHandlerConfig(nil)
	mux := newRouter()
	mux.Handle("POST /gadgets", serveJSON(c, struct{}{}, &EndpointInfo{Operation: "CreateGadget"}, 201, func(_ struct{}, _ *http.Request, _ *Query, b *anyGadget) (*anyGadget, error) {
		received = b
		return b, nil
	}))
	client := exampleClient(t, withErrorShape(mux))
	for _, v := range []gadgetKind{&roundGadget{Name: Some("r"), ODataType: Some("#microsoft.graph.roundGadget")}, &roundGadget{Name: Some("r")}, &gadget{Name: Some("g")}} {
		err := client.do(context.Background(), "POST", "/gadgets", &anyGadget{Value: v}, new(anyGadget), 201)
		checkArrivedAs(t, err, v, received)
	}
}

// optValue is o's value, the zero T when o is absent or null.
func optValue[T any](o Opt[T]) T {
	v, _ := o.Get()
	return v
}
