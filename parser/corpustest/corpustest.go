// Package corpustest gives tests and benchmarks the shared Graph reference
// corpus (../shared/corpus/graph-docs-2020 next to the repository): where it
// is, and its pages parsed as docs2go names them. Tests that use it skip,
// saying so, when the corpus is absent; the main test run never needs it.
package corpustest

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/docs2go/docs2go/parser"
	"github.com/docs2go/docs2go/parser/ir"
)

// Snapshots names the corpus snapshots, oldest first; Dir and Pages use the
// last one.
var Snapshots = []string{"graph-docs-2019", "graph-docs-2020"}

// Dir returns the corpus folder holding one subfolder per docs version
// ("v1.0", "beta"), found beside the module root; it skips tb when the
// corpus is absent or under -short.
func Dir(tb testing.TB) string {
	tb.Helper()
	return SnapshotDir(tb, Snapshots[len(Snapshots)-1])
}

// SnapshotDir is Dir for the named snapshot.
func SnapshotDir(tb testing.TB, snapshot string) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("the corpus is not read with -short")
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("module root not found; skipping the corpus test")
		}
		dir = parent
	}
	corpus := filepath.Join(dir, "..", "shared", "corpus", snapshot, "api-reference")
	if _, err := os.Stat(corpus); err != nil {
		tb.Skipf("corpus not found at %s (../shared/corpus/%s next to the repo); skipping", corpus, snapshot)
	}
	return corpus
}

// Pages parses every api and resources page of one docs version, sorted,
// named as docs2go names them ("beta/api/x.md").
func Pages(tb testing.TB, version string) []*ir.Page {
	tb.Helper()
	return SnapshotPages(tb, Snapshots[len(Snapshots)-1], version)
}

// SnapshotPages is Pages for the named snapshot.
func SnapshotPages(tb testing.TB, snapshot, version string) []*ir.Page {
	tb.Helper()
	root := SnapshotDir(tb, snapshot)
	files, _ := filepath.Glob(filepath.Join(root, version, "*", "*.md"))
	if len(files) == 0 {
		tb.Skipf("no pages for version %q under %s; skipping", version, root)
	}
	slices.Sort(files)
	pages := make([]*ir.Page, 0, len(files))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		rel, _ := filepath.Rel(root, f)
		if p, _ := parser.ParsePage(filepath.ToSlash(rel), src); p != nil {
			pages = append(pages, p)
		}
	}
	return pages
}
