// Package runtimebench measures the code docs2go generates against a
// hand-written standard-library handler and client for the same body
// measured in the same run: the floor the generated code is held to. It
// measures the seed endpoint (CreateAndroidDeviceOwnerEnrollmentProfile in
// generated/) and three corpus endpoints generated from trimmed real pages
// into corpusgen (a polymorphic body, a deep nested body, a large
// collection), each with its documented example. `make bench` prints the
// comparison (see Report); the Benchmark functions of its tests serve go
// test -bench and benchstat.
package runtimebench

import (
	"context"
	"net/http"

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

// seedServer answers every create with the documented response.
type seedServer struct {
	generated.UnimplementedServer
	res *generated.AndroidDeviceOwnerEnrollmentProfile
}

func (s seedServer) CreateAndroidDeviceOwnerEnrollmentProfile(context.Context, *generated.CreateAndroidDeviceOwnerEnrollmentProfileRequest) (*generated.AndroidDeviceOwnerEnrollmentProfile, error) {
	return s.res, nil
}

func seedEndpoint() endpoint {
	e := endpoint{name: "seed", method: http.MethodPost, path: seedPath,
		request: []byte(seedRequest), response: []byte(seedResponse), status: http.StatusCreated}
	e.handlers = func() (http.Handler, http.Handler) {
		gres := decoded[generated.AndroidDeviceOwnerEnrollmentProfile](e.response)
		sres := decoded[stdProfile](e.response)
		return generated.NewHandler(seedServer{res: gres}), stdCreateHandler(seedPath, strictInto[stdProfile], sres)
	}
	e.clients = func(hc *http.Client) (docs2go, std func(context.Context) (any, error)) {
		gc := &generated.Client{BaseURL: benchBaseURL, HTTPClient: hc, Token: tokenFunc}
		gbody := decoded[generated.AndroidDeviceOwnerEnrollmentProfile](e.request)
		sbody := decoded[stdProfile](e.request)
		docs2go = func(ctx context.Context) (any, error) {
			return gc.CreateAndroidDeviceOwnerEnrollmentProfile(ctx, gbody)
		}
		std = func(ctx context.Context) (any, error) {
			return stdCall[stdProfile](ctx, hc, http.MethodPost, seedPath, sbody, http.StatusCreated)
		}
		return docs2go, std
	}
	return e
}
