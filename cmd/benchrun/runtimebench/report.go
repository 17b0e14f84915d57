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

// benchHandler measures one full ServeHTTP of e's documented request on h
// (docs2go's or the peer's, see Cases).
func benchHandler(b *testing.B, e endpoint, h http.Handler) {
	tmpl := e.newRequest()
	b.ReportAllocs()
	for b.Loop() {
		if rec := serve(h, tmpl, e.request); rec.Code != e.status {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}

// benchClient measures one client call.
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
	Endpoint     string // seed, polymorphic, nested, collection
	Side         string // handler or client
	Docs2go, Std func(*testing.B)
}

// Cases are the handler and the client of every endpoint.
func Cases() []Case {
	var cs []Case
	for _, e := range endpoints() {
		gh, sh := e.handlers()
		gc, sc := e.clients(e.httpClient())
		cs = append(cs,
			Case{e.name, "handler", func(b *testing.B) { benchHandler(b, e, gh) }, func(b *testing.B) { benchHandler(b, e, sh) }},
			Case{e.name, "client", func(b *testing.B) { benchClient(b, gc) }, func(b *testing.B) { benchClient(b, sc) }})
	}
	return cs
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
	fmt.Fprintf(w, "generated code, documented examples (median of %d interleaved runs; CPU: process CPU time per op):\n", rounds)
	fmt.Fprintf(w, "%-11s %-8s %-8s %10s %10s %9s %10s   %s\n", "endpoint", "", "", "CPU ns/op", "ns/op", "B/op", "allocs/op", "docs2go/stdlib")
	for _, c := range Cases() {
		var g, s []sample
		for range rounds {
			g = append(g, run(c.Docs2go))
			s = append(s, run(c.Std))
		}
		gm, sm := median(g), median(s)
		if gm.N == 0 || sm.N == 0 {
			return fmt.Errorf("%s %s: a benchmark failed", c.Endpoint, c.Side)
		}
		fmt.Fprintf(w, "%-11s %-8s %-8s %10d %10d %9d %10d\n", c.Endpoint, c.Side, "stdlib", sm.cpuPerOp.Nanoseconds(), sm.NsPerOp(), sm.AllocedBytesPerOp(), sm.AllocsPerOp())
		fmt.Fprintf(w, "%-11s %-8s %-8s %10d %10d %9d %10d   %.2fx CPU, %.2fx time, %.2fx bytes, %.2fx allocs\n", c.Endpoint, c.Side, "docs2go",
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
