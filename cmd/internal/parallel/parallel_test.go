package parallel

import (
	"sync/atomic"
	"testing"
)

// TestForCallsEachIndexOnce: every index runs exactly once, for no work,
// fewer items than workers and many more.
func TestForCallsEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 3, 1000} {
		calls := make([]atomic.Int32, n)
		For(n, 4, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}
