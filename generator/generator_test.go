package generator

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/docs2go/docs2go/parser/ir"
)

var update = flag.Bool("update", false, "update golden files in testdata/")

// TestGolden generates every testdata/<case>/input.json (an ir.DocSet)
// and compares each emitted file with <case>/<path>.golden, except the
// runtime copies (tested in templates/runtime); result.golden lists every
// file, the endpoint results and the diagnostics.
func TestGolden(t *testing.T) {
	cases, err := filepath.Glob("testdata/*/input.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no cases in testdata/*/input.json")
	}
	sort.Strings(cases)
	for _, in := range cases {
		dir := filepath.Dir(in)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			res := generateCase(t, in)
			want := map[string]bool{}
			for _, f := range res.Files {
				if strings.HasPrefix(f.Path, "runtime_") {
					continue
				}
				name := filepath.Join(dir, filepath.FromSlash(f.Path)) + ".golden"
				want[name] = true
				compare(t, name, f.Content)
			}
			name := filepath.Join(dir, "result.golden")
			want[name] = true
			compare(t, name, summary(res))
			checkStale(t, dir, want)
		})
	}
}

// generateCase reads a DocSet and generates it.
func generateCase(t *testing.T, path string) *Result {
	t.Helper()
	ds := readDocSet(t, path)
	res, err := Generate(ds, Options{Package: "generated"})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func readDocSet(t testing.TB, path string) *ir.DocSet {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ds ir.DocSet
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&ds); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &ds
}

// summary renders the file list, endpoint results and diagnostics.
func summary(res *Result) []byte {
	var b bytes.Buffer
	b.WriteString("files:\n")
	for _, f := range res.Files {
		fmt.Fprintf(&b, "  %s %v\n", f.Path, f.Sources)
	}
	b.WriteString("endpoints:\n")
	for _, e := range res.Endpoints {
		fmt.Fprintf(&b, "  %s generated=%v %s\n", e.Name, e.Generated, e.Reason)
	}
	b.WriteString("diagnostics:\n")
	for _, d := range res.Diagnostics {
		fmt.Fprintf(&b, "  %s\n", d)
	}
	return b.Bytes()
}

// compare checks got against the golden file, or rewrites it with -update.
func compare(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%v (run go test -update)", err)
		return
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differed (-want +got):\n%s", path, diff)
	}
}

// checkStale fails on (or, with -update, removes) golden files that the
// case no longer produces.
func checkStale(t *testing.T, dir string, want map[string]bool) {
	t.Helper()
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".golden") || want[path] {
			return err
		}
		if *update {
			return os.Remove(path)
		}
		t.Errorf("%s: stale golden file (run go test -update)", path)
		return nil
	})
}
