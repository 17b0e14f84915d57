package apidiff

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/parser/link"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/*/want*")

// readPages parses every .md file under dir, named as docs2go names the
// pages of a folder argument ("old/api/x.md").
func readPages(t testing.TB, dir string) []*ir.Page {
	t.Helper()
	var pages []*ir.Page
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".md" {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(filepath.Dir(dir), p)
		page, _ := parser.ParsePage(filepath.ToSlash(rel), src)
		pages = append(pages, page)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func version(t testing.TB, pages []*ir.Page) Version {
	t.Helper()
	ds, _ := link.Link(pages)
	v, err := NewVersion(ds)
	if err != nil {
		t.Fatal(err)
	}
	v.Pages = pages
	return v
}

// compareCase compares testdata/<name>/old with testdata/<name>/new.
func compareCase(t *testing.T, name string, opts Options) []Change {
	t.Helper()
	dir := filepath.Join("testdata", name)
	return Compare(version(t, readPages(t, filepath.Join(dir, "old"))), version(t, readPages(t, filepath.Join(dir, "new"))), opts)
}

// TestGolden compares every case's output in each format with its golden
// file; -update rewrites them (review the diff before committing).
func TestGolden(t *testing.T) {
	for _, name := range []string{"kinds", "noise"} {
		t.Run(name, func(t *testing.T) {
			outputs := []struct {
				file, format string
				all          bool
			}{
				{"want.txt", "text", false},
				{"want.json", "json", false},
				{"want.md", "markdown", false},
				{"want-all.txt", "text", true},
			}
			for _, o := range outputs {
				var buf bytes.Buffer
				if err := Write(&buf, o.format, compareCase(t, name, Options{All: o.all})); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", name, o.file)
				if *update {
					if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if diff := cmp.Diff(string(want), buf.String()); diff != "" {
					t.Errorf("%s mismatch (-want +got):\n%s", golden, diff)
				}
			}
		})
	}
}

// TestEveryChangeKind makes sure the kinds fixture exercises every change
// and every class, so the golden file covers them all.
func TestEveryChangeKind(t *testing.T) {
	changes := compareCase(t, "kinds", Options{All: true})
	seen := map[What]bool{}
	classes := map[Class]bool{}
	kinds := map[Kind]bool{}
	for _, c := range changes {
		seen[c.Change], classes[c.Class], kinds[c.Kind] = true, true, true
	}
	for _, w := range []What{Added, Removed, Renamed, MethodChanged, RouteAdded, RouteRemoved, BodyChanged, ResultChanged,
		PermissionAdded, PermissionRemoved, HeaderRequired, HeaderOptional, TypeChanged, BecameRequired, BecameOptional,
		BecameReadOnly, BecameWritable, BecameNullable, BecameNonNullable, BaseChanged, DescriptionEdited} {
		if !seen[w] {
			t.Errorf("no %q change in testdata/kinds", w)
		}
	}
	for _, c := range []Class{Breaking, BreakingServers, Compatible} {
		if !classes[c] {
			t.Errorf("no %q change in testdata/kinds", c)
		}
	}
	for _, k := range kindOrder {
		if !kinds[k] {
			t.Errorf("no change of kind %q in testdata/kinds", k)
		}
	}
}

// TestNoise: rows reordered, spacing, case, descriptions, placeholder names
// and a renamed page change no API.
func TestNoise(t *testing.T) {
	if changes := compareCase(t, "noise", Options{}); len(changes) != 0 {
		t.Errorf("noise fixture: want no changes, got %d: %+v", len(changes), changes)
	}
	for _, c := range compareCase(t, "noise", Options{All: true}) {
		if c.Change != DescriptionEdited {
			t.Errorf("noise fixture with All: want only description changes, got %+v", c)
		}
	}
}

// TestSameVersion: a version compared with itself has no change.
func TestSameVersion(t *testing.T) {
	v := version(t, readPages(t, filepath.Join("testdata", "kinds", "new")))
	if changes := Compare(v, v, Options{All: true}); len(changes) != 0 {
		t.Errorf("want no changes, got %+v", changes)
	}
}

// TestOrderIndependent: the pages' order does not change the result.
func TestOrderIndependent(t *testing.T) {
	dir := filepath.Join("testdata", "kinds")
	oldPages, newPages := readPages(t, filepath.Join(dir, "old")), readPages(t, filepath.Join(dir, "new"))
	want := Compare(version(t, oldPages), version(t, newPages), Options{All: true})
	slices.Reverse(oldPages)
	slices.Reverse(newPages)
	got := Compare(version(t, oldPages), version(t, newPages), Options{All: true})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("reversed page order changed the result (-want +got):\n%s", diff)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, "yaml", nil); err == nil {
		t.Error("want an error for format yaml")
	}
}

// TestMarkdownShort: a long list is cut so that the comment stays short,
// breaking changes first and the rest folded.
func TestMarkdownShort(t *testing.T) {
	var cs []Change
	for i := range 1000 {
		class := Compatible
		if i%2 == 0 {
			class = Breaking
		}
		cs = append(cs, Change{Kind: KindProperty, Change: Added, Name: fmt.Sprintf("microsoft.graph.t.%s%d", strings.Repeat("x", 40), i),
			Go: "T.F", Class: class, New: &Pos{File: "graph-docs-2020/api-reference/beta/resources/" + strings.Repeat("y", 60) + ".md", Line: 1},
			Detail: strings.Repeat("detail ", 10)})
	}
	var buf bytes.Buffer
	if err := Write(&buf, "markdown", cs); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if len(out) > 65536 {
		t.Errorf("markdown is %d bytes, more than a pull-request comment holds", len(out))
	}
	if !strings.HasPrefix(out, "**docs2go diff**: 500 breaking, 0 breaking for servers, 500 compatible") {
		t.Errorf("counts do not come first:\n%.200s", out)
	}
	breaking, folded := strings.Index(out, "### Breaking changes"), strings.Index(out, "<details>")
	if breaking < 0 || folded < breaking {
		t.Errorf("want breaking changes before the folded rest")
	}
	if strings.Count(out, "more rows (run `docs2go diff` for all of them)") != 2 {
		t.Errorf("long tables are not cut")
	}
}

// TestMarkdownGroups: one property change shared by many structs (a
// property added to a base type) takes one row; fewer than minGroup do not.
func TestMarkdownGroups(t *testing.T) {
	var cs []Change
	for _, typ := range []string{"a", "b", "c", "d"} {
		cs = append(cs, Change{Kind: KindProperty, Change: Added, Name: "microsoft.graph." + typ + ".rule", Go: typ + ".Rule", Class: Compatible})
	}
	for _, typ := range []string{"a", "b"} {
		cs = append(cs, Change{Kind: KindProperty, Change: Removed, Name: "microsoft.graph." + typ + ".old", Go: typ + ".Old", Class: Breaking})
	}
	var buf bytes.Buffer
	if err := Write(&buf, "markdown", cs); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := strings.Count(out, "| compatible | property added |"); n != 1 {
		t.Errorf("%d rows for the shared addition, want 1:\n%s", n, out)
	}
	if !strings.Contains(out, "microsoft.graph.a.rule and the same property of 3 more types | `a.Rule` and 3 more |") {
		t.Errorf("grouped row does not name the first struct and the count:\n%s", out)
	}
	if n := strings.Count(out, "| breaking | property removed |"); n != 2 {
		t.Errorf("%d rows for two removals, want 2 (below minGroup):\n%s", n, out)
	}
}
