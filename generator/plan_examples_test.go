package generator

import (
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// TestUnclaimedExampleReported: an example the linker could attribute to
// no operation of its page gets an example-method warning at its request
// line, and does not change the endpoint's own examples.
func TestUnclaimedExampleReported(t *testing.T) {
	ds := readDocSet(t, "testdata/seed/input.json")
	ep := ds.Endpoints[0]
	at := ir.Pos{File: ep.Page, Line: 999, Col: 1}
	ep.Unclaimed = []ir.Example{{Request: &ir.HTTPMessage{Method: "put", URL: "https://upload.example/x", Pos: at}}}
	_, diags, err := NewPlan(ds)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, d := range diags {
		if d.Code == ir.CodeExampleMethod {
			found++
			if d.Pos != at {
				t.Errorf("example-method at %s, want %s: %s", d.Pos, at, d)
			}
		}
	}
	if found != 1 {
		t.Errorf("got %d example-method findings, want 1: %v", found, diags)
	}
}
