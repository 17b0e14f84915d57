package link

import (
	"path"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/corpustest"
	"github.com/docs2go/docs2go/parser/ir"
)

// TestCorpusTypeNames checks every type and enum the linker keeps, on both
// snapshots, against the names the corpus declares: a type name is one word
// (never a title such as "Add attachment" or "System facet"), and a type a
// page defines is named by an annotation or "@odata.type" somewhere in the
// corpus, or by the file name or title of a page it comes from.
func TestCorpusTypeNames(t *testing.T) {
	for _, snap := range corpustest.Snapshots {
		for _, version := range []string{"v1.0", "beta"} {
			t.Run(snap+"/"+version, func(t *testing.T) {
				pages := corpustest.SnapshotPages(t, snap, version)
				declared := declaredNames(pages)
				byFile := map[string]*ir.Page{}
				for _, p := range pages {
					byFile[p.File] = p
				}
				ds, _ := Link(pages)
				for _, e := range ds.Enums {
					if !isIdent(e.Name) {
						t.Errorf("%s: enum %q is not a type name", e.Pos, e.Name)
					}
				}
				for _, ty := range ds.Types {
					if !isIdent(ty.Name) {
						t.Errorf("%v: type %q is not a type name", ty.Sources, ty.Name)
						continue
					}
					if ty.Inferred || declared[strings.ToLower(ty.Name)] || namedByPage(ty, byFile) {
						continue
					}
					t.Errorf("%v: no annotation, @odata.type, file name or title declares type %s", ty.Sources, ty.Name)
				}
			})
		}
	}
}

// declaredNames collects the short names, lower-cased, that annotations
// and example "@odata.type" values give.
func declaredNames(pages []*ir.Page) map[string]bool {
	names := map[string]bool{}
	add := func(s string) {
		if _, short := ir.SplitQualified(odataName(s)); short != "" {
			names[strings.ToLower(short)] = true
		}
	}
	for _, p := range pages {
		for _, a := range p.BlockAnnotations {
			add(a.ODataType)
		}
		if p.Operation == nil {
			continue
		}
		for _, ex := range p.Operation.Examples {
			for _, m := range []*ir.HTTPMessage{ex.Request, ex.Response} {
				if m == nil || m.Body == nil {
					continue
				}
				if v, err := jsontree.Of(m.Body).Lenient(); err == nil && v.Kind == jsontree.Object {
					add(v.ODataType())
				}
			}
		}
	}
	return names
}

// namedByPage reports whether a page ty comes from names it in its file
// name (resources/keyvalue.md) or its title ("keyValue resource type").
func namedByPage(ty *ir.Type, byFile map[string]*ir.Page) bool {
	for _, src := range ty.Sources {
		if strings.EqualFold(strings.TrimSuffix(path.Base(src.File), ".md"), ty.Name) {
			return true
		}
		if p := byFile[src.File]; p != nil {
			if w := strings.Fields(p.Title); len(w) > 0 && strings.EqualFold(strings.Trim(w[0], "`*"), ty.Name) {
				return true
			}
		}
	}
	return false
}
