package runtime

import (
	"bytes"
	"encoding/json"
	"fmt"
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
		if got := tc.a.Equal(tc.b); got != tc.want {
			t.Errorf("%v.Equal(%v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	// time.Time compares by its own Equal: the same instant in two zones.
	if !Some(t0).Equal(Some(t0.In(time.FixedZone("", 3*3600)))) {
		t.Errorf("the same instant in another zone is not Equal")
	}
	if Some(t0).Equal(Some(t0.Add(time.Nanosecond))) {
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
