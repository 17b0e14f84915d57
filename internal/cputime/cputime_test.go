package cputime

import (
	"sync"
	"testing"
	"time"
)

// TestThreadCountsWorkNotWaiting: sleeping costs no CPU time, working
// does; this is what makes the bounds hold on a loaded machine.
func TestThreadCountsWorkNotWaiting(t *testing.T) {
	if slept := Thread(func() { time.Sleep(200 * time.Millisecond) }); slept > 50*time.Millisecond {
		t.Errorf("sleeping 200ms cost %v of CPU", slept)
	}
	if worked := Thread(func() { sink += work() }); worked < 5*time.Millisecond {
		t.Errorf("30 million multiply-adds cost only %v of CPU", worked)
	}
}

// work burns a fixed amount of CPU, whatever the machine's load: a spin
// for a wall-time span costs less CPU the more other processes take the
// cores.
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
// got under 20 ms of CPU there at load 10).
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
