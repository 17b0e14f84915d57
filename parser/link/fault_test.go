package link

import (
	"slices"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/parser/ir"
)

// TestFaultNamesThePage injects a bug (a panic) into each per-page pass on
// one page: it is reported as an internal-error at that page, and the other
// pages still become what they became without the fault.
func TestFaultNamesThePage(t *testing.T) {
	const dir = "testdata/skipped"
	cases := []struct{ pass, page string }{
		{"prepare", "api/team-put-teams.md"},
		{"index", "resources/team.md"},
		{"merge", "resources/team.md"},
		{"body", "api/team-put-teams.md"},
		{"endpoint", "api/team-put-teams.md"},
	}
	want, _ := Link(loadPages(t, dir))
	if len(want.Endpoints) < 2 {
		t.Fatalf("%s: want several endpoints to tell the faulty page from the others, got %d", dir, len(want.Endpoints))
	}
	for _, c := range cases {
		t.Run(c.pass, func(t *testing.T) {
			pages := loadPages(t, dir)
			if !slices.ContainsFunc(pages, func(p *ir.Page) bool { return p.File == c.page }) {
				t.Fatalf("no page %s in %s", c.page, dir)
			}
			hit := false
			faultHook = func(pass string, p *ir.Page) {
				if pass == c.pass && p.File == c.page {
					hit = true
					panic("injected fault")
				}
			}
			defer func() { faultHook = nil }()
			ds, diags := Link(pages)
			if !hit {
				t.Fatalf("pass %s never worked on %s", c.pass, c.page)
			}
			var faults []string
			for _, d := range diags {
				if d.Code == ir.CodeInternalError {
					faults = append(faults, d.String())
				}
			}
			wantFault := c.page + ":1:1: error: internal-error: linker: internal error: injected fault"
			if len(faults) != 1 || !strings.HasPrefix(faults[0], c.page+":1:1:") || faults[0] != wantFault {
				t.Errorf("internal errors %q, want [%q]", faults, wantFault)
			}
			for _, ep := range want.Endpoints {
				if ep.Page != "api/team-put-teams.md" && !slices.ContainsFunc(ds.Endpoints, func(e *ir.Endpoint) bool { return e.Page == ep.Page }) {
					t.Errorf("endpoint of %s lost after a fault on %s", ep.Page, c.page)
				}
			}
		})
	}
}
