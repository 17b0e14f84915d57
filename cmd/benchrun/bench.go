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

// sample is one timed process, or the sum of one per docs version.
type sample struct {
	wall   time.Duration
	cpu    time.Duration // user + sys, from the process's rusage
	rssMiB float64
}

// add sums wall and CPU times and keeps the larger RSS.
func (s *sample) add(o sample) {
	s.wall += o.wall
	s.cpu += o.cpu
	s.rssMiB = max(s.rssMiB, o.rssMiB)
}

// best runs cmd n times and keeps the fastest run (and the largest RSS, to
// stay on the safe side for memory). prepare, when not nil, runs before
// each attempt and is not timed.
func best(n int, env []string, prepare func(run int) error, args ...string) (sample, error) {
	var b sample
	for i := range n {
		if prepare != nil {
			if err := prepare(i); err != nil {
				return b, err
			}
		}
		s, err := timeOnce(env, args...)
		if err != nil {
			return b, err
		}
		b.keepBest(s, i == 0)
	}
	return b, nil
}

// keepBest keeps the faster wall time of s and b (s's when first) with its
// CPU time, and the larger RSS, to stay on the safe side for memory.
func (b *sample) keepBest(s sample, first bool) {
	if first || s.wall < b.wall {
		b.wall, b.cpu = s.wall, s.cpu
	}
	b.rssMiB = max(b.rssMiB, s.rssMiB)
}

// timeOnce runs args with env added to the environment. The file system
// is synced first, untimed: an earlier run's output still being written
// back would otherwise slow this one down, which measures the order of
// the runs, not the run.
func timeOnce(env []string, args ...string) (sample, error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	syscall.Sync()
	start := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.rssMiB = float64(ru.Maxrss) / 1024
		s.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	// docs2go exits 1 when the docs have errors; that is a result, not a failure.
	if err != nil && cmd.ProcessState.ExitCode() != 1 {
		return s, fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return s, nil
}

// results are the docs2go measurements, each summed over the versions.
type results struct {
	cold      sample // empty output folder
	full      sample // no run cache, output already up to date
	warm      sample // nothing changed (run cache)
	edited    sample // one page changed
	rewritten int    // output files one changed page rewrote, over the versions
	outputs   int    // output files, over the versions
}

// bench measures the floor and docs2go on dirs and prints the comparison.
// It reports whether every target was met.
func bench(tool string, dirs []string, runs int) (bool, error) {
	self, err := os.Executable()
	if err != nil {
		return false, err
	}
	if tool, err = filepath.Abs(tool); err != nil {
		return false, err
	}
	pages := countPages(dirs)
	floor, err := best(runs, nil, nil, append([]string{self, "-floor"}, dirs...)...)
	if err != nil {
		return false, err
	}
	tmp, err := os.MkdirTemp("", "docs2go-bench-")
	if err != nil {
		return false, err
	}
	defer os.RemoveAll(tmp)
	var r results
	for i, d := range dirs {
		if err := measureVersion(&r, tool, d, filepath.Join(tmp, fmt.Sprintf("v%d", i)), runs); err != nil {
			return false, err
		}
	}
	fmt.Printf("pages: %d (%s); output files: %d; best of %d\n", pages, strings.Join(dirs, ", "), r.outputs, runs)
	row := func(name string, s sample) {
		fmt.Printf("%-44s %7.2fs %7.0f MiB %8.0f pages/s %6.2fx floor\n", name, s.wall.Seconds(), s.rssMiB,
			float64(pages)/s.wall.Seconds(), s.wall.Seconds()/floor.wall.Seconds())
	}
	row("floor (goldmark parse only)", floor)
	row("docs2go end to end, empty output folder", r.cold)
	row("docs2go end to end, output up to date", r.full)
	row("docs2go, nothing changed", r.warm)
	row("docs2go, one page changed", r.edited)
	fmt.Printf("one page changed rewrote %d of %d output files\n", r.rewritten, r.outputs)
	return report(floor, r), nil
}

// measureVersion measures docs2go on one docs version dir, in work.
//
//   - cold: into an empty output folder: every file is created. Each
//     attempt gets a new folder instead of deleting the previous one just
//     before it: deleting thousands of files leaves the file system busy
//     (journal, discards), which slowed the next run's file creation
//     tenfold at times, and that is the bench's doing, not docs2go's;
//   - full: a fresh run cache over an up-to-date output folder, as after
//     docs2go itself was rebuilt: all the work, no file written;
//   - warm: nothing changed (the run cache);
//   - edited: one page of a hard-linked copy of the docs edited, each
//     attempt a different edit.
func measureVersion(r *results, tool, dir, work string, runs int) error {
	cache := []string{"XDG_CACHE_HOME=" + filepath.Join(work, "cache")}
	var cold sample
	var out string
	for i := range runs {
		out = filepath.Join(work, fmt.Sprintf("out%d", i))
		s, err := timeOnce(cache, tool, "-out", out, dir)
		if err != nil {
			return err
		}
		cold.keepBest(s, i == 0)
	}
	var full sample
	for i := range runs {
		env := []string{"XDG_CACHE_HOME=" + filepath.Join(work, fmt.Sprintf("cache-full%d", i))}
		s, err := timeOnce(env, tool, "-out", out, dir)
		if err != nil {
			return err
		}
		full.keepBest(s, i == 0)
	}
	warm, err := best(runs, cache, nil, tool, "-out", out, dir)
	if err != nil {
		return err
	}
	edited, rewritten, err := measureEdit(tool, dir, work, cache, runs)
	if err != nil {
		return err
	}
	files, _ := snapshot(out)
	r.cold.add(cold)
	r.full.add(full)
	r.warm.add(warm)
	r.edited.add(edited)
	r.rewritten += rewritten
	r.outputs += len(files)
	return nil
}

// editedPage is the page measureEdit changes: a resource page of both
// versions whose property descriptions end up in a generated type.
const editedPage = "resources/user.md"

// measureEdit mirrors dir with hard links (the corpus stays untouched),
// generates once, then edits one property description of editedPage per
// attempt and times the run after it. It returns the best time and the
// most output files one edit rewrote.
func measureEdit(tool, dir, work string, env []string, runs int) (sample, int, error) {
	docs := filepath.Join(work, "docs", filepath.Base(dir))
	if err := mirror(dir, docs); err != nil {
		return sample{}, 0, err
	}
	out := filepath.Join(work, "outedit")
	if _, err := timeOnce(env, tool, "-out", out, docs); err != nil {
		return sample{}, 0, err
	}
	page := filepath.Join(docs, filepath.FromSlash(editedPage))
	orig, err := os.ReadFile(page)
	if err != nil {
		return sample{}, 0, err
	}
	var b sample
	rewritten := 0
	for i := range runs {
		before, err := snapshot(out)
		if err != nil {
			return b, 0, err
		}
		// a new file, not a write through the hard link into the corpus
		_ = os.Remove(page)
		if err := os.WriteFile(page, editDescription(orig, i), 0o644); err != nil {
			return b, 0, err
		}
		s, err := timeOnce(env, tool, "-out", out, docs)
		if err != nil {
			return b, 0, err
		}
		after, err := snapshot(out)
		if err != nil {
			return b, 0, err
		}
		rewritten = max(rewritten, changedFiles(before, after))
		b.keepBest(s, i == 0)
	}
	return b, rewritten, nil
}

// editDescription appends a word to the first property row's last cell
// (a description), different for each attempt.
func editDescription(src []byte, attempt int) []byte {
	lines := strings.SplitAfter(string(src), "\n")
	inProps := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(t, "## "):
			inProps = strings.HasPrefix(t, "## Properties")
		case inProps && strings.HasPrefix(t, "|") && strings.HasSuffix(t, "|") && !strings.Contains(t, "---") &&
			!strings.Contains(strings.ToLower(t), "| type"):
			lines[i] = strings.TrimSuffix(t, "|") + fmt.Sprintf(" Edited by benchrun (%d). |\n", attempt)
			return []byte(strings.Join(lines, ""))
		}
	}
	return append(src, fmt.Sprintf("\nEdited by benchrun (%d).\n", attempt)...)
}

// mirror recreates the tree of .md files under src at dst with hard links,
// which cost a directory entry each, not an inode; it copies when linking
// fails (another file system).
func mirror(src, dst string) error {
	return filepath.WalkDir(src, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if e.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if os.Link(p, target) == nil {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// snapshot maps every file below dir to its modification time and size.
func snapshot(dir string) (map[string][2]int64, error) {
	files := map[string][2]int64{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		files[p] = [2]int64{info.ModTime().UnixNano(), info.Size()}
		return nil
	})
	return files, err
}

// changedFiles counts the files written, created or removed between two
// snapshots.
func changedFiles(before, after map[string][2]int64) int {
	n := 0
	for p, a := range after {
		if b, ok := before[p]; !ok || a != b {
			n++
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			n++
		}
	}
	return n
}

func report(floor sample, r results) bool {
	ok := true
	check := func(cond bool, format string, args ...any) {
		status := "ok  "
		if !cond {
			status, ok = "MISS", false
		}
		fmt.Printf("%s "+format+"\n", append([]any{status}, args...)...)
	}
	f := floor.wall.Seconds()
	check(r.full.wall.Seconds() <= 2.5*f, "end to end, output up to date %.2fx floor (target at most 2.5x)", r.full.wall.Seconds()/f)
	check(r.cold.wall.Seconds() <= 2.5*f, "end to end, empty output folder %.2fx floor (target at most 2.5x)", r.cold.wall.Seconds()/f)
	check(r.warm.wall.Seconds() <= 0.5*f, "nothing changed %.2fx floor (target at most 0.5x)", r.warm.wall.Seconds()/f)
	check(max(r.cold.rssMiB, r.full.rssMiB, r.edited.rssMiB) <= 1024, "peak RSS %.0f MiB (target at most 1024)",
		max(r.cold.rssMiB, r.full.rssMiB, r.edited.rssMiB))
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
