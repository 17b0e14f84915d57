package check

import (
	"fmt"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
	"github.com/google/go-cmp/cmp"
)

// bodyPos is where the fixture bodies start: line 10, column 1 of a page.
var bodyPos = ir.Pos{File: "api/widget-post.md", Line: 10, Col: 1}

// brief renders diagnostics as "line:col severity code" for table tests.
func brief(ds ir.Diagnostics) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%d:%d %s %s", d.Pos.Line, d.Pos.Col, d.Severity, d.Code))
	}
	return out
}

func TestExample(t *testing.T) {
	const valid = `{"displayName": "w"}`
	tests := []struct {
		name      string
		body      string
		truncated bool
		want      []string // brief form
		conforms  bool
	}{
		{"valid minimal", valid, false, nil, true},
		{"invalid json trailing comma", "{\n  \"displayName\": \"w\",\n}", false, []string{"12:1 error invalid-json"}, false},
		{"invalid json unexpected end", "{\n  \"displayName\": \"w\"", false, []string{"11:21 error invalid-json"}, false},
		{"invalid json smart quote", "{\"displayName\": “w”}", false, []string{"10:17 error invalid-json"}, false},
		{"unknown property", "{\"displayName\": \"w\",\n \"colour\": 1}", false, []string{"11:2 warning unknown-property"}, true},
		{"case-folded property", `{"displayName": "w", "Count": "x"}`, false, []string{"10:22 warning unknown-property"}, true},
		{"instance annotations", `{"displayName": "w", "@odata.context": "x", "owner@odata.bind": "u", "x@odata.bind": ["a"]}`, false, nil, true},
		{"odata.type not a string", `{"displayName": "w", "@odata.type": 3}`, false, []string{"10:37 error type-mismatch"}, false},
		{"string for Int32", `{"displayName": "w", "count": "3"}`, false, []string{"10:31 error type-mismatch"}, false},
		{"Int32 out of range", `{"displayName": "w", "count": 2147483648}`, false, []string{"10:31 error type-mismatch"}, false},
		{"Int32 max", `{"displayName": "w", "count": 2147483647, "big": 9223372036854775807}`, false, nil, true},
		{"Int32 fraction", `{"displayName": "w", "count": 1.0}`, false, []string{"10:31 error type-mismatch"}, false},
		{"Int16 out of range", `{"displayName": "w", "small": 40000}`, false, []string{"10:31 error type-mismatch"}, false},
		{"Byte negative", `{"displayName": "w", "octet": -1}`, false, []string{"10:31 error type-mismatch"}, false},
		{"SByte ok", `{"displayName": "w", "signed": -128}`, false, nil, true},
		{"Double specials", `{"displayName": "w", "ratio": "NaN"}`, false, nil, true},
		{"Double exponent", `{"displayName": "w", "ratio": 1.5e3}`, false, nil, true},
		{"Double Infinity is lossy", `{"displayName": "w", "ratio": "-Infinity"}`, false, []string{"10:31 warning lossy-value"}, false},
		{"Double bad string", `{"displayName": "w", "ratio": "1.5"}`, false, []string{"10:31 error type-mismatch"}, false},
		{"Double overflow", `{"displayName": "w", "ratio": 1e400}`, false, []string{"10:31 error type-mismatch"}, false},
		{"Decimal string is lossy", `{"displayName": "w", "price": "1.5"}`, false, []string{"10:31 warning lossy-value"}, false},
		{"Decimal number", `{"displayName": "w", "price": 12.50}`, false, nil, true},
		{"bool vs string", `{"displayName": "w", "enabled": "true"}`, false, []string{"10:33 error type-mismatch"}, false},
		{"string vs bool", `{"displayName": true}`, false, []string{"10:17 error type-mismatch"}, false},
		{"date-time ok", `{"displayName": "w", "created": "2020-01-02T03:04:05.1234567+01:00"}`, false, nil, true},
		{"date-time no zone", `{"displayName": "w", "created": "2020-01-02T03:04:05"}`, false, []string{"10:33 error type-mismatch"}, false},
		{"date-time hour 24", `{"displayName": "w", "created": "2020-01-02T24:00:00Z"}`, false, []string{"10:33 error type-mismatch"}, false},
		{"date-time lower-case t", `{"displayName": "w", "created": "2020-01-02t03:04:05z"}`, false, []string{"10:33 error type-mismatch"}, false},
		{"Date ok", `{"displayName": "w", "day": "2020-02-29"}`, false, nil, true},
		{"Date not leap", `{"displayName": "w", "day": "2021-02-29"}`, false, []string{"10:29 error type-mismatch"}, false},
		{"Date five-digit year", `{"displayName": "w", "day": "10000-01-01"}`, false, []string{"10:29 error type-mismatch"}, false},
		{"Date with time", `{"displayName": "w", "day": "2021-02-01T00:00:00Z"}`, false, []string{"10:29 error type-mismatch"}, false},
		{"TimeOfDay ok", `{"displayName": "w", "at": "23:59:59.1234567"}`, false, nil, true},
		{"TimeOfDay bad", `{"displayName": "w", "at": "24:00:00"}`, false, []string{"10:28 error type-mismatch"}, false},
		{"Duration ok", `{"displayName": "w", "span": "P1DT2H30M"}`, false, nil, true},
		{"Duration bare P", `{"displayName": "w", "span": "PT"}`, false, []string{"10:30 error type-mismatch"}, false},
		{"Duration clock", `{"displayName": "w", "span": "01:00:00"}`, false, []string{"10:30 error type-mismatch"}, false},
		{"base64 ok", `{"displayName": "w", "data": "aGVsbG8="}`, false, nil, true},
		{"base64 url alphabet", `{"displayName": "w", "data": "a-_b"}`, false, []string{"10:30 error type-mismatch"}, false},
		{"base64 missing padding", `{"displayName": "w", "data": "aGVsbG8"}`, false, []string{"10:30 error type-mismatch"}, false},
		{"base64 line break lossy", `{"displayName": "w", "data": "aGVs\nbG8="}`, false, []string{"10:30 warning lossy-value"}, false},
		{"Guid is any string", `{"displayName": "w", "key": "{guid}"}`, false, nil, true},
		{"object vs array", `{"displayName": "w", "part": []}`, false, []string{"10:30 error type-mismatch"}, false},
		{"array vs object", `{"displayName": "w", "tags": {}}`, false, []string{"10:30 error type-mismatch"}, false},
		{"scalar for collection", `{"displayName": "w", "tags": "a"}`, false, []string{"10:30 error type-mismatch"}, false},
		{"null property is fine", `{"displayName": "w", "count": null, "part": null, "tags": null}`, false, nil, true},
		{"null in string collection", `{"displayName": "w", "tags": ["a", null]}`, false, []string{"10:36 error type-mismatch"}, false},
		{"null in struct collection", `{"displayName": "w", "parts": [null]}`, false, []string{"10:32 error type-mismatch"}, false},
		{"null in binary collection", `{"displayName": "w", "blobs": [null]}`, false, nil, true},
		{"null in unresolved collection", `{"displayName": "w", "mysteries": [null, 1, "x"]}`, false, nil, true},
		{"unresolved takes anything", `{"displayName": "w", "mystery": [1, {"a": 2}], "extra": {"any": [true]}}`, false, nil, true},
		{"nested struct checked", "{\"displayName\": \"w\",\n \"parts\": [{\"size\": 1}, {\"size\": \"2\", \"nom\": 1}]}", false,
			[]string{"11:34 error type-mismatch", "11:39 warning unknown-property"}, false},
		{"enum ok", `{"displayName": "w", "status": "active"}`, false, nil, true},
		{"enum unknown member", `{"displayName": "w", "status": "activ"}`, false, []string{"10:32 warning unknown-enum-member"}, true},
		{"enum not a string", `{"displayName": "w", "status": 1}`, false, []string{"10:32 error type-mismatch"}, false},
		{"flags ok", `{"displayName": "w", "flags": "red, blue"}`, false, nil, true},
		{"flags unknown part", `{"displayName": "w", "flags": "red,pink"}`, false, []string{"10:31 warning unknown-enum-member"}, true},
		{"missing required", `{"count": 1}`, false, []string{"10:1 warning missing-required"}, true},
		{"missing required truncated", `{"count": 1}`, true, nil, true},
		{"nested missing required", `{"displayName": "w", "part": {"name": "p"}}`, false, []string{"10:30 warning missing-required"}, true},
		{"odata.type same type", `{"@odata.type": "#microsoft.graph.widget", "displayName": "w"}`, false, nil, true},
		{"odata.type other case", `{"@odata.type": "#microsoft.graph.Widget", "displayName": "w"}`, false, nil, true},
		{"odata.type derived", `{"@odata.type": "#microsoft.graph.specialWidget", "displayName": "w", "special": 1}`, false, nil, true},
		{"odata.type derived checked", `{"@odata.type": "#microsoft.graph.specialWidget", "displayName": "w", "special": "x"}`, false,
			[]string{"10:82 error type-mismatch"}, true},
		{"odata.type unrelated", `{"@odata.type": "#microsoft.graph.other", "displayName": "w", "x": "1"}`, false,
			[]string{"10:17 error odata-type-mismatch", "10:63 warning unknown-property"}, true},
		{"odata.type unknown", `{"@odata.type": "#microsoft.graph.nowhere", "displayName": "w"}`, false,
			[]string{"10:17 warning odata-type-mismatch"}, true},
		{"duplicate key", `{"displayName": "w", "displayName": "v"}`, false, []string{"10:22 warning duplicate-key"}, true},
		{"top-level array", `[{"displayName": "w"}]`, false, []string{"10:1 error type-mismatch"}, false},
		{"top-level null", `null`, false, []string{"10:1 error type-mismatch"}, false},
		{"crlf positions", "{\r\n  \"count\": \"x\",\r\n  \"displayName\": \"w\"\r\n}", false, []string{"11:12 error type-mismatch"}, false},
	}
	ds := fixture()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Example(ds, "microsoft.graph.widget", &ir.Block{Text: tc.body, Pos: bodyPos}, tc.truncated)
			if diff := cmp.Diff(tc.want, brief(got)); diff != "" {
				t.Errorf("diagnostics (-want +got):\n%s\nall: %v", diff, got)
			}
			for _, d := range got {
				if d.Pos.File != bodyPos.File || !strings.HasPrefix(d.Message, "example body: ") {
					t.Errorf("bad diagnostic %v", d)
				}
			}
			if c := Conforms(ds, ref("microsoft.graph.widget"), tc.body); c != tc.conforms {
				t.Errorf("Conforms = %v, want %v", c, tc.conforms)
			}
		})
	}
}

func TestExampleMessages(t *testing.T) {
	ds := fixture()
	body := "{\"displayName\": \"w\",\n \"parts\": [{\"size\": \"2\"}], \"statu\": \"x\", \"status\": \"Active\"}"
	got := New(ds).Body(ref("microsoft.graph.widget"), &ir.Block{Text: body, Pos: ir.Pos{File: "f.md", Line: 3, Col: 1}},
		Options{Label: "request body", Request: true, Required: []string{"key"}})
	want := []string{
		`f.md:3:1: warning: missing-required: request body: required property "key" of microsoft.graph.widget is missing`,
		`f.md:4:21: error: type-mismatch: request body: parts[0].size: want Int32, got string "2"`,
		`f.md:4:28: warning: unknown-property: request body: statu: property "statu" is not a property of microsoft.graph.widget; did you mean "status"`,
		`f.md:4:52: warning: unknown-enum-member: request body: status: "Active" is not a member of microsoft.graph.widgetStatus; did you mean "active"`,
	}
	got.Sort()
	var lines []string
	for _, d := range got {
		lines = append(lines, d.String())
	}
	if diff := cmp.Diff(want, lines); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestExampleTypeNames(t *testing.T) {
	ds := fixture()
	blk := func(s string) *ir.Block { return &ir.Block{Text: s, Pos: bodyPos} }
	if got := Example(ds, "String", blk(`1`), false); len(got) != 1 || got[0].Code != "type-mismatch" {
		t.Errorf("primitive: %v", got)
	}
	if got := Example(ds, "microsoft.graph.widgetStatus", blk(`"nope"`), false); len(got) != 1 || got[0].Code != "unknown-enum-member" {
		t.Errorf("enum: %v", got)
	}
	if got := Example(ds, "microsoft.graph.unknown", blk(`{"a": 1}`), false); len(got) != 0 {
		t.Errorf("unknown type: %v", got)
	}
	if got := Example(nil, "x", blk(`{`), false); len(got) != 1 || got[0].Code != "invalid-json" {
		t.Errorf("nil docset: %v", got)
	}
	if got := Example(ds, "x", nil, false); got != nil {
		t.Errorf("nil body: %v", got)
	}
	if Conforms(ds, refs("microsoft.graph.part"), `[{"size": 1}, {"name": "x"}]`) != true {
		t.Errorf("collection body should conform")
	}
	if Conforms(ds, ref("microsoft.graph.part"), "  ") {
		t.Errorf("empty body conforms")
	}
}

func TestInferredAndOpenTypes(t *testing.T) {
	ds := fixture()
	ds.Types = append(ds.Types, &ir.Type{Name: "guess", Namespace: "microsoft.graph", Inferred: true,
		Properties: []ir.Property{{Name: "a", Type: prim("Int32"), Required: true}}})
	c := New(ds)
	blk := &ir.Block{Text: `{"b": 1, "a": "x"}`, Pos: bodyPos}
	got := brief(c.Body(ref("microsoft.graph.guess"), blk, Options{Request: true}))
	if diff := cmp.Diff([]string{"10:15 error type-mismatch"}, got); diff != "" {
		t.Errorf("inferred (-want +got):\n%s", diff)
	}
	blk = &ir.Block{Text: `{"size": 1, "anything": true}`, Pos: bodyPos}
	if got := c.Body(ref("microsoft.graph.part"), blk, Options{}); len(got) != 1 {
		t.Errorf("closed type: %v", got)
	}
	wblk := &ir.Block{Text: `{"displayName": "w", "owner": {"id": "u"}, "special": 1}`, Pos: bodyPos}
	if got := brief(c.Body(ref("microsoft.graph.specialWidget"), wblk, Options{})); len(got) != 1 {
		t.Errorf("relationship before UsePages: %v", got)
	}
	c.UsePages([]*ir.Page{nil, {Resources: []*ir.Resource{nil, {Name: "Part", OpenType: true}, {Name: "loose"},
		{Name: "widget", Relationships: []ir.Property{{Name: "owner"}}}}}})
	if got := c.Body(ref("microsoft.graph.specialWidget"), wblk, Options{}); len(got) != 0 {
		t.Errorf("inherited relationship: %v", got)
	}
	if got := c.Body(ref("microsoft.graph.part"), blk, Options{}); len(got) != 0 {
		t.Errorf("open type: %v", got)
	}
	blk = &ir.Block{Text: `{"@odata.type": "#microsoft.graph.loose", "size": 1}`, Pos: bodyPos}
	got = nil
	for _, d := range c.Body(ref("microsoft.graph.part"), blk, Options{}) {
		got = append(got, d.String())
	}
	want := []string{`api/widget-post.md:10:17: warning: odata-type-mismatch: example body: @odata.type: "#microsoft.graph.loose" is not declared as derived from microsoft.graph.part (no baseType or "Inherits from" on its page)`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("page-defined type (-want +got):\n%s", diff)
	}
}
