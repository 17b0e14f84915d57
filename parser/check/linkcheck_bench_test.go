//go:build unix

package check

import (
	"syscall"
	"testing"
	"time"

	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/link"
)

// BenchmarkLinkCheckBeta links the beta corpus, parsed once beforehand, and
// checks its endpoints' example bodies: the part of a lint run that reads
// example JSON (skipped when the corpus is absent). cpu-ns/op is the
// process's user and system time per run, steadier than wall time on a
// shared machine.
func BenchmarkLinkCheckBeta(b *testing.B) {
	pages := corpustest.Pages(b, "beta")
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		ds, _ := link.Link(pages)
		Endpoints(ds, pages)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the user and system time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
