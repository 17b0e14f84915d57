package link

import (
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
	"github.com/google/go-cmp/cmp"
)

// TestExamplesByOperation: a create page's examples go to the operation
// whose method they use. The endpoint keeps its own and the response-only
// ones; an example of another operation the page documents (PATCH here) is
// that operation's; one whose method is on no request line of the page
// (the PUT to an upload URL of driveitem-createuploadsession.md) is kept as
// unclaimed, for the plan to report, instead of vanishing.
func TestExamplesByOperation(t *testing.T) {
	at := func(line int) ir.Pos { return ir.Pos{File: "api/widget-post-widgets.md", Line: line, Col: 1} }
	req := func(method string, line int) *ir.HTTPMessage {
		return &ir.HTTPMessage{Method: method, URL: "https://graph.microsoft.com/v1.0/widgets", Pos: at(line)}
	}
	created := &ir.HTTPMessage{Status: 201, Pos: at(90)}
	page := &ir.Page{
		File: "api/widget-post-widgets.md", Kind: ir.PageAPI, Title: "Create widget", TitlePos: at(1),
		Operation: &ir.Operation{
			Pos: at(10), Method: "POST",
			Paths: []ir.PathSyntax{
				{Method: "POST", Template: "/widgets", Pos: at(12)},
				{Method: "PATCH", Template: "/widgets/{id}", Pos: at(13)},
			},
			Response: &ir.ResponseSpec{Status: 201},
			Examples: []ir.Example{
				{Request: req("POST", 20), Response: created},
				{Request: req("patch", 40)},
				{Request: req("PUT", 60)},
				{Response: created},
			},
		},
	}
	ds, diags := Link([]*ir.Page{page})
	if len(ds.Endpoints) != 1 {
		t.Fatalf("want one endpoint, got %d (%v)", len(ds.Endpoints), diags)
	}
	lines := func(exs []ir.Example) (got []int) {
		for _, ex := range exs {
			if ex.Request != nil {
				got = append(got, ex.Request.Pos.Line)
			} else {
				got = append(got, ex.Response.Pos.Line)
			}
		}
		return got
	}
	ep := ds.Endpoints[0]
	if diff := cmp.Diff([]int{20, 90}, lines(ep.Examples)); diff != "" {
		t.Errorf("endpoint examples (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{60}, lines(ep.Unclaimed)); diff != "" {
		t.Errorf("unclaimed examples (-want +got):\n%s", diff)
	}
}
