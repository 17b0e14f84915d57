package generator

import (
	"bytes"
	"go/format"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"testing"

	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/parser/link"
)

func TestSplitTopLevel(t *testing.T) {
	src := "package p\n\nvar a = `x\n\n\nfunc f() {}`\n\n\n" + // a raw string holding two blank lines
		"func g() {\n\n\nx := 1\n}\n\n\n" + // blank lines inside a body
		"// \"doc { of h\n/* ( */ func h() { _ = '{'; _ = \"}\\\"\" }\n\n\n" +
		"type T struct{}\n"
	var got []string
	for _, c := range splitTopLevel([]byte(src)) {
		got = append(got, string(c))
	}
	want := []string{
		"package p\n\nvar a = `x\n\n\nfunc f() {}`\n\n\n",
		"func g() {\n\n\nx := 1\n}\n\n\n",
		"// \"doc { of h\n/* ( */ func h() { _ = '{'; _ = \"}\\\"\" }\n\n\n",
		"type T struct{}\n",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d chunks %q, want %q", len(got), got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("chunk %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

// TestFormatChunkedMatchesGofmt formats the unformatted source of every
// file of every testdata case by declaration, one per batch (so every
// batch boundary is exercised too), and wants go/format's bytes.
func TestFormatChunkedMatchesGofmt(t *testing.T) {
	cases, _ := filepath.Glob("testdata/*/input.json")
	if len(cases) == 0 {
		t.Fatal("no testdata/*/input.json")
	}
	for _, path := range cases {
		t.Run(filepath.Base(filepath.Dir(path)), func(t *testing.T) {
			checkChunked(t, readDocSet(t, path))
		})
	}
}

// TestFormatChunkedCorpus is TestFormatChunkedMatchesGofmt on the shared
// corpus (both docs versions).
func TestFormatChunkedCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the corpus takes a minute")
	}
	for _, v := range []string{"v1.0", "beta"} {
		t.Run(v, func(t *testing.T) {
			ds, _ := link.Link(corpustest.Pages(t, v))
			checkChunked(t, ds)
		})
	}
}

// checkChunked generates ds and compares chunked and whole-file formatting
// of each file's unformatted source.
func checkChunked(t *testing.T, ds *ir.DocSet) {
	t.Helper()
	var mu sync.Mutex
	srcs := map[string][]byte{}
	_, err := Emit(mustPlan(t, ds), Options{Package: "generated", Formatted: func(path string, src []byte) ([]byte, bool) {
		mu.Lock()
		srcs[path] = bytes.Clone(src)
		mu.Unlock()
		return nil, false
	}})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for p := range srcs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	decls, fast, fastBytes, size := 0, 0, 0, 0
	for _, p := range paths {
		want, err := format.Source(srcs[p])
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		got := formatChunked(srcs[p], nil, 1)
		if !got.formatted {
			t.Errorf("%s: not formatted by declaration", p)
			continue
		}
		// Cut only at every third declaration, as the renderer cuts
		// between its batches: the pieces hold several declarations.
		var cuts []int
		for i, c := range topLevelCuts(srcs[p]) {
			if i%3 == 0 {
				cuts = append(cuts, c)
			}
		}
		if len(cuts) > 0 && piecesAt(srcs[p], cuts) == nil {
			t.Errorf("%s: top-level cuts %v refused", p, cuts)
		}
		if several := formatChunked(srcs[p], cuts, 1); !bytes.Equal(several.content, want) {
			t.Errorf("%s: formatted several declarations a piece, it differs from go/format:\n%s", p, firstDiff(several.content, want))
		}
		decls += got.decls
		fast += got.fast
		fastBytes += got.fastBytes
		size += len(srcs[p])
		if !bytes.Equal(got.content, want) {
			t.Errorf("%s: formatted by declaration, it differs from go/format:\n%s", p, firstDiff(got.content, want))
		}
	}
	if decls == 0 {
		t.Errorf("none of %d files was cut into declarations", len(paths))
	}
	t.Logf("%d files, %d declaration pieces, %d (%.1f%%, %.1f%% of %d bytes) printed by gofast", len(paths), decls, fast,
		100*float64(fast)/float64(max(decls, 1)), 100*float64(fastBytes)/float64(max(size, 1)), size)
}

// topLevelCuts returns the offsets where splitTopLevel cuts src.
func topLevelCuts(src []byte) []int {
	var cuts []int
	n := 0
	for _, p := range splitTopLevel(src) {
		if n > 0 {
			cuts = append(cuts, n)
		}
		n += len(p)
	}
	return cuts
}

// isSubset reports whether every element of sub is in set.
func isSubset(sub, set []int) bool {
	for _, x := range sub {
		if !slices.Contains(set, x) {
			return false
		}
	}
	return true
}

// TestPiecesAt wants cuts refused where splitTopLevel would not cut.
func TestPiecesAt(t *testing.T) {
	src := []byte("package p\n\n\nfunc a() {}\n\n\nfunc b() {}\n\n\n\nfunc c() {}\n")
	good := topLevelCuts(src)
	if got := piecesAt(src, good); len(got) != len(good)+1 || !bytes.Equal(bytes.Join(got, nil), src) {
		t.Errorf("cuts %v: pieces %q", good, got)
	}
	for _, cuts := range [][]int{{good[0] - 1}, {good[0] + 1}, {good[1], good[0]}, {len(src)}, {bytes.Index(src, []byte("\n\nfunc c")) + 1}} {
		if got := piecesAt(src, cuts); got != nil {
			t.Errorf("cuts %v accepted: %q", cuts, got)
		}
	}
}

// mustPlan plans ds.
func mustPlan(t *testing.T, ds *ir.DocSet) *Plan {
	t.Helper()
	plan, _, err := NewPlan(ds)
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// firstDiff shows the lines around the first byte where got and want differ.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-200)
	return "got:  " + string(got[from:min(len(got), i+200)]) + "\nwant: " + string(want[from:min(len(want), i+200)])
}
