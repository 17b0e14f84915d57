// Package parallel runs indexed work on a few goroutines.
package parallel

import "sync"

// For calls f(0) ... f(n-1) on up to workers goroutines and returns when
// all have returned. Callers write f's results to index i of slices of
// their own, so results keep input order whatever the scheduling.
func For(n, workers int, f func(i int)) {
	next := make(chan int, 64)
	var wg sync.WaitGroup
	for range min(workers, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
