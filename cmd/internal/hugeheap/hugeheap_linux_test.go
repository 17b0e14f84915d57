package hugeheap

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestReserveIsBounded reserves far more than MaxReserve: the block must
// be capped (an uncapped 64 GiB allocation would fail or be refused). It
// runs first: later in the process the block may reuse freed memory and
// have to be cleared, which takes seconds for a GiB.
func TestReserveIsBounded(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	Reserve(64 << 30)
	runtime.ReadMemStats(&after)
	if grew := after.HeapSys - before.HeapSys; grew > MaxReserve+64<<20 {
		t.Errorf("the heap grew by %d bytes, want at most about MaxReserve (%d)", grew, MaxReserve)
	}
}

func TestAligned(t *testing.T) {
	block := make([]byte, 3*hugePage+12345)
	part := aligned(block)
	start, end := addr(part), addr(part)+uintptr(len(part))
	if start%hugePage != 0 || end%hugePage != 0 {
		t.Errorf("aligned part [%#x, %#x) is not on %d-byte boundaries", start, end, hugePage)
	}
	if start < addr(block) || end > addr(block)+uintptr(len(block)) {
		t.Errorf("aligned part [%#x, %#x) leaves the block at %#x (%d bytes)", start, end, addr(block), len(block))
	}
	if len(part) < 2*hugePage {
		t.Errorf("aligned part is %d bytes, want at least two huge pages of %d", len(part), 3*hugePage+12345)
	}
	if got := aligned(make([]byte, hugePage/2)); len(got) != 0 {
		t.Errorf("a block smaller than a huge page gave %d aligned bytes, want none", len(got))
	}
}

// TestAdviseMarksTheRange checks, in /proc/self/smaps, that the kernel
// recorded the advice ("hg" in VmFlags) on the whole advised range.
func TestAdviseMarksTheRange(t *testing.T) {
	if !advisable() {
		if Reserve(64 << 20) {
			t.Fatal("Reserve reported advice taken while the kernel's mode is not madvise")
		}
		mode, _ := os.ReadFile(thpMode)
		t.Logf("huge page mode %q: no advice to check", strings.TrimSpace(string(mode)))
		return
	}
	r, err := advise(64 << 20)
	if err != nil {
		t.Fatalf("madvise: %v", err)
	}
	if r[1]-r[0] < 30*hugePage {
		t.Fatalf("advised only %d bytes of a 64 MiB block", r[1]-r[0])
	}
	for at := r[0]; at < r[1]; {
		end, flags := mappingAt(t, at)
		if !strings.Contains(" "+flags+" ", " hg ") {
			t.Fatalf("mapping at %#x has VmFlags %q, want hg (huge pages advised)", at, flags)
		}
		at = end
	}
}

// mappingAt returns the end and VmFlags of the mapping holding address a.
func mappingAt(t *testing.T, a uintptr) (end uintptr, flags string) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	inside := false
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := addressRange(line); ok {
			inside, end = lo <= a && a < hi, hi
			continue
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok && inside {
			return end, strings.TrimSpace(v)
		}
	}
	t.Fatalf("no mapping holds %#x", a)
	return 0, ""
}

// addressRange parses the first field of an smaps mapping line,
// "7f0000000000-7f0000200000".
func addressRange(line string) (lo, hi uintptr, ok bool) {
	field, _, _ := strings.Cut(line, " ")
	l, h, found := strings.Cut(field, "-")
	if !found {
		return 0, 0, false
	}
	a, err1 := strconv.ParseUint(l, 16, 64)
	b, err2 := strconv.ParseUint(h, 16, 64)
	return uintptr(a), uintptr(b), err1 == nil && err2 == nil
}
