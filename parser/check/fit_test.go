package check

import (
	"sync"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// TestFit covers the generator's entry point: the reason and its position,
// and "@odata.type": FitOptions.Derived at the top level, always below it.
func TestFit(t *testing.T) {
	ds := &ir.DocSet{Types: []*ir.Type{
		{Name: "circle", Namespace: "microsoft.graph", Base: "microsoft.graph.shape",
			Properties: []ir.Property{prop("radius", prim("Double")), prop("inner", ref("microsoft.graph.shape")),
				prop("parts", ir.TypeRef{Name: "shape", Target: "microsoft.graph.shape", Collection: true}),
				prop("dots", ir.TypeRef{Name: "circle", Target: "microsoft.graph.circle", Collection: true})}},
		{Name: "shape", Namespace: "microsoft.graph", Derived: []string{"microsoft.graph.circle"},
			Properties: []ir.Property{prop("id", prim("String"))}},
	}}
	c := New(ds)
	shape := ref("microsoft.graph.shape")
	blk := func(s string) *ir.Block { return &ir.Block{Text: s, Pos: ir.Pos{File: "api/x.md", Line: 10, Col: 1}} }
	for _, tc := range []struct {
		body    string
		derived bool
		want    string // "" = fits
	}{
		{`{"@odata.type":"#microsoft.graph.circle","radius":"big"}`, false, ""}, // static: radius is an unknown property
		{`{"@odata.type":"#microsoft.graph.circle","radius":"big"}`, true, `api/x.md:10:51: type-mismatch: body: radius: want Double, got string "big" (only "NaN", "INF" and "-INF" may be strings)`},
		{`{"@odata.type":"#microsoft.graph.circle","radius":"NaN"}`, true, ""},
		{`{"@odata.type":"#microsoft.graph.circle","inner":{"@odata.type":"#microsoft.graph.circle","radius":"big"}}`, true,
			`api/x.md:10:100: type-mismatch: body: inner.radius: want Double, got string "big" (only "NaN", "INF" and "-INF" may be strings)`}, // nested: derived
		{`{"@odata.type":"#microsoft.graph.circle","inner":{"@odata.type":"#microsoft.graph.circle","inner":{"@odata.type":"#microsoft.graph.circle","radius":true}}}`, true,
			`api/x.md:10:149: type-mismatch: body: inner.inner.radius: want Double, got boolean true`}, // any depth
		{`{"@odata.type":"#microsoft.graph.circle","inner":{"radius":true}}`, true, ""}, // no @odata.type: the base type, radius unknown
		{`{"@odata.type":"#microsoft.graph.circle","inner":{"@odata.type":"#microsoft.graph.other","radius":true}}`, true, ""},
		{`{"@odata.type":"#microsoft.graph.circle","parts":[{"@odata.type":"#microsoft.graph.circle","radius":"big"}]}`, true,
			`api/x.md:10:101: type-mismatch: body: parts[0].radius: want Double, got string "big" (only "NaN", "INF" and "-INF" may be strings)`},
		{`{"@odata.type":"#microsoft.graph.circle","parts":[null,{"id":"p"}]}`, true, ""}, // a nil wrapper re-encodes as null
		{`{"@odata.type":"#microsoft.graph.circle","dots":[null]}`, true,
			`api/x.md:10:50: type-mismatch: body: dots[0]: null in a collection of microsoft.graph.circle, whose items are not nullable`}, // circle has no derived type
		{`{"@odata.type":"#microsoft.graph.other","radius":"big"}`, true, ""},
		{"{\n  \"id\": 1\n}", true, "api/x.md:11:9: type-mismatch: body: id: want String, got number 1"},
		{`{"id": }`, false, "api/x.md:10:8: invalid-json: body: invalid JSON: invalid character '}' looking for beginning of value"},
		{``, false, "api/x.md:10:1: type-mismatch: body: empty"},
	} {
		d := c.Fit(shape, blk(tc.body), FitOptions{Derived: tc.derived})
		got := ""
		if d != nil {
			got = d.Pos.String() + ": " + string(d.Code) + ": " + d.Message
		}
		if got != tc.want {
			t.Errorf("Fit(%s, derived=%v) = %q, want %q", tc.body, tc.derived, got, tc.want)
		}
		if (d == nil) != c.Conforms(shape, tc.body) && !tc.derived {
			t.Errorf("Fit and Conforms disagree on %s", tc.body)
		}
	}
}

// TestFitConcurrent runs Fit on one fresh Checker from several goroutines,
// as the plan does, each in its own order, and compares with one goroutine:
// the field indexes are made on first use (run it with -race).
func TestFitConcurrent(t *testing.T) {
	ds := fixture()
	bodies := []string{
		`{"displayName": "w", "count": "x"}`, `{"displayName": "w", "parts": [{"size": "2"}]}`,
		`{"displayName": "w", "part": {"name": 1}}`, `{"displayName": "w", "status": 3}`,
		`{"displayName": "w", "tags": ["a", null]}`, `{"displayName": "w"}`,
	}
	fit := func(c *Checker, body string) string {
		d := c.Fit(ref("microsoft.graph.widget"), &ir.Block{Text: body, Pos: bodyPos}, FitOptions{})
		if d == nil {
			return ""
		}
		return d.String()
	}
	seq := New(ds)
	want := make([]string, len(bodies))
	for i, b := range bodies {
		want[i] = fit(seq, b)
	}
	c := New(ds)
	got := make([][]string, 4)
	var wg sync.WaitGroup
	for g := range got {
		got[g] = make([]string, len(bodies))
		wg.Go(func() {
			for k := range bodies {
				i := (k + g) % len(bodies)
				got[g][i] = fit(c, bodies[i])
			}
		})
	}
	wg.Wait()
	for g := range got {
		for i := range bodies {
			if got[g][i] != want[i] {
				t.Errorf("goroutine %d, %s: %q, alone %q", g, bodies[i], got[g][i], want[i])
			}
		}
	}
}
