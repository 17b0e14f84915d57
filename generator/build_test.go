package generator

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestGeneratedCompilesAndPasses is the end-to-end check: it writes each
// case's output into a scratch package inside the module (_build/ is
// gitignored; a directory outside the module could not resolve go-cmp),
// then runs go vet and the emitted golden tests there.
func TestGeneratedCompilesAndPasses(t *testing.T) {
	goTool := goToolOrSkip(t)
	for _, c := range []string{"seed", "hard", "poly", "kinds", "upsert", "sharedops"} {
		t.Run(c, func(t *testing.T) {
			vetAndTest(t, goTool, writeScratch(t, c, generateCase(t, "testdata/"+c+"/input.json")))
		})
	}
}

// goToolOrSkip returns the go tool, or skips t when it cannot compile
// generated code (-short, or no go tool on PATH).
func goToolOrSkip(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("compiles generated code; skipped with -short")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go tool is not on PATH; cannot compile the generated package")
	}
	return goTool
}

// vetAndTest runs go vet and the emitted tests in dir.
func vetAndTest(t *testing.T, goTool, dir string) {
	t.Helper()
	for _, args := range [][]string{{"vet", "."}, {"test", "-count=1", "."}} {
		cmd := exec.Command(goTool, args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %v in %s: %v\n%s", args, dir, err, out)
		}
		t.Logf("go %v: %s", args, out)
	}
}

// writeScratch writes res under <module>/_build/gencheck-*/<name> and
// removes it when the test ends.
func writeScratch(t *testing.T, name string, res *Result) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found above generator/: %v", err)
	}
	base := filepath.Join(root, "_build")
	if err := os.MkdirAll(base, 0o755); err != nil {
		t.Fatal(err)
	}
	tmp, err := os.MkdirTemp(base, "gencheck-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })
	dir := filepath.Join(tmp, name)
	for _, f := range res.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
