//go:build unix && !linux

package cputime

import "time"

// threadCPU: only Linux reports a thread's usage; the process's is the
// next best bound.
func threadCPU() (time.Duration, bool) { return processCPU() }
