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
