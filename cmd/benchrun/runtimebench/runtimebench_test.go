package runtimebench

import (
	"context"
	"encoding/json"
	"net/http"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docs2go/docs2go/cmd/benchrun/runtimebench/corpusgen"
)

// TestPeersAgree checks that the benchmark measures real work, on every
// endpoint: both handlers answer the documented request with the
// documented status, answer and Location, and both clients return the
// documented answer. The peer's omitempty pointer fields drop nulls and
// empty arrays, so its side is compared without them.
func TestPeersAgree(t *testing.T) {
	for _, e := range endpoints() {
		t.Run(e.name, func(t *testing.T) {
			gh, sh := e.handlers()
			tmpl := e.newRequest()
			g, s := serve(gh, tmpl, e.request), serve(sh, tmpl, e.request)
			if g.Code != e.status || s.Code != e.status {
				t.Fatalf("status docs2go %d (%s), stdlib %d (%s), want %d", g.Code, g.Body, s.Code, s.Body, e.status)
			}
			sameJSON(t, "docs2go handler", g.Body.Bytes(), e.response, false)
			sameJSON(t, "stdlib handler", s.Body.Bytes(), e.response, true)
			gl, sl := g.Header().Get("Location"), s.Header().Get("Location")
			if gl != sl || (gl == "") != (e.status != http.StatusCreated) {
				t.Errorf("Location docs2go %q, stdlib %q", gl, sl)
			}
			gc, sc := e.clients(e.httpClient())
			for name, call := range map[string]func(context.Context) (any, error){"docs2go": gc, "stdlib": sc} {
				got, err := call(context.Background())
				if err != nil {
					t.Fatalf("%s client: %v", name, err)
				}
				data, err := json.Marshal(got)
				if err != nil {
					t.Fatal(err)
				}
				sameJSON(t, name+" client", data, e.response, name == "stdlib")
			}
		})
	}
}

// TestCollectionSize checks that the large collection is large.
func TestCollectionSize(t *testing.T) {
	page := decoded[stdUserPage](collectionEndpoint().response)
	if len(page.Value) != collectionSize {
		t.Errorf("%d users, want %d", len(page.Value), collectionSize)
	}
}

// TestPeerRejects checks that the peer's create handlers validate what
// they claim to: an unknown property, also one of a derived type's base,
// and a wrong content type are refused.
func TestPeerRejects(t *testing.T) {
	bodies := map[string]string{
		"seed":        `{"bogus":1}`,
		"polymorphic": `{"@odata.type":"#microsoft.graph.webApp","packageId":"x"}`,
		"nested":      `{"attendees":[{"emailAddress":{"bogus":1}}]}`,
	}
	for _, e := range endpoints() {
		body, ok := bodies[e.name]
		if !ok {
			continue
		}
		t.Run(e.name, func(t *testing.T) {
			_, sh := e.handlers()
			tmpl := e.newRequest()
			if rec := serve(sh, tmpl, []byte(body)); rec.Code != http.StatusBadRequest {
				t.Errorf("%s: status %d, want 400", body, rec.Code)
			}
			tmpl.Header.Set("Content-Type", "text/plain")
			if rec := serve(sh, tmpl, e.request); rec.Code != http.StatusUnsupportedMediaType {
				t.Errorf("text/plain: status %d, want 415", rec.Code)
			}
		})
	}
}

// sameJSON compares two JSON texts as values; lenient drops nulls and
// empty arrays from want first.
func sameJSON(t *testing.T, what string, got, want []byte, lenient bool) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("%s: %v in %s", what, err, got)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatal(err)
	}
	if lenient {
		w = dropEmpty(w)
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("%s: answer differs from the documented one (-want +got):\n%s", what, diff)
	}
}

// dropEmpty removes the null and [] members of every object in v.
func dropEmpty(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, m := range v {
			if a, ok := m.([]any); m == nil || ok && len(a) == 0 {
				delete(v, k)
				continue
			}
			v[k] = dropEmpty(m)
		}
	case []any:
		for i := range v {
			v[i] = dropEmpty(v[i])
		}
	}
	return v
}

// benchSide runs the docs2go and stdlib sub-benchmarks of every endpoint's
// side.
func benchSide(b *testing.B, side string) {
	for _, c := range Cases() {
		if c.Side == side {
			b.Run(c.Endpoint+"/docs2go", c.Docs2go)
			b.Run(c.Endpoint+"/stdlib", c.Std)
		}
	}
}

// BenchmarkHandler is one ServeHTTP of each endpoint's documented request.
func BenchmarkHandler(b *testing.B) { benchSide(b, "handler") }

// BenchmarkClient is one client call of each endpoint.
func BenchmarkClient(b *testing.B) { benchSide(b, "client") }

// TestPolymorphicDispatch checks that the polymorphic endpoint measures a
// dispatch: docs2go's body type is the base's wrapper and the example
// reaches it as the derived type, as it does the peer.
func TestPolymorphicDispatch(t *testing.T) {
	e := polymorphicEndpoint()
	if v := decoded[corpusgen.AnyMobileApp](e.request).Value; reflect.TypeOf(v) != reflect.TypeFor[*corpusgen.WebApp]() {
		t.Errorf("docs2go decodes the example as %T, want *corpusgen.WebApp", v)
	}
	if v := decodeMobileApp(e.request); reflect.TypeOf(v) != reflect.TypeFor[*stdWebApp]() {
		t.Errorf("the peer decodes the example as %T, want *stdWebApp", v)
	}
}
