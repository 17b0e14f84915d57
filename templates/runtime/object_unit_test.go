package runtime

import (
	"encoding/json"
	"math"
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
	type plain sample
	return marshalObject(plain(m), m.AdditionalData)
}

func (m *sample) UnmarshalJSON(data []byte) error {
	type plain sample
	return unmarshalObject(data, (*plain)(m), &m.AdditionalData)
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
	if o := Some(3); !o.IsSet() || o.IsNull() || o.IsZero() || o.Or(1) != 3 {
		t.Errorf("Some(3) = %+v", o)
	}
	if o := Null[int](); o.IsSet() || !o.IsNull() || o.IsZero() || o.Or(1) != 1 {
		t.Errorf("Null() = %+v", o)
	}
	var o Opt[int]
	if _, ok := o.Get(); ok || !o.IsZero() {
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

func TestODataType(t *testing.T) {
	for _, c := range []struct {
		in   string
		name string
		null bool
	}{
		{`{"@odata.type":"#microsoft.graph.androidLobApp","x":1}`, "microsoft.graph.androidlobapp", false},
		{`{"@odata.type":" microsoft.graph.Circle "}`, "microsoft.graph.circle", false},
		{`{"@ODATA.TYPE":"#microsoft.graph.circle"}`, "", false}, // exact key only, as parser/check reads it
		{`{"@odata.type":1}`, "", false},
		{`{}`, "", false},
		{`[1]`, "", false},
		{` null `, "", true},
	} {
		name, null := odataType([]byte(c.in))
		if name != c.name || null != c.null {
			t.Errorf("odataType(%s) = %q, %v; want %q, %v", c.in, name, null, c.name, c.null)
		}
	}
}
