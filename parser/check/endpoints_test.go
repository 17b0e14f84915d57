package check

import (
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
	"github.com/google/go-cmp/cmp"
)

func TestEndpoints(t *testing.T) {
	ds := fixture()
	body := ref("microsoft.graph.widget")
	msg := func(line int, text string, headers ...ir.Header) *ir.HTTPMessage {
		return &ir.HTTPMessage{Method: "POST", Status: 201, Headers: headers, Pos: at(line),
			Body: &ir.Block{Text: text, Pos: at(line + 2)}}
	}
	multipart := ir.Header{Name: "Content-type", Value: "multipart/form-data; boundary=x"}
	truncatedResp := msg(40, `{"count": "x"}`)
	truncatedResp.Annotation = &ir.Annotation{BlockType: "response", Truncated: true}
	errResp := msg(50, `{"error": {"code": "x"}}`)
	errResp.Status = 400
	ds.Endpoints = []*ir.Endpoint{{
		Page: "api/x.md", Method: "POST", Status: 201, Body: &body, Result: &body,
		Examples: []ir.Example{
			{Request: msg(10, `{"count": 1}`), Response: msg(20, `{"displayName": "w", "colour": 1}`)},
			{Request: msg(30, `--x`, multipart), Response: truncatedResp},
			{Response: errResp},
		},
	}}
	pages := []*ir.Page{{File: "api/x.md", Operation: &ir.Operation{Body: &ir.BodySpec{Properties: []ir.Property{
		{Name: "key", Required: true}, {Name: "createdBy", Required: true, ReadOnly: true}, {Name: "count"}}}}}}
	var got []string
	for _, d := range Endpoints(ds, pages) {
		got = append(got, d.String())
	}
	want := []string{
		`api/x.md:12:1: warning: missing-required: request body: required property "displayName" of microsoft.graph.widget is missing`,
		`api/x.md:12:1: warning: missing-required: request body: required property "key" of microsoft.graph.widget is missing`,
		`api/x.md:22:22: warning: unknown-property: response body: colour: property "colour" is not a property of microsoft.graph.widget`,
		`api/x.md:42:11: error: type-mismatch: response body: count: want Int32, got string "x"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestEndpointKinds checks the examples of the other kinds: a list's items
// inside "value" (its control members and a 200 the page documents next to
// a 206 checked too), an update's partial body (no missing-required), an
// action's body against its parameter table, a wrapped primitive result,
// and no check of a GET example's body or a streamed answer.
func TestEndpointKinds(t *testing.T) {
	ds := fixture()
	widget := ref("microsoft.graph.widget")
	elem := widget
	elem.Collection = true
	msg := func(method string, status, line int, text string) *ir.HTTPMessage {
		return &ir.HTTPMessage{Method: method, Status: status, Pos: at(line), Body: &ir.Block{Text: text, Pos: at(line + 2)}}
	}
	strings := ir.TypeRef{Name: "String", Primitive: true, Collection: true}
	ds.Endpoints = []*ir.Endpoint{
		{Kind: ir.OpList, Page: "api/list.md", Method: "GET", Status: 200, Statuses: []int{200, 206}, Result: &elem,
			Examples: []ir.Example{
				{Request: msg("GET", 0, 10, `{"ignored": 1}`), Response: msg("", 206, 20,
					`{"@odata.nextLink": "x", "value": [{"displayName": "w"}, {"count": "x"}]}`)},
				{Response: msg("", 200, 30, `[{"displayName": "w"}]`)},
			}},
		{Kind: ir.OpUpdate, Page: "api/update.md", Method: "PATCH", Status: 204, Body: &widget,
			Examples: []ir.Example{{Request: msg("PATCH", 0, 10, `{"count": 2}`)}}},
		{Kind: ir.OpAction, Page: "api/action.md", Method: "POST", Status: 200, Result: &strings,
			Parameters: []ir.Property{{Name: "force", Type: prim("Boolean"), Required: true}, {Name: "part", Type: ref("microsoft.graph.part")}},
			Examples: []ir.Example{{Request: msg("POST", 0, 10, `{"part": {"name": "p"}, "extra": 1}`),
				Response: msg("", 200, 20, `{"value": ["a", 2]}`)}}},
		{Kind: ir.OpGet, Page: "api/photo.md", Method: "GET", Status: 200, Result: &widget, ResultContent: "image/jpeg",
			Examples: []ir.Example{{Response: msg("", 200, 10, `not json`)}}},
	}
	var got []string
	for _, d := range Endpoints(ds, nil) {
		got = append(got, d.String())
	}
	want := []string{
		`api/x.md:12:1: warning: missing-required: request body: required property "force" of the parameter table is missing`,
		`api/x.md:12:25: warning: unknown-property: request body: extra: property "extra" is not a property of the parameter table`,
		`api/x.md:22:17: error: type-mismatch: response body: value[1]: want String, got number 2`,
		`api/x.md:22:68: error: type-mismatch: response body: value[1].count: want Int32, got string "x"`,
		`api/x.md:32:1: error: type-mismatch: response body: want {"value": ...}, got array`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
