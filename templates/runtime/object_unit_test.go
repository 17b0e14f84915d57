package runtime

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
)

// sample is a hand-written twin of what the generator emits for a struct.
type sample struct {
	ID        Opt[string]          `json:"id,omitzero"`
	When      Opt[time.Time]       `json:"when,omitzero"`
	Count     Opt[int32]           `json:"count,omitzero"`
	Blob      Opt[[]byte]          `json:"blob,omitzero"`
	Tags      Opt[[]string]        `json:"tags,omitzero"`
	Child     Opt[sample]          `json:"child,omitzero"`
	Ratio     Opt[Double]          `json:"ratio,omitzero"`
	Raw       Opt[json.RawMessage] `json:"raw,omitzero"`
	ODataType Opt[string]          `json:"@odata.type,omitzero"`

	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m sample) MarshalJSON() ([]byte, error) {
	return encodeJSON(&m)
}

func (m *sample) UnmarshalJSON(data []byte) error {
	return unmarshalJSON(data, m)
}

func TestObjectRoundTrip(t *testing.T) {
	for _, in := range []string{
		`{}`,
		`{"id":null}`,
		`{"id":"","count":0,"tags":[]}`,
		`{"@odata.type":"#x","when":"2016-12-31T23:57:10.8757270+03:00","blob":"dmFsdWU="}`,
		`{"child":{"id":"c","zzz":[1,2],"child":null},"ratio":"NaN","raw":{"a":[true]}}`,
		`{"unknown":{"a":1},"Id":"case-folded","id":"exact"}`,
		`{"ratio":1.5e300,"aaa":null}`,
	} {
		var v sample
		if err := json.Unmarshal([]byte(in), &v); err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		diff, err := jsonDiff([]byte(in), out)
		if err != nil || diff != "" {
			t.Errorf("%s: round trip gave %s (-want +got):\n%s %v", in, out, diff, err)
		}
	}
}

func TestObjectRejects(t *testing.T) {
	for _, in := range []string{`{"count":3000000000}`, `{"when":"2016-12-31"}`, `{"blob":"!!"}`, `[1]`, `{"ratio":"x"}`} {
		var v sample
		if err := json.Unmarshal([]byte(in), &v); err == nil {
			t.Errorf("%s: decoded without error", in)
		}
	}
}

func TestOpt(t *testing.T) {
	if o := Some(3); !o.IsSet() || o.IsNull() || optValue(o) != 3 {
		t.Errorf("Some(3) = %+v", o)
	}
	if o := Null[int](); o.IsSet() || !o.IsNull() || optValue(o) != 0 {
		t.Errorf("Null() = %+v", o)
	}
	var o Opt[int]
	if _, ok := o.Get(); ok || o.IsSet() || o.IsNull() {
		t.Errorf("zero Opt = %+v", o)
	}
}

func TestScalars(t *testing.T) {
	good := map[string]any{
		`"2020-02-29"`: new(Date), `"23:59:59.1234567"`: new(TimeOfDay), `"10:00"`: new(TimeOfDay),
		`"P1Y2M3DT4H5M6.5S"`: new(Duration), `"-PT0.5S"`: new(Duration), `"P2W"`: new(Duration),
		`"INF"`: new(Double), `1e-7`: new(Double),
	}
	for in, v := range good {
		if err := json.Unmarshal([]byte(in), v); err != nil {
			t.Errorf("%s: %v", in, err)
		}
	}
	bad := map[string]any{
		`"2020-02-30"`: new(Date), `"24:00:00"`: new(TimeOfDay), `"P"`: new(Duration), `"PT"`: new(Duration),
		`"P1DT"`: new(Duration), `"1 day"`: new(Duration), `"inf"`: new(Double), `5`: new(Date),
	}
	for in, v := range bad {
		if err := json.Unmarshal([]byte(in), v); err == nil {
			t.Errorf("%s: decoded into %T without error", in, v)
		}
	}
	out, _ := json.Marshal([]Double{Double(math.Inf(-1)), Double(math.NaN()), 2.5})
	if string(out) != `["-INF","NaN",2.5]` {
		t.Errorf("doubles encoded as %s", out)
	}
}

func TestValidEnum(t *testing.T) {
	vals := []string{"a", "b"}
	for _, c := range []struct {
		in    string
		flags bool
		want  bool
	}{{"a", false, true}, {"c", false, false}, {"a,b", false, false}, {"a,b", true, true}, {"a, b", true, true}, {"a,c", true, false}} {
		if got := validEnum(c.in, vals, c.flags); got != c.want {
			t.Errorf("validEnum(%q, flags=%v) = %v, want %v", c.in, c.flags, got, c.want)
		}
	}
}

// TestDecodeObject checks the one-pass decoder on objects against
// encoding/json: the same bodies are refused, and properties no field
// claims (by exact name) land in AdditionalData, the last of a duplicate
// key winning.
func TestDecodeObject(t *testing.T) {
	for _, in := range []string{
		`{}`, ` { } `, `{"id":"a"}`, `{"x":1}`, `{ "x" : [1, {"y": "}]\"["}] , "id" : "b" }`,
		`{"x":"a\\\"}","z":{"q":[[],{}]},"count":7,"child":{"w":null,"id":"c"}}`,
		`{"x":1,"x":2}`, `{"\u0078":1}`, `{"ID":"folded"}`, `{"x":tru}`, `{"x":1,}`, `{"x" 1}`, `{"x":1} x`,
		`{"x":"unterminated}`, `{"x":{"y":1}`, `[1]`, `"s"`, `{"tags":["a","b"],"y":-1.5e3,"z":false,"w":null}`,
		`{"count":"wrong type","x":1}`, `{"child":{"x":{"deep":[1,2,{"k":"v"}]}}}`, `{"\u0069d":"escaped key"}`,
	} {
		var got sample
		err := unmarshalJSON([]byte(in), &got)
		if !json.Valid([]byte(in)) {
			if err == nil {
				t.Errorf("%s: accepted, json.Valid refuses it", in)
			}
			continue
		}
		var all map[string]json.RawMessage
		if json.Unmarshal([]byte(in), &all) != nil {
			if err == nil {
				t.Errorf("%s: accepted, not an object", in)
			}
			continue
		}
		if err != nil {
			if !strings.Contains(in, "wrong type") {
				t.Errorf("%s: %v", in, err)
			}
			continue
		}
		for k, raw := range all {
			if _, known := codecOf(reflect.TypeFor[sample]()).obj.byName[k]; !known && !bytes.Equal(got.AdditionalData[k], raw) {
				t.Errorf("%s: AdditionalData[%q] = %s, want %s", in, k, got.AdditionalData[k], raw)
			}
		}
	}
	buf := []byte(`{"x":"keep"}`)
	var s sample
	if err := json.Unmarshal(buf, &s); err != nil {
		t.Fatal(err)
	}
	copy(buf, `{"x":"XXXX"}`)
	if string(s.AdditionalData["x"]) != `"keep"` {
		t.Errorf("AdditionalData shares the input buffer: %s", s.AdditionalData["x"])
	}
}

func TestReaderSkip(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int // -1: malformed
	}{
		{`"a\"b",`, 6}, {`"a\\"}`, 5}, {`{"k":"}"}]`, 9}, {`[1,[2],"]"] `, 11}, {`-1.5e3}`, 6}, {`true,`, 4}, {`null`, 4},
		{`"open`, -1}, {`{"k":1`, -1}, {`01`, 1}, {`-`, -1}, {`1.`, -1}, {`1e`, -1}, {`"\x"`, -1}, {`"\u12G4"`, -1}, {"\"\x01\"", -1},
	} {
		r := reader{data: []byte(c.in)}
		r.skip()
		if got := r.pos; r.err != nil && c.want != -1 || r.err == nil && got != c.want {
			t.Errorf("skip(%s) = %d, %v; want %d", c.in, got, r.err, c.want)
		}
	}
}
