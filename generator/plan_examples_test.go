package generator

import (
	"strings"
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

// TestRefusedExampleQueryDropped: an example URL whose query the
// generated handler would refuse (beta dynamics-trialbalance-get.md
// writes "$orderby number" without "=") is tested without that query,
// with an example-url warning, instead of a test that can only fail.
func TestRefusedExampleQueryDropped(t *testing.T) {
	ds := readDocSet(t, "testdata/seed/input.json")
	ep := ds.Endpoints[0]
	ep.Examples[0].Request.URL += "?$orderby number&$filter=x"
	plan, diags, err := NewPlan(ds)
	if err != nil {
		t.Fatal(err)
	}
	warned := false
	for _, d := range diags {
		warned = warned || d.Code == ir.CodeExampleURL && strings.Contains(d.Message, "refuses its query")
	}
	if !warned {
		t.Errorf("no example-url warning for the refused query: %v", diags)
	}
	e := plan.endpoints[0]
	if len(e.examples) == 0 || e.examples[0].target != "/deviceManagement/androidDeviceOwnerEnrollmentProfiles" {
		t.Errorf("examples %+v, want the first sent to the path without its query", e.examples)
	}
}
