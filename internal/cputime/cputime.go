// Package cputime measures the CPU time work takes, for the tests that
// bound the cost of parsing and linking hostile input. Wall-clock bounds
// fail on a loaded machine (the work waits for a core); CPU time does not,
// and still grows with the work, so a quadratic algorithm still exceeds a
// linear budget.
package cputime

import (
	"runtime"
	"time"
)

// Thread returns the CPU time (user and system) that f takes on the
// calling goroutine's thread, which f is locked to. f must do its work
// on that goroutine: what it hands to other goroutines is not counted
// (use Process then). Where the thread's time cannot be read, it is the
// process's CPU time, else wall time.
func Thread(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	return measure(threadCPU, f)
}

// Process returns the CPU time (user and system) of the whole process
// while f runs: the work of every goroutine f starts, and any other
// goroutine's of the process (the garbage collector's, and tests that run
// in parallel). Where it cannot be read, it is wall time.
func Process(f func()) time.Duration {
	return measure(processCPU, f)
}

func measure(clock func() (time.Duration, bool), f func()) time.Duration {
	before, ok := clock()
	start := time.Now()
	f()
	if after, ok2 := clock(); ok && ok2 {
		return after - before
	}
	return time.Since(start)
}
