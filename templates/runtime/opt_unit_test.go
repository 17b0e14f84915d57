package runtime

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

func TestOptBinaryAcceptsBothBase64Alphabets(t *testing.T) {
	for _, in := range []string{`"/+8="`, `"_-8="`, `"_-8"`} {
		var o Opt[[]byte]
		if err := json.Unmarshal([]byte(in), &o); err != nil {
			t.Errorf("Unmarshal(%s): %v", in, err)
			continue
		}
		if v, _ := o.Get(); !bytes.Equal(v, []byte{0xff, 0xef}) {
			t.Errorf("Unmarshal(%s) = %x, want ffef", in, v)
		}
		if out, _ := json.Marshal(o); string(out) != `"/+8="` {
			t.Errorf("Marshal after %s = %s, want the standard alphabet", in, out)
		}
	}
	var o Opt[[]byte]
	if err := json.Unmarshal([]byte(`"@@"`), &o); err == nil {
		t.Errorf(`Unmarshal("@@") succeeded, want an error`)
	}
	var s Opt[string]
	if err := json.Unmarshal([]byte(`5`), &s); err == nil {
		t.Errorf("Opt[string] accepted a number")
	}
}

func TestOptPrintsItsValue(t *testing.T) {
	for _, tc := range []struct {
		got, want string
	}{
		{fmt.Sprint(Some("x")), "x"},
		{fmt.Sprintf("%q", Some("x")), `"x"`},
		{fmt.Sprintf("%05.1f", Some(Double(2.25))), "002.2"},
		{fmt.Sprintf("%v", Null[int32]()), "null"},
		{fmt.Sprint(Opt[int32]{}), "absent"},
		{fmt.Sprint(Some(int64(7))), "7"},
		{fmt.Sprintf("%+v", struct{ A Opt[bool] }{Some(true)}), "{A:true}"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestOptEqual(t *testing.T) {
	t0 := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		a, b Opt[any]
		want bool
	}{
		{Opt[any]{}, Opt[any]{}, true},
		{Null[any](), Null[any](), true},
		{Opt[any]{}, Null[any](), false},
		{Some[any]("x"), Some[any]("x"), true},
		{Some[any]("x"), Some[any]("y"), false},
		{Some[any]("x"), Null[any](), false},
		{Some[any]([]string{"a"}), Some[any]([]string{"a"}), true},
	} {
		if got := OptEqual(tc.a, tc.b); got != tc.want {
			t.Errorf("OptEqual(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	// time.Time compares by its own Equal: the same instant in two zones.
	if !OptEqual(Some(t0), Some(t0.In(time.FixedZone("", 3*3600)))) {
		t.Errorf("the same instant in another zone is not Equal")
	}
	if OptEqual(Some(t0), Some(t0.Add(time.Nanosecond))) {
		t.Errorf("different instants are Equal")
	}
}

// TestOptNotComparable checks that == on an Opt does not compile: it would
// compare the addresses of the values.
func TestOptNotComparable(t *testing.T) {
	if reflect.TypeFor[Opt[string]]().Comparable() {
		t.Errorf("Opt[string] is comparable; Some(\"x\") == Some(\"x\") would compile and be false")
	}
}

// TestScalarsMatchEncodingJSON checks the one-pass encoder and decoder
// against encoding/json on scalars and string arrays: the same bytes, the
// same values, the same literals refused.
func TestScalarsMatchEncodingJSON(t *testing.T) {
	strs := []string{"", "plain", "with space", `quo"te`, `back\slash`, "<b>&amp;", "tab\t", "nl\n", "\x00", "\x7f",
		"é", "\u2028", "\xff", "emoji 😀"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		b := make([]byte, rng.IntN(8))
		for i := range b {
			b[i] = byte(rng.IntN(256))
			if rng.IntN(2) == 0 {
				b[i] = byte(0x20 + rng.IntN(0x60))
			}
		}
		strs = append(strs, string(b))
	}
	for _, s := range strs {
		checkScalar(t, &s)
	}
	for _, n := range []int32{0, 1, -1, math.MaxInt32, math.MinInt32} {
		checkScalar(t, &n)
	}
	for _, n := range []int64{0, 42, math.MaxInt64, math.MinInt64} {
		checkScalar(t, &n)
	}
	for _, b := range []bool{true, false} {
		checkScalar(t, &b)
	}
	for _, l := range [][]string{nil, {}, {""}, {"a"}, {"a", "b c"}, {"a<b"}, {`q"`, "x"}, {"é"}} {
		checkScalar(t, &l)
	}
	for _, tm := range []time.Time{{}, time.Date(2017, 1, 1, 0, 0, 44, 41642100, time.FixedZone("", 3*3600)), time.Date(2020, 2, 29, 23, 59, 59, 1, time.UTC)} {
		checkScalar(t, &tm)
	}
	// Literals the decoder must leave to encoding/json, or read as it does.
	for _, lit := range []string{`"x"`, `"a\"b"`, `"\u0041"`, `"é"`, `"` + "\x01" + `"`, `true`, `tru`, `0`, `-0`, `01`, `1e3`, `1.0`,
		`2147483648`, `-2147483649`, `-`, `""`, `"2017-01-01T00:00:44.0416421+03:00"`, `"2017-01-01"`, `null`, ` "x"`} {
		var s1, s2 string
		checkDecode(t, lit, &s1, &s2)
		var i1, i2 int32
		checkDecode(t, lit, &i1, &i2)
		var b1, b2 bool
		checkDecode(t, lit, &b1, &b2)
		var t1, t2 time.Time
		checkDecode(t, lit, &t1, &t2)
	}
	for _, lit := range []string{`[]`, ` [ ] `, `["a"]`, `[ "a" , "b" ]`, `["a",]`, `[,"a"]`, `["a" "b"]`, `["a"`, `["a"]]`,
		`["a\"b"]`, `[1]`, `["a",null]`, `null`, `[`, `]`, `["x"] x`} {
		var l1, l2 []string
		checkDecode(t, lit, &l1, &l2)
	}
}

// checkScalar compares the encoding of *p with json.Marshal's, and
// decodes it back both ways.
func checkScalar[T any](t *testing.T, p *T) {
	t.Helper()
	want, err := json.Marshal(*p)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := encodeJSON(p); err != nil || !bytes.Equal(got, want) {
		t.Errorf("encode %#v: %s, %v; json.Marshal %s", *p, got, err, want)
	}
	var fast, slow T
	checkDecode(t, string(want), &fast, &slow)
}

// checkDecode checks that the decoder reads lit as json.Unmarshal does.
func checkDecode[T any](t *testing.T, lit string, fast, slow *T) {
	t.Helper()
	errFast := unmarshalJSON([]byte(lit), fast)
	errSlow := json.Unmarshal([]byte(lit), slow)
	if (errFast == nil) != (errSlow == nil) {
		t.Errorf("decode %s into %T: %v, json.Unmarshal %v", lit, fast, errFast, errSlow)
		return
	}
	if errFast == nil && !reflect.DeepEqual(*fast, *slow) {
		t.Errorf("decode %s: %#v, json.Unmarshal %#v", lit, *fast, *slow)
	}
}
