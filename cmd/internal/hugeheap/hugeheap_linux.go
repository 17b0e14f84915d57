package hugeheap

import (
	"bytes"
	"os"
	"runtime"
	"syscall"
	"unsafe"
)

// thpMode is the sysfs file naming the kernel's transparent huge page
// mode, the one in use bracketed: "always [madvise] never".
const thpMode = "/sys/kernel/mm/transparent_hugepage/enabled"

// reserve makes the runtime map n bytes of address space by allocating
// one large block (fresh memory is not touched, so this costs no page
// faults), advises huge pages for its range, and frees it. The runtime's
// page allocator hands out the lowest free addresses first, so the next
// spans of the heap are carved from that range, and the advice stays on
// it when the runtime returns pages to the kernel and takes them back.
func reserve(n int) bool {
	if !advisable() {
		return false
	}
	_, err := advise(n)
	return err == nil
}

// advise is reserve once the mode is known; it returns the advised range
// (now free heap) for the tests.
func advise(n int) (advised [2]uintptr, err error) {
	block := make([]byte, n)
	part := aligned(block)
	advised = [2]uintptr{addr(part), addr(part) + uintptr(len(part))}
	err = syscall.Madvise(part, syscall.MADV_HUGEPAGE)
	runtime.KeepAlive(block)
	block, part = nil, nil
	// Collect now: the block must not count as live heap when the
	// collector sets its next goal, or it would delay every collection
	// of the run (a "ballast").
	runtime.GC()
	return advised, err
}

// advisable reports whether huge pages are granted on advice only: in
// "always" mode the heap has them already, in "never" mode not at all.
func advisable() bool {
	mode, err := os.ReadFile(thpMode)
	return err == nil && bytes.Contains(mode, []byte("[madvise]"))
}

// aligned returns the part of b that starts and ends on huge page
// boundaries, the only part the kernel can back with huge pages.
func aligned(b []byte) []byte {
	start := addr(b)
	begin, end := alignUp(start, hugePage), alignDown(start+uintptr(len(b)), hugePage)
	if begin >= end { // no whole huge page inside b
		return nil
	}
	return b[begin-start : end-start]
}

// addr is the address of b's first byte, for alignment arithmetic only.
func addr(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }

func alignUp(p, n uintptr) uintptr   { return (p + n - 1) &^ (n - 1) }
func alignDown(p, n uintptr) uintptr { return p &^ (n - 1) }
