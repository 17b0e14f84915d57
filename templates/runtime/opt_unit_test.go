package runtime

import (
	"bytes"
	"encoding/json"
	"testing"
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
