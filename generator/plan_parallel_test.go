package generator

import (
	"fmt"
	"math/rand"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/parser/link"
)

// TestPlanNamesGOMAXPROCS plans doc sets full of colliding names on one
// core and on several, and from a shuffled DocSet: the names of types,
// fields, enum members and endpoints, the routes, the shared-route groups
// and the findings must not depend on the scheduling of the parallel
// parts of NewPlan (fields, name parts, request lines, examples), which
// are also run one at a time in a random order.
func TestPlanNamesGOMAXPROCS(t *testing.T) {
	sets := map[string]func(t *testing.T) *ir.DocSet{
		"hard": func(t *testing.T) *ir.DocSet { return readDocSet(t, "testdata/hard/input.json") },
		"seed": func(t *testing.T) *ir.DocSet { return readDocSet(t, "testdata/seed/input.json") },
		"corpus-beta": func(t *testing.T) *ir.DocSet {
			if testing.Short() {
				t.Skip("-short: the corpus is planned three times")
			}
			ds, _ := link.Link(corpustest.Pages(t, "beta"))
			return ds
		},
	}
	for name, load := range sets {
		t.Run(name, func(t *testing.T) {
			ds := load(t)
			one := planSummary(t, ds, 1)
			if len(one) < 3 {
				t.Fatalf("plan summary has %d lines", len(one))
			}
			many := planSummary(t, ds, 4)
			shuffled := *ds
			r := rand.New(rand.NewSource(1))
			shuffled.Endpoints = slices.Clone(ds.Endpoints)
			shuffled.Types = slices.Clone(ds.Types)
			r.Shuffle(len(shuffled.Endpoints), func(i, j int) {
				shuffled.Endpoints[i], shuffled.Endpoints[j] = shuffled.Endpoints[j], shuffled.Endpoints[i]
			})
			r.Shuffle(len(shuffled.Types), func(i, j int) { shuffled.Types[i], shuffled.Types[j] = shuffled.Types[j], shuffled.Types[i] })
			again := planSummary(t, &shuffled, 4)
			r2 := rand.New(rand.NewSource(2))
			planEachOrder = func(n int) []int { return r2.Perm(n) }
			t.Cleanup(func() { planEachOrder = nil })
			permuted := planSummary(t, ds, 1)
			planEachOrder = nil
			for what, got := range map[string][]string{"GOMAXPROCS=4": many, "shuffled, GOMAXPROCS=4": again, "parallel work in random order": permuted} {
				if !slices.Equal(one, got) {
					i := 0
					for i < min(len(one), len(got)) && one[i] == got[i] {
						i++
					}
					t.Errorf("%s: plan differs from GOMAXPROCS=1 at line %d of %d/%d", what, i, len(one), len(got))
				}
			}
		})
	}
}

// planSummary plans ds with procs cores and lists every name the plan
// hands out and every finding, in a stable order.
func planSummary(t *testing.T, ds *ir.DocSet, procs int) []string {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	plan, diags, err := NewPlan(ds)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ti := range plan.types {
		out = append(out, "type "+ti.qname+" "+ti.goName)
		for _, f := range ti.fields {
			out = append(out, fmt.Sprintf("  field %s %s %s", f.prop.Name, f.goName, f.typ.Target))
		}
	}
	for _, ei := range plan.enums {
		out = append(out, "enum "+ei.e.QualifiedName()+" "+ei.goName)
		for _, c := range ei.consts {
			out = append(out, "  const "+c.m.Name+" "+c.goName)
		}
	}
	eps := slices.Clone(plan.endpoints)
	slices.SortFunc(eps, func(a, b *endpointInfo) int { return strings.Compare(a.key, b.key) })
	for _, e := range eps {
		line := fmt.Sprintf("endpoint %s %s ok=%v reason=%q", e.key, e.name, e.ok, e.reason)
		if e.primary != nil {
			line += " member of " + e.primary.key
		}
		for _, r := range e.routes {
			line += " " + r.Pattern()
		}
		out = append(out, line)
	}
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

// TestPlanBeside wants what the work beside writes seen after wait, and
// its panic raised by wait in the caller's goroutine, where NewPlan's
// recover turns it into an error.
func TestPlanBeside(t *testing.T) {
	var got int
	wait := planBeside(func() { got = 42 })
	wait()
	if got != 42 {
		t.Errorf("after wait: got %d, want 42", got)
	}
	defer func() {
		if p := recover(); fmt.Sprint(p) != "boom" {
			t.Errorf("wait raised %v, want boom", p)
		}
	}()
	planBeside(func() { panic("boom") })()
	t.Error("wait returned after a panic beside")
}
