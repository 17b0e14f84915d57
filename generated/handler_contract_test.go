package generated

// Hand-written (no docs2go header, so the generator leaves it alone):
// the handler contract over the seed endpoint, and the 12 probe cases of
// shared/notes/peers.md §3 where oapi-codegen and ogen go wrong.

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

const seedPath = "/deviceManagement/androidDeviceOwnerEnrollmentProfiles"

// echoServer answers the create with the decoded body plus an id; the
// other operations of the docs are UnimplementedServer's.
type echoServer struct {
	UnimplementedServer
	err error
}

func (s echoServer) CreateAndroidDeviceOwnerEnrollmentProfile(_ context.Context, req *CreateAndroidDeviceOwnerEnrollmentProfileRequest) (*AndroidDeviceOwnerEnrollmentProfile, error) {
	if s.err != nil {
		return nil, s.err
	}
	out := *req.Body
	out.ID = Some("b7162200-2200-b716-0022-16b7002216b7")
	return &out, nil
}

// seedExample is the seed page's documented request body.
func seedExample(t *testing.T) string {
	t.Helper()
	return exampleCreateAndroidDeviceOwnerEnrollmentProfileRequest1
}

// withProp returns the example with key set to the raw JSON value.
func withProp(t *testing.T, key, raw string) string {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(seedExample(t)), &m); err != nil {
		t.Fatal(err)
	}
	m[key] = json.RawMessage(raw)
	data, _ := json.Marshal(m)
	return string(data)
}

func send(h http.Handler, method, target, ct, auth, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestSeedHandlerContract(t *testing.T) {
	const ct, auth = "application/json", "Bearer t"
	ex := seedExample(t)
	for _, c := range []struct {
		name, method, target, ct, auth, body string
		status                               int
		code, msg                            string
		srv                                  Server
	}{
		{"created", "POST", seedPath, ct, auth, ex, 201, "", "", nil},
		{"charset", "POST", seedPath, "application/json; charset=utf-8", auth, ex, 201, "", "", nil},
		{"no auth", "POST", seedPath, ct, "", ex, 401, "InvalidAuthenticationToken", "", nil},
		{"not bearer", "POST", seedPath, ct, "Token abc", ex, 401, "InvalidAuthenticationToken", "Bearer", nil},
		{"xml", "POST", seedPath, "application/xml", auth, ex, 415, "unsupportedMediaType", "", nil},
		{"too large", "POST", seedPath, ct, auth, withProp(t, "description", `"`+strings.Repeat("x", 5<<20)+`"`), 413, "requestEntityTooLarge", "", nil},
		{"malformed", "POST", seedPath, ct, auth, `{"displayName": }`, 400, "badRequest", "byte offset", nil},
		{"empty", "POST", seedPath, ct, auth, ``, 400, "badRequest", "empty", nil},
		{"trailing", "POST", seedPath, ct, auth, ex + `{}`, 400, "badRequest", "after the JSON value", nil},
		{"unknown", "POST", seedPath, ct, auth, withProp(t, "wifiSsid", `"x"`), 400, "badRequest", "property wifiSsid: unknown property", nil},
		{"bind annotation", "POST", seedPath, ct, auth, withProp(t, "owner@odata.bind", `"https://graph.microsoft.com/beta/users/1"`), 201, "", "", nil},
		{"wrong type", "POST", seedPath, ct, auth, withProp(t, "displayName", `7`), 400, "badRequest", "property displayName: got a number", nil},
		{"int32 range", "POST", seedPath, ct, auth, withProp(t, "enrolledDeviceCount", `3000000000`), 400, "badRequest", "property enrolledDeviceCount: number", nil},
		{"date-time", "POST", seedPath, ct, auth, withProp(t, "tokenCreationDateTime", `"yesterday"`), 400, "badRequest", "property tokenCreationDateTime: invalid date-time", nil},
		{"base64", "POST", seedPath, ct, auth, withProp(t, "qrCodeImage", `{"type":"image/png","value":"!!"}`), 400, "badRequest", "property qrCodeImage.value: invalid base64", nil},
		{"nested unknown", "POST", seedPath, ct, auth, withProp(t, "qrCodeImage", `{"type":"image/png","width":3}`), 400, "badRequest", "property qrCodeImage.width: unknown", nil},
		{"enum", "POST", seedPath, ct, auth, withProp(t, "enrollmentMode", `"bogus"`), 400, "badRequest", "property enrollmentMode", nil},
		{"enum ok", "POST", seedPath, ct, auth, withProp(t, "enrollmentMode", `"corporateOwnedWorkProfile"`), 201, "", "", nil},
		{"array", "POST", seedPath, ct, auth, withProp(t, "roleScopeTagIds", `"0"`), 400, "badRequest", "property roleScopeTagIds: got a string, want an array", nil},
		{"PUT", "PUT", seedPath, ct, auth, ex, 405, "methodNotAllowed", "", nil},
		{"unknown path", "POST", "/deviceManagement/nothing", ct, auth, ex, 404, "notFound", "", nil},
		{"server *Error", "POST", seedPath, ct, auth, ex, 409, "conflict", "taken", echoServer{err: &Error{Status: 409, Code: "conflict", Message: "taken"}}},
		{"server error", "POST", seedPath, ct, auth, ex, 500, "internalServerError", "An internal server error occurred.", echoServer{err: errors.New("db at /var/secret failed")}},
		{"unimplemented", "POST", seedPath, ct, auth, ex, 501, "notImplemented", "", UnimplementedServer{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			srv := c.srv
			if srv == nil {
				srv = echoServer{}
			}
			rec := send(NewHandler(srv), c.method, c.target, c.ct, c.auth, c.body)
			if c.status == 201 {
				if rec.Code != 201 {
					t.Fatalf("status %d, want 201: %s", rec.Code, rec.Body)
				}
				if loc := rec.Header().Get("Location"); loc != seedPath+"/b7162200-2200-b716-0022-16b7002216b7" {
					t.Errorf("Location %q", loc)
				}
				return
			}
			raw := rec.Body.String()
			checkErrorAnswer(t, rec, c.status, c.code)
			var body errorBody
			json.Unmarshal([]byte(raw), &body)
			if !strings.Contains(body.Error.Message, c.msg) || strings.Contains(raw, "secret") {
				t.Errorf("message %q, want it to contain %q (and no internals)", body.Error.Message, c.msg)
			}
			if in := body.Error.InnerError; in == nil || in.RequestID != rec.Header().Get("request-id") || in.Date == "" {
				t.Errorf("innerError %+v", in)
			}
			if allow := rec.Header().Get("Allow"); c.status == 405 && (!strings.Contains(allow, "GET") || !strings.Contains(allow, "POST")) {
				t.Errorf("Allow %q, want the list's GET and the create's POST", allow)
			}
		})
	}
}

func TestSeedBodyLimitOption(t *testing.T) {
	rec := send(NewHandler(echoServer{}, WithMaxBodyBytes(100)), "POST", seedPath, "application/json", "Bearer t", seedExample(t))
	checkErrorAnswer(t, rec, 413, "requestEntityTooLarge")
}

func TestSeedAuthenticator(t *testing.T) {
	var got EndpointInfo
	deny := WithAuthenticator(func(ctx context.Context, tok string, ep EndpointInfo) (context.Context, error) {
		got = ep
		if tok != "admin" {
			return nil, errors.New("no scope")
		}
		return ctx, nil
	})
	h := NewHandler(echoServer{}, deny)
	checkErrorAnswer(t, send(h, "POST", seedPath, "application/json", "Bearer user", seedExample(t)), 403, "Authorization_RequestDenied")
	if rec := send(h, "POST", seedPath, "application/json", "Bearer admin", seedExample(t)); rec.Code != 201 {
		t.Errorf("admin: %d %s", rec.Code, rec.Body)
	}
	if got.Operation != "CreateAndroidDeviceOwnerEnrollmentProfile" || len(got.Permissions) != 3 || !got.AuthRequired {
		t.Errorf("authenticator saw %+v", got)
	}
	// Endpoints lists the seed's create and the six other operations of
	// the docs, sorted by operation.
	if eps := Endpoints(); len(eps) != 7 || eps[0].Operation != got.Operation || eps[0].Patterns[0] != "POST "+seedPath {
		t.Errorf("Endpoints() = %+v", eps)
	}
}

// TestPeerProbes runs the 12 requests of notes/peers.md §3.
func TestPeerProbes(t *testing.T) {
	ex := seedExample(t)
	const ct, auth = "application/json", "Bearer t"
	for _, c := range []struct {
		n          int
		name       string
		ct, auth   string
		body       string
		status     int
		echoSubset string // for 201: a JSON object whose keys the echo must equal
	}{
		{1, "doc example, fraction kept", ct, auth, ex, 201, `{"tokenCreationDateTime":"2017-01-01T00:00:44.0416421+03:00"}`},
		{2, "bogus enum", ct, auth, withProp(t, "enrollmentMode", `"bogus"`), 400, ""},
		{3, "text/plain", "text/plain", auth, ex, 415, ""},
		{4, "unknown property", ct, auth, withProp(t, "wifiSsid", `"x"`), 400, ""},
		{5, "empty body", ct, auth, "", 400, ""},
		{6, "explicit null kept", ct, auth, withProp(t, "description", `null`), 201, `{"description":null}`},
		{7, "int32 overflow", ct, auth, withProp(t, "enrolledDeviceCount", `2147483648`), 400, ""},
		{8, "bad date-time", ct, auth, withProp(t, "tokenExpirationDateTime", `"2017-13-01T00:00:00Z"`), 400, ""},
		{9, "bad base64", ct, auth, withProp(t, "qrCodeImage", `{"value":"@@"}`), 400, ""},
		{10, "no Authorization", ct, "", ex, 401, ""},
		{11, "trailing garbage", ct, auth, ex + " {}", 400, ""},
		{12, "base64url accepted", ct, auth, withProp(t, "qrCodeImage", `{"value":"_-8"}`), 201, `{"qrCodeImage":{"value":"/+8="}}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := send(NewHandler(echoServer{}), "POST", seedPath, c.ct, c.auth, c.body)
			if rec.Code != c.status {
				t.Fatalf("probe %d: status %d, want %d: %s", c.n, rec.Code, c.status, rec.Body)
			}
			if c.status != 201 {
				checkErrorAnswer(t, rec, c.status, statusCode(c.status))
				return
			}
			var want, got map[string]json.RawMessage
			json.Unmarshal([]byte(c.echoSubset), &want)
			json.Unmarshal(rec.Body.Bytes(), &got)
			for k := range want {
				checkJSON(t, want[k], got[k])
			}
			if c.n == 1 && !strings.Contains(rec.Body.String(), ".0416421+03:00") {
				t.Errorf("fraction lost: %s", rec.Body)
			}
		})
	}
}
