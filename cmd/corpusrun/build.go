package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// packageChecks is what building, vetting and testing one generated
// package gave.
type packageChecks struct {
	steps                    []step
	testsPassed, testsFailed int
	failures                 []string
}

// checkPackage builds, vets and tests the generated package in out, a
// folder inside this module whose package clause is pkgName. The build
// step is a fresh compile of that package alone, measured as
// msgraph-sdk-go's was: a fresh constant (writeNonce) makes the build
// cache miss it, and the standard library packages it imports are
// compiled first in a step of their own (what any Go program pays once per
// machine, and a cache hit after the first package).
func checkPackage(out, pkgName string) packageChecks {
	var c packageChecks
	if err := writeNonce(out, pkgName); err != nil {
		c.steps = append(c.steps, step{name: "nonce", output: err.Error()})
		return c
	}
	pkg := "./" + filepath.ToSlash(out)
	deps := buildStdDeps(pkg)
	c.steps = append(c.steps, deps)
	if !deps.ok {
		return c
	}
	load := loadAverage()
	build, _ := measure("build", ".", goTool(), "build", pkg)
	build.load = load
	if build.ok {
		build.archiveBytes = archiveSize(pkg)
	}
	vet, _ := measure("vet", ".", goTool(), "vet", pkg)
	test, jsonOut := measure("test", ".", goTool(), "test", "-json", "-count=1", pkg)
	c.testsPassed, c.testsFailed, c.failures = testCounts(jsonOut)
	c.steps = append(c.steps, build, vet, test)
	return c
}

// buildStdDeps compiles the standard library packages pkg imports,
// directly or not.
func buildStdDeps(pkg string) step {
	list, out := measure("std deps", ".", goTool(), "list", "-deps", "-f", "{{if .Standard}}{{.ImportPath}}{{end}}", pkg)
	if !list.ok {
		return list
	}
	build, _ := measure("std deps", ".", append([]string{goTool(), "build"}, strings.Fields(string(out))...)...)
	return build
}

// archiveSize returns the size in bytes of the compiled archive of pkg in
// the build cache (export data and object code in one file), or 0 when the
// go command does not name one. Called after a build, it is a cache hit.
func archiveSize(pkg string) int64 {
	s, out := measure("export", ".", goTool(), "list", "-export", "-f", "{{.Export}}", pkg)
	file := strings.TrimSpace(string(out))
	if !s.ok || file == "" {
		return 0
	}
	fi, err := os.Stat(file)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// writeNonce adds a file with a fresh constant to the generated package, so
// the build step compiles it instead of taking it from the build cache: the
// figure measured is the cost of compiling the generated code.
func writeNonce(out, pkg string) error {
	src := fmt.Sprintf("package %s\n\nconst corpusRunNonce = %q\n", pkg, time.Now().Format(time.RFC3339Nano))
	return os.WriteFile(filepath.Join(out, "zz_corpusrun_nonce.go"), []byte(src), 0o644)
}

// buildLimit is a build target: the build step's wall time and peak RSS.
// A zero field is no limit.
type buildLimit struct{ seconds, rssMiB float64 }

// misses lists the failed steps, the failed tests (or the absence of any
// test) and the build step's miss of lim; near lists a build miss by less
// than noise (a fraction of the limit), which does not fail the run.
func (c *packageChecks) misses(lim buildLimit, noise float64) (m, near []string) {
	if c.testsFailed > 0 || c.testsPassed == 0 {
		m = append(m, fmt.Sprintf("generated tests: %d passed, %d failed", c.testsPassed, c.testsFailed))
	}
	for _, s := range c.steps {
		if !s.ok {
			m = append(m, s.name+" failed")
			continue
		}
		if s.name != "build" {
			continue
		}
		over := max(ratio(s.wall.Seconds(), lim.seconds), ratio(s.rssMiB, lim.rssMiB))
		if over <= 1 {
			continue
		}
		miss := fmt.Sprintf("build took %s, want under %s", lim.format(s.wall.Seconds(), s.rssMiB), lim.format(lim.seconds, lim.rssMiB))
		if over <= 1+noise {
			near = append(near, miss)
		} else {
			m = append(m, miss)
		}
	}
	return m, near
}

// ratio is x/limit, or 0 when there is no limit.
func ratio(x, limit float64) float64 {
	if limit == 0 {
		return 0
	}
	return x / limit
}

// format prints a wall time and a peak RSS for the fields lim limits.
func (lim buildLimit) format(seconds, rssMiB float64) string {
	var parts []string
	if lim.seconds > 0 {
		parts = append(parts, strconv.FormatFloat(seconds, 'f', 1, 64)+"s")
	}
	if lim.rssMiB > 0 {
		parts = append(parts, strconv.FormatFloat(rssMiB, 'f', 0, 64)+" MiB")
	}
	return strings.Join(parts, " / ")
}

func (c *packageChecks) printTests(w io.Writer) {
	fmt.Fprintf(w, "  generated tests: %d passed, %d failed\n", c.testsPassed, c.testsFailed)
	for _, f := range c.failures {
		fmt.Fprintf(w, "    FAIL %s\n", f)
	}
}

func (c *packageChecks) printSteps(w io.Writer) {
	fmt.Fprintf(w, "  steps (wall, CPU, peak RSS; build: fresh compile of the package, its compiled archive):\n")
	for _, s := range c.steps {
		printStep(w, s)
	}
}
