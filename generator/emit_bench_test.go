package generator

import "testing"

// BenchmarkEmitCorpus emits each docs version of the corpus (Emit alone:
// building, rendering and formatting every file) from a plan made once
// beforehand (skipped when the corpus is absent).
func BenchmarkEmitCorpus(b *testing.B) {
	for _, v := range []string{"v1.0", "beta"} {
		b.Run(v, func(b *testing.B) {
			plan, _, err := NewPlan(corpusDocSet(b, v))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Emit(plan, Options{Package: "generated"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
