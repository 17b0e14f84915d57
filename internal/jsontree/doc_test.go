package jsontree

import (
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
