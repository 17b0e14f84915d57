// Package hugeheap lets a short, allocation-heavy run of docs2go fault its
// heap in with transparent huge pages where Linux leaves that to the
// program (the "madvise" mode, the common default).
//
// Why: a beta run touches about 300 MB of fresh heap. In 4 KiB pages that
// is some 75,000 page faults, and on a virtual machine each costs about
// 10 us (the hypervisor's share shows up as user time): a fifth of the
// run's CPU. In 2 MiB pages the same memory takes a few hundred faults.
// The Go runtime no longer advises huge pages for its heap itself.
//
// The advice changes only how the kernel backs the memory, never what the
// program computes, and where it is not available nothing happens.
package hugeheap

import "os"

// disableEnv turns the advice off (DOCS2GO_HUGEPAGES=off), to measure
// what it brings.
const disableEnv = "DOCS2GO_HUGEPAGES"

// Reserve prepares about n bytes of heap (at most MaxReserve) backed by
// huge pages: it reports whether the kernel took the advice. Call it once,
// early, with an estimate of the run's peak heap; memory beyond it is
// faulted in as usual.
func Reserve(n int) bool {
	if os.Getenv(disableEnv) == "off" || n < hugePage {
		return false
	}
	return reserve(min(n, MaxReserve))
}

// MaxReserve bounds the block Reserve allocates: the block is address
// space only, never touched, but a system that does not overcommit
// memory would refuse a larger one, and the Go runtime dies when an
// allocation is refused.
const MaxReserve = 1 << 30

// hugePage is the size of a transparent huge page on amd64 and arm64
// (with 4 KiB base pages).
const hugePage = 2 << 20
