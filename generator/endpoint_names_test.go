package generator

import (
	"fmt"
	"go/token"
	"slices"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

func mustRoute(t *testing.T, tmpl string) route {
	t.Helper()
	r, err := parseRoute("POST", tmpl)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRoutePartsLevels checks the name of a route at each qualifying level.
func TestRoutePartsLevels(t *testing.T) {
	for _, c := range []struct {
		tmpl string
		want []string // levels 0, 1, ...; the last level repeats past the end
	}{
		{"/deviceManagement/androidDeviceOwnerEnrollmentProfiles", []string{"CreateAndroidDeviceOwnerEnrollmentProfile", "CreateDeviceManagementAndroidDeviceOwnerEnrollmentProfile"}},
		{"/chats/{id}/messages", []string{"CreateMessage", "CreateChatMessage"}},
		{"/teams/{id}/channels/{id}/messages", []string{"CreateMessage", "CreateChannelMessage", "CreateTeamChannelMessage"}},
		{"/me/messages", []string{"CreateMessage", "CreateUserMessage"}},
		{"/users/{id | userPrincipalName}/messages", []string{"CreateMessage", "CreateUserMessage"}},
		{"/me/messages/{id}/microsoft.graph.createReply", []string{"CreateReply", "CreateMessageReply", "CreateUserMessageReply"}},
		{"/groups/{id}/members/$ref", []string{"CreateMemberRef", "CreateMemberRef", "CreateGroupMemberRef"}},
		{"~/onPremisesPublishingProfiles/{t}/agents/{id}/agentGroups/$ref", []string{"CreateAgentGroupRef", "CreateAgentGroupRef", "CreateAgentAgentGroupRef", "CreateOnPremisesPublishingProfileAgentAgentGroupRef"}},
		{"https://graph.microsoft.com/beta/education/users", []string{"CreateUser", "CreateEducationUser", "CreateEducationUser"}},
		{"/mobileApps/{id}/microsoft.graph.iosVppApp/assignedLicenses", []string{"CreateAssignedLicense", "CreateIosVppAppAssignedLicense", "CreateMobileAppIosVppAppAssignedLicense"}},
		{"/users/{id}/createdObjects", []string{"CreatedObject", "CreateUserCreatedObject"}},
		{"/workbook/tables/$/add", []string{"CreateAdd", "CreateTableAdd", "CreateWorkbookTableAdd"}},
		{"/policies", []string{"CreatePolicy", "CreatePolicy"}},
		{"/{id}", []string{"Create", "Create"}},
		{"/things/$", []string{"CreateThing", "CreateThing"}},
	} {
		p := routeParts(mustRoute(t, c.tmpl), opCreate)
		for level, want := range c.want {
			if got := p.name(level); got != want {
				t.Errorf("%q level %d: got %s, want %s", c.tmpl, level, got, want)
			}
		}
	}
}

// TestQualify checks the collision rule on groups of request lines: every
// member of a colliding group is qualified, as far as it takes, and ties
// no path can split are left to the numeric suffix.
func TestQualify(t *testing.T) {
	for _, c := range []struct {
		name  string
		tmpls []string
		taken []string
		want  []string
	}{
		{"unique names stay plain",
			[]string{"/deviceManagement/androidDeviceOwnerEnrollmentProfiles", "/users"},
			nil,
			[]string{"CreateAndroidDeviceOwnerEnrollmentProfile", "CreateUser"}},
		{"chat and channel messages",
			[]string{"/teams/{id}/channels/{id}/messages", "/chats/{id}/messages"},
			nil,
			[]string{"CreateChannelMessage", "CreateChatMessage"}},
		{"mail messages, one group further up",
			[]string{"/me/messages", "/me/mailFolders/{id}/messages", "/chats/{id}/messages", "/teams/{id}/channels/{id}/messages"},
			nil,
			[]string{"CreateUserMessage", "CreateMailFolderMessage", "CreateChatMessage", "CreateChannelMessage"}},
		{"repeats until unique, others untouched",
			[]string{"/groups/{id}/threads/{id}/posts/{id}/reply", "/groups/{id}/conversations/{id}/threads/{id}/posts/{id}/reply", "/workbook/comments/{id}/replies", "/chats/{id}/messages/{id}/replies"},
			nil,
			[]string{"CreateGroupThreadPostReply", "CreateConversationThreadPostReply", "CreateCommentReply", "CreateMessageReply"}},
		{"a path that runs out keeps its last name",
			[]string{"/policies", "/identity/conditionalAccess/policies", "/trustFramework/policies"},
			nil,
			[]string{"CreatePolicy", "CreateConditionalAccessPolicy", "CreateTrustFrameworkPolicy"}},
		{"a qualified name meeting another goes on",
			[]string{"/deviceManagement/roleAssignments", "/roleManagement/deviceManagement/roleAssignments", "/roleManagement/directory/roleAssignments"},
			nil,
			[]string{"CreateDeviceManagementRoleAssignment", "CreateRoleManagementDeviceManagementRoleAssignment", "CreateDirectoryRoleAssignment"}},
		{"derived identifiers count: X+Request",
			[]string{"/a/roleAssignments", "/b/roleAssignmentRequests"},
			nil,
			[]string{"CreateARoleAssignment", "CreateBRoleAssignmentRequest"}},
		{"types and fixed names count",
			[]string{"/users/{id}/widgets"},
			[]string{"CreateWidget"},
			[]string{"CreateUserWidget"}},
		{"a true tie is not lengthened",
			[]string{"/x/users", "/x/users", "/education/users"},
			nil,
			[]string{"CreateXUser", "CreateXUser", "CreateEducationUser"}},
		{"a true tie alone stays short",
			[]string{"/x/users", "/x/users"},
			nil,
			[]string{"CreateUser", "CreateUser"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := qualifyTemplates(t, c.tmpls, c.taken)
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func qualifyTemplates(t *testing.T, tmpls, taken []string) []string {
	parts := map[string]nameParts{}
	for i, tmpl := range tmpls {
		parts[fmt.Sprint(i)] = routeParts(mustRoute(t, tmpl), opCreate)
	}
	derive := func(_, b string) []string { return endpointIdents(b, 1) }
	names := qualify(parts, derive, func(id string) bool { return slices.Contains(taken, id) })
	var out []string
	for i := range tmpls {
		out = append(out, names[fmt.Sprint(i)])
	}
	return out
}

// TestQualifyOrderIndependent wants the same names whatever order the
// group is given in (keys are the only thing that can carry order).
func TestQualifyOrderIndependent(t *testing.T) {
	tmpls := []string{"/me/messages", "/chats/{id}/messages", "/teams/{id}/channels/{id}/messages",
		"/me/mailFolders/{id}/messages", "/groups/{id}/members/$ref", "/directoryRoles/{id}/members/$ref",
		"/print/printers/{id}/allowedUsers/$ref", "/print/shares/{id}/allowedUsers/$ref", "/policies", "/trustFramework/policies"}
	want := qualifyTemplates(t, tmpls, nil)
	for i := range tmpls {
		rot := append(slices.Clone(tmpls[i:]), tmpls[:i]...)
		got := qualifyTemplates(t, rot, nil)
		back := append(slices.Clone(got[len(tmpls)-i:]), got[:len(tmpls)-i]...)
		if !slices.Equal(back, want) {
			t.Errorf("rotation %d: got %v, want %v", i, back, want)
		}
	}
}

func TestMemberQualifiersDropTypePrefix(t *testing.T) {
	for _, c := range []struct {
		quals []string
		noun  string
		want  []string
	}{
		{[]string{"ManagedEBook", "DeviceAppManagement"}, "ManagedEBookAssignment", []string{"DeviceAppManagement"}},
		{[]string{"DeviceAppManagement"}, "DeviceAppManagementTask", nil},
		{[]string{"Device"}, "DeviceConfiguration", nil},
		{[]string{"Dev"}, "DeviceConfiguration", []string{"Dev"}}, // whole words only
	} {
		if got := dropLeading(c.quals, c.noun); !slices.Equal(got, c.want) {
			t.Errorf("dropLeading(%v, %s) = %v, want %v", c.quals, c.noun, got, c.want)
		}
	}
}

func TestNSPrefix(t *testing.T) {
	for ns, want := range map[string]string{"microsoft.graph": "Graph", "microsoft.graph.callRecords": "CallRecords", "": "Graph"} {
		if got := nsPrefix(ns); got != want {
			t.Errorf("nsPrefix(%q) = %s, want %s", ns, got, want)
		}
	}
}

// FuzzEndpointNameLevels wants a valid exported identifier starting with
// "Create" at every level of any routable request line.
func FuzzEndpointNameLevels(f *testing.F) {
	for _, s := range []string{"/chats/{id}/messages", "/me/messages/{id}/microsoft.graph.createReply",
		"~/a/$/$ref", "https://graph.microsoft.com/v1.0/users", "/x.y.z()/ü/中文/9lives", "/{id}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tmpl string) {
		r, err := parseRoute("POST", tmpl)
		if err != nil {
			return
		}
		p := routeParts(r, opCreate)
		for level := 0; level <= p.maxLevel()+1; level++ {
			n := p.name(level)
			if !token.IsIdentifier(n) || !token.IsExported(n) || !strings.HasPrefix(n, "Create") {
				t.Fatalf("%q level %d: %q is not an exported identifier starting with Create", tmpl, level, n)
			}
		}
	})
}

// TestAddToCollectionNamed: an action posting into a collection segment
// (one another route addresses by key or lists) with 204 and no
// parameters table is "Add" + the item, as a $ref add is; a 204 action
// on a segment that is no collection, and a collection action with a
// parameters table, keep their own names.
func TestAddToCollectionNamed(t *testing.T) {
	op := func(page string, kind ir.OpKind, method, path string, status int, params ...ir.Property) *ir.Endpoint {
		at := ir.Pos{File: page, Line: 1, Col: 1}
		return &ir.Endpoint{Kind: kind, Page: page, Method: method, Status: status, Pos: at, Parameters: params,
			Paths: []ir.PathSyntax{{Method: method, Template: path, Pos: at}}}
	}
	item := ir.Property{Name: "item", Type: ir.TypeRef{Name: "String", Primitive: true}}
	ds := &ir.DocSet{Endpoints: []*ir.Endpoint{
		op("api/bundle-additem.md", ir.OpAction, "POST", "/drive/bundles/{bundle-id}/children", 204),
		op("api/bundle-removeitem.md", ir.OpDelete, "DELETE", "/drive/bundles/{bundle-id}/children/{item-id}", 204),
		op("api/list-apps.md", ir.OpList, "GET", "/teams/{id}/installedApps", 200),
		op("api/add-app.md", ir.OpAction, "POST", "/teams/{id}/installedApps", 204, item),
		op("api/keyed.md", ir.OpAction, "POST", "/groups/{id}/owners", 204),
		op("api/owner-get.md", ir.OpGet, "GET", "/groups('{id}')/owners('{ownerId}')", 200),
		op("api/sync.md", ir.OpAction, "POST", "/deviceManagement/syncApps", 204),
	}}
	plan, _, err := NewPlan(ds)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"bundle-additem.md": "AddChild", "add-app.md": "InstalledApps", "keyed.md": "AddOwner", "sync.md": "SyncApps"}
	for _, e := range plan.endpoints {
		page := e.ep.Page[strings.LastIndexByte(e.ep.Page, '/')+1:]
		if w, ok := want[page]; ok && e.name != w {
			t.Errorf("%s: named %s, want %s", page, e.name, w)
		}
	}
}

// TestEndpointIdents compares endpointIdents, which cuts its identifiers
// from one string, with their plain spelling, for example counts that
// need one and two digits.
func TestEndpointIdents(t *testing.T) {
	for _, b := range []string{"CreateUser", "X", "Ä"} {
		for _, examples := range []int{0, 1, 9, 10, 12} {
			want := []string{b, b + "Request", b + "At", b + "All", b + "AllAt", b + "Parameters", "handle" + b, "call" + b, "endpoint" + b,
				"Test" + b + "Unimplemented", "Test" + b + "DerivedTypes"}
			for i := 1; i <= examples; i++ {
				n := fmt.Sprint(i)
				want = append(want, "example"+b+"Request"+n, "example"+b+"Response"+n, "Test"+b+"Example"+n)
			}
			if got := endpointIdents(b, examples); !slices.Equal(got, want) {
				t.Errorf("endpointIdents(%q, %d) = %q, want %q", b, examples, got, want)
			}
		}
	}
}

// TestCreateInCollectionNamed: an action posting into a collection
// segment that answers 200 or 202 (Graph's Teams and shifts pages:
// openshift-post.md, team-post.md) creates an item, so it is named as a
// create: "Create" + the item, with or without a parameters table, where
// the segment's own name ("OpenShifts") would read as a thing. Actions on
// other segments keep their own names.
func TestCreateInCollectionNamed(t *testing.T) {
	op := func(page string, kind ir.OpKind, path string, status int, params ...ir.Property) *ir.Endpoint {
		at := ir.Pos{File: page, Line: 1, Col: 1}
		method := map[ir.OpKind]string{ir.OpAction: "POST", ir.OpList: "GET", ir.OpGet: "GET"}[kind]
		return &ir.Endpoint{Kind: kind, Page: page, Method: method, Status: status, Pos: at, Parameters: params,
			Paths: []ir.PathSyntax{{Method: method, Template: path, Pos: at}}}
	}
	item := ir.Property{Name: "teamsApp@odata.bind", Type: ir.TypeRef{Name: "String", Primitive: true}}
	ds := &ir.DocSet{Endpoints: []*ir.Endpoint{
		op("api/openshift-post.md", ir.OpAction, "/teams/{id}/schedule/openShifts", 200),
		op("api/openshift-get.md", ir.OpGet, "/teams/{id}/schedule/openShifts/{openShiftId}", 200),
		op("api/team-post.md", ir.OpAction, "/teams", 202),
		op("api/team-list.md", ir.OpList, "/teams", 200),
		op("api/add-app.md", ir.OpAction, "/teams/{id}/installedApps", 200, item),
		op("api/list-apps.md", ir.OpList, "/teams/{id}/installedApps", 200),
		op("api/team-archive.md", ir.OpAction, "/teams/{id}/archive", 202),
		op("api/findmeetingtimes.md", ir.OpAction, "/me/findMeetingTimes", 200),
		op("api/range-get.md", ir.OpGet, "/workbook/worksheets/{id}/range('{address}')", 200),
		op("api/nameditem-range.md", ir.OpAction, "/workbook/names/{name}/range", 200),
	}}
	plan, _, err := NewPlan(ds)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"openshift-post.md": "CreateOpenShift", "team-post.md": "CreateTeam", "add-app.md": "CreateInstalledApp",
		"team-archive.md": "Archive", "findmeetingtimes.md": "FindMeetingTimes", "nameditem-range.md": "Range"}
	for _, e := range plan.endpoints {
		page := e.ep.Page[strings.LastIndexByte(e.ep.Page, '/')+1:]
		if w, ok := want[page]; ok && e.name != w {
			t.Errorf("%s: named %s, want %s", page, e.name, w)
		}
	}
}
