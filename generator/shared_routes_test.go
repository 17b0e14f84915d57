package generator

import (
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// TestSharedRouteRule plans testdata/contract/sharedroutes (see its
// README): the message page owns its four routes with its own body type,
// the extended-property page posting to /me/messages is served by it with
// a warning, and POST /users goes to the canonical page, not the stub.
func TestSharedRouteRule(t *testing.T) {
	plan, diags, err := NewPlan(readDocSet(t, "testdata/contract/sharedroutes/input.json"))
	if err != nil {
		t.Fatal(err)
	}
	byPage := map[string]*endpointInfo{}
	for _, e := range plan.endpoints {
		byPage[path.Base(e.ep.Page)] = e
	}
	msg := byPage["user-post-messages.md"]
	if msg == nil || !msg.ok || len(msg.routes) != 4 || msg.body.Target != "microsoft.graph.message" {
		t.Fatalf("message page: %+v, want 4 routes with body microsoft.graph.message", msg)
	}
	var params []string
	for _, p := range msg.params {
		params = append(params, p.wildcard+"/"+p.field)
	}
	if want := []string{"userID/UserID", "mailFolderID/MailFolderID"}; !slices.Equal(params, want) {
		t.Errorf("params %q, want %q", params, want)
	}
	if ext := byPage["singlevaluelegacyextendedproperty-post-singlevalueextendedproperties.md"]; ext == nil || ext.primary != msg {
		t.Errorf("extended-property page is not served by the message page: %+v", ext)
	}
	if stub := byPage["intune-shared-user-create.md"]; stub == nil || stub.primary != byPage["user-post-users.md"] {
		t.Errorf("POST /users: the stub page is not a member of user-post-users.md: %+v", stub)
	}
	warned := slices.ContainsFunc(diags, func(d ir.Diagnostic) bool {
		return d.Code == ir.CodeSharedRouteTypes && strings.Contains(d.Pos.File, "singlevaluelegacyextendedproperty")
	})
	if !warned {
		t.Errorf("no shared-route-types warning on the extended-property page: %v", diags)
	}
}

// TestSharedStubJoinsCanonicalGet: intune-shared-user-get.md documents
// GET /users/{usersId} with one request line; user-get.md documents it
// with GET /me too. The canonical page owns the route (GetUser) and the
// stub joins it, although its single line spreads less.
func TestSharedStubJoinsCanonicalGet(t *testing.T) {
	user := &ir.TypeRef{Name: "user", Target: "microsoft.graph.user"}
	get := func(page string, paths ...string) *ir.Endpoint {
		ep := &ir.Endpoint{Kind: ir.OpGet, Page: page, Method: "GET", Result: user, Status: 200, Pos: ir.Pos{File: page, Line: 1, Col: 1}}
		for _, p := range paths {
			ep.Paths = append(ep.Paths, ir.PathSyntax{Method: "GET", Template: p})
		}
		return ep
	}
	ds := &ir.DocSet{
		Types: []*ir.Type{{Name: "user", Namespace: "microsoft.graph", Properties: []ir.Property{{Name: "id", Type: ir.TypeRef{Name: "String", Primitive: true}}}}},
		Endpoints: []*ir.Endpoint{
			get("api/intune-shared-user-get.md", "/users/{usersId}"),
			get("api/user-get.md", "/users/{id | userPrincipalName}", "/me"),
		},
	}
	plan, _, err := NewPlan(ds)
	if err != nil {
		t.Fatal(err)
	}
	byPage := map[string]*endpointInfo{}
	for _, e := range plan.endpoints {
		byPage[path.Base(e.ep.Page)] = e
	}
	canonical, stub := byPage["user-get.md"], byPage["intune-shared-user-get.md"]
	if canonical == nil || !canonical.ok || canonical.name != "GetUser" || len(canonical.routes) != 2 {
		t.Fatalf("user-get.md: %+v, want GetUser with both routes", canonical)
	}
	if stub == nil || stub.primary != canonical {
		t.Errorf("intune-shared-user-get.md is not a member of user-get.md: %+v", stub)
	}
}
