package runtime

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// A hand-written twin of a generated polymorphic wrapper (generator/poly.go):
// gadget is the base, roundGadget derives from it, and holder has a
// property and a collection of the wrapper, as generated structs now do.

type gadgetKind interface{ isGadgetKind() }

type anyGadget struct{ Value gadgetKind }

func (m anyGadget) MarshalJSON() ([]byte, error) { return json.Marshal(m.Value) }

func (m *anyGadget) UnmarshalJSON(data []byte) error {
	name, null := odataType(data)
	if null {
		m.Value = nil
		return nil
	}
	var v gadgetKind
	switch name {
	case "microsoft.graph.roundgadget":
		v = new(roundGadget)
	default:
		v = new(gadget)
	}
	m.Value = v
	return json.Unmarshal(data, v)
}

func (m anyGadget) polyValue() any { return m.Value }

type gadget struct {
	Name           Opt[string]                `json:"name,omitzero" docs2go:"required"`
	ODataType      Opt[string]                `json:"@odata.type,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m gadget) MarshalJSON() ([]byte, error) {
	type plain gadget
	return marshalObject(plain(m), m.AdditionalData)
}

func (m *gadget) UnmarshalJSON(data []byte) error {
	type plain gadget
	return unmarshalObject(data, (*plain)(m), &m.AdditionalData)
}

type roundGadget struct {
	Name           Opt[string]                `json:"name,omitzero" docs2go:"required"`
	Radius         Opt[int32]                 `json:"radius,omitzero" docs2go:"readonly"`
	ODataType      Opt[string]                `json:"@odata.type,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m roundGadget) MarshalJSON() ([]byte, error) {
	type plain roundGadget
	return marshalObject(plain(m), m.AdditionalData)
}

func (m *roundGadget) UnmarshalJSON(data []byte) error {
	type plain roundGadget
	return unmarshalObject(data, (*plain)(m), &m.AdditionalData)
}

func (gadget) isGadgetKind()      {}
func (roundGadget) isGadgetKind() {}

type holder struct {
	One            Opt[anyGadget]             `json:"one,omitzero"`
	Many           Opt[[]anyGadget]           `json:"many,omitzero"`
	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m holder) MarshalJSON() ([]byte, error) {
	type plain holder
	return marshalObject(plain(m), m.AdditionalData)
}

func (m *holder) UnmarshalJSON(data []byte) error {
	type plain holder
	return unmarshalObject(data, (*plain)(m), &m.AdditionalData)
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
	if _, ok := h.Many.Or(nil)[0].Value.(*roundGadget); !ok {
		t.Errorf("item 0 decoded as %T, want *roundGadget", h.Many.Or(nil)[0].Value)
	}
	out, _ := json.Marshal(h)
	if !strings.Contains(string(out), `"radius":2`) || !strings.HasSuffix(string(out), `null]}`) {
		t.Errorf("round trip: %s", out)
	}
}
