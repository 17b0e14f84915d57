package cputime

import (
	"syscall"
	"time"
)

func threadCPU() (time.Duration, bool) { return rusage(syscall.RUSAGE_THREAD) }
