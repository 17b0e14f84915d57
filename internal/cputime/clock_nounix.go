//go:build !unix

package cputime

import "time"

// No CPU clock without getrusage: measure falls back to wall time.
func processCPU() (time.Duration, bool) { return 0, false }
func threadCPU() (time.Duration, bool)  { return 0, false }
