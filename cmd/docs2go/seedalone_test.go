package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSeedPageAloneGeneratesWorkingGo runs docs2go on the seed page without
// any of the resource pages it links: the links become unresolved-type
// warnings, the types are inferred from the examples, and the output still
// compiles, vets clean and passes its own golden tests.
func TestSeedPageAloneGeneratesWorkingGo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests a generated package; skipped with -short")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH: cannot build the generated package")
	}
	// The run cache goes to a scratch user cache folder; the go commands
	// below keep the real build cache, which XDG_CACHE_HOME would otherwise
	// move too (an empty build cache costs this test two minutes).
	gocache, err := exec.Command(goTool, "env", "GOCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOCACHE: %v", err)
	}
	t.Setenv("GOCACHE", strings.TrimSpace(string(gocache)))
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	docs := filepath.Join(t.TempDir(), "docs", "api")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("../../docs/api/androiddeviceownerenrollmentprofile-create.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "create.md"), seed, 0o644); err != nil {
		t.Fatal(err)
	}
	// Inside the module, so the generated tests resolve go-cmp.
	if err := os.MkdirAll("../../_build", 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := os.MkdirTemp("../../_build", "seedalone-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(out) })

	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", out, "-pkg", "seedalone", filepath.Dir(docs)}, &stdout, &stderr); code != 0 {
		t.Fatalf("docs2go: exit %d\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "unresolved-type") {
		t.Errorf("no unresolved-type warning for the missing resource pages:\n%s", stderr.String())
	}
	for _, want := range []string{"server.go", "endpoints_a.go", "endpoints_a_test.go"} {
		if _, err := os.Stat(filepath.Join(out, want)); err != nil {
			t.Fatalf("%s not generated: %v", want, err)
		}
	}
	tests, _ := filepath.Glob(filepath.Join(out, "*_test.go"))
	if len(tests) == 0 {
		t.Fatalf("no golden tests generated")
	}
	for _, args := range [][]string{{"vet", "./" + filepath.Base(out)}, {"test", "-count=1", "./" + filepath.Base(out)}} {
		cmd := exec.Command(goTool, args...)
		cmd.Dir = "../../_build"
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, b)
		}
	}
}
