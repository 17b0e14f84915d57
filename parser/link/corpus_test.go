package link

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/ir"
)

// TestCorpus parses and links each docs version of the real corpus and logs
// what came out. It fails only on internal errors and on a DocSet that
// breaks the invariants below; the share of create pages that become
// endpoints is logged (target: at least 97 %).
func TestCorpus(t *testing.T) {
	corpustest.Dir(t) // skips when the corpus is absent
	for _, version := range []string{"v1.0", "beta"} {
		t.Run(version, func(t *testing.T) {
			pages := corpustest.Pages(t, version)
			start := time.Now()
			ds, diags := Link(pages)
			t.Logf("linked %d pages in %v", len(pages), time.Since(start))
			t.Log(corpusReport(pages, ds, diags))
			checkDocSet(t, ds, diags)
			slices.Reverse(pages)
			if got := linkRender(t, pages); string(got) != string(render(t, ds, diags)) {
				t.Error("the DocSet depends on the order of the pages")
			}
		})
	}
}

// detail strips the specifics (JSON errors, type names) from a skip reason
// so reasons group.
var detail = regexp.MustCompile(`\([^)]*\)|type \S+ does not resolve`)

func corpusReport(pages []*ir.Page, ds *ir.DocSet, diags ir.Diagnostics) string {
	creates := 0
	for _, p := range pages {
		if p.Operation != nil && createMethod(p.Operation) != "" {
			creates++
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "create pages %d, endpoints %d (%.1f %%), skipped %d, types %d (inferred %d), enums %d\n",
		creates, len(ds.Endpoints), 100*float64(len(ds.Endpoints))/float64(max(creates, 1)), len(ds.Skipped),
		len(ds.Types), countInferred(ds.Types), len(ds.Enums))
	reasons := map[string][]string{}
	for _, s := range ds.Skipped {
		r := detail.ReplaceAllString(s.Reason, "…")
		reasons[r] = append(reasons[r], s.Pos.String())
	}
	for _, r := range sortedKeys(reasons) {
		fmt.Fprintf(&b, "  skipped %3d  %s  e.g. %s\n", len(reasons[r]), r, strings.Join(reasons[r][:min(3, len(reasons[r]))], ", "))
	}
	codes := map[string][]string{}
	for _, d := range diags {
		codes[string(d.Code)] = append(codes[string(d.Code)], d.String())
	}
	for _, c := range sortedKeys(codes) {
		fmt.Fprintf(&b, "  diag %-26s %5d  e.g. %s\n", c, len(codes[c]), codes[c][0])
		if os.Getenv("LINK_CORPUS_CODE") == c { // list them all when asked
			for _, d := range codes[c] {
				fmt.Fprintf(&b, "      %s\n", d)
			}
		}
	}
	return b.String()
}

func countInferred(ts []*ir.Type) int {
	n := 0
	for _, t := range ts {
		if t.Inferred {
			n++
		}
	}
	return n
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// checkDocSet asserts the invariants every DocSet must keep: no internal
// error, every resolved target is in the DocSet, sorted and unique types.
func checkDocSet(t *testing.T, ds *ir.DocSet, diags ir.Diagnostics) {
	t.Helper()
	for _, d := range diags {
		if d.Code == "internal-error" {
			t.Error(d)
		}
	}
	have := map[string]bool{}
	for _, ty := range ds.Types {
		if have[ty.QualifiedName()] {
			t.Errorf("type %s twice", ty.QualifiedName())
		}
		have[ty.QualifiedName()] = true
	}
	for _, e := range ds.Enums {
		have[e.QualifiedName()] = true
	}
	missing := func(where string, r *ir.TypeRef) {
		if r != nil && r.Target != "" && !have[r.Target] {
			t.Errorf("%s: target %s is not in the DocSet", where, r.Target)
		}
	}
	for _, ty := range ds.Types {
		for _, p := range ty.Properties {
			missing(ty.QualifiedName()+"."+p.Name, &p.Type)
		}
		if ty.Base != "" && !have[ty.Base] {
			t.Errorf("%s: base %s is not in the DocSet", ty.QualifiedName(), ty.Base)
		}
	}
	for _, ep := range ds.Endpoints {
		missing(ep.Page+" body", ep.Body)
		missing(ep.Page+" result", ep.Result)
		if ep.Body != nil && !ep.Body.Primitive && ep.Body.Target == "" { // nil: a bodiless create
			t.Errorf("%s: endpoint without a resolved body type", ep.Page)
		}
	}
}

// TestCorpusCanonicalDeclarations logs, for both snapshots, the types and
// enums several pages declare and the page the merge takes as canonical,
// and fails when an intune stub wins over a page of the type's own.
func TestCorpusCanonicalDeclarations(t *testing.T) {
	for _, snap := range corpustest.Snapshots {
		for _, version := range []string{"v1.0", "beta"} {
			t.Run(snap+"/"+version, func(t *testing.T) {
				l := newLinker(corpustest.SnapshotPages(t, snap, version))
				l.indexDeclarations()
				firsts := map[string]string{}
				for k, d := range l.defs {
					firsts[k] = d.decls[0].page.File
				}
				l.mergeDeclarations()
				several, moved := 0, 0
				var b strings.Builder
				for _, k := range sortedKeys(l.defs) {
					d := l.defs[k]
					if len(d.decls) < 2 {
						continue
					}
					several++
					canon := d.decls[0].page.File
					if canon != firsts[k] {
						moved++
					}
					fmt.Fprintf(&b, "  %s: %s (of %d pages; first by path %s)\n", d.qname, canon, len(d.decls), firsts[k])
					if declRank(d.decls[0], d.lname) >= 8 && slices.ContainsFunc(d.decls, func(dc decl) bool { return declRank(dc, d.lname) < 8 }) {
						t.Errorf("%s: the intune stub %s won over a page of its own", d.qname, canon)
					}
				}
				t.Logf("%d types and enums declared by several pages; canonical page not the first by path for %d\n%s", several, moved, b.String())
			})
		}
	}
}
