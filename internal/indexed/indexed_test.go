package indexed

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestEachCallsEveryIndexOnce: every index runs exactly once, for no work,
// fewer items than a chunk and many chunks, on one core and several.
func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, chunk - 1, 10*chunk + 3} {
			calls := make([]atomic.Int32, n)
			Each(n, func(i int) { calls[i].Add(1) })
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Errorf("GOMAXPROCS %d, n=%d: index %d called %d times", procs, n, i, c)
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}

// TestEachWithOneWorkerStatePerGoroutine: a worker's state is never used
// by two goroutines at once, so it needs no lock.
func TestEachWithOneWorkerStatePerGoroutine(t *testing.T) {
	old := runtime.GOMAXPROCS(4)
	defer runtime.GOMAXPROCS(old)
	var workers atomic.Int32
	var sum atomic.Int64
	EachWith(100*chunk, func() func(i int) {
		workers.Add(1)
		busy := false
		return func(i int) {
			if busy {
				t.Error("worker state used concurrently")
			}
			busy = true
			sum.Add(int64(i))
			busy = false
		}
	})
	if n := 100 * chunk; sum.Load() != int64(n*(n-1)/2) {
		t.Errorf("sum of indexes %d, want %d", sum.Load(), n*(n-1)/2)
	}
	if w := workers.Load(); w < 1 || w > 4 {
		t.Errorf("%d workers, want 1 to 4", w)
	}
}

// TestEachRaisesThePanic: a panic in an item reaches the caller.
func TestEachRaisesThePanic(t *testing.T) {
	old := runtime.GOMAXPROCS(2)
	defer runtime.GOMAXPROCS(old)
	defer func() {
		if r := recover(); r != "item 70" {
			t.Errorf("recovered %v, want the item's panic", r)
		}
	}()
	Each(3*chunk, func(i int) {
		if i == 70 {
			panic("item 70")
		}
	})
	t.Error("Each returned")
}
