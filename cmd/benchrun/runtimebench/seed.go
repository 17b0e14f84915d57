// Package runtimebench measures the code docs2go generates, on the seed
// endpoint (CreateAndroidDeviceOwnerEnrollmentProfile in generated/) with
// its documented request, against a hand-written standard-library handler
// and client for the same body measured in the same run: the floor the
// generated code is held to. `make bench` prints the comparison (see
// Report); the Benchmark functions of its tests serve go test -bench and
// benchstat.
package runtimebench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/docs2go/docs2go/generated"
)

// seedPath is the seed endpoint's route.
const seedPath = "/deviceManagement/androidDeviceOwnerEnrollmentProfiles"

// seedRequest and seedResponse are the request and response bodies of the
// example in docs/api/androiddeviceownerenrollmentprofile-create.md.
const seedRequest = `{
  "@odata.type": "#microsoft.graph.androidDeviceOwnerEnrollmentProfile",
  "accountId": "Account Id value",
  "displayName": "Display Name value",
  "description": "Description value",
  "tokenValue": "Token Value value",
  "tokenCreationDateTime": "2017-01-01T00:00:44.0416421+03:00",
  "tokenExpirationDateTime": "2017-01-01T00:02:00.2078511+03:00",
  "enrolledDeviceCount": 3,
  "qrCodeContent": "Qr Code Content value",
  "qrCodeImage": {
    "@odata.type": "microsoft.graph.mimeContent",
    "type": "Type value",
    "value": "dmFsdWU="
  },
  "roleScopeTagIds": [
    "Role Scope Tag Ids value"
  ]
}`

const seedResponse = `{
  "@odata.type": "#microsoft.graph.androidDeviceOwnerEnrollmentProfile",
  "id": "b7162200-2200-b716-0022-16b7002216b7",
  "accountId": "Account Id value",
  "displayName": "Display Name value",
  "description": "Description value",
  "createdDateTime": "2016-12-31T23:57:10.8757278+03:00",
  "lastModifiedDateTime": "2016-12-31T23:59:40.8735716+03:00",
  "tokenValue": "Token Value value",
  "tokenCreationDateTime": "2017-01-01T00:00:44.0416421+03:00",
  "tokenExpirationDateTime": "2017-01-01T00:02:00.2078511+03:00",
  "enrolledDeviceCount": 3,
  "qrCodeContent": "Qr Code Content value",
  "qrCodeImage": {
    "@odata.type": "microsoft.graph.mimeContent",
    "type": "Type value",
    "value": "dmFsdWU="
  },
  "roleScopeTagIds": [
    "Role Scope Tag Ids value"
  ]
}`

const benchToken = "bench-token"

// seedServer answers every create with the documented response.
type seedServer struct {
	generated.UnimplementedServer
	res *generated.AndroidDeviceOwnerEnrollmentProfile
}

func (s seedServer) CreateAndroidDeviceOwnerEnrollmentProfile(context.Context, *generated.CreateAndroidDeviceOwnerEnrollmentProfileRequest) (*generated.AndroidDeviceOwnerEnrollmentProfile, error) {
	return s.res, nil
}

// decoded decodes a constant example body into a T; the examples are
// fixed, so a failure is a bug of this package.
func decoded[T any](body string) *T {
	v := new(T)
	if err := json.Unmarshal([]byte(body), v); err != nil {
		panic("runtimebench: example does not decode: " + err.Error())
	}
	return v
}

// handlers returns docs2go's handler and the stdlib peer's, both answering
// the documented response.
func handlers() (docs2go, std http.Handler) {
	gres := decoded[generated.AndroidDeviceOwnerEnrollmentProfile](seedResponse)
	sres := decoded[stdProfile](seedResponse)
	return generated.NewHandler(seedServer{res: gres}),
		stdHandler(func(context.Context, *stdProfile) (*stdProfile, error) { return sres, nil })
}

// newSeedRequest returns a template request for the seed endpoint; each
// call of serve copies it with a fresh body.
func newSeedRequest() *http.Request {
	r := httptest.NewRequest(http.MethodPost, seedPath, nil)
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Authorization", "Bearer "+benchToken)
	return r
}

// serve runs one request through h: a shallow copy of tmpl with the seed
// body, answered into a recorder.
func serve(h http.Handler, tmpl *http.Request, body []byte) *httptest.ResponseRecorder {
	r := *tmpl
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, &r)
	return rec
}

// cannedTransport answers every request with the documented response,
// after reading the request body, so a client call is measured without a
// network or a server.
type cannedTransport struct{ header http.Header }

func (t cannedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	return &http.Response{
		StatusCode:    http.StatusCreated,
		Header:        t.header,
		Body:          io.NopCloser(bytes.NewReader([]byte(seedResponse))),
		ContentLength: int64(len(seedResponse)),
		Request:       r,
	}, nil
}

func newHTTPClient() *http.Client {
	return &http.Client{Transport: cannedTransport{header: http.Header{"Content-Type": {"application/json"}}}}
}

// clients returns one call of docs2go's client and one of the stdlib
// peer's, each sending the documented request.
func clients() (docs2go, std func(context.Context) (any, error)) {
	hc := newHTTPClient()
	gc := &generated.Client{BaseURL: "http://graph.test", HTTPClient: hc,
		Token: func(context.Context) (string, error) { return benchToken, nil }}
	gbody := decoded[generated.AndroidDeviceOwnerEnrollmentProfile](seedRequest)
	sbody := decoded[stdProfile](seedRequest)
	docs2go = func(ctx context.Context) (any, error) {
		return gc.CreateAndroidDeviceOwnerEnrollmentProfile(ctx, gbody)
	}
	std = func(ctx context.Context) (any, error) {
		return stdCreate(ctx, hc, "http://graph.test", benchToken, sbody)
	}
	return docs2go, std
}
