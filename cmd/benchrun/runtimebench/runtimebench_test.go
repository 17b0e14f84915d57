package runtimebench

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
)

// TestPeersAgree checks that the benchmark measures real work: both
// handlers answer the documented request with 201, the documented
// response and the same Location, and both clients return the documented
// response.
func TestPeersAgree(t *testing.T) {
	gh, sh := handlers()
	tmpl, body := newSeedRequest(), []byte(seedRequest)
	g, s := serve(gh, tmpl, body), serve(sh, tmpl, body)
	if g.Code != http.StatusCreated || s.Code != http.StatusCreated {
		t.Fatalf("status docs2go %d (%s), stdlib %d (%s), want 201", g.Code, g.Body, s.Code, s.Body)
	}
	sameJSON(t, "docs2go handler", g.Body.Bytes(), []byte(seedResponse))
	sameJSON(t, "stdlib handler", s.Body.Bytes(), []byte(seedResponse))
	if gl, sl := g.Header().Get("Location"), s.Header().Get("Location"); gl != sl || gl == "" {
		t.Errorf("Location docs2go %q, stdlib %q", gl, sl)
	}
	gc, sc := clients()
	for name, call := range map[string]func(context.Context) (any, error){"docs2go": gc, "stdlib": sc} {
		got, err := call(context.Background())
		if err != nil {
			t.Fatalf("%s client: %v", name, err)
		}
		data, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		sameJSON(t, name+" client", data, []byte(seedResponse))
	}
}

// TestPeerRejects checks that the peer's handler validates what it claims
// to: an unknown property and a wrong content type are refused.
func TestPeerRejects(t *testing.T) {
	_, sh := handlers()
	tmpl := newSeedRequest()
	if rec := serve(sh, tmpl, []byte(`{"bogus":1}`)); rec.Code != http.StatusBadRequest {
		t.Errorf("unknown property: status %d, want 400", rec.Code)
	}
	tmpl.Header.Set("Content-Type", "text/plain")
	if rec := serve(sh, tmpl, []byte(seedRequest)); rec.Code != http.StatusUnsupportedMediaType {
		t.Errorf("text/plain: status %d, want 415", rec.Code)
	}
}

func sameJSON(t *testing.T, what string, got, want []byte) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%s: %v in %s", what, err, got)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Errorf("%s: got %s, want %s", what, got, want)
	}
}

// BenchmarkHandler is one ServeHTTP of the documented request.
func BenchmarkHandler(b *testing.B) {
	for _, c := range Cases() {
		if c.Name == "handler" {
			b.Run("docs2go", c.Docs2go)
			b.Run("stdlib", c.Std)
		}
	}
}

// BenchmarkClient is one create call with the documented request.
func BenchmarkClient(b *testing.B) {
	for _, c := range Cases() {
		if c.Name == "client" {
			b.Run("docs2go", c.Docs2go)
			b.Run("stdlib", c.Std)
		}
	}
}
