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
	if planEachOrder != nil {
		for _, i := range planEachOrder(n) {
			f(i)
		}
		return
	}
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

// planEachOrder, when set (by tests), makes planEach make its calls one
// at a time in the order it returns (a permutation of 0 … n-1), to show
// that no result of NewPlan depends on the order they run in.
var planEachOrder func(n int) []int

// planBeside starts f in a goroutine of its own and returns the function
// that waits for it to return. A panic in f is raised again by wait, in
// the caller's goroutine (see planEach). The caller must call wait before
// it reads anything f writes, and f must write nothing the caller reads
// or writes meanwhile. Under planEachOrder (tests), f runs at once: the
// work beside is then done before the caller's.
func planBeside(f func()) (wait func()) {
	if planEachOrder != nil {
		f()
		return func() {}
	}
	done := make(chan any, 1) // f's panic, or nil
	go func() {
		defer func() { done <- recover() }()
		f()
	}()
	return func() {
		if p := <-done; p != nil {
			panic(p)
		}
	}
}
