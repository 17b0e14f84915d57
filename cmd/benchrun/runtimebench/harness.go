package runtimebench

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
)

const (
	benchToken   = "bench-token"
	benchBaseURL = "http://graph.test"
)

// endpoint is one measured endpoint: its documented request and answer,
// and docs2go's and the stdlib peer's handler and client for it.
type endpoint struct {
	name     string
	method   string
	path     string
	request  []byte // nil for a request without a body
	response []byte
	status   int
	// handlers returns docs2go's handler and the peer's, both answering
	// response.
	handlers func() (docs2go, std http.Handler)
	// clients returns one call of docs2go's client and one of the peer's,
	// each sending request through hc.
	clients func(hc *http.Client) (docs2go, std func(context.Context) (any, error))
}

// endpoints are the seed endpoint and the corpus ones.
func endpoints() []endpoint {
	return []endpoint{seedEndpoint(), polymorphicEndpoint(), nestedEndpoint(), collectionEndpoint()}
}

// decoded decodes a constant example body into a T; the examples are
// fixed, so a failure is a bug of this package.
func decoded[T any](body []byte) *T {
	v := new(T)
	if err := json.Unmarshal(body, v); err != nil {
		panic("runtimebench: example does not decode: " + err.Error())
	}
	return v
}

// newRequest returns a template request for e; each call of serve copies
// it with a fresh body.
func (e endpoint) newRequest() *http.Request {
	r := httptest.NewRequest(e.method, e.path, nil)
	if e.request != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	r.Header.Set("Authorization", "Bearer "+benchToken)
	return r
}

// serve runs one request through h: a shallow copy of tmpl with body,
// answered into a recorder.
func serve(h http.Handler, tmpl *http.Request, body []byte) *httptest.ResponseRecorder {
	r := *tmpl
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.ContentLength = int64(len(body))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, &r)
	return rec
}

// cannedTransport answers every request with one documented answer, after
// reading the request body, so a client call is measured without a
// network or a server.
type cannedTransport struct {
	status int
	header http.Header
	body   []byte
}

func (t cannedTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		io.Copy(io.Discard, r.Body)
		r.Body.Close()
	}
	return &http.Response{
		StatusCode:    t.status,
		Header:        t.header,
		Body:          io.NopCloser(bytes.NewReader(t.body)),
		ContentLength: int64(len(t.body)),
		Request:       r,
	}, nil
}

// httpClient returns a client whose transport answers e's response.
func (e endpoint) httpClient() *http.Client {
	return &http.Client{Transport: cannedTransport{status: e.status,
		header: http.Header{"Content-Type": {"application/json"}}, body: e.response}}
}

// tokenFunc is the generated clients' token source.
func tokenFunc(context.Context) (string, error) { return benchToken, nil }
