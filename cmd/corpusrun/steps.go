package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// step is one measured subprocess.
type step struct {
	name   string
	wall   time.Duration
	cpu    time.Duration // user and system time of the process and its waited-for children
	rssMiB float64
	// archiveBytes is the size of the compiled package archive, for a
	// build step (0 when not known).
	archiveBytes int64
	// load is the 1-minute load average when a build step started (0 when
	// not known): a wall time says little without it on a shared machine.
	load   float64
	ok     bool
	code   int    // exit status
	output string // combined output, for failures
}

// measure runs a command and records its wall time, its CPU time and the
// peak RSS of its largest process (rusage of the waited-for children: the
// go command's compile and vet processes are among them).
func measure(name, dir string, args ...string) (step, []byte) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	s := step{name: name, wall: time.Since(start), ok: err == nil, code: -1}
	if cmd.ProcessState != nil {
		s.code = cmd.ProcessState.ExitCode()
		s.cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			s.rssMiB = float64(ru.Maxrss) / 1024
		}
	}
	if !s.ok {
		s.output = tail(stderr.String()+stdout.String(), 40)
	}
	return s, stdout.Bytes()
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// testCounts reads `go test -json` output and counts passed and failed tests.
func testCounts(out []byte) (passed, failed int, failures []string) {
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var ev struct{ Action, Test string }
		if err := dec.Decode(&ev); err == io.EOF || err != nil {
			break
		}
		if ev.Test == "" || strings.Contains(ev.Test, "/") {
			continue
		}
		switch ev.Action {
		case "pass":
			passed++
		case "fail":
			failed++
			failures = append(failures, ev.Test)
		}
	}
	slices.Sort(failures)
	return passed, failed, failures
}

// pkgDir turns a version name into a Go package folder name ("v1.0" → "v1_0").
func pkgDir(v string) string {
	return strings.NewReplacer(".", "_", "-", "_").Replace(v)
}

func printStep(w io.Writer, s step) {
	status := "ok"
	if !s.ok {
		status = "FAILED"
	}
	extra := ""
	if s.archiveBytes > 0 {
		extra += fmt.Sprintf("  archive %.1f MiB", float64(s.archiveBytes)/(1<<20))
	}
	if s.load > 0 {
		extra += fmt.Sprintf("  load %.1f", s.load)
	}
	fmt.Fprintf(w, "  %-10s %8.1fs %8.1fs CPU %6.0f MiB%s  %s\n", s.name, s.wall.Seconds(), s.cpu.Seconds(), s.rssMiB, extra, status)
	if !s.ok && s.output != "" {
		fmt.Fprintf(w, "%s\n", indent(s.output))
	}
}

func indent(s string) string {
	return "      " + strings.ReplaceAll(s, "\n", "\n      ")
}

func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return os.Getenv("GOROOT") + "/bin/go"
}

// loadAverage returns the 1-minute load average, or 0 where the system
// does not tell it (/proc/loadavg is Linux's).
func loadAverage() float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	fields := strings.Fields(string(data))
	if len(fields) == 0 {
		return 0
	}
	load, _ := strconv.ParseFloat(fields[0], 64)
	return load
}
