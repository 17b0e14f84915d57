// Command benchrun is the benchmark behind `make bench`. In one run it
// measures, on each docs version of a corpus:
//
//   - the floor: a goldmark parse of every page and nothing else, with the
//     same parallelism docs2go uses;
//   - docs2go end to end into an empty output folder (every file created:
//     on the 2-core benchmark VM a new inode costs about 0.6 ms of kernel
//     time, so this row is mostly file creation);
//   - docs2go end to end with no run cache over an up-to-date output
//     folder (as after docs2go itself was rebuilt): parse, link, check,
//     generate, format and compare, nothing written;
//   - docs2go again with nothing changed (the incremental fast path);
//   - docs2go after one page changed (a hard-linked copy of the docs with
//     one property description edited), and how many files it rewrote.
//
// With -runtime it measures instead the generated code (the handler and
// client of the seed endpoint and of three corpus endpoints) against a
// hand-written standard-library handler and client, see package
// runtimebench.
//
// Each is a separate process, timed by wall clock with its peak RSS. The
// machines are shared and noisy, so results are printed as ratios to the
// floor measured in the same run, and every measurement is the best of
// -runs attempts.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/docs2go/docs2go/cmd/benchrun/runtimebench"
)

func main() {
	floor := flag.Bool("floor", false, "internal: run the goldmark parse-only pass over the given folders")
	corpus := flag.String("corpus", "../shared/corpus/graph-docs-2020/api-reference", "folder holding one subfolder per docs version")
	versions := flag.String("versions", "v1.0,beta", "comma-separated docs versions")
	runs := flag.Int("runs", 3, "attempts per measurement; the best is kept")
	tool := flag.String("docs2go", "_build/docs2go", "docs2go binary to measure")
	rt := flag.Bool("runtime", false, "measure the generated handler and client against a stdlib peer instead")
	flag.Parse()
	if *rt {
		if err := runtimebench.Report(os.Stdout, *runs); err != nil {
			fmt.Fprintf(os.Stderr, "benchrun: %v\n", err)
			os.Exit(1)
		}
		return
	}
	if *floor {
		os.Exit(parseOnly(flag.Args()))
	}
	if _, err := os.Stat(*corpus); err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: corpus not found at %s: %v\n", *corpus, err)
		os.Exit(2)
	}
	var dirs []string
	for _, v := range strings.FieldsFunc(*versions, func(r rune) bool { return r == ',' || r == ' ' }) {
		dirs = append(dirs, filepath.Join(*corpus, v))
	}
	ok, err := bench(*tool, dirs, *runs)
	if err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: %v\n", err)
		os.Exit(1)
	}
	if !ok {
		os.Exit(1)
	}
}
