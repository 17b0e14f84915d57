package generator

import (
	"bytes"
	"go/format"
	"path/filepath"
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
	for _, c := range splitTopLevel([]byte(src), 1) {
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
	if n := len(splitTopLevel([]byte(src), len(src))); n != 1 {
		t.Errorf("a file smaller than a chunk made %d chunks", n)
	}
}

// TestFormatChunkedMatchesGofmt formats the unformatted source of every
// file of every testdata case one declaration per chunk (the smallest
// chunks, so every boundary is exercised) and wants go/format's bytes.
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
	chunked := 0
	for _, p := range paths {
		want, err := format.Source(srcs[p])
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		got, ok := formatChunked(srcs[p], 1)
		if !ok {
			continue // one declaration: formatted whole
		}
		chunked++
		if !bytes.Equal(got, want) {
			t.Errorf("%s: formatted in chunks, it differs from go/format:\n%s", p, firstDiff(got, want))
		}
	}
	if chunked == 0 {
		t.Errorf("none of %d files was cut into chunks", len(paths))
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
