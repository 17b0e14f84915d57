package runtime

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// This file holds the helpers of the generated golden tests. The doc
// examples are compared as JSON values, not bytes: key order is ignored,
// numbers compare numerically and date-time strings compare as instants,
// because encoding/json rewrites "…10.8757270+03:00" as "…10.875727+03:00".

// decodeExample decodes data into a new T.
func decodeExample[T any](t *testing.T, data []byte) *T {
	t.Helper()
	v := new(T)
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("decode %T: %v", v, err)
	}
	return v
}

// checkRoundTrip runs the subtest name: data decodes into a T and
// encodes back to the same JSON.
func checkRoundTrip[T any](t *testing.T, name string, data []byte) {
	t.Helper()
	t.Run(name, func(t *testing.T) { checkJSONValue(t, data, decodeExample[T](t, data)) })
}

// checkHandler runs the "handler" subtest: h answers req with status and,
// when want is not nil, the JSON want; when received is not nil, the body
// the Server got (recorded there by the fake) encodes back to req.
func checkHandler(t *testing.T, h http.Handler, method, target string, req []byte, status int, want []byte, received *any) {
	t.Helper()
	t.Run("handler", func(t *testing.T) {
		checkAnswer(t, serveExample(t, h, method, target, req), status, want)
		if received != nil {
			checkJSONValue(t, req, *received)
		}
	})
}

// checkClientAnswer fails t on err, then, when want is not nil, compares
// what the client returned with the JSON want.
func checkClientAnswer(t *testing.T, err error, want []byte, got any) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	if want != nil {
		checkJSONValue(t, want, got)
	}
}

// checkClientStatus fails t unless the client reported the want status
// (a PUT documenting several answers each example's own).
func checkClientStatus(t *testing.T, got, want int) {
	t.Helper()
	if got != want {
		t.Errorf("client reported status %d, want %d", got, want)
	}
}

// checkClientStream fails t on err, then reads and closes got, which must
// hold want.
func checkClientStream(t *testing.T, err error, got io.ReadCloser, want string) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	defer got.Close()
	data, err := io.ReadAll(got)
	if err != nil || string(data) != want {
		t.Errorf("stream %q (%v), want %q", data, err, want)
	}
}

// exampleQuery parses the raw query of an example's request URL as the
// handler does, for the client to send.
func exampleQuery(t *testing.T, raw string) *Query {
	t.Helper()
	q, err := parseQuery(raw)
	if err != nil {
		t.Fatalf("example query %q: %v", raw, err)
	}
	return &q
}

// checkArrivedAs fails t unless err is nil and received, the body the
// fake Server recorded (a polymorphic wrapper), holds a value of sent's
// type.
func checkArrivedAs(t *testing.T, err error, sent, received any) {
	t.Helper()
	if err != nil {
		t.Errorf("send %T: %v", sent, err)
		return
	}
	p, ok := received.(polymorphic)
	if !ok {
		t.Errorf("send %T: the Server received %T, want a polymorphic wrapper", sent, received)
		return
	}
	if got := p.polyValue(); reflect.TypeOf(got) != reflect.TypeOf(sent) {
		t.Errorf("sent %T, the Server received %T", sent, got)
	}
}

// checkJSONValue encodes got and compares it with the JSON want.
func checkJSONValue(t *testing.T, want []byte, got any) {
	t.Helper()
	data, err := json.Marshal(got)
	if err != nil {
		t.Fatalf("encode %T: %v", got, err)
	}
	checkJSON(t, want, data)
}

// checkJSON fails t when want and got are different JSON values.
func checkJSON(t *testing.T, want, got []byte) {
	t.Helper()
	diff, err := jsonDiff(want, got)
	if err != nil {
		t.Fatal(err)
	}
	if diff != "" {
		t.Errorf("JSON differed (-want +got):\n%s", diff)
	}
}

// jsonDiff decodes want and got into any and returns their cmp.Diff.
func jsonDiff(want, got []byte) (string, error) {
	w, err := decodeAny(want)
	if err != nil {
		return "", err
	}
	g, err := decodeAny(got)
	if err != nil {
		return "", err
	}
	return cmp.Diff(w, g, jsonOptions), nil
}

// decodeAny decodes one JSON value keeping numbers as json.Number.
func decodeAny(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// jsonOptions compare numbers numerically and date-times as instants.
var jsonOptions = cmp.Options{
	cmp.Comparer(sameNumber),
	cmp.FilterValues(func(a, b string) bool {
		_, ea := time.Parse(time.RFC3339Nano, a)
		_, eb := time.Parse(time.RFC3339Nano, b)
		return ea == nil && eb == nil
	}, cmp.Comparer(func(a, b string) bool {
		x, _ := time.Parse(time.RFC3339Nano, a)
		y, _ := time.Parse(time.RFC3339Nano, b)
		return x.Equal(y)
	})),
}

// sameNumber reports whether a and b are the same number: exactly, or,
// when either has a fraction or an exponent, as the same float64 (a
// Double the docs write with more digits than a float64 holds, such as
// 47.640568390488626, comes back as its shortest form 47.640568390488625).
// Integers compare exactly, so an Int64 never passes through a float64.
func sameNumber(a, b json.Number) bool {
	x, okx := new(big.Float).SetString(string(a))
	y, oky := new(big.Float).SetString(string(b))
	if !okx || !oky {
		return false
	}
	if x.Cmp(y) == 0 {
		return true
	}
	if !strings.ContainsAny(string(a)+string(b), ".eE") {
		return false
	}
	fa, erra := strconv.ParseFloat(string(a), 64)
	fb, errb := strconv.ParseFloat(string(b), 64)
	return erra == nil && errb == nil && fa == fb
}

// serveExample sends body to h as a JSON request and records the answer.
func serveExample(t *testing.T, h http.Handler, method, target string, body []byte) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer example-token")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// exampleClient returns a Client that reaches h over a loopback server,
// closed when t ends.
func exampleClient(t *testing.T, h http.Handler) *Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &Client{BaseURL: srv.URL, HTTPClient: srv.Client(),
		Token: func(context.Context) (string, error) { return "example-token", nil }}
}

// checkAnswer checks the status and, when want is not nil, the JSON body.
func checkAnswer(t *testing.T, rec *httptest.ResponseRecorder, status int, want []byte) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d; body %s", rec.Code, status, rec.Body)
	}
	if want != nil {
		checkJSON(t, want, rec.Body.Bytes())
	}
}

// checkErrorAnswer checks that rec holds an OData error with status and code.
func checkErrorAnswer(t *testing.T, rec *httptest.ResponseRecorder, status int, code string) {
	t.Helper()
	if rec.Code != status {
		t.Fatalf("status %d, want %d; body %s", rec.Code, status, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q, want application/json", ct)
	}
	var body errorBody
	dec := json.NewDecoder(rec.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&body); err != nil {
		t.Fatalf("error body: %v", err)
	}
	if body.Error.Code != code || body.Error.Message == "" {
		t.Errorf("error %+v, want code %q and a message", body.Error, code)
	}
}
