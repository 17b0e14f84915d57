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

// work burns a fixed amount of CPU, whatever the machine's load: unlike
// spin, its cost does not shrink when other processes take the cores.
func work() uint64 {
	x := uint64(1)
	for i := range 30_000_000 {
		x = x*6364136223846793005 + uint64(i)
	}
	return x
}

var sink uint64

// TestProcessCountsOtherGoroutines: Process counts the work f hands to
// other goroutines. The same work measured on the calling thread is the
// yardstick, so the check holds on a loaded machine (a wall-time spin
// got too little CPU there).
func TestProcessCountsOtherGoroutines(t *testing.T) {
	own := Thread(func() { sink += work() })
	got := Process(func() {
		var wg sync.WaitGroup
		wg.Go(func() { sink += work() })
		wg.Wait()
	})
	if got < own/2 {
		t.Errorf("work on another goroutine cost %v of process CPU, the same work on this thread %v", got, own)
	}
}
