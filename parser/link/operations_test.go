package link

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/google/go-cmp/cmp"
)

// parseDir parses every Markdown page under dir/api and dir/resources,
// named as docs2go names them ("api/x.md").
func parseDir(t *testing.T, dir string) []*ir.Page {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.md"))
	if len(files) == 0 {
		t.Fatalf("no pages under %s", dir)
	}
	var pages []*ir.Page
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, f)
		p, _ := parser.ParsePage(filepath.ToSlash(rel), src)
		if p == nil {
			t.Fatalf("%s: not parsed", f)
		}
		pages = append(pages, p)
	}
	return pages
}

// opSummary is what TestOperations checks of an endpoint.
type opSummary struct {
	Kind          ir.OpKind
	Method        string
	Paths         []string
	Status        int
	Statuses      []int
	Body          string // Target, or "Name" for a primitive
	Params        []string
	Result        string // Target; "[]" prefix for a collection
	Query         []string
	OData         []string
	Content       string
	ResultContent string
	Redirect      bool
	Examples      int
}

func summarize(ep *ir.Endpoint) opSummary {
	ref := func(r *ir.TypeRef) string {
		if r == nil {
			return ""
		}
		s := r.Target
		if r.Primitive || s == "" {
			s = r.Name
			if s == "" {
				s = r.Raw
			}
		}
		if r.Collection {
			s = "[]" + s
		}
		return s
	}
	s := opSummary{Kind: ep.Kind, Method: ep.Method, Status: ep.Status, Statuses: ep.Statuses,
		Body: ref(ep.Body), Result: ref(ep.Result), OData: ep.OData, Content: ep.Content,
		ResultContent: ep.ResultContent, Redirect: ep.Redirect, Examples: len(ep.Examples)}
	for _, p := range ep.Paths {
		s.Paths = append(s.Paths, p.Template)
	}
	for _, p := range ep.Parameters {
		r := p.Name + " " + ref(&p.Type)
		if p.Required {
			r += " required"
		}
		s.Params = append(s.Params, r)
	}
	for _, q := range ep.Query {
		r := q.Name
		if q.Required {
			r += " required"
		}
		s.Query = append(s.Query, r)
	}
	return s
}

// TestOperations links hand-written pages of every operation kind and
// checks what each endpoint says (testdata/ops).
func TestOperations(t *testing.T) {
	ds, diags := Link(parseDir(t, filepath.Join("testdata", "ops")))
	got := map[string]opSummary{}
	for _, ep := range ds.Endpoints {
		key := ep.Page
		if _, dup := got[key]; dup {
			key += "#2"
		}
		got[key] = summarize(ep)
	}
	const user, message = "microsoft.graph.user", "microsoft.graph.message"
	want := map[string]opSummary{
		"api/user-get.md": {Kind: ir.OpGet, Method: "GET", Paths: []string{"/users/{id | userPrincipalName}", "/me"},
			Status: 200, Result: user, OData: []string{"$select", "$expand"}, Examples: 1},
		"api/user-list.md": {Kind: ir.OpList, Method: "GET", Paths: []string{"users"}, Status: 200,
			Result: "[]" + user, Examples: 1},
		// No prose type: the element's @odata.type names it.
		"api/user-list-manager.md": {Kind: ir.OpList, Method: "GET", Paths: []string{"/users/{id}/directReports"},
			Status: 200, Result: "[]" + user, Examples: 1},
		// The file names the resource; a 204 answers nothing.
		"api/user-update.md": {Kind: ir.OpUpdate, Method: "PATCH", Paths: []string{"/users/{id | userPrincipalName}"},
			Status: 204, Body: user, Examples: 1},
		// The Response prose names it, and the 200 answers it.
		"api/message-update.md": {Kind: ir.OpUpdate, Method: "PATCH", Paths: []string{"/me/messages/{id}"},
			Status: 200, Body: message, Result: message, Examples: 1},
		"api/user-delete.md": {Kind: ir.OpDelete, Method: "DELETE", Paths: []string{"/users/{id}"}, Status: 204, Examples: 1},
		"api/group-delete-members.md": {Kind: ir.OpDelete, Method: "DELETE",
			Paths: []string{"/groups/{id}/members/{id}/$ref",
				"/groups/{id}/members/$ref?$id=https://graph.microsoft.com/v1.0/directoryObjects/{id}"},
			Status: 204},
		"api/group-post-members.md": {Kind: ir.OpAction, Method: "POST", Paths: []string{"/groups/{id}/members/$ref"},
			Status: 204, Params: []string{"@odata.id String required"}, Examples: 1},
		"api/user-sendmail.md": {Kind: ir.OpAction, Method: "POST",
			Paths:  []string{"/me/sendMail", "/users/{id | userPrincipalName}/sendMail"},
			Status: 202, Params: []string{"message " + message + " required", "saveToSentItems Boolean"}, Examples: 1},
		"api/directoryobject-getmembergroups.md": {Kind: ir.OpAction, Method: "POST",
			Paths: []string{"/directoryObjects/{id}/getMemberGroups"}, Status: 200,
			Params: []string{"securityEnabledOnly Boolean required"}, Result: "[]String", Examples: 1},
		"api/reportroot-getemailactivitycounts.md": {Kind: ir.OpFunction, Method: "GET",
			Paths:  []string{"/reports/getEmailActivityCounts(period='{period_value}')"},
			Status: 302, Params: []string{"period String required"}, Redirect: true, Examples: 1},
		// The request line lacks the call; the example shows it.
		"api/devicemanagement-geteffectivepermissions.md": {Kind: ir.OpFunction, Method: "GET",
			Paths:  []string{"/deviceManagement/getEffectivePermissions(scope='{scope}')"},
			Status: 200, Params: []string{"scope String"}, Result: "[]microsoft.graph.rolePermission", Examples: 1},
		"api/user-delta.md": {Kind: ir.OpFunction, Method: "GET", Paths: []string{"/users/delta"}, Status: 200,
			Result: "[]" + user, Examples: 1},
		// A function written as POST.
		"api/range-columnsafter.md": {Kind: ir.OpFunction, Method: "POST",
			Paths:  []string{"/workbook/worksheets/{id}/range/columnsAfter(count=n)"},
			Status: 200, Params: []string{"count String required"}},
		"api/profilephoto-get.md": {Kind: ir.OpGet, Method: "GET", Paths: []string{"/me/photo/$value"}, Status: 200,
			ResultContent: "image/jpeg", Examples: 1},
		"api/driveitem-put-content.md": {Kind: ir.OpPut, Method: "PUT",
			Paths:  []string{"/drives/{drive-id}/items/{item-id}/content"},
			Status: 200, Content: "text/plain", Examples: 1},
		"api/calendar-list-calendarview.md": {Kind: ir.OpList, Method: "GET",
			Paths:  []string{"/me/calendarView?startDateTime={start_datetime}&endDateTime={end_datetime}"},
			Status: 200, Result: "[]" + user, Query: []string{"startDateTime required", "endDateTime required"},
			OData: []string{"$select", "$top"}},
		// "collection" in the prose, but a redirect: a get.
		"api/reportroot-getoffice365activationcounts.md": {Kind: ir.OpGet, Method: "GET",
			Paths: []string{"/reports/getOffice365ActivationCounts"}, Status: 302, Redirect: true, Examples: 1},
		// A list that types nothing answers raw JSON items.
		"api/user-list-devices.md": {Kind: ir.OpList, Method: "GET", Paths: []string{"/users/{id}/devices"}, Status: 200,
			Result: "[]" + untypedAnswer},
		// An object and its content on one page: two gets, each with its
		// own example.
		"api/message-get.md": {Kind: ir.OpGet, Method: "GET", Paths: []string{"/me/messages/{id}"}, Status: 200,
			Result: message, Examples: 1},
		"api/message-get.md#2": {Kind: ir.OpGet, Method: "GET", Paths: []string{"/me/messages/{id}/$value"}, Status: 200,
			ResultContent: "text/plain", Examples: 1},
		// Two DELETE lines and one POST: two operations, the more
		// frequent method first.
		"api/driveitem-unfollow.md": {Kind: ir.OpDelete, Method: "DELETE",
			Paths: []string{"/me/drive/following/{item-id}", "/drives/{drive-id}/following/{item-id}"}, Status: 204},
		"api/driveitem-unfollow.md#2": {Kind: ir.OpAction, Method: "POST",
			Paths: []string{"/me/drive/items/{item-id}/unfollow"}, Status: 204},
	}
	for _, page := range slices.Sorted(maps.Keys(want)) {
		if diff := cmp.Diff(want[page], got[page]); diff != "" {
			t.Errorf("%s (-want +got):\n%s", page, diff)
		}
	}
	// Nothing documents what the widget update sends: a skip, with a
	// warning at the page.
	i := slices.IndexFunc(ds.Skipped, func(s ir.Skip) bool { return s.Page == "api/widget-update.md" })
	if i < 0 {
		t.Fatalf("api/widget-update.md: not skipped; skips %+v", ds.Skipped)
	}
	if s := ds.Skipped[i]; s.Kind != ir.OpUpdate || s.Method != "PATCH" || !strings.Contains(s.Reason, "no request body type") ||
		s.Pos.File != "api/widget-update.md" || s.Pos.Line == 0 {
		t.Errorf("widget-update skip: %+v", s)
	}
	if !slices.ContainsFunc(diags, func(d ir.Diagnostic) bool {
		return d.Code == ir.CodeOperationSkipped && d.Pos.File == "api/widget-update.md"
	}) {
		t.Errorf("no %s warning for api/widget-update.md in %v", ir.CodeOperationSkipped, diags)
	}
	// The types the endpoints reach are kept: rolePermission only through
	// a function's result, message through an action's parameter.
	for _, name := range []string{user, message, "microsoft.graph.rolePermission"} {
		if !slices.ContainsFunc(ds.Types, func(ty *ir.Type) bool { return ty.QualifiedName() == name }) {
			t.Errorf("type %s not kept", name)
		}
	}
}
