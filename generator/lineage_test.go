package generator

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/parser/link"
)

// TestDerivedOfIndexMatchesWalk: the lineage index answers derivedOf
// exactly as the walk over every type does, on the testdata doc sets and
// on both corpus versions.
func TestDerivedOfIndexMatchesWalk(t *testing.T) {
	cases, _ := filepath.Glob("testdata/*/input.json")
	if len(cases) == 0 {
		t.Fatal("no testdata/*/input.json")
	}
	for _, in := range cases {
		t.Run(filepath.Base(filepath.Dir(in)), func(t *testing.T) { checkLineage(t, readDocSet(t, in)) })
	}
	t.Run("non-ascii", func(t *testing.T) {
		ds := &ir.DocSet{Types: []*ir.Type{
			{Namespace: "microsoft.graph", Name: "Äbase"},
			{Namespace: "microsoft.graph", Name: "child", Base: "microsoft.graph.Äbase"},
			{Namespace: "microsoft.graph", Name: "base", Derived: []string{"microsoft.graph.CHILD"}},
		}}
		g := newPlanner(ds)
		g.index()
		for _, ti := range g.types {
			if fast, slow := g.derivedOf(ti), g.derivedOfSlow(ti); !slices.Equal(fast, slow) || (ti.t.Name != "child" && len(fast) != 1) {
				t.Errorf("derivedOf(%s) = %d types, walk %d, want 1", ti.qname, len(fast), len(slow))
			}
		}
		if g.lineage.ascii {
			t.Errorf("a non-ASCII name did not make derivedOf walk")
		}
	})
	for _, v := range []string{"v1.0", "beta"} {
		t.Run(v, func(t *testing.T) {
			ds, _ := link.Link(corpustest.Pages(t, v))
			checkLineage(t, ds)
		})
	}
}

func checkLineage(t *testing.T, ds *ir.DocSet) {
	t.Helper()
	g := newPlanner(ds)
	g.index()
	derived := 0
	for _, ti := range g.types {
		fast, slow := g.derivedOf(ti), g.derivedOfSlow(ti)
		if !slices.Equal(fast, slow) {
			t.Fatalf("derivedOf(%s): index gives %d types, the walk %d", ti.qname, len(fast), len(slow))
		}
		derived += len(fast)
	}
	if g.lineage != nil && !g.lineage.ascii {
		t.Errorf("the index fell back to the walk: a name is not ASCII")
	}
	t.Logf("%d types, %d derived pairs", len(g.types), derived)
}
