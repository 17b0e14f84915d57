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
		{"/drives/{drive-id}/items/{parent-id}:/{filename}:/content", "POST /drives/{driveID}/items/{parentID}:/{filename}:/content", ""},
		{"/me/drive/root:/{item-path}:/content", "POST /me/drive/root:/{itemPath}:/content", ""},
		{"/drive/root:/{path and filename}:/content?format={format}", "POST /drive/root:/{pathAndFilename}:/content", ""},
		{"/me/drive/root:/{item-path}", "POST /me/drive/root:/{itemPath}:", ""}, // at the end, the closing colon is optional
		{"/sites/{hostname}:/{relative-path}", "POST /sites/{hostname}:/{relativePath}:", ""},
		{"/me/drive/root:/FolderA/FileB.txt:/content", "POST /me/drive/root:/FolderA/FileB.txt:/content", ""}, // a sample path stays literal
		{"/x/{id}:y", "", "placeholder inside segment"},
		{"/user/profile/account{id}", "", "placeholder inside segment"},
		{"/users('{id}')/events", "POST /users('{userID}')/events", ""},
		{"/financials/companies('{id}')/accounts('{id}')", "POST /financials/companies('{companyID}')/accounts('{accountID}')", ""},
		{"/workbook/worksheets({id})/charts", "POST /workbook/worksheets({worksheetID})/charts", ""},
		{"/programs('b3f1-x')", "POST /programs('{programID}')", ""},
		{"/format/borders(<sideIndex>)", "POST /format/borders('{sideIndex}')", ""},
		{"/sites/<hostname>/x", "POST /sites/{hostname}/x", ""},
		{"/reports/getEmailActivityCounts(period='{period_value}')", "POST /reports/getEmailActivityCounts(period='{period}')", ""},
		{"/w/{id}/range(address='<address>')/format", "POST /w/{wID}/range(address='{address}')/format", ""},
		{"/charts/{id}/image(width=640,height=480, fittingMode='fit')", "POST /charts/{chartID}/image(width={width},height={height},fittingMode='{fittingMode}')", ""},
		{"/a/f(period='{p}')/g(period={q})", "POST /a/f(period='{period}')/g(period={period2})", ""},
		{"/me/events/delta()", "POST /me/events/delta()", ""},
		{"/me/messages('{id}')/x/{id}", "POST /me/messages('{messageID}')/x/{xID}", ""},
		{"/a(b/c)/d", "POST /a({aID})/d", ""}, // a sample key
		{"/a(1,b=2)", "", "malformed"},
		{"/a(b", "", "unbalanced"},
		{"/a($filter=x)", "", "not a name"},
		{"/a('x", "", "unbalanced"},
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
	for i, c := range []struct {
		tmpl  string
		owner int // the endpoint already serving the same requests, -1 for none
	}{
		{"/users/{id}/events", -1},
		{"/users/{user-id}/events", 0}, // same requests, other wildcard name
		{"/USERS/{id}/Events", 0},      // literals ignore case
		{"/users('{id}')/events", 0},   // a key is a segment
		{"/users/me/events", -1},       // literal is more specific
		{"/{x}/me/events", -1},         // overlaps, but is less specific at the first segment
		{"/users/{id}/events/{e}", -1}, // longer
		{"/reports/f(a='{x}',b={y})", -1},
		{"/reports/f(b={y},a='{z}')", 7}, // parameters in any order
		{"/reports/f(a='{x}')", -1},      // other parameters
	} {
		r, err := parseRoute("POST", c.tmpl)
		if err != nil {
			t.Fatal(err)
		}
		owner, ok, err := rt.add(r, i)
		if c.owner < 0 && (!ok || err != nil) || c.owner >= 0 && (ok || owner != c.owner) {
			t.Errorf("add(%q) = %d, %v, %v; want owner %d", c.tmpl, owner, ok, err, c.owner)
		}
	}
	for _, c := range []struct {
		method, path string
		want         int
	}{
		{"POST", "/users/42/events", 0},
		{"POST", "/users('42')/events", 0},
		{"POST", "/users/me/events", 4},
		{"POST", "/groups/me/events", 5},
		{"POST", "/reports/f(b=1,a='x')", 7},
		{"POST", "/reports/f(a='x')", 9}, // the exact parameters win
		{"POST", "/reports/f(b=1)", 7},   // an optional parameter omitted
		{"POST", "/reports/f(c=1)", -1},  // an unknown one
		{"GET", "/users/42/events", -1},
	} {
		if got := rt.match(c.method, c.path); got != c.want {
			t.Errorf("match(%s %s) = %d, want %d", c.method, c.path, got, c.want)
		}
	}
}

// TestRouteFillValues checks that the generator's client paths (fill) and
// example values (values) use the runtime's rules: quotes doubled in
// OData strings, values escaped, Params order kept.
// TestRouteDrivePaths: drive path addressing (root:/{path}:, an item's
// {parent-id}:/{filename}:) is routed: the plan's router matches what the
// client builds from a multi-segment path, and the documented shapes.
func TestRouteDrivePaths(t *testing.T) {
	rt := newRouter()
	for i, tmpl := range []string{
		"/me/drive/root:/{item-path}:/content",
		"/me/drive/items/{parent-id}:/{filename}:/content",
		"/me/drive/root:/{item-path}",
		"/me/drive/items/{item-id}/content",
	} {
		r, err := parseRoute("GET", tmpl)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok, err := rt.add(r, i); !ok || err != nil {
			t.Fatalf("add(%q): %v", tmpl, err)
		}
	}
	for _, c := range []struct {
		path string
		want int
	}{
		{"/me/drive/root:/Folder%20A/File.txt:/content", 0},
		{"/me/drive/root:/File.txt:/content", 0},
		{"/me/drive/items/p1:/sub/File.txt:/content", 1},
		{"/me/drive/root:/Folder/File.txt:", 2},
		{"/me/drive/root:/Folder/File.txt", 2},
		{"/me/drive/items/i1/content", 3},
		{"/me/drive/root:/Folder//File.txt:/content", -1},
		{"/me/drive/root:/:/content", -1},
	} {
		if got := rt.match("GET", c.path); got != c.want {
			t.Errorf("match(%s) = %d, want %d", c.path, got, c.want)
		}
	}
	r, _ := parseRoute("GET", "/me/drive/items/{parent-id}:/{filename}:/content")
	path, err := r.fill([]string{"p 1", "a b/c:d.txt"})
	if want := "/me/drive/items/p%201:/a%20b/c%3Ad.txt:/content"; err != nil || path != want {
		t.Errorf("fill = %q, %v; want %q", path, err, want)
	}
	if got, ok := r.values(path); !ok || strings.Join(got, "|") != "p 1|a b/c:d.txt" {
		t.Errorf("values(%q) = %q, %v", path, got, ok)
	}
	for _, bad := range []string{"/a", "a//b", "a/", "a/../b"} {
		if path, err := r.fill([]string{"p", bad}); err == nil {
			t.Errorf("fill with path %q = %q, want an error", bad, path)
		}
	}
}

func TestRouteFillValues(t *testing.T) {
	r, err := parseRoute("GET", "/companies('{id}')/items/{id}/f(period='{p}',n={n})")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"O'Brien", "a/b", "D7", "3"}
	path, err := r.fill(args)
	if want := "/companies('O%27%27Brien')/items/a%2Fb/f(period='D7',n=3)"; err != nil || path != want {
		t.Fatalf("fill = %q, %v; want %q", path, err, want)
	}
	got, ok := r.values("/companies/O%27Brien/items/a%2Fb/f(n=3,period='D7')")
	if !ok || strings.Join(got, "|") != strings.Join(args, "|") {
		t.Errorf("values = %q, %v; want %q", got, ok, args)
	}
	if _, ok := r.values("/companies/x/items/y/f(n=3)"); ok {
		t.Error("values matched a call missing a parameter")
	}
}

// FuzzParseRoute checks that parseRoute never panics and that every route
// it accepts is one the generated package's router registers, with the
// route's wildcards as its names: a request line the plan keeps is never
// dropped at run time.
func FuzzParseRoute(f *testing.F) {
	for _, s := range []string{"/users/{id}/events", "/financials/companies('{id}')/items", "/a/f(p='{x}',q=1)/g(p={y})",
		"/range(<address>)", "/x('a''b')", "/me/events/delta()", "/a/{id}/{id}", "/a/b:/{c}:/d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tmpl string) {
		r, err := parseRoute("GET", tmpl)
		if err != nil {
			return
		}
		if _, ok, err := newRouter().add(r, 0); !ok {
			t.Fatalf("parseRoute(%q) = %q, which the router rejects: %v", tmpl, r.Pattern(), err)
		}
		var names []string
		for _, p := range r.Params() {
			names = append(names, p.Param)
		}
		path, err := r.fill(names)
		if err != nil {
			t.Fatalf("fill(%q, %q): %v", r.Path(), names, err)
		}
		if got, ok := r.values(path); !ok || strings.Join(got, "/") != strings.Join(names, "/") {
			t.Fatalf("route %q: the client path %q gives back %q, %v", r.Pattern(), path, got, ok)
		}
	})
}
