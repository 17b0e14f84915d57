package parser

import (
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
	"github.com/google/go-cmp/cmp"
)

// TestOperationSections reads what the operation pages other than creates
// need: a request line written on the fence line, the statuses and the
// "collection" of the Response prose, the parameter tables and the OData
// options a query parameters section names (not those it says are not
// supported).
func TestOperationSections(t *testing.T) {
	src := "---\ndoc_type: apiPageType\n---\n# List schools\n\n## HTTP request\n\n" +
		"```http GET /education/schools?startDateTime={start}\n```\n\n" +
		"## Function parameters\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n| period | String | Required. |\n\n" +
		"## Optional query parameters\n\n| Name | Value | Description |\n|:--|:--|:--|\n| `$filter` | string | Filter. |\n\n" +
		"| Query parameter | Type | Description |\n|:--|:--|:--|\n| startDateTime | String | The start. Required. |\n\n" +
		"This method supports the `$select` and `$top` parameters. It does not support `$orderby`.\n\n" +
		"## Response\n\nIf successful, this method returns a `200 OK` or `302 Found` response code and a collection of objects.\n"
	p, _ := ParsePage("api/educationroot-list-schools.md", []byte(src))
	op := p.Operation
	if op == nil {
		t.Fatal("no operation")
	}
	want := []ir.PathSyntax{{Method: "GET", Template: "/education/schools?startDateTime={start}",
		Pos: ir.Pos{File: "api/educationroot-list-schools.md", Line: 8, Col: 9}}}
	if diff := cmp.Diff(want, op.Paths); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{200, 302}, op.Response.Statuses); diff != "" || !op.Response.Collection {
		t.Errorf("response: statuses %v (-want +got %s), collection %v", op.Response.Statuses, diff, op.Response.Collection)
	}
	names := func(ps []ir.Property) (out []string) {
		for _, p := range ps {
			out = append(out, p.Name)
		}
		return out
	}
	if diff := cmp.Diff([]string{"period"}, names(op.FunctionParams)); diff != "" {
		t.Errorf("function parameters (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"startDateTime"}, names(op.QueryParams)); diff != "" || !op.QueryParams[0].Required {
		t.Errorf("query parameters (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"$filter", "$select", "$top"}, op.ODataOptions); diff != "" {
		t.Errorf("OData options (-want +got):\n%s", diff)
	}
}
