package generator

import "testing"

// BenchmarkPlanCorpus plans each docs version of the corpus (NewPlan
// alone: naming, routes, shared routes, example checks), parsed and
// linked once beforehand (skipped when the corpus is absent).
func BenchmarkPlanCorpus(b *testing.B) {
	for _, v := range []string{"v1.0", "beta"} {
		b.Run(v, func(b *testing.B) {
			ds := corpusDocSet(b, v)
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := NewPlan(ds); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
