package jsontree

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// TestOfKeepsOnlyCurrentText: Of serves the Doc Attach kept while the
// block's text is the one parsed, and a fresh parse once it changed.
func TestOfKeepsOnlyCurrentText(t *testing.T) {
	blk := &ir.Block{Text: `{"a": 1}`}
	if Of(blk) == Of(blk) {
		t.Fatal("Of without Attach kept a Doc")
	}
	kept := Attach(blk)
	if Of(blk) != kept {
		t.Fatal("Of did not return the attached Doc")
	}
	blk.Text = `{"b": 2}`
	d := Of(blk)
	if d == kept {
		t.Fatal("Of returned the Doc of the old text")
	}
	if root, err := d.Strict(); err != nil || root.Field("b") == nil {
		t.Fatalf("Of after a change = %v, %v; want the new text's tree", root, err)
	}
}

// TestDocReadings: a noisy body is invalid strictly, with encoding/json's
// message at the offending byte, and readable leniently with the same
// offsets.
func TestDocReadings(t *testing.T) {
	text := "{\n  \"a\": 1, // one\n  \"b\": [2,],\n}"
	d := Parse(text)
	if _, err := d.Strict(); err == nil || err.Msg != "invalid character '/' looking for beginning of object key string" || err.Off != 12 {
		t.Errorf("Strict: %+v", err)
	}
	root, err := d.Lenient()
	if err != nil {
		t.Fatal(err)
	}
	if len(root.Members) != 2 || root.Members[1].Key != "b" || root.Members[1].KeyOff != 21 || len(root.Members[1].Val.Elems) != 1 {
		t.Errorf("Lenient = %s", dumpJSON(root))
	}
	if pos := OffsetPos(&ir.Block{Text: text, Pos: ir.Pos{File: "f.md", Line: 10, Col: 1}}, root.Members[1].KeyOff); pos.String() != "f.md:12:3" {
		t.Errorf("OffsetPos = %s, want f.md:12:3", pos)
	}
}

// TestLeadingAsDecoder: Leading takes the value a json.Decoder's Decode
// takes when its next Token call fails (header lines after the body, as on
// v1.0 workforceintegration-post.md), and nothing when another value
// follows or the value itself is invalid.
func TestLeadingAsDecoder(t *testing.T) {
	for _, text := range []string{
		`{"a": 1}`,
		"{\n  \"a\": \"x\"\n}\nContent-type: application/json\n",
		"{\"a\": 1}\n}",
		`{"a": 1} {"b": 2}`,
		`{"a": 1} "s"`,
		`{"a": 1} 12`,
		`{"a": 1} tru`,
		`[1, 2] x`,
		`{"a": 1,}`,
		`{"a": 1 // c` + "\n}",
		`"s" rest`,
		``,
		`  `,
	} {
		var want any
		dec := json.NewDecoder(strings.NewReader(text))
		if err := dec.Decode(&want); err != nil {
			want = nil
		} else if _, err := dec.Token(); err == nil {
			want = nil
		}
		var got any
		if n := Parse(text).Leading(); n != nil {
			if err := json.Unmarshal([]byte(n.Raw), &got); err != nil {
				t.Fatalf("%q: Leading gave %q: %v", text, n.Raw, err)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: Leading = %v, want %v (the Decoder's)", text, got, want)
		}
	}
}
