package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReadReport: operation pages are counted once even when a page makes
// two endpoints, a page counts as generated only when all of its endpoints
// are, endpoints are counted per kind, and skip reasons lose their
// positions so that they group.
func TestReadReport(t *testing.T) {
	file := filepath.Join(t.TempDir(), "report.json")
	report := `{"pages": 9, "types": 3, "endpoints": [
		{"file": "api/a-create.md", "kind": "create", "generated": true},
		{"file": "api/message-get.md", "kind": "get", "generated": true},
		{"file": "api/message-get.md", "kind": "get", "generated": false, "reason": "api/message-get.md:12:1: stream (not yet)"},
		{"file": "api/old.md", "generated": false, "reason": "x.md:3:4: no body"}
	], "diagnostics": []}`
	if err := os.WriteFile(file, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &versionResult{diagCodes: map[string]int{}, kinds: map[string]*kindCount{}}
	r.readReport(file)
	if r.opPages != 3 || r.endpoint != 1 {
		t.Errorf("operation pages %d, generated %d; want 3, 1", r.opPages, r.endpoint)
	}
	if g, c := r.kinds["get"], r.kinds["create"]; g == nil || c == nil || g.endpoints != 2 || g.generated != 1 || c.endpoints != 2 || c.generated != 1 {
		t.Errorf("by kind: get %+v, create %+v; want 2/1 each (a report without kinds lists creates)", g, c)
	}
	want := []string{"get: stream", "create: no body"}
	if len(r.skipped) != 2 || r.skipped[0] != want[0] || r.skipped[1] != want[1] {
		t.Errorf("skipped %q, want %q", r.skipped, want)
	}
}
