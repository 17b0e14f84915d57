// Package indexed runs indexed work on every core for the parser's
// passes: the callers write the result of item i to index i of slices of
// their own, so results keep input order whatever the scheduling.
package indexed

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// chunk is how many items a goroutine takes at once: the items (pages,
// types, endpoints) are small, and taking them one by one cost more than
// some of them.
const chunk = 32

// Each calls f(0) … f(n-1) on GOMAXPROCS goroutines and returns when all
// have returned. A panic in f is raised again in the caller (the first one
// recovered; the other goroutines finish their items).
func Each(n int, f func(i int)) {
	EachWith(n, func() func(i int) { return f })
}

// EachWith is Each with state per goroutine: each goroutine calls
// newWorker once and then the function it returns for its items.
func EachWith(n int, newWorker func() func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk)
	if workers <= 1 {
		f := newWorker()
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var failed sync.Once
	var failure any
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					failed.Do(func() { failure = r })
				}
			}()
			f := newWorker()
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					f(i)
				}
			}
		})
	}
	wg.Wait()
	if failure != nil {
		panic(failure)
	}
}
