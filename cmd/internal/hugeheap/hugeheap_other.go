//go:build !linux

package hugeheap

// reserve does nothing where the kernel has no madvise-only huge page
// mode.
func reserve(n int) bool { return false }
