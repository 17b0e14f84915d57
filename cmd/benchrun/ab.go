package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// compare runs the docs2go binaries oldBin and newBin alternately (old, new,
// old, new...) runs times each on every dir and prints, per dir and summed
// over the dirs, the medians of wall time, CPU (user+sys) and peak RSS,
// and the new/old ratios. On a shared machine the CPU time is the figure
// to trust: wall time counts the other processes' turns on the cores.
//
// Every run writes into its own new output folder with its own empty run
// cache (-fail-on none, so that the docs' errors do not end the run);
// folders are removed only at the end, since deleting thousands of files
// keeps the file system busy into the next run (see measureVersion).
func compare(w io.Writer, oldBin, newBin string, dirs []string, runs int) error {
	tmp, err := os.MkdirTemp("", "docs2go-ab-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bins := [2]string{oldBin, newBin}
	// perRun[b][i] is binary b's run i, summed over the dirs done so far.
	perRun := [2][]sample{make([]sample, runs), make([]sample, runs)}
	fmt.Fprintf(w, "old: %s\nnew: %s\n%d interleaved runs of each per folder, medians\n", oldBin, newBin, runs)
	for d, dir := range dirs {
		var got [2][]sample
		for i := range runs {
			for b, bin := range bins {
				work := filepath.Join(tmp, fmt.Sprintf("d%d-%s-%d", d, [2]string{"old", "new"}[b], i))
				env := []string{"XDG_CACHE_HOME=" + filepath.Join(work, "cache")}
				out := filepath.Join(work, "out")
				s, err := timeOnce(env, bin, "-pkg", "graph", "-fail-on", "none", "-out", out, dir)
				if err != nil {
					return err
				}
				// a binary that stops early (exit status 1 is let through) would look fast
				if files, _ := os.ReadDir(out); len(files) == 0 {
					return fmt.Errorf("%s wrote nothing into %s from %s", bin, out, dir)
				}
				got[b] = append(got[b], s)
				perRun[b][i].add(s)
			}
		}
		printComparison(w, dir, got[0], got[1])
	}
	if len(dirs) > 1 {
		printComparison(w, "summed over the folders (peak RSS: the larger)", perRun[0], perRun[1])
	}
	return nil
}

// printComparison prints the medians of old and new, their ratios, and in
// how many run pairs new took less CPU.
func printComparison(w io.Writer, title string, olds, news []sample) {
	o, n := medians(olds), medians(news)
	pairs := min(len(olds), len(news))
	fewer := 0
	for i := range pairs {
		if news[i].cpu < olds[i].cpu {
			fewer++
		}
	}
	fmt.Fprintf(w, "%s\n", title)
	fmt.Fprintf(w, "  old      wall %7.2fs  cpu %7.2fs  rss %6.0f MiB\n", o.wall.Seconds(), o.cpu.Seconds(), o.rssMiB)
	fmt.Fprintf(w, "  new      wall %7.2fs  cpu %7.2fs  rss %6.0f MiB\n", n.wall.Seconds(), n.cpu.Seconds(), n.rssMiB)
	fmt.Fprintf(w, "  new/old  wall %8s  cpu %8s  rss %10s   (new less CPU in %d of %d pairs)\n",
		ratio(n.wall.Seconds(), o.wall.Seconds()), ratio(n.cpu.Seconds(), o.cpu.Seconds()),
		ratio(n.rssMiB, o.rssMiB), fewer, pairs)
}

// medians is the median of each measure of ss, taken separately.
func medians(ss []sample) sample {
	var walls, cpus []time.Duration
	var rss []float64
	for _, s := range ss {
		walls, cpus, rss = append(walls, s.wall), append(cpus, s.cpu), append(rss, s.rssMiB)
	}
	return sample{wall: median(walls), cpu: median(cpus), rssMiB: median(rss)}
}

// median is the middle value of xs, or the mean of the two middle ones
// when their number is even; 0 when xs is empty. xs is not modified.
func median[T ~int64 | ~float64](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// ratio formats newV/oldV with three decimals, or "n/a" when oldV is zero
// (a measure the system did not report).
func ratio(newV, oldV float64) string {
	if oldV == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.3fx", newV/oldV)
}
