package main

import (
	"bytes"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync"
	"sync/atomic"
)

// peakHeapEnv names a file to which docs2go writes a heap profile taken
// after the collection that found the most live memory of the run: what
// the peak RSS is made of (go tool pprof -sample_index=inuse_space). It
// is a profiling aid, not a flag, because it slows the run down.
const peakHeapEnv = "DOCS2GO_PEAKHEAP"

// watchPeakHeap starts the watch when peakHeapEnv is set; stop writes the
// profile.
func watchPeakHeap() (stop func()) {
	name := os.Getenv(peakHeapEnv)
	if name == "" {
		return func() {}
	}
	w := &peakWatch{sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	w.arm()
	return func() {
		w.done.Store(true)
		w.mu.Lock()
		defer w.mu.Unlock()
		if w.best == nil { // no collection found a maximum: a short run
			w.best = heapProfile()
		}
		_ = os.WriteFile(name, w.best, 0o666)
	}
}

// peakWatch runs after every collection (a finalizer of an object made
// unreachable each cycle) and keeps the heap profile of the collection
// that found the largest live heap. A heap profile counts only the objects
// allocated before the collection before the last one, so a new maximum
// forces one more collection right away and takes the profile after it.
type peakWatch struct {
	sample []metrics.Sample
	max    uint64
	mu     sync.Mutex
	best   []byte
	done   atomic.Bool
}

func (w *peakWatch) arm() {
	runtime.SetFinalizer(new([16]byte), func(*[16]byte) { w.check() })
}

func (w *peakWatch) check() {
	if w.done.Load() {
		return
	}
	metrics.Read(w.sample)
	if live := w.sample[0].Value.Uint64(); live > w.max {
		w.max = live
		go func() {
			runtime.GC()
			p := heapProfile()
			w.mu.Lock()
			w.best = p
			w.mu.Unlock()
		}()
	}
	w.arm()
}

func heapProfile() []byte {
	var buf bytes.Buffer
	_ = pprof.Lookup("heap").WriteTo(&buf, 0)
	return buf.Bytes()
}
