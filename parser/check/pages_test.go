package check

import (
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/google/go-cmp/cmp"
)

func at(line int) ir.Pos { return ir.Pos{File: "api/x.md", Line: line, Col: 1} }

func req(line int, url string) *ir.HTTPMessage {
	return &ir.HTTPMessage{Method: "POST", URL: url, Pos: at(line)}
}

func opPage(paths []string, exs ...ir.Example) *ir.Page {
	op := &ir.Operation{Method: "POST", Examples: exs}
	for i, p := range paths {
		op.Paths = append(op.Paths, ir.PathSyntax{Method: "POST", Template: p, Pos: at(i + 1)})
	}
	return &ir.Page{File: "api/x.md", Kind: ir.PageAPI, Operation: op}
}

func TestURLMismatch(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		url   string
		want  bool // a url-mismatch is reported
	}{
		{"absolute beta", []string{"/users/{id | userPrincipalName}/events"}, "https://graph.microsoft.com/beta/users/abc/events", false},
		{"v1.0 typo case", []string{"/users/{id}/events"}, "https://graph.microsoft.com/V1.0/users/abc/events", false},
		{"relative, no slash", []string{"policies/activityBasedTimeoutPolicies"}, "/v1.0/policies/activityBasedTimeoutPolicies", false},
		{"query ignored", []string{"/users?$filter={x}"}, "https://graph.microsoft.com/v1.0/users?$select=id", false},
		{"placeholder in example", []string{"/groups/{id}/threads"}, "/beta/groups/{id}/threads", false},
		{"repeated placeholder", []string{"/groups/{id}/conversations/{id}/threads"}, "/v1.0/groups/1/conversations/2/threads", false},
		{"type cast", []string{"/deviceAppManagement/mobileApps/{mobileAppId}/microsoft.graph.mobileLobApp/contentVersions"},
			"https://graph.microsoft.com/beta/deviceAppManagement/mobileApps/{mobileAppId}/microsoft.graph.mobileLobApp/contentVersions", false},
		{"drive path", []string{"/drives/{drive-id}/root:/{item-path}:/children"}, "/v1.0/drives/b!x/root:/a/b c.txt:/children", false},
		{"function params", []string{"/workbook/worksheets/{id}/range(address='<address>')"}, "/beta/workbook/worksheets/s/range(address='A1:B2')", false},
		{"case differs", []string{"/deviceManagement/roleDefinitions"}, "https://graph.microsoft.com/beta/devicemanagement/roleDefinitions", false},
		{"trailing slash", []string{"/me/events"}, "https://graph.microsoft.com/v1.0/me/events/", false},
		{"absolute template", []string{"https://graph.microsoft.com/beta/me/events"}, "/me/events", false},
		{"second template", []string{"/me/events", "/users/{id}/events"}, "/v1.0/users/u/events", false},
		{"drive root alias", []string{"/me/drive/items/{item-id}/children"}, "/v1.0/me/drive/root/children", false},
		{"drive path alias", []string{"/drives/{drive-id}/items/{item-id}/children"}, "/v1.0/drives/d/root:/a/b.txt:/children", false},
		{"site root is no item", []string{"/sites/{site-id}/lists"}, "/v1.0/sites/root/lists", false},
		{"workbook relative", []string{"/workbook/worksheets/{id|name}/range(address='<address>')"},
			"https://graph.microsoft.com/v1.0/me/drive/items/01/workbook/worksheets/Sheet1/range(address='A1:B2')", false},
		{"version placeholder", []string{"/connectors"}, "https://graph.microsoft.com/{ver}/connectors", false},
		{"odata key", []string{"/users/{id}/people"}, "https://graph.microsoft.com/v1.0/users('a@b.com')/people", false},
		{"callback host skipped", []string{"/app/calls/{id}/answer"}, "https://bot.contoso.com/api/calls", false},
		{"workbook needs workbook", []string{"/workbook/tables"}, "/v1.0/me/drive/items/1/tables", true},
		{"tilde", []string{"~/onPremisesPublishingProfiles/{publishingType}/agentGroups"}, "/beta/onPremisesPublishingProfiles/provisioning/agentGroups", false},
		{"key with equals", []string{"/me/mailFolders/inbox/messagerules/{id}"}, "/beta/me/mailfolders/inbox/messagerules('AQAAAJ5dZqA=')", false},
		{"function values", []string{"/drives/{drive-id}/items/{item-id}/getActivitiesByInterval(startDateTime='2017-01-01',endDateTime='2017-01-03')"},
			"/beta/drives/d/items/i/getActivitiesByInterval(startDateTime='2018-01-01',endDateTime='2018-01-03',interval='day')", false},
		{"me alias", []string{"/users/{id | userPrincipalName}/messages/{id}/unsubscribe"}, "/beta/me/messages/m/unsubscribe", false},
		{"wrong collection", []string{"/users/{id}/events"}, "https://graph.microsoft.com/v1.0/users/abc/calendars", true},
		{"extra segment", []string{"/users/{id}/events"}, "https://graph.microsoft.com/v1.0/users/abc/def/events", true},
		{"typo", []string{"/deviceManagement/roleDefinitions"}, "/beta/deviceManagement/roleDefinitons", true},
		{"generator junk", []string{"** Collection URI for microsoft.management.services.api.x not found"}, "/beta/x", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := opPage(tc.paths, ir.Example{Request: req(20, tc.url)})
			got := Pages([]*ir.Page{p})
			if (len(got) == 1 && got[0].Code == "url-mismatch") != tc.want || len(got) > 1 {
				t.Errorf("got %v, want mismatch=%v", got, tc.want)
			}
			if tc.want && len(got) == 1 && got[0].Pos != at(20) {
				t.Errorf("position %v, want the request line", got[0].Pos)
			}
		})
	}
	if got := Pages([]*ir.Page{opPage(nil, ir.Example{Request: req(20, "/x")})}); len(got) != 0 {
		t.Errorf("no templates: %v", got)
	}
}

func TestAnnotations(t *testing.T) {
	ann := func(bt string, keys ...string) *ir.Annotation {
		return &ir.Annotation{BlockType: bt, Keys: append([]string{"blockType"}, keys...), Pos: at(30)}
	}
	p := opPage([]string{"/x"})
	// Every annotation of the page, whatever it is attached to: examples,
	// a resource definition, the syntax block.
	for _, a := range []*ir.Annotation{
		ann("request", "name", "sampleKeys"),
		ann("response", "trucated", "@odata.type", "scope", "Truncated"),
		ann("reqeust", "name"), ann("Response"), ann("weird"),
		ann("resource", "@odata.type", "keyPropery"),
		ann("ignored"),
	} {
		p.BlockAnnotations = append(p.BlockAnnotations, *a)
	}
	p.Annotations = []ir.Annotation{{Keys: []string{"type", "section", "tocPath", "descripton"}, Pos: at(90)}}
	var got []string
	for _, d := range Pages([]*ir.Page{p}) {
		got = append(got, string(d.Code)+": "+d.Message)
	}
	want := []string{
		`unknown-annotation-key: annotation: unknown key "Truncated"; did you mean "truncated"`,
		`unknown-annotation-key: annotation: unknown key "keyPropery"; did you mean "keyProperty"`,
		`unknown-annotation-key: annotation: unknown key "scope"; did you mean "scopes"`,
		`unknown-annotation-key: annotation: unknown key "trucated"; did you mean "truncated"`,
		`unknown-block-type: annotation: unknown blockType "Response"; did you mean "response"`,
		`unknown-block-type: annotation: unknown blockType "reqeust"; did you mean "request"`,
		`unknown-block-type: annotation: unknown blockType "weird"`,
		`unknown-annotation-key: page annotation: unknown key "descripton"; did you mean "description"`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestContentLength(t *testing.T) {
	const body = "{\n  \"a\": 1\n}" // 12 bytes LF, 14 CRLF
	tests := []struct {
		value string
		body  string
		want  bool
	}{
		{"12", body, false},
		{"14", body, false},
		{"13", body + "\n", false}, // LF with a final line end
		{"16", body + "\n", false}, // CRLF with a final line end
		{"14", strings.ReplaceAll(body, "\n", "\r\n"), false},
		{"627", body, true},
		{" 12 ", body, false},
		{"{length}", body, true},
		{"0", "", false},
	}
	for _, tc := range tests {
		m := &ir.HTTPMessage{Status: 201, Pos: at(10), Headers: []ir.Header{{Name: "Content-length", Value: tc.value, Pos: at(11)}}}
		if tc.body != "" {
			m.Body = &ir.Block{Text: tc.body, Pos: at(13)}
		}
		got := Pages([]*ir.Page{opPage(nil, ir.Example{Response: m})})
		if (len(got) == 1 && got[0].Code == "content-length" && got[0].Pos == at(11)) != tc.want || len(got) > 1 {
			t.Errorf("Content-Length %q for %q: got %v, want finding=%v", tc.value, tc.body, got, tc.want)
		}
	}
}

func TestNo201Response(t *testing.T) {
	body := &ir.Block{Text: `{"a": 1}`, Pos: at(25)}
	create := func(status int, exs ...ir.Example) *ir.Page {
		p := opPage(nil, exs...)
		p.Operation.Response = &ir.ResponseSpec{Status: status, Pos: at(15)}
		return p
	}
	withBody := &ir.HTTPMessage{Method: "POST", URL: "/x", Body: body, Pos: at(20)}
	tests := []struct {
		name string
		page *ir.Page
		want string // position:message prefix, "" for none
	}{
		{"201 shown", create(201, ir.Example{Request: withBody, Response: &ir.HTTPMessage{Status: 201, Pos: at(30)}}), ""},
		{"200 shown", create(201, ir.Example{Request: withBody, Response: &ir.HTTPMessage{Status: 200, Pos: at(30)}}),
			"api/x.md:30:1: warning: no-201-response: response: the Response section says 201 Created but the example responses answer 200"},
		{"no response", create(201, ir.Example{Request: withBody}),
			"api/x.md:15:1: warning: no-201-response: response: the Response section says 201 Created but the page shows no example response"},
		{"prose says 200", create(200, ir.Example{Request: withBody, Response: &ir.HTTPMessage{Status: 200, Pos: at(30)}}), ""},
		{"no request body", create(201, ir.Example{Request: req(20, "/x"), Response: &ir.HTTPMessage{Status: 204, Pos: at(30)}}), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ""
			for _, d := range Pages([]*ir.Page{tc.page}) {
				got += d.String()
			}
			if got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestPagesNeverPanic(t *testing.T) {
	pages := []*ir.Page{nil, {}, {Operation: &ir.Operation{}},
		{Operation: &ir.Operation{Paths: []ir.PathSyntax{{Template: "{"}}, Examples: []ir.Example{{Request: &ir.HTTPMessage{URL: "/"}}}}}}
	_ = Pages(pages)
	_ = Endpoints(&ir.DocSet{Endpoints: []*ir.Endpoint{nil, {}}}, pages)
}

// TestNotAReferencePage: an empty page, binary garbage and text without a
// title get one positioned warning each; an overview with a title and
// real pages get none.
func TestNotAReferencePage(t *testing.T) {
	garbage := make([]byte, 512)
	for i := range garbage {
		garbage[i] = byte(i*7 + 128)
	}
	tests := []struct {
		name, src string
		want      string // the message's reason; "" for no warning
	}{
		{"empty", "", "no title"},
		{"garbage", string(garbage), "not UTF-8"},
		{"latin-1 title", "# Caf\xe9\n\nSome text.\n", "not UTF-8"},
		{"prose only", "Just some prose.\n\nMore.\n", "no title"},
		{"overview", "# Working with groups\n\nGroups are collections of users.\n", ""},
		{"resource", "# user resource type\n\n## Properties\n\n| Property | Type | Description |\n|:--|:--|:--|\n| id | String | The id. |\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			page, _ := parser.ParsePage("api/x.md", []byte(tc.src))
			var got []string
			for _, d := range Pages([]*ir.Page{page}) {
				if d.Code == ir.CodeNotAReferencePage {
					got = append(got, d.String())
				}
			}
			switch {
			case tc.want == "" && len(got) > 0:
				t.Errorf("got %q, want no not-a-reference-page warning", got)
			case tc.want != "" && (len(got) != 1 || !strings.HasPrefix(got[0], "api/x.md:1:1: warning: not-a-reference-page: ") || !strings.Contains(got[0], tc.want)):
				t.Errorf("got %q, want one warning at api/x.md:1:1 saying %q", got, tc.want)
			}
		})
	}
}
