package generator

import (
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

func TestGoName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"accountId", "AccountID"},
		{"@odata.type", "ODataType"},
		{"x@odata.bind", "XODataBind"},
		{"androidDeviceOwnerEnrollmentProfile", "AndroidDeviceOwnerEnrollmentProfile"},
		{"roleScopeTagIds", "RoleScopeTagIDs"},
		{"**qrCodeImage**", "QrCodeImage"},
		{"webUrl (deprecated)", "WebURL"},
		{"HTTPServer", "HTTPServer"},
		{"ipv4Address", "Ipv4Address"},
		{"user-id", "UserID"},
		{"snake_case_name", "SnakeCaseName"},
		{"10thValue", "X10thValue"},
		{"", "X"},
		{"***", "X"},
		{"type", "Type"},
		{"café", "Café"},
		{"日本", "X日本"},
		{"a😀b", "AB"},
		{"windows10General", "Windows10General"},
		{"unknownFutureValue", "UnknownFutureValue"},
		{"Some Value", "SomeValue"},
		{"id | userPrincipalName", "IDUserPrincipalName"},
	} {
		if got := goName(c.in); got != c.want {
			t.Errorf("goName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLocalName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"id", "id"}, {"user-id", "userID"}, {"ID", "id"}, {"type", "type_"}, {"string", "string_"},
		{"userPrincipalName", "userPrincipalName"}, {"1st", "x1st"}, {"", "x"}, {"OData", "odata"},
		{"日本", "日本"},
	} {
		if got := localName(c.in); got != c.want {
			t.Errorf("localName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLayoutFiles(t *testing.T) {
	for _, c := range []struct{ name, models, endpoints string }{
		{"AndroidDeviceOwnerEnrollmentProfile", "models_a.go", "endpoints_a"},
		{"CreateAndroidDeviceOwnerEnrollmentProfile", "models_c.go", "endpoints_a"},
		{"Create", "models_c.go", "endpoints_c"},
		{"CreatedDateTime", "models_c.go", "endpoints_c"},
		{"ZebraLinux", "models_z.go", "endpoints_z"},
		{"X日本", "models_x.go", "endpoints_x"},
		{"Äpfel", "models_other.go", "endpoints_other"},
		{"", "models_other.go", "endpoints_other"},
	} {
		if got := modelsFile(c.name); got != c.models {
			t.Errorf("modelsFile(%q) = %q, want %q", c.name, got, c.models)
		}
		if got := endpointsStem(c.name); got != c.endpoints {
			t.Errorf("endpointsStem(%q) = %q, want %q", c.name, got, c.endpoints)
		}
	}
}

func TestNamerCollisions(t *testing.T) {
	var diags ir.Diagnostics
	n := newNamer(&diags, "Server")
	got := n.assign([]want{
		{Key: "b.server", Base: "Server", What: "type"},
		{Key: "a.fooBar", Base: "FooBar", What: "type"},
		{Key: "c.foo_bar", Base: "FooBar", What: "type"},
		{Key: "d.enum", Base: "Enum", What: "enum", Derive: func(b string) []string { return []string{b, b + "Values"} }},
		{Key: "e.enumValues", Base: "EnumValues", What: "type"},
	})
	wantNames := map[string]string{"b.server": "Server2", "a.fooBar": "FooBar", "c.foo_bar": "FooBar2", "d.enum": "Enum", "e.enumValues": "EnumValues2"}
	for k, v := range wantNames {
		if got[k] != v {
			t.Errorf("%s got %q, want %q", k, got[k], v)
		}
	}
	if len(diags) != 3 {
		t.Errorf("got %d diagnostics, want 3: %v", len(diags), diags)
	}
	for _, d := range diags {
		if d.Code != "name-collision" || d.Severity != ir.Warning {
			t.Errorf("diagnostic %v, want a name-collision warning", d)
		}
	}
}

func TestEndpointName(t *testing.T) {
	for _, c := range []struct {
		kind       opKind
		tmpl, want string
	}{
		{opCreate, "/deviceManagement/androidDeviceOwnerEnrollmentProfiles", "CreateAndroidDeviceOwnerEnrollmentProfile"},
		{opCreate, "/users/{id}/events", "CreateEvent"},
		{opCreate, "/me/messages/{id}/microsoft.graph.createReply", "CreateReply"},
		{opCreate, "/policies/activityBasedTimeoutPolicies", "CreateActivityBasedTimeoutPolicy"},
		{opCreate, "/directory/administrativeUnits", "CreateAdministrativeUnit"},
		{opCreate, "/identity/b2cUserFlows/{id}/userAttributeAssignments", "CreateUserAttributeAssignment"},
		{opCreate, "/addresses", "CreateAddress"},
		{opCreate, "/{id}", "Create"},
		{opGet, "/users/{id}", "GetUser"},
		{opGet, "/me", "GetUser"},
		{opList, "/users", "ListUsers"},
		{opUpdate, "/users/{id}", "UpdateUser"},
		{opDelete, "/users/{id}", "DeleteUser"},
		{opDelete, "/groups/{id}/members/{id}/$ref", "DeleteMemberRef"},
		{opGet, "/me/photo/$value", "GetPhotoValue"},
		{opAction, "/me/sendMail", "SendMail"},
		{opAction, "/groups/{id}/members/$ref", "AddMemberRef"},
		{opFunction, "/users/delta", "Delta"},
		{opPut, "/groups/{id}/team", "PutTeam"},
		{opAction, "/{id}", "Call"},
		{opList, "/createdObjects", "ListCreatedObjects"},
		{opGet, "/me/createdObjects/{id}", "GetCreatedObject"},
	} {
		r, err := parseRoute("POST", c.tmpl)
		if err != nil {
			t.Fatal(err)
		}
		if got := endpointName(r, c.kind); got != c.want {
			t.Errorf("endpointName(%s %q) = %q, want %q", c.kind, c.tmpl, got, c.want)
		}
	}
}

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"policy": "policies", "status": "statuses", "day": "days", "user": "users", "box": "boxes"} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}
