package generator

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"
)

// TestEmitOnlyReadsThePlan emits one plan twice at once: emission must
// leave the plan as it found it (run with -race, it also shows that the
// workers only read it), so both outputs equal a fresh Generate's.
func TestEmitOnlyReadsThePlan(t *testing.T) {
	cases, err := filepath.Glob("testdata/*/input.json")
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, in := range cases {
		t.Run(filepath.Base(filepath.Dir(in)), func(t *testing.T) {
			ds := readDocSet(t, in)
			want, err := Generate(ds, Options{Package: "generated"})
			if err != nil {
				t.Fatal(err)
			}
			plan, _, err := NewPlan(readDocSet(t, in))
			if err != nil {
				t.Fatal(err)
			}
			var got [2]*Result
			var errs [2]error
			var wg sync.WaitGroup
			for i := range got {
				wg.Go(func() { got[i], errs[i] = Emit(plan, Options{Package: "generated"}) })
			}
			wg.Wait()
			for i, res := range got {
				if errs[i] != nil {
					t.Fatal(errs[i])
				}
				if len(res.Diagnostics) != 0 {
					t.Errorf("Emit reported %d diagnostics; only the plan reports", len(res.Diagnostics))
				}
				if len(res.Files) != len(want.Files) {
					t.Fatalf("emit %d: %d files, Generate %d", i, len(res.Files), len(want.Files))
				}
				for j, f := range res.Files {
					if f.Path != want.Files[j].Path || !bytes.Equal(f.Content, want.Files[j].Content) {
						t.Errorf("emit %d: %s differs from Generate's %s", i, f.Path, want.Files[j].Path)
					}
				}
			}
		})
	}
}
