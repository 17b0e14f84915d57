package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The handler's table tests use widget, a hand-written twin of a generated
// struct with the docs2go tags, an enum and a nested object.

type widgetKind string

func (k widgetKind) Valid() bool { return validEnum(k, []widgetKind{"small", "large"}, false) }

type widget struct {
	ID        Opt[string]          `json:"id,omitzero" docs2go:"readonly"`
	Name      Opt[string]          `json:"name,omitzero" docs2go:"required"`
	Kind      Opt[widgetKind]      `json:"kind,omitzero"`
	Kinds     Opt[[]widgetKind]    `json:"kinds,omitzero"`
	Count     Opt[int32]           `json:"count,omitzero"`
	When      Opt[time.Time]       `json:"when,omitzero"`
	Day       Opt[Date]            `json:"day,omitzero"`
	Span      Opt[Duration]        `json:"span,omitzero"`
	Part      Opt[widgetPart]      `json:"part,omitzero"`
	Parts     Opt[[]widgetPart]    `json:"parts,omitzero"`
	Raw       Opt[json.RawMessage] `json:"raw,omitzero"`
	ODataType Opt[string]          `json:"@odata.type,omitzero"`

	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m widget) MarshalJSON() ([]byte, error) {
	return encodeJSON(&m)
}

func (m *widget) UnmarshalJSON(data []byte) error {
	return unmarshalJSON(data, m)
}

type widgetPart struct {
	Value     Opt[[]byte]  `json:"value,omitzero" docs2go:"required"`
	ODataType Opt[string]  `json:"@odata.type,omitzero"`
	Label     Opt[string]  `json:"label,omitzero"`
	Size      Opt[float64] `json:"size,omitzero"`

	AdditionalData map[string]json.RawMessage `json:"-"`
}

func (m widgetPart) MarshalJSON() ([]byte, error) {
	return encodeJSON(&m)
}

func (m *widgetPart) UnmarshalJSON(data []byte) error {
	return unmarshalJSON(data, m)
}

var widgetEndpoint = EndpointInfo{
	Operation: "CreateWidget", Method: "POST", Patterns: []string{"POST /shops/{id}/widgets"},
	AuthRequired: true, Permissions: []Permission{{Type: "Application", Scopes: []string{"Widget.ReadWrite.All"}}},
	documented: []string{"enum:kind=", "enum:kind=legacy", "readonly:id", "unknown:part.legacyLabel"},
}

// widgetHandler serves POST /shops/{id}/widgets, echoing the body with
// the shop id as "id" unless the shop is "fail" (an *Error), "internal" (a
// plain error with internals), "none" (no id, so no Location), "panic",
// "abort" (panics with http.ErrAbortHandler) or "nil" (no result, no error).
func widgetHandler(opts ...HandlerOption) http.Handler {
	c := newHandlerConfig(opts)
	mux := newRouter()
	mux.Handle("POST /shops/{id}/widgets", serveJSON(c, struct{}{}, &widgetEndpoint, http.StatusCreated, func(_ struct{}, r *http.Request, _ *Query, b *widget) (*widget, error) {
		switch r.PathValue("id") {
		case "fail":
			return nil, errorf(http.StatusConflict, "conflict", "widget exists")
		case "internal":
			return nil, errors.New("pq: connection to 10.0.0.7 refused")
		case "none":
			return b, nil
		case "panic":
			panic("lost the map at 10.0.0.7")
		case "abort":
			panic(http.ErrAbortHandler)
		case "nil":
			return nil, nil
		}
		b.ID = Some("w-" + r.PathValue("id"))
		return b, nil
	}))
	return withErrorShape(mux)
}

func TestHandlerStatuses(t *testing.T) {
	big := `{"name":"` + strings.Repeat("a", 300) + `"}`
	for _, c := range []struct {
		name, method, target, ct, auth, body string
		status                               int
		code, msg                            string // msg: a substring of the message
	}{
		{"created", "POST", "/shops/s1/widgets", "", "", `{"name":"n","kind":"small"}`, 201, "", ""},
		{"documented read-only and enum", "POST", "/shops/s1/widgets", "", "", `{"name":"n","id":"x","kind":"legacy","part":{"value":"AA==","legacyLabel":1}}`, 201, "", ""},
		{"charset", "POST", "/shops/s1/widgets", "application/json; charset=utf-8", "", `{"name":"n"}`, 201, "", ""},
		{"odata params", "POST", "/shops/s1/widgets", "application/json;odata.metadata=minimal", "", `{"name":"n"}`, 201, "", ""},
		{"no auth", "POST", "/shops/s1/widgets", "", "-", `{"name":"n"}`, 401, "InvalidAuthenticationToken", "empty"},
		{"basic auth", "POST", "/shops/s1/widgets", "", "Basic dXNlcjpwdw==", `{"name":"n"}`, 401, "InvalidAuthenticationToken", "Bearer"},
		{"empty bearer", "POST", "/shops/s1/widgets", "", "Bearer ", `{"name":"n"}`, 401, "InvalidAuthenticationToken", ""},
		{"text/plain", "POST", "/shops/s1/widgets", "text/plain", "", `{"name":"n"}`, 415, "unsupportedMediaType", "text/plain"},
		{"no content type", "POST", "/shops/s1/widgets", "-", "", `{"name":"n"}`, 415, "unsupportedMediaType", "missing"},
		{"latin1", "POST", "/shops/s1/widgets", "application/json; charset=iso-8859-1", "", `{"name":"n"}`, 415, "unsupportedMediaType", ""},
		{"too large", "POST", "/shops/s1/widgets", "", "", big, 413, "requestEntityTooLarge", "256"},
		{"empty", "POST", "/shops/s1/widgets", "", "", ``, 400, "badRequest", "empty"},
		{"blank", "POST", "/shops/s1/widgets", "", "", " \n", 400, "badRequest", "empty"},
		{"null", "POST", "/shops/s1/widgets", "", "", `null`, 400, "badRequest", "null"},
		{"malformed", "POST", "/shops/s1/widgets", "", "", `{"name":"n",}`, 400, "badRequest", "byte offset 13"},
		{"truncated", "POST", "/shops/s1/widgets", "", "", `{"name":"n"`, 400, "badRequest", "byte offset 11"},
		{"trailing", "POST", "/shops/s1/widgets", "", "", `{"name":"n"} {}`, 400, "badRequest", "byte offset 13"},
		{"not an object", "POST", "/shops/s1/widgets", "", "", `[1]`, 400, "badRequest", "want an object"},
		{"unknown", "POST", "/shops/s1/widgets", "", "", `{"name":"n","wifiSsid":"x"}`, 400, "badRequest", "property wifiSsid: unknown"},
		{"nested unknown", "POST", "/shops/s1/widgets", "", "", `{"name":"n","parts":[{"value":"AA=="},{"value":"AA==","x":1}]}`, 400, "badRequest", "parts[1].x: unknown"},
		{"annotations", "POST", "/shops/s1/widgets", "", "", `{"name":"n","@odata.type":"#x.widget","owner@odata.bind":"https://x/users/1","part":{"@odata.type":"x.widgetPart","value":"AA=="}}`, 201, "", ""},
		{"wrong type", "POST", "/shops/s1/widgets", "", "", `{"name":5}`, 400, "badRequest", "property name: got a number, want a string"},
		{"int32 overflow", "POST", "/shops/s1/widgets", "", "", `{"name":"n","count":3000000000}`, 400, "badRequest", "property count: number 3000000000 out of range"},
		{"fraction for int", "POST", "/shops/s1/widgets", "", "", `{"name":"n","count":1.5}`, 400, "badRequest", "property count"},
		{"date-time", "POST", "/shops/s1/widgets", "", "", `{"name":"n","when":"2016-12-31"}`, 400, "badRequest", "property when: invalid date-time"},
		{"date", "POST", "/shops/s1/widgets", "", "", `{"name":"n","day":"2020-02-30"}`, 400, "badRequest", "property day: invalid date"},
		{"duration", "POST", "/shops/s1/widgets", "", "", `{"name":"n","span":"1 day"}`, 400, "badRequest", "property span: invalid duration"},
		{"base64", "POST", "/shops/s1/widgets", "", "", `{"name":"n","part":{"value":"!!"}}`, 400, "badRequest", "property part.value: invalid base64"},
		{"enum", "POST", "/shops/s1/widgets", "", "", `{"name":"n","kind":"bogus"}`, 400, "badRequest", `property kind: "bogus" is not a documented member`},
		{"documented empty enum value", "POST", "/shops/s1/widgets", "", "", `{"name":"n","kind":""}`, 201, "", ""},
		{"enum in array", "POST", "/shops/s1/widgets", "", "", `{"name":"n","kinds":["small","huge"]}`, 400, "badRequest", "property kinds[1]"},
		{"enum wrong type", "POST", "/shops/s1/widgets", "", "", `{"name":"n","kind":1}`, 400, "badRequest", "property kind: got a number"},
		{"required missing", "POST", "/shops/s1/widgets", "", "", `{"kind":"small"}`, 400, "badRequest", "property name: required property is missing"},
		{"required null", "POST", "/shops/s1/widgets", "", "", `{"name":null}`, 400, "badRequest", "property name: required property is null"},
		{"nested required", "POST", "/shops/s1/widgets", "", "", `{"name":"n","part":{"label":"l"}}`, 400, "badRequest", "property part.value: required"},
		{"read-only", "POST", "/shops/s1/widgets", "", "", `{"name":"n","part":{"value":"AA=="},"id":null}`, 201, "", ""},
		{"array expected", "POST", "/shops/s1/widgets", "", "", `{"name":"n","parts":{}}`, 400, "badRequest", "property parts: got an object, want an array"},
		{"server error", "POST", "/shops/fail/widgets", "", "", `{"name":"n"}`, 409, "conflict", "widget exists"},
		{"internal", "POST", "/shops/internal/widgets", "", "", `{"name":"n"}`, 500, "internalServerError", "An internal server error occurred."},
		{"panic", "POST", "/shops/panic/widgets", "", "", `{"name":"n"}`, 500, "internalServerError", "An internal server error occurred."},
		{"no result", "POST", "/shops/nil/widgets", "", "", `{"name":"n"}`, 500, "internalServerError", "An internal server error occurred."},
		{"unknown path", "POST", "/nothing", "", "", `{}`, 404, "notFound", "/nothing"},
		{"wrong method", "GET", "/shops/s1/widgets", "", "", ``, 405, "methodNotAllowed", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			rec := doWidget(widgetHandler(WithMaxBodyBytes(256)), c.method, c.target, c.ct, c.auth, c.body)
			if c.status == 201 {
				if rec.Code != 201 {
					t.Fatalf("status %d, want 201; body %s", rec.Code, rec.Body)
				}
				return
			}
			raw := rec.Body.String() // checkErrorAnswer consumes the body
			checkErrorAnswer(t, rec, c.status, c.code)
			var body errorBody
			json.Unmarshal([]byte(raw), &body)
			if !strings.Contains(body.Error.Message, c.msg) {
				t.Errorf("message %q, want it to contain %q", body.Error.Message, c.msg)
			}
			in := body.Error.InnerError
			if in == nil || in.RequestID == "" || in.RequestID != rec.Header().Get("request-id") || in.Date == "" {
				t.Errorf("innerError %+v, want request-id %q and a date", in, rec.Header().Get("request-id"))
			}
			if strings.Contains(raw, "10.0.0.7") {
				t.Errorf("internal error leaked: %s", raw)
			}
		})
	}
}

// doWidget sends a request; ct and auth "" mean the defaults, "-" none.
func doWidget(h http.Handler, method, target, ct, auth, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	switch ct {
	case "":
		req.Header.Set("Content-Type", "application/json")
	case "-":
	default:
		req.Header.Set("Content-Type", ct)
	}
	switch auth {
	case "":
		req.Header.Set("Authorization", "Bearer tok")
	case "-":
	default:
		req.Header.Set("Authorization", auth)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerCreated(t *testing.T) {
	h := widgetHandler()
	req := httptest.NewRequest("POST", "/shops/s%2F1/widgets", strings.NewReader(`{"name":"n","description":null,"part":{"value":"AA==","label":null}}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer tok")
	req.Header.Set("client-request-id", "my-id")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	// description is unknown: rejected. Without it, null is kept.
	checkErrorAnswer(t, rec, 400, "badRequest")
	req = httptest.NewRequest("POST", "/shops/s%2F1/widgets", strings.NewReader(`{"name":"n","part":{"value":"AA==","label":null}}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer tok")
	req.Header.Set("client-request-id", "my-id")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	checkAnswer(t, rec, 201, []byte(`{"id":"w-s/1","name":"n","part":{"value":"AA==","label":null}}`))
	if got := rec.Header().Get("Location"); got != "/shops/s%2F1/widgets/w-s%2F1" {
		t.Errorf("Location %q", got)
	}
	if rec.Header().Get("client-request-id") != "my-id" || len(rec.Header().Get("request-id")) != 36 {
		t.Errorf("ids: request-id %q client-request-id %q", rec.Header().Get("request-id"), rec.Header().Get("client-request-id"))
	}
	rec = doWidget(widgetHandler(), "POST", "/shops/none/widgets", "", "", `{"name":"n"}`)
	if rec.Code != 201 || rec.Header().Get("Location") != "" {
		t.Errorf("no id: status %d Location %q", rec.Code, rec.Header().Get("Location"))
	}
	rec = doWidget(widgetHandler(), "GET", "/shops/s1/widgets", "", "", "")
	if rec.Header().Get("Allow") == "" || rec.Header().Get("client-request-id") != rec.Header().Get("request-id") {
		t.Errorf("405 headers %v", rec.Header())
	}
}

func TestHandlerAuthenticator(t *testing.T) {
	type key struct{}
	var seen EndpointInfo
	auth := func(ctx context.Context, tok string, ep EndpointInfo) (context.Context, error) {
		seen = ep
		switch tok {
		case "deny":
			return nil, errors.New("token for another tenant")
		case "expired":
			return nil, errorf(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.")
		}
		return context.WithValue(ctx, key{}, tok), nil
	}
	var gotCtx any
	c := newHandlerConfig([]HandlerOption{WithAuthenticator(auth), nil})
	mux := newRouter()
	mux.Handle("POST /shops/{id}/widgets", serveNoContent(c, struct{}{}, &widgetEndpoint, 201, func(_ struct{}, r *http.Request, _ *Query, b *widget) error {
		gotCtx = r.Context().Value(key{})
		return nil
	}))
	h := withErrorShape(mux)
	for _, tc := range []struct {
		tok    string
		status int
		code   string
	}{{"deny", 403, "Authorization_RequestDenied"}, {"expired", 401, "InvalidAuthenticationToken"}} {
		rec := doWidget(h, "POST", "/shops/s/widgets", "", "Bearer "+tc.tok, `{"name":"n"}`)
		raw := rec.Body.String()
		checkErrorAnswer(t, rec, tc.status, tc.code)
		if strings.Contains(raw, "tenant") {
			t.Errorf("authenticator error leaked: %s", raw)
		}
	}
	rec := doWidget(h, "POST", "/shops/s/widgets", "", "bearer good", `{"name":"n"}`)
	if rec.Code != 201 || gotCtx != "good" {
		t.Errorf("status %d, ctx value %v", rec.Code, gotCtx)
	}
	if seen.Operation != "CreateWidget" || seen.Permissions[0].Scopes[0] != "Widget.ReadWrite.All" {
		t.Errorf("authenticator saw %+v", seen)
	}
}

func TestHandlerErrorLog(t *testing.T) {
	var logged error
	rec := doWidget(widgetHandler(WithErrorLog(func(_ *http.Request, err error) { logged = err })), "POST", "/shops/internal/widgets", "", "", `{"name":"n"}`)
	if rec.Code != 500 || logged == nil || !strings.Contains(logged.Error(), "10.0.0.7") {
		t.Errorf("status %d, logged %v", rec.Code, logged)
	}
}

func TestStripIndexes(t *testing.T) {
	for in, want := range map[string]string{"a[1].b[22]": "a.b", "x": "x", "": ""} {
		if got := stripIndexes(in); got != want {
			t.Errorf("stripIndexes(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLargeBodyWithoutContentLength(t *testing.T) {
	req := httptest.NewRequest("POST", "/shops/s/widgets", bytes.NewReader(bytes.Repeat([]byte(" "), 300)))
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer t")
	rec := httptest.NewRecorder()
	widgetHandler(WithMaxBodyBytes(100)).ServeHTTP(rec, req)
	checkErrorAnswer(t, rec, 413, "requestEntityTooLarge")
}

// TestHandlerPanic checks that a panicking Server method is answered 500
// in the error shape over a real connection, which stays usable, that
// WithErrorLog gets the panic, and that http.ErrAbortHandler still aborts.
func TestHandlerPanic(t *testing.T) {
	var logged []error
	srv := httptest.NewServer(widgetHandler(WithErrorLog(func(_ *http.Request, err error) { logged = append(logged, err) })))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL, HTTPClient: srv.Client(), Token: func(context.Context) (string, error) { return "t", nil }}
	for range 2 { // the second request reuses the connection
		err := c.do(context.Background(), "POST", "/shops/panic/widgets", &widget{Name: Some("n")}, &widget{}, 201)
		var e *Error
		if !errors.As(err, &e) || e.Status != 500 || e.Code != "internalServerError" || strings.Contains(e.Message, "10.0.0.7") {
			t.Fatalf("err = %v, want a 500 internalServerError without the panic's text", err)
		}
	}
	var pe *PanicError
	if len(logged) != 2 || !errors.As(logged[0], &pe) || pe.Value != "lost the map at 10.0.0.7" ||
		pe.Operation != "CreateWidget" || !bytes.Contains(pe.Stack, []byte("widgetHandler")) {
		t.Errorf("logged %v, want 2 *PanicError with the value and the stack", logged)
	}

	defer func() {
		if p := recover(); p != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler panicked again", p)
		}
	}()
	doWidget(widgetHandler(), "POST", "/shops/abort/widgets", "", "", `{"name":"n"}`)
	t.Error("ErrAbortHandler did not abort")
}

// TestHandlerNoResult checks the rule for a method returning no result
// and no error: a server bug (500, logged) where the endpoint answers
// with a body, the documented status where it answers without one.
func TestHandlerNoResult(t *testing.T) {
	var logged error
	rec := doWidget(widgetHandler(WithErrorLog(func(_ *http.Request, err error) { logged = err })), "POST", "/shops/nil/widgets", "", "", `{"name":"n"}`)
	checkErrorAnswer(t, rec, 500, "internalServerError")
	if logged == nil || !strings.Contains(logged.Error(), "CreateWidget returned no result and no error") {
		t.Errorf("logged %v", logged)
	}
	c := newHandlerConfig(nil)
	mux := newRouter()
	mux.Handle("POST /shops/{id}/widgets", serveNoContent(c, struct{}{}, &widgetEndpoint, 204, func(struct{}, *http.Request, *Query, *widget) error { return nil }))
	if rec := doWidget(withErrorShape(mux), "POST", "/shops/s/widgets", "", "", `{"name":"n"}`); rec.Code != 204 || rec.Body.Len() != 0 {
		t.Errorf("no-content endpoint: status %d body %q, want 204 and no body", rec.Code, rec.Body)
	}
}

// TestEntityIDMatchesEncoding checks that the id location reads from the
// answer value is the one a parse of its encoding finds, and that types
// without an id field fall back to that parse.
func TestEntityIDMatchesEncoding(t *testing.T) {
	type numbered struct {
		ID Opt[int32] `json:"id,omitzero"`
	}
	type named struct {
		ID widgetKind `json:"id"`
	}
	for _, v := range []any{
		&widget{ID: Some("w/1")}, &widget{ID: Some("")}, &widget{ID: Null[string]()}, &widget{},
		&widget{Name: Some("n"), AdditionalData: map[string]json.RawMessage{"id": []byte(`"extra"`)}},
		&numbered{ID: Some[int32](7)}, &named{ID: "k"},
		&anyGadget{Value: &gadget{Name: Some("g")}},
	} {
		data, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		want := encodedID(data)
		got, ok := entityID(reflect.ValueOf(v))
		if !ok {
			got = encodedID(data)
		}
		if got != want {
			t.Errorf("%s: id %q, want %q", data, got, want)
		}
	}
	if _, ok := entityID(reflect.ValueOf(&widgetPart{})); ok {
		t.Error("widgetPart has no id field, want the fallback")
	}
}

// TestNewRequestID checks the UUID version 4 form.
func TestNewRequestID(t *testing.T) {
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	a, b := newRequestID(), newRequestID()
	if !uuid.MatchString(a) || !uuid.MatchString(b) || a == b {
		t.Errorf("request ids %q, %q", a, b)
	}
}

// upsertEndpoint documents two success statuses, as a PUT upsert page
// does: 201 when the widget was created, 200 when it was replaced.
var upsertEndpoint = EndpointInfo{
	Operation: "PutWidget", Method: "PUT", Patterns: []string{"PUT /shops/{id}/widgets/{wid}"},
	Statuses: []int{200, 201},
}

// upsertHandler serves upsertEndpoint (status 201 first), answering the
// status named by {wid}: "200", "201", "0" (the first documented) or one
// the page does not document ("202", "204").
func upsertHandler(opts ...HandlerOption) http.Handler {
	c := newHandlerConfig(opts)
	mux := newRouter()
	mux.Handle("PUT /shops/{id}/widgets/{wid}", serveStatus(c, struct{}{}, &upsertEndpoint, http.StatusCreated, func(_ struct{}, r *http.Request, _ *Query, b *widget) (*widget, int, error) {
		b.ID = Some(r.PathValue("wid"))
		status, _ := strconv.Atoi(r.PathValue("wid"))
		return b, status, nil
	}))
	return withErrorShape(mux)
}

// TestHandlerChosenStatus: a Server method of an endpoint documenting
// several statuses answers the one it returns, 0 being the first
// documented; a status the page does not document is a 500 in the error
// shape, reported to WithErrorLog. The client takes each documented
// status as success.
func TestHandlerChosenStatus(t *testing.T) {
	var logged error
	h := upsertHandler(WithErrorLog(func(_ *http.Request, err error) { logged = err }))
	for _, c := range []struct {
		wid    string
		status int
	}{{"201", 201}, {"200", 200}, {"0", 201}} {
		rec := doWidget(h, "PUT", "/shops/s/widgets/"+c.wid, "", "", `{"name":"n"}`)
		checkAnswer(t, rec, c.status, []byte(`{"id":"`+c.wid+`","name":"n"}`))
		if loc := rec.Header().Get("Location"); loc != "" {
			t.Errorf("%s: Location %q for a PUT to the entity's own path", c.wid, loc)
		}
	}
	for _, wid := range []string{"202", "204"} {
		logged = nil
		rec := doWidget(h, "PUT", "/shops/s/widgets/"+wid, "", "", `{"name":"n"}`)
		checkErrorAnswer(t, rec, 500, "internalServerError")
		if logged == nil || !strings.Contains(logged.Error(), "PutWidget answered status "+wid+", which its docs do not document ([200 201])") {
			t.Errorf("%s: logged %v", wid, logged)
		}
	}

	client := exampleClient(t, h)
	for _, wid := range []string{"200", "201"} {
		var out widget
		status, err := client.callStatus(context.Background(), &upsertEndpoint, "/shops/{id}/widgets/{wid}", []string{"s", wid}, nil, &widget{Name: Some("n")}, &out, 201)
		if err != nil {
			t.Fatalf("client, status %s: %v", wid, err)
		}
		if id, _ := out.ID.Get(); id != wid || strconv.Itoa(status) != wid {
			t.Errorf("client, status %s: decoded id %q, reported status %d", wid, id, status)
		}
	}
	if status, err := client.callStatus(context.Background(), &upsertEndpoint, "/shops/{id}/widgets/{wid}", []string{"s", "204"}, nil, &widget{Name: Some("n")}, nil, 201); err == nil || status != 0 {
		t.Errorf("client, a 500: status %d, err %v; want 0 and the error", status, err)
	}
	single := upsertEndpoint
	single.Statuses = nil
	var e *Error
	if err := client.call(context.Background(), &single, "/shops/{id}/widgets/{wid}", []string{"s", "200"}, nil, &widget{Name: Some("n")}, nil, 201); !errors.As(err, &e) || e.Status != 200 {
		t.Errorf("client of a one-status endpoint took 200 for its 201: %v", err)
	}
}

// TestHandlerChosenNoContent: a 204 among the documented statuses answers
// without a body, from an endpoint with an answer type (the result is not
// written) and from one without (serveNoContentStatus).
func TestHandlerChosenNoContent(t *testing.T) {
	ep := EndpointInfo{Operation: "PutWidget", Method: "PUT", Statuses: []int{201, 204}}
	c := newHandlerConfig(nil)
	mux := newRouter()
	mux.Handle("PUT /a/{wid}", serveStatus(c, struct{}{}, &ep, 201, func(_ struct{}, r *http.Request, _ *Query, b *widget) (*widget, int, error) {
		status, _ := strconv.Atoi(r.PathValue("wid"))
		return b, status, nil
	}))
	mux.Handle("PUT /b/{wid}", serveNoContentStatus(c, struct{}{}, &ep, 201, func(_ struct{}, r *http.Request, _ *Query, _ *widget) (int, error) {
		return strconv.Atoi(r.PathValue("wid"))
	}))
	h := withErrorShape(mux)
	for _, target := range []string{"/a/204", "/b/204", "/b/201"} {
		want := 204
		if target == "/b/201" {
			want = 201
		}
		if rec := doWidget(h, "PUT", target, "", "", `{"name":"n"}`); rec.Code != want || rec.Body.Len() != 0 {
			t.Errorf("%s: status %d body %q, want %d and no body", target, rec.Code, rec.Body, want)
		}
	}
	checkErrorAnswer(t, doWidget(h, "PUT", "/b/200", "", "", `{"name":"n"}`), 500, "internalServerError")
}
