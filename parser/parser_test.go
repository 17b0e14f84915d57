package parser

import (
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "update golden files in testdata/")

// TestGolden parses testdata/<case>/page.md and compares the page with
// ir.golden.json and the diagnostics with diagnostics.golden.
func TestGolden(t *testing.T) {
	var cases []string
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() == "page.md" {
			cases = append(cases, filepath.Dir(path))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no test cases found in testdata/")
	}
	sort.Strings(cases)
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join(dir, "page.md"))
			if err != nil {
				t.Fatal(err)
			}
			page, diags := ParsePage("page.md", src)
			got, err := json.MarshalIndent(page, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			compare(t, filepath.Join(dir, "ir.golden.json"), string(got)+"\n")
			var lines []string
			for _, d := range diags {
				lines = append(lines, d.String()+"\n")
			}
			compare(t, filepath.Join(dir, "diagnostics.golden"), strings.Join(lines, ""))
		})
	}
}

// compare checks got against the golden file at path; with -update it
// writes the file, or removes it when got is empty.
func compare(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if got == "" {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				t.Fatal(err)
			}
			return
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differed (-want +got):\n%s", path, diff)
	}
}

// TestNoPanicOnPrefixes parses every prefix of every fixture: truncated
// input must never panic nor produce an internal error.
func TestNoPanicOnPrefixes(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/page.md")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n <= len(src); n++ {
			_, diags := ParsePage("page.md", src[:n])
			for _, d := range diags {
				if d.Code == ir.CodeInternalError {
					t.Fatalf("%s[:%d]: %s", f, n, d)
				}
			}
		}
	}
}
