package runtime

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// serveExampleCT posts {} with the given Content-Type.
func serveExampleCT(h http.Handler, ct string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", "/things/x", strings.NewReader(`{}`))
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestClientDo(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer tok" || r.URL.EscapedPath() != "/beta/things/a%2Fb" {
			writeError(w, errorf(401, "unauthenticated", "auth %q path %q", r.Header.Get("Authorization"), r.URL.EscapedPath()))
			return
		}
		w.WriteHeader(201)
		w.Write([]byte(`{"id":"1","extra":true}`))
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL + "/beta/", Token: func(context.Context) (string, error) { return "tok", nil }}
	var out sample
	if err := c.do(context.Background(), "POST", "/things/a%2Fb", &sample{}, &out, 201); err != nil {
		t.Fatal(err)
	}
	if id, _ := out.ID.Get(); id != "1" || string(out.AdditionalData["extra"]) != "true" {
		t.Errorf("decoded %+v", out)
	}
	c.Token = nil
	err := c.do(context.Background(), "POST", "/things/a%2Fb", &sample{}, &out, 201)
	var e *Error
	if !errors.As(err, &e) || e.Status != 401 || e.Code != "unauthenticated" {
		t.Errorf("err = %v, want 401 unauthenticated", err)
	}
}
