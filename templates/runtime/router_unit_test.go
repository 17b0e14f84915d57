package runtime

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
)

// routeSet is a route set with the path shapes of the Graph reference:
// literals in two spellings, keys, functions, casts, $value, $ref.
var routeSet = []string{
	"GET /users",
	"POST /users",
	"GET /users/{userID}",
	"PATCH /users/{userID}",
	"GET /users/delta()",
	"GET /users/delta(token='{token}')",
	"GET /drives/{driveID}/root:/{itemPath}:/content",
	"PUT /drives/{driveID}/items/{parentID}:/{filename}:/content",
	"GET /drives/{driveID}/root:/{itemPath}:",
	"GET /drives/{driveID}/items/{itemID}/content",
	"GET /sites/{siteID}/getActivitiesByInterval(startDateTime='{startDateTime}',endDateTime='{endDateTime}',interval='{interval}')",
	"GET /users/{userID}/messages/{messageID}",
	"GET /users/{userID}/messages/{messageID}/$value",
	"GET /me/mailFolders/deletedItems/messages",
	"GET /me/messages/delta",
	"GET /me/messages/{messageID}",
	"GET /{a}/me/messages",
	"GET /financials/companies('{companyID}')/customers",
	"POST /financials/companies({companyID})/customers",
	"GET /programs/{programID}",
	"GET /reports/getEmailActivityCounts(period='{period}')",
	"GET /reports/getOffice365ActiveUserDetail(period='{period}')",
	"GET /reports/getOffice365ActiveUserDetail(date={date})",
	"GET /reports/getYammer(period='D7',date={date})",
	"GET /reports/getYammer(period={period},date={date})",
	"GET /workbook/worksheets/{worksheetID}/range(address='{address}')/format",
	"GET /workbook/worksheets/{worksheetID}/range()/format",
	"GET /directory/deletedItems/microsoft.graph.group",
	"POST /groups/{groupID}/members/$ref",
	"DELETE /groups/{groupID}/members/{memberID}/$ref",
}

// newTestRouter registers routeSet, each route answering its pattern and
// path values.
func newTestRouter(t testing.TB) *router {
	rt := newRouter()
	for _, p := range routeSet {
		err := rt.Handle(p, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			e, _ := rt.match(r.Method, r.URL.EscapedPath())
			fmt.Fprint(w, r.Pattern)
			for _, n := range e.names {
				fmt.Fprintf(w, " %s=%s", n, r.PathValue(n))
			}
		}))
		if err != nil {
			t.Fatal(err)
		}
	}
	return rt
}

func TestRouterMatch(t *testing.T) {
	rt := newTestRouter(t)
	for _, c := range []struct{ method, path, want string }{
		{"GET", "/users", "GET /users"},
		{"GET", "/USERS", "GET /users"},
		{"GET", "/users/", "GET /users"},
		{"GET", "/users/42", "GET /users/{userID} userID=42"},
		{"GET", "/users/a%2Fb%20c", "GET /users/{userID} userID=a/b c"},
		{"GET", "/users('42')", "GET /users/{userID} userID=42"},
		{"GET", "/users(42)", "GET /users/{userID} userID=42"},
		{"GET", "/users('O''Brien')", "GET /users/{userID} userID=O'Brien"},
		{"GET", "/users('a%2Fb')/messages('m(1),2')", "GET /users/{userID}/messages/{messageID} userID=a/b messageID=m(1),2"},
		{"GET", "/users/delta", "GET /users/delta()"},
		{"GET", "/users/Delta()", "GET /users/delta()"},
		{"GET", "/users('delta')", "GET /users/{userID} userID=delta"}, // a key is a value, never a literal
		{"GET", "/users/u/messages/m/$value", "GET /users/{userID}/messages/{messageID}/$value userID=u messageID=m"},
		{"GET", "/me/mailfolders/deleteditems/messages", "GET /me/mailFolders/deletedItems/messages"},
		{"GET", "/me/messages/delta", "GET /me/messages/delta"},
		{"GET", "/me/messages/x", "GET /me/messages/{messageID} messageID=x"},
		{"GET", "/users/me/messages", "GET /{a}/me/messages a=users"},
		{"GET", "/financials/companies('c1')/customers", "GET /financials/companies('{companyID}')/customers companyID=c1"},
		{"GET", "/financials/companies/c1/customers", "GET /financials/companies('{companyID}')/customers companyID=c1"},
		{"POST", "/financials/companies('c1')/customers", "POST /financials/companies({companyID})/customers companyID=c1"},
		{"GET", "/programs('p')", "GET /programs/{programID} programID=p"},
		{"GET", "/reports/getEmailActivityCounts(period='D7')", "GET /reports/getEmailActivityCounts(period='{period}') period=D7"},
		{"GET", "/reports/getemailactivitycounts(Period='D''7')", "GET /reports/getEmailActivityCounts(period='{period}') period=D'7"},
		{"GET", "/reports/getEmailActivityCounts(period=%27D7%27)", "GET /reports/getEmailActivityCounts(period='{period}') period=D7"},
		{"GET", "/reports/getOffice365ActiveUserDetail(date=2019-01-01)", "GET /reports/getOffice365ActiveUserDetail(date={date}) date=2019-01-01"},
		{"GET", "/reports/getOffice365ActiveUserDetail(period='D30')", "GET /reports/getOffice365ActiveUserDetail(period='{period}') period=D30"},
		{"GET", "/reports/getYammer(date=2019-01-01,period='D7')", "GET /reports/getYammer(period='D7',date={date}) date=2019-01-01"},
		{"GET", "/reports/getYammer(date=2019-01-01,period='D30')", "GET /reports/getYammer(period={period},date={date}) date=2019-01-01 period=D30"},
		// OData's optional function parameters: a call naming some of a
		// route's parameters, in any order, reaches it with the others
		// empty; a call naming exactly a route's parameters is preferred.
		{"GET", "/reports/getYammer(date=2019-01-01)", "GET /reports/getYammer(period={period},date={date}) date=2019-01-01 period="},
		{"GET", "/reports/getEmailActivityCounts()", "GET /reports/getEmailActivityCounts(period='{period}') period="},
		{"GET", "/reports/getEmailActivityCounts", "GET /reports/getEmailActivityCounts(period='{period}') period="},
		{"GET", "/sites/s/getActivitiesByInterval(interval='day',startDateTime='2017-01-01')", "GET /sites/{siteID}/getActivitiesByInterval(startDateTime='{startDateTime}',endDateTime='{endDateTime}',interval='{interval}') siteID=s endDateTime= interval=day startDateTime=2017-01-01"},
		{"GET", "/users/delta(token='t1')", "GET /users/delta(token='{token}') token=t1"},
		{"GET", "/users/delta", "GET /users/delta()"},
		// Drive path addressing: root:/{path}: and {item}:/{path}: take
		// the segments up to the first ending in ":"; at the end of the
		// path the closing ":" is optional.
		{"GET", "/drives/d/root:/Folder%20A/File.txt:/content", "GET /drives/{driveID}/root:/{itemPath}:/content driveID=d itemPath=Folder A/File.txt"},
		{"GET", "/drives/d/ROOT:/File.txt:/content", "GET /drives/{driveID}/root:/{itemPath}:/content driveID=d itemPath=File.txt"},
		{"GET", "/drives/d/root:/a%3Ab/c%2Fd:/content", "GET /drives/{driveID}/root:/{itemPath}:/content driveID=d itemPath=a:b/c/d"},
		{"PUT", "/drives/d/items/p1:/sub/File.txt:/content", "PUT /drives/{driveID}/items/{parentID}:/{filename}:/content driveID=d parentID=p1 filename=sub/File.txt"},
		{"GET", "/drives/d/root:/Folder/File.txt:", "GET /drives/{driveID}/root:/{itemPath}: driveID=d itemPath=Folder/File.txt"},
		{"GET", "/drives/d/root:/Folder/File.txt", "GET /drives/{driveID}/root:/{itemPath}: driveID=d itemPath=Folder/File.txt"},
		{"GET", "/drives/d/root:/Folder/content", "GET /drives/{driveID}/root:/{itemPath}: driveID=d itemPath=Folder/content"},
		{"GET", "/drives/d/items/i1/content", "GET /drives/{driveID}/items/{itemID}/content driveID=d itemID=i1"},
		{"GET", "/workbook/worksheets/w/range(address='A1:B2')/format", "GET /workbook/worksheets/{worksheetID}/range(address='{address}')/format worksheetID=w address=A1:B2"},
		{"GET", "/workbook/worksheets/w/range()/format", "GET /workbook/worksheets/{worksheetID}/range()/format worksheetID=w"},
		{"GET", "/workbook/worksheets/w/range/format", "GET /workbook/worksheets/{worksheetID}/range()/format worksheetID=w"},
		{"GET", "/directory/deletedItems/microsoft.graph.group", "GET /directory/deletedItems/microsoft.graph.group"},
		{"POST", "/groups/g/members/$ref", "POST /groups/{groupID}/members/$ref groupID=g"},
		{"DELETE", "/groups/g/members/m/$ref", "DELETE /groups/{groupID}/members/{memberID}/$ref groupID=g memberID=m"},
		{"HEAD", "/users", "GET /users"},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(c.method, "http://x"+c.path, nil)
		withErrorShape(rt).ServeHTTP(rec, req)
		if got := rec.Body.String(); rec.Code != 200 || got != c.want {
			t.Errorf("%s %s = %d %q, want %q", c.method, c.path, rec.Code, got, c.want)
		}
	}
}

func TestRouterNoMatch(t *testing.T) {
	rt := newTestRouter(t)
	for _, c := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{"DELETE", "/users", 405, "GET, HEAD, POST"},
		{"POST", "/users/42", 405, "GET, HEAD, PATCH"},
		{"PUT", "/financials/companies('c')/customers", 405, "GET, HEAD, POST"},
		{"GET", "/nothing", 404, ""},
		{"GET", "/users//messages/m", 404, ""},
		{"GET", "/users/../users", 404, ""},
		{"GET", "/users/42/messages", 404, ""},
		{"GET", "/reports/getEmailActivityCounts(period='D7',extra=1)", 404, ""},
		{"GET", "/reports/getEmailActivityCounts(days='D7')", 404, ""},
		{"GET", "/reports/getEmailActivityCounts(period='D7)", 404, ""},
		{"GET", "/reports/getYammer(period='D7',period='D7')", 404, ""},
		{"GET", "/reports/getYammer(date=1,date=2)", 404, ""},
		{"GET", "/drives/d/root:/a//b:/content", 404, ""},
		{"GET", "/drives/d/root:/a/../b:/content", 404, ""},
		{"GET", "/drives/d/root:/:/content", 404, ""},
		{"GET", "/drives/d/root:/a/%2E%2E/b:/content", 404, ""},
		{"GET", "/drives/d/root:/a%2F%2Fb:/content", 404, ""},
		{"PUT", "/drives/d/items/p1:/content", 405, "GET, HEAD"},
		{"GET", "/reports/getYammer(period='D7',date=1,extra=2)", 404, ""},
		{"GET", "/users(,)", 404, ""},
		{"GET", "/", 404, ""},
	} {
		rec := httptest.NewRecorder()
		withErrorShape(rt).ServeHTTP(rec, httptest.NewRequest(c.method, "http://x"+c.path, nil))
		if rec.Code != c.status || rec.Header().Get("Allow") != c.allow || !strings.Contains(rec.Body.String(), `"error":{"code":"`) {
			t.Errorf("%s %s = %d Allow %q %s, want %d Allow %q", c.method, c.path, rec.Code, rec.Header().Get("Allow"), rec.Body, c.status, c.allow)
		}
		if rec.Header().Get("request-id") == "" {
			t.Errorf("%s %s: no request-id", c.method, c.path)
		}
	}
	if e, _ := rt.match("GET", "/users/%zz"); e != nil { // net/http rejects such URLs before routing
		t.Errorf("a bad escape matched %q", e.pattern)
	}
}

func TestRouterRegistration(t *testing.T) {
	rt := newTestRouter(t)
	for _, c := range []struct{ pattern, err string }{
		{"GET /USERS/{id}", `serves the same requests as "GET /users/{userID}"`},
		{"GET /users/delta", `same requests as "GET /users/delta()"`},
		{"POST /financials/companies/{c}/customers", `same requests as "POST /financials/companies({companyID})/customers"`},
		{"GET /reports/getYammer(date={d},period='D7')", `same requests as "GET /reports/getYammer(period='D7',date={date})"`},
		{"GET /a/{x}/b/{x}", `wildcard "x" twice`},
		{"GET /a/f(p={x},q={x})", `wildcard "x" twice`},
		{"GET /a/f(p={x},p={y})", "unnamed or repeated"},
		{"GET /a/f('x')", "a key must be a wildcard"},
		{"GET /a/f(p='{x}y')", "whole parameter value"},
		{"GET /a/b{x}", "whole segment"},
		{"GET /a/{x}()", "whole segment"},
		{"GET /a/../b", "dot segment"},
		{"GET /a/{}", "bad wildcard name"},
		{"GET /DRIVES/{d}/Root:/{p}:/content", `same requests as "GET /drives/{driveID}/root:/{itemPath}:/content"`},
		{"GET /a//b", "whole segment"},
		{"get /a", "want \"METHOD /path\""},
		{"GET a", "want \"METHOD /path\""},
		{"/a", "want \"METHOD /path\""},
	} {
		err := rt.Handle(c.pattern, http.NotFoundHandler())
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("Handle(%q) = %v, want %q", c.pattern, err, c.err)
		}
	}
	// The first registration keeps serving.
	if e, _ := rt.match("GET", "/users/1"); e == nil || e.pattern != "GET /users/{userID}" {
		t.Errorf("after a conflict, GET /users/1 is served by %v", e)
	}
}

// TestRouterFillRoundTrip checks that what the client sends reaches the
// route it was built from, with the same values: quotes, slashes, commas
// and parentheses in values included.
func TestRouterFillRoundTrip(t *testing.T) {
	rt := newTestRouter(t)
	values := []string{"O'Brien", "a/b", "x,y=(1)", "100%", "é ü", "''", "2019-01-01"}
	for _, p := range routeSet {
		method, route, _ := strings.Cut(p, " ")
		ep := &EndpointInfo{Operation: "Op", Method: method, Patterns: []string{p}}
		unquoted := strings.Contains(route, "({") || strings.Contains(route, "={")
		for _, v := range values {
			e, _ := rt.match(method, route)
			params := slices.Repeat([]string{v}, len(e.names))
			path, err := fillRoute(ep, route, params)
			if unquoted && strings.ContainsAny(v, "'(),=") {
				if err == nil || !strings.Contains(err.Error(), "not an unquoted OData value") {
					t.Errorf("fillRoute(%q, %q) = %q, %v; want an error", route, v, path, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("fillRoute(%q): %v", route, err)
			}
			got, vals := rt.match(method, path)
			if got != e || !slices.Equal(vals, params) {
				t.Errorf("%s: fillRoute gives %q, routed to %v with %q", p, path, got, vals)
			}
		}
	}
}

// FuzzRouter matches random requests against routeSet plus one random
// pattern: the router never panics, and a match binds one value per
// wildcard to a route of the request's method.
func FuzzRouter(f *testing.F) {
	f.Add("GET /a/f(p='{x}')/{y}", "GET", "/a/f(p='1')/2")
	f.Add("POST /c('{id}')", "POST", "/c(''')")
	f.Add("GET /x", "GET", "/reports/getYammer(date=1,period='D7')")
	f.Add("GET /{a}/{b}/{c}", "HEAD", "/users('a')/messages(,)/%41")
	f.Fuzz(func(t *testing.T, pattern, method, path string) {
		rt := newTestRouter(t)
		rt.Handle(pattern, http.NotFoundHandler())
		e, vals := rt.match(method, path)
		if e == nil {
			rt.allowed(path)
			return
		}
		if len(vals) != len(e.names) || e.method != method && (method != "HEAD" || e.method != "GET") {
			t.Errorf("%s %q matched %q with values %q", method, path, e.pattern, vals)
		}
	})
}

// benchRoutes returns n corpus-like patterns ServeMux accepts too, and a
// path for each.
func benchRoutes(n int) (patterns, paths []string) {
	owners := []string{"users", "groups", "sites", "drives", "teams", "devices", "applications", "servicePrincipals",
		"deviceManagement", "deviceAppManagement", "education", "planner", "communications", "identity", "policies"}
	children := []string{"messages", "events", "calendars", "contacts", "members", "owners", "photos", "drive",
		"extensions", "settings", "channels", "tabs", "lists", "items", "permissions", "assignments", "deviceConfigurations",
		"mobileApps", "roleDefinitions", "managedDevices"}
	for i := 0; len(patterns) < n; i++ {
		o, c := owners[i%len(owners)], children[(i/len(owners))%len(children)]
		switch (i / (len(owners) * len(children))) % 3 {
		case 0:
			patterns = append(patterns, "POST /"+o+"/{ownerID}/"+c)
			paths = append(paths, "/"+o+"/o1/"+c)
		case 1:
			patterns = append(patterns, "GET /"+o+"/{ownerID}/"+c+"/{childID}")
			paths = append(paths, "/"+o+"/o1/"+c+"/c1")
		default:
			patterns = append(patterns, "GET /"+o+"/{ownerID}/"+c+"/{childID}/microsoft.graph.thing")
			paths = append(paths, "/"+o+"/o1/"+c+"/c1/microsoft.graph.thing")
		}
	}
	return patterns, paths
}

// BenchmarkRouter compares the router with ServeMux on the seed's one
// route and on a few hundred corpus-like routes, the handler reading the
// path values ("serve"; each request is new: r.SetPathValue allocates on a
// request that ServeMux did not route, which a reused request would
// hide), and the matching alone ("match").
func BenchmarkRouter(b *testing.B) {
	seed := []string{"POST /deviceManagement/androidDeviceOwnerEnrollmentProfiles"}
	seedPaths := []string{"/deviceManagement/androidDeviceOwnerEnrollmentProfiles"}
	corpus, corpusPaths := benchRoutes(600)
	for _, set := range []struct {
		name            string
		patterns, paths []string
	}{{"seed", seed, seedPaths}, {"corpus600", corpus, corpusPaths}} {
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _ = r.PathValue("ownerID") })
		mux, rt := http.NewServeMux(), newRouter()
		for _, p := range set.patterns {
			mux.Handle(p, h)
			if err := rt.Handle(p, h); err != nil {
				b.Fatal(err)
			}
		}
		reqs := make([]*http.Request, len(set.paths))
		for i, p := range set.paths {
			method, _, _ := strings.Cut(set.patterns[i], " ")
			reqs[i] = httptest.NewRequest(method, "http://x"+p, nil)
		}
		b.Run(set.name+"/match/ServeMux", func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				mux.Handler(reqs[i%len(reqs)])
			}
		})
		b.Run(set.name+"/match/router", func(b *testing.B) {
			for i := 0; b.Loop(); i++ {
				r := reqs[i%len(reqs)]
				s := search{method: r.Method}
				rt.lookup(&s, r.URL.EscapedPath())
			}
		})
		for _, impl := range []struct {
			name string
			h    http.Handler
		}{{"ServeMux", mux}, {"router", rt}} {
			b.Run(set.name+"/serve/"+impl.name, func(b *testing.B) {
				w := httptest.NewRecorder()
				b.ReportAllocs()
				for i := 0; b.Loop(); i++ {
					r := new(http.Request) // a fresh request, as a server gives each
					*r = *reqs[i%len(reqs)]
					impl.h.ServeHTTP(w, r)
				}
			})
		}
	}
}
