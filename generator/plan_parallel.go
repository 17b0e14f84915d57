package generator

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// planEach calls f(0) … f(n-1) on every core and returns when all have
// returned. f writes its results to index i of the caller's slices, so
// they keep input order whatever the scheduling. A panic in f is raised
// again in the caller's goroutine (the first one, as text), where
// NewPlan's recover turns it into an error instead of a crash.
func planEach(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	var fault atomic.Value
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			defer func() {
				if p := recover(); p != nil {
					fault.CompareAndSwap(nil, fmt.Sprint(p))
				}
			}()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		})
	}
	wg.Wait()
	if p := fault.Load(); p != nil {
		panic(p)
	}
}
