package link

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/internal/jsontree"
	"github.com/docs2go/docs2go/parser/ir"
)

// TestLinkKeepsExampleJSON: Link leaves the parsed JSON of every endpoint
// example body on its block, so the checks and the generator's fit read
// it without parsing again.
func TestLinkKeepsExampleJSON(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*")
	bodies := 0
	for _, dir := range dirs {
		if matches, _ := filepath.Glob(filepath.Join(dir, "pages", "*.json")); len(matches) == 0 {
			continue
		}
		ds, _ := Link(loadPages(t, dir))
		for _, ep := range ds.Endpoints {
			for _, ex := range ep.Examples {
				for _, m := range []*ir.HTTPMessage{ex.Request, ex.Response} {
					if m == nil || m.Body == nil || strings.TrimSpace(m.Body.Text) == "" {
						continue
					}
					bodies++
					kept, ok := m.Body.JSON.(*jsontree.Doc)
					if !ok || jsontree.Of(m.Body) != kept {
						t.Errorf("%s: %s: example body at %s has no parsed JSON kept (%T)", dir, ep.Page, m.Body.Pos, m.Body.JSON)
					}
				}
			}
		}
	}
	if bodies == 0 {
		t.Fatal("no endpoint example bodies in testdata")
	}
}
