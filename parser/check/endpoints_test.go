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
