package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"
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

// TestBuildTargetNoise: a beta build over its targets by less than the
// noise allowance is a warning, beyond it a failure; v1.0 is not held to
// the build targets, and a failed test always fails.
func TestBuildTargetNoise(t *testing.T) {
	tg := targets{minGeneratedShare: 0.95, beta: buildLimit{seconds: 60, rssMiB: 3072}, buildNoise: 0.10}
	run := func(wall time.Duration, rss float64) *versionResult {
		return &versionResult{opPages: 10, endpoint: 10, packageChecks: packageChecks{testsPassed: 1,
			steps: []step{{name: "build", wall: wall, rssMiB: rss, ok: true}}}}
	}
	for _, c := range []struct {
		name          string
		r             *versionResult
		beta          bool
		misses, nears int
	}{
		{"under", run(57*time.Second, 3006), true, 0, 0},
		{"within noise", run(63*time.Second, 3100), true, 0, 1},
		{"time beyond noise", run(67*time.Second, 3000), true, 1, 0},
		{"memory beyond noise", run(50*time.Second, 3400), true, 1, 0},
		{"v1.0 not held", run(90*time.Second, 5000), false, 0, 0},
	} {
		m, n := c.r.misses(tg, c.beta)
		if len(m) != c.misses || len(n) != c.nears {
			t.Errorf("%s: misses %q, near %q; want %d and %d", c.name, m, n, c.misses, c.nears)
		}
	}
	failed := run(50*time.Second, 3000)
	failed.testsFailed = 1
	if m, _ := failed.misses(tg, true); len(m) != 1 {
		t.Errorf("a failed generated test: misses %q, want 1", m)
	}
}

// TestSelectionBuildTarget: the selection is held to its wall time alone
// (no memory limit), with the same noise allowance, and the miss says the
// figure and the target.
func TestSelectionBuildTarget(t *testing.T) {
	lim := buildLimit{seconds: 3}
	checks := func(wall time.Duration) *packageChecks {
		return &packageChecks{testsPassed: 40, steps: []step{
			{name: "generate", wall: 9 * time.Second, ok: true},
			{name: "build", wall: wall, rssMiB: 9000, ok: true}}}
	}
	for _, c := range []struct {
		wall          time.Duration
		misses, nears int
	}{
		{2500 * time.Millisecond, 0, 0},
		{3200 * time.Millisecond, 0, 1},
		{3400 * time.Millisecond, 1, 0},
	} {
		m, n := checks(c.wall).misses(lim, 0.10)
		if len(m) != c.misses || len(n) != c.nears {
			t.Errorf("%v: misses %q, near %q; want %d and %d", c.wall, m, n, c.misses, c.nears)
		}
	}
	m, _ := checks(3400*time.Millisecond).misses(lim, 0.10)
	if want := "build took 3.4s, want under 3.0s"; len(m) != 1 || m[0] != want {
		t.Errorf("miss %q, want %q", m, want)
	}
	none := &packageChecks{steps: []step{{name: "build", wall: time.Second, ok: true}}}
	if m, _ := none.misses(lim, 0.10); len(m) != 1 {
		t.Errorf("a package without tests: misses %q, want 1", m)
	}
}

// TestArchiveSize: the compiled archive of a package is found in the build
// cache after a build.
func TestArchiveSize(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	const pkg = "github.com/docs2go/docs2go/parser/ir"
	if s, _ := measure("build", ".", goTool(), "build", pkg); !s.ok {
		t.Fatalf("go build %s: %s", pkg, s.output)
	}
	if n := archiveSize(pkg); n < 10_000 {
		t.Errorf("archive of %s: %d bytes, want a compiled package", pkg, n)
	}
}
