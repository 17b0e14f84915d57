package link

import (
	"sync/atomic"
	"testing"
)

// TestParallel checks that parallel calls every index once, also below
// and above a chunk, and raises a worker's panic in the caller (where
// Link recovers it: a panic in a goroutine would end the program).
func TestParallel(t *testing.T) {
	for _, n := range []int{0, 1, 31, 32, 33, 1000} {
		counts := make([]atomic.Int32, n)
		parallel(n, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
	}()
	parallel(1000, func(i int) {
		if i == 500 {
			panic("boom")
		}
	})
	t.Error("no panic")
}
