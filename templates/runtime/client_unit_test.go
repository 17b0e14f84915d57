package runtime

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

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

func TestClientRetry(t *testing.T) {
	calls := 0
	var ids []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		ids = append(ids, r.Header.Get("client-request-id"))
		switch r.URL.Path {
		case "/throttled":
			if calls < 3 {
				w.Header().Set("Retry-After", "0")
				w.Header().Set("request-id", "rid")
				writeError(w, errorf(429, "tooManyRequests", "slow down"))
				return
			}
			w.WriteHeader(201)
			w.Write([]byte(`{"id":"1"}`))
		case "/always":
			w.Header().Set("Retry-After", "0")
			writeError(w, errorf(503, "serviceNotAvailable", "down"))
		case "/long":
			w.Header().Set("Retry-After", "3600")
			writeError(w, errorf(503, "serviceNotAvailable", "down"))
		case "/noheader":
			writeError(w, errorf(429, "tooManyRequests", "no hint"))
		}
	}))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL}
	var out sample
	if err := c.do(context.Background(), "POST", "/throttled", &sample{}, &out, 201); err != nil || calls != 3 {
		t.Fatalf("err %v after %d calls", err, calls)
	}
	if ids[0] == "" || ids[0] != ids[2] {
		t.Errorf("client-request-id not kept across retries: %q", ids)
	}
	for _, tc := range []struct {
		path      string
		calls     int
		status    int
		maxRetrys int
	}{{"/always", 4, 503, 0}, {"/always", 1, 503, -1}, {"/always", 2, 503, 1}, {"/long", 1, 503, 0}, {"/noheader", 1, 429, 0}} {
		calls = 0
		c.MaxRetries = tc.maxRetrys
		err := c.do(context.Background(), "POST", tc.path, &sample{}, &out, 201)
		var e *Error
		if !errors.As(err, &e) || e.Status != tc.status || calls != tc.calls || e.Date == "" {
			t.Errorf("%s retries=%d: err %#v after %d calls, want status %d after %d", tc.path, tc.maxRetrys, err, calls, tc.status, tc.calls)
		}
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]time.Duration{"5": 5 * time.Second, "Wed, 01 Jan 2020 00:00:10 GMT": 10 * time.Second, "Tue, 31 Dec 2019 00:00:00 GMT": 0} {
		if d, ok := parseRetryAfter(in, now); !ok || d != want {
			t.Errorf("parseRetryAfter(%q) = %v, %v", in, d, ok)
		}
	}
	for _, in := range []string{"", "-1", "soon"} {
		if _, ok := parseRetryAfter(in, now); ok {
			t.Errorf("parseRetryAfter(%q) accepted", in)
		}
	}
}

func TestClientErrorWithoutODataBody(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "upstream exploded", http.StatusBadGateway)
	}))
	defer srv.Close()
	err := (&Client{BaseURL: srv.URL}).do(context.Background(), "POST", "/x", &sample{}, nil, 201)
	var e *Error
	if !errors.As(err, &e) || e.Status != 502 || e.Code != "error" || e.Message != "upstream exploded" {
		t.Errorf("err %#v", err)
	}
	if errEmptyParam("CreateX", "id") == nil {
		t.Error("errEmptyParam returned nil")
	}
}

// TestClientRefusesNilBody checks that a nil body pointer is refused
// before anything is sent (it would go over the wire as null); an untyped
// nil is no body at all (get, list, delete).
func TestClientRefusesNilBody(t *testing.T) {
	sent := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { sent = true }))
	defer srv.Close()
	c := &Client{BaseURL: srv.URL}
	for _, body := range []any{(*sample)(nil), (*struct{})(nil)} {
		err := c.do(context.Background(), "POST", "/users", body, nil, 201)
		if !errors.Is(err, ErrNilBody) || !strings.Contains(err.Error(), "POST /users: request body is nil") {
			t.Errorf("body %#v: err = %v, want ErrNilBody naming the request", body, err)
		}
	}
	if sent {
		t.Error("a request was sent")
	}
}
