package generator

import (
	"strings"
	"testing"
)

func TestParseRoute(t *testing.T) {
	for _, c := range []struct{ tmpl, want, err string }{
		{"/deviceManagement/androidDeviceOwnerEnrollmentProfiles", "POST /deviceManagement/androidDeviceOwnerEnrollmentProfiles", ""},
		{"deviceManagement/x", "POST /deviceManagement/x", ""},
		{"/users/{id}/events", "POST /users/{userID}/events", ""},
		{"/users/{user-id}/events", "POST /users/{userID}/events", ""},
		{"/users/{id | userPrincipalName}/events", "POST /users/{userID}/events", ""},
		{"/groups/{id}/threads/{id}/posts/{id}/reply", "POST /groups/{groupID}/threads/{threadID}/posts/{postID}/reply", ""},
		{"/users/{id}/messages/{id}", "POST /users/{userID}/messages/{messageID}", ""},
		{"/me/messages/{id}", "POST /me/messages/{messageID}", ""},
		{"/categories/{id}/policies/{id}", "POST /categories/{categoryID}/policies/{policyID}", ""},
		{"/{id}/x", "POST /{id}/x", ""},
		{"/a/{id}/{id}", "POST /a/{aID}/{id}", ""},
		{"/a/{id}/a/{id}", "POST /a/{aID}/a/{aID2}", ""},
		{"/mobileApps/{id}/microsoft.graph.iosVppApp/{id}", "POST /mobileApps/{mobileAppID}/microsoft.graph.iosVppApp/{id}", ""},
		{"/users/{id}/microsoft.graph.user/manager", "POST /users/{userID}/microsoft.graph.user/manager", ""},
		{"/me/events?$select=subject", "POST /me/events", ""},
		{"https://graph.microsoft.com/beta/me/events", "POST /beta/me/events", ""},
		{"/sites/{site-id}/lists/{list-id}/items/", "POST /sites/{siteID}/lists/{listID}/items", ""},
		{"//me//events", "POST /me/events", ""},
		{"/x/{type}", "POST /x/{type_}", ""},
		{"/x/{}", "POST /x/{x}", ""},
		{"/x/{ id }/y/{ID}", "POST /x/{xID}/y/{yID}", ""},
		{"/me/photo/$value", "POST /me/photo/$value", ""},
		{"/drives/{drive-id}/items/{parent-id}:/{filename}:/content", "", "placeholder inside segment"},
		{"/users('{id}')/events", "", "placeholder inside segment"},
		{"/users/{id/events", "", "unbalanced"},
		{"/users/id}/events", "", "unbalanced"},
		{"/a b/c", "", "cannot hold"},
		{"/a%20b", "", "cannot hold"},
		{"", "", "no segments"},
		{"?x=1", "", "no segments"},
	} {
		r, err := parseRoute("post", c.tmpl)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("parseRoute(%q) error %v, want %q", c.tmpl, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("parseRoute(%q): %v", c.tmpl, err)
			continue
		}
		if got := r.Pattern(); got != c.want {
			t.Errorf("parseRoute(%q) = %q, want %q", c.tmpl, got, c.want)
		}
	}
	if _, err := parseRoute("PO ST", "/x"); err == nil {
		t.Error("bad method accepted")
	}
}

func TestRouterConflicts(t *testing.T) {
	rt := newRouter()
	add := func(tmpl string, ep int) error {
		r, err := parseRoute("POST", tmpl)
		if err != nil {
			t.Fatal(err)
		}
		return rt.add(r, ep)
	}
	for _, c := range []struct {
		tmpl     string
		conflict bool
	}{
		{"/users/{id}/events", false},
		{"/users/{user-id}/events", true}, // same pattern, other wildcard name
		{"/users/{id}/events", true},      // duplicate
		{"/users/me/events", false},       // literal is more specific
		{"/{x}/{y}/events", false},        // wildcard is less specific everywhere
		{"/{x}/me/events", true},          // overlaps /users/{id}/events, neither more specific
		{"/users/{id}/events/{e}", false}, // longer
		{"/groups/{id}/events", false},    // disjoint
		{"/users/{id}/calendar/events", false},
	} {
		err := add(c.tmpl, 1)
		if (err != nil) != c.conflict {
			t.Errorf("add(%q) = %v, want conflict=%v", c.tmpl, err, c.conflict)
		}
	}
	if got := rt.match("POST", "/users/42/events"); got != 1 {
		t.Errorf("match = %d, want 1", got)
	}
	if got := rt.match("GET", "/users/42/events"); got != -1 {
		t.Errorf("match GET = %d, want -1", got)
	}
}
