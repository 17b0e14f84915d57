package runtimebench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/docs2go/docs2go/internal/cputime"
)

// benchHandler measures one full ServeHTTP of the seed request on h (docs2go's
// or the peer's, see Cases).
func benchHandler(b *testing.B, h http.Handler) {
	tmpl, body := newSeedRequest(), []byte(seedRequest)
	b.ReportAllocs()
	for b.Loop() {
		if rec := serve(h, tmpl, body); rec.Code != http.StatusCreated {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}

// benchClient measures one client create call.
func benchClient(b *testing.B, call func(context.Context) (any, error)) {
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := call(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// Case is one benchmark: docs2go's code and its stdlib peer.
type Case struct {
	Name         string
	Docs2go, Std func(*testing.B)
}

// Cases are the handler and the client of the seed endpoint.
func Cases() []Case {
	gh, sh := handlers()
	gc, sc := clients()
	return []Case{
		{"handler", func(b *testing.B) { benchHandler(b, gh) }, func(b *testing.B) { benchHandler(b, sh) }},
		{"client", func(b *testing.B) { benchClient(b, gc) }, func(b *testing.B) { benchClient(b, sc) }},
	}
}

// sample is one benchmark run: testing's figures and the process CPU time
// per operation of its final round (the GC's included), which a loaded
// machine does not inflate as it does wall time.
type sample struct {
	testing.BenchmarkResult
	cpuPerOp time.Duration
}

// run benchmarks f once, measuring its CPU time.
func run(f func(*testing.B)) sample {
	var cpu time.Duration
	var n int
	r := testing.Benchmark(func(b *testing.B) {
		cpu = cputime.Process(func() { f(b) })
		n = b.N
	})
	s := sample{BenchmarkResult: r}
	if n > 0 {
		s.cpuPerOp = cpu / time.Duration(n)
	}
	return s
}

// Report runs every case rounds times, docs2go and the peer interleaved
// so that both see the same machine load, and prints the medians and the
// ratios docs2go/peer. It returns an error when a benchmark failed.
func Report(w io.Writer, rounds int) error {
	fmt.Fprintf(w, "generated code, seed endpoint, documented request (median of %d interleaved runs; CPU: process CPU time per op):\n", rounds)
	fmt.Fprintf(w, "%-9s %-8s %10s %10s %9s %10s   %s\n", "", "", "CPU ns/op", "ns/op", "B/op", "allocs/op", "docs2go/stdlib")
	for _, c := range Cases() {
		var g, s []sample
		for range rounds {
			g = append(g, run(c.Docs2go))
			s = append(s, run(c.Std))
		}
		gm, sm := median(g), median(s)
		if gm.N == 0 || sm.N == 0 {
			return fmt.Errorf("%s: a benchmark failed", c.Name)
		}
		fmt.Fprintf(w, "%-9s %-8s %10d %10d %9d %10d\n", c.Name, "stdlib", sm.cpuPerOp.Nanoseconds(), sm.NsPerOp(), sm.AllocedBytesPerOp(), sm.AllocsPerOp())
		fmt.Fprintf(w, "%-9s %-8s %10d %10d %9d %10d   %.2fx CPU, %.2fx time, %.2fx bytes, %.2fx allocs\n", c.Name, "docs2go",
			gm.cpuPerOp.Nanoseconds(), gm.NsPerOp(), gm.AllocedBytesPerOp(), gm.AllocsPerOp(),
			ratio(gm.cpuPerOp.Nanoseconds(), sm.cpuPerOp.Nanoseconds()), ratio(gm.NsPerOp(), sm.NsPerOp()),
			ratio(gm.AllocedBytesPerOp(), sm.AllocedBytesPerOp()), ratio(gm.AllocsPerOp(), sm.AllocsPerOp()))
	}
	return nil
}

// median is the run with the median CPU time per operation.
func median(rs []sample) sample {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b sample) int { return int(a.cpuPerOp - b.cpuPerOp) })
	return rs[len(rs)/2]
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
