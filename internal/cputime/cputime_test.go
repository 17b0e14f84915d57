package cputime

import (
	"sync"
	"testing"
	"time"
)

// spin burns CPU for about d of wall time on the calling goroutine.
func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

// TestThreadCountsWorkNotWaiting: sleeping costs no CPU time, spinning
// does; this is what makes the bounds hold on a loaded machine.
func TestThreadCountsWorkNotWaiting(t *testing.T) {
	if slept := Thread(func() { time.Sleep(200 * time.Millisecond) }); slept > 50*time.Millisecond {
		t.Errorf("sleeping 200ms cost %v of CPU", slept)
	}
	if spun := Thread(func() { spin(200 * time.Millisecond) }); spun < 20*time.Millisecond {
		t.Errorf("spinning 200ms cost only %v of CPU", spun)
	}
}

// TestProcessCountsOtherGoroutines: Process counts the work f hands to
// other goroutines.
func TestProcessCountsOtherGoroutines(t *testing.T) {
	got := Process(func() {
		var wg sync.WaitGroup
		wg.Go(func() { spin(200 * time.Millisecond) })
		wg.Wait()
	})
	if got < 20*time.Millisecond {
		t.Errorf("a goroutine spinning 200ms cost only %v of CPU", got)
	}
}
