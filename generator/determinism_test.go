package generator

import (
	"bytes"
	"math/rand"
	"testing"
)

// TestDeterministic generates each case twice, the second time from a
// DocSet whose slices are shuffled, and wants identical files.
func TestDeterministic(t *testing.T) {
	for _, path := range []string{"testdata/seed/input.json", "testdata/hard/input.json"} {
		first := generateCase(t, path)
		for seed := int64(1); seed <= 3; seed++ {
			ds := readDocSet(t, path)
			r := rand.New(rand.NewSource(seed))
			r.Shuffle(len(ds.Types), func(i, j int) { ds.Types[i], ds.Types[j] = ds.Types[j], ds.Types[i] })
			r.Shuffle(len(ds.Enums), func(i, j int) { ds.Enums[i], ds.Enums[j] = ds.Enums[j], ds.Enums[i] })
			r.Shuffle(len(ds.Endpoints), func(i, j int) { ds.Endpoints[i], ds.Endpoints[j] = ds.Endpoints[j], ds.Endpoints[i] })
			again, err := Generate(ds, Options{Package: "generated"})
			if err != nil {
				t.Fatal(err)
			}
			if len(again.Files) != len(first.Files) {
				t.Fatalf("%s: %d files, then %d", path, len(first.Files), len(again.Files))
			}
			for i, f := range first.Files {
				g := again.Files[i]
				if f.Path != g.Path || !bytes.Equal(f.Content, g.Content) {
					t.Errorf("%s (shuffle %d): %s differs between runs", path, seed, f.Path)
				}
			}
			if summary(&Result{Diagnostics: first.Diagnostics}) == nil || !bytes.Equal(summary(&Result{Diagnostics: first.Diagnostics}), summary(&Result{Diagnostics: again.Diagnostics})) {
				t.Errorf("%s (shuffle %d): diagnostics differ", path, seed)
			}
		}
	}
}
