package runtimebench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"testing"
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

// Report runs every case rounds times, docs2go and the peer interleaved
// so that both see the same machine load, and prints the medians and the
// ratios docs2go/peer. It returns an error when a benchmark failed.
func Report(w io.Writer, rounds int) error {
	fmt.Fprintf(w, "generated code, seed endpoint, documented request (median of %d interleaved runs):\n", rounds)
	fmt.Fprintf(w, "%-9s %-8s %10s %9s %10s   %s\n", "", "", "ns/op", "B/op", "allocs/op", "docs2go/stdlib")
	for _, c := range Cases() {
		var g, s []testing.BenchmarkResult
		for range rounds {
			g = append(g, testing.Benchmark(c.Docs2go))
			s = append(s, testing.Benchmark(c.Std))
		}
		gm, sm := median(g), median(s)
		if gm.N == 0 || sm.N == 0 {
			return fmt.Errorf("%s: a benchmark failed", c.Name)
		}
		fmt.Fprintf(w, "%-9s %-8s %10d %9d %10d\n", c.Name, "stdlib", sm.NsPerOp(), sm.AllocedBytesPerOp(), sm.AllocsPerOp())
		fmt.Fprintf(w, "%-9s %-8s %10d %9d %10d   %.2fx time, %.2fx bytes, %.2fx allocs\n", c.Name, "docs2go",
			gm.NsPerOp(), gm.AllocedBytesPerOp(), gm.AllocsPerOp(),
			ratio(gm.NsPerOp(), sm.NsPerOp()), ratio(gm.AllocedBytesPerOp(), sm.AllocedBytesPerOp()),
			ratio(gm.AllocsPerOp(), sm.AllocsPerOp()))
	}
	return nil
}

// median is the run with the median time per operation.
func median(rs []testing.BenchmarkResult) testing.BenchmarkResult {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b testing.BenchmarkResult) int { return int(a.NsPerOp() - b.NsPerOp()) })
	return rs[len(rs)/2]
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
