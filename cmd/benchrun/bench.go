package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// sample is one timed process.
type sample struct {
	wall   time.Duration
	rssMiB float64
}

// best runs cmd n times and keeps the fastest run (and the largest RSS, to
// stay on the safe side for memory).
func best(n int, args ...string) (sample, error) {
	var b sample
	for i := range n {
		s, err := timeOnce(args...)
		if err != nil {
			return b, err
		}
		if i == 0 || s.wall < b.wall {
			b.wall = s.wall
		}
		b.rssMiB = max(b.rssMiB, s.rssMiB)
	}
	return b, nil
}

func timeOnce(args ...string) (sample, error) {
	cmd := exec.Command(args[0], args[1:]...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.rssMiB = float64(ru.Maxrss) / 1024
	}
	// docs2go exits 1 when the docs have errors; that is a result, not a failure.
	if err != nil && cmd.ProcessState.ExitCode() != 1 {
		return s, fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return s, nil
}

// bench measures the floor and docs2go on dirs and prints the comparison.
// It reports whether every target was met.
func bench(tool string, dirs []string, runs int) (bool, error) {
	self, err := os.Executable()
	if err != nil {
		return false, err
	}
	pages := countPages(dirs)
	floor, err := best(runs, append([]string{self, "-floor"}, dirs...)...)
	if err != nil {
		return false, err
	}
	tmp, err := os.MkdirTemp("", "docs2go-bench-")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(tmp)
	cold, warm, err := measureDocs2go(tool, dirs, tmp, runs)
	if err != nil {
		return false, err
	}
	fmt.Printf("pages: %d (%s)\n", pages, strings.Join(dirs, ", "))
	row := func(name string, s sample) {
		fmt.Printf("%-28s %7.2fs %7.0f MiB %8.0f pages/s %6.2fx floor\n", name, s.wall.Seconds(), s.rssMiB,
			float64(pages)/s.wall.Seconds(), s.wall.Seconds()/floor.wall.Seconds())
	}
	row("floor (goldmark parse only)", floor)
	row("docs2go end to end", cold)
	row("docs2go, nothing changed", warm)
	return report(floor, cold, warm), nil
}

// measureDocs2go times a cold run into empty folders (each version its own
// package) and a second run with nothing changed.
func measureDocs2go(tool string, dirs []string, tmp string, runs int) (cold, warm sample, err error) {
	for i, d := range dirs {
		out := filepath.Join(tmp, fmt.Sprintf("v%d", i))
		var c sample
		for r := range runs {
			_ = os.RemoveAll(out)
			s, err := timeOnce(tool, "-out", out, d)
			if err != nil {
				return cold, warm, err
			}
			if r == 0 || s.wall < c.wall {
				c.wall = s.wall
			}
			c.rssMiB = max(c.rssMiB, s.rssMiB)
		}
		w, err := best(runs, tool, "-out", out, d)
		if err != nil {
			return cold, warm, err
		}
		cold.wall += c.wall
		cold.rssMiB = max(cold.rssMiB, c.rssMiB)
		warm.wall += w.wall
		warm.rssMiB = max(warm.rssMiB, w.rssMiB)
	}
	return cold, warm, nil
}

func report(floor, cold, warm sample) bool {
	ok := true
	check := func(cond bool, format string, args ...any) {
		status := "ok  "
		if !cond {
			status, ok = "MISS", false
		}
		fmt.Printf("%s "+format+"\n", append([]any{status}, args...)...)
	}
	f := floor.wall.Seconds()
	check(cold.wall.Seconds() <= 2.5*f, "end to end %.2fx floor (target at most 2.5x)", cold.wall.Seconds()/f)
	check(warm.wall.Seconds() <= 0.5*f, "nothing changed %.2fx floor (target at most 0.5x)", warm.wall.Seconds()/f)
	check(cold.rssMiB <= 1024, "peak RSS %.0f MiB (target at most 1024)", cold.rssMiB)
	return ok
}

func countPages(dirs []string) int {
	n := 0
	for _, d := range dirs {
		_ = filepath.Walk(d, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && strings.HasSuffix(p, ".md") {
				n++
			}
			return nil
		})
	}
	return n
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
