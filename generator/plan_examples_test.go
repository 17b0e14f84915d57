package generator

import (
	"encoding/json"
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

// TestWrappedAsDecoding: wrapped, reading the JSON tree, decides as
// decoding the body into a map of members did.
func TestWrappedAsDecoding(t *testing.T) {
	byDecoding := func(body string) bool {
		var members map[string]json.RawMessage
		if json.Unmarshal([]byte(body), &members) != nil {
			return true
		}
		if _, ok := members["value"]; !ok {
			return false
		}
		for k := range members {
			if k != "value" && !strings.HasPrefix(k, "@") {
				return false
			}
		}
		return true
	}
	for _, body := range []string{
		`{"value": []}`, `{"@odata.context": "x", "value": [{"id": "1"}], "@odata.nextLink": "y"}`,
		`{"value": 1, "id": "2"}`, `{"id": "1"}`, `{}`, `null`, ` null `, `[]`, `[{"value": 1}]`, `"value"`, `12`,
		`true`, `{"value": 1`, `{"value": 1} x`, `{"val\u0075e": 2}`, `{"\u0040odata.count": 1, "value": []}`,
		`{"value": 1, "value": 2}`, "{\"value\": 1, // a comment\n}", `{"value": 1,}`, "\n  {\"value\": {}}\n",
	} {
		if got, want := wrapped(&ir.Block{Text: body}), byDecoding(body); got != want {
			t.Errorf("wrapped(%s) = %v, decoding says %v", body, got, want)
		}
	}
}
