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
// With -against OLD it compares instead two docs2go binaries, OLD and the
// -docs2go one, in interleaved runs (see ab.go).
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
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/docs2go/docs2go/cmd/benchrun/runtimebench"
)

// options are the command line, checked.
type options struct {
	floor   bool
	runtime bool
	corpus  string
	dirs    []string // -floor and -against: the folders given, else the corpus versions
	runs    int
	tool    string // the docs2go binary measured (the new one with -against)
	against string // the old docs2go binary, when comparing two
}

// errUsage is returned after the flag package has printed the usage.
var errUsage = errors.New("usage")

func main() {
	o, err := parseOptions(os.Args[1:], os.Stderr)
	if err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintf(os.Stderr, "benchrun: %v\n", err)
		}
		os.Exit(2)
	}
	switch {
	case o.runtime:
		err = runtimebench.Report(os.Stdout, o.runs)
	case o.floor:
		os.Exit(parseOnly(o.dirs))
	case o.against != "":
		err = compare(os.Stdout, o.against, o.tool, o.dirs, o.runs)
	default:
		var ok bool
		ok, err = bench(o.tool, o.dirs, o.runs)
		if err == nil && !ok {
			os.Exit(1)
		}
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: %v\n", err)
		os.Exit(1)
	}
}

// parseOptions parses and checks args (without the command name); the
// flag package's messages go to stderr.
func parseOptions(args []string, stderr io.Writer) (options, error) {
	fs := flag.NewFlagSet("benchrun", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.BoolVar(&o.floor, "floor", false, "internal: run the goldmark parse-only pass over the given folders")
	fs.StringVar(&o.corpus, "corpus", "../shared/corpus/graph-docs-2020/api-reference", "folder holding one subfolder per docs version")
	versions := fs.String("versions", "v1.0,beta", "comma-separated docs versions")
	fs.IntVar(&o.runs, "runs", 3, "attempts per measurement (the best is kept); with -against, runs of each binary (the median is kept)")
	fs.StringVar(&o.tool, "docs2go", "_build/docs2go", "docs2go binary to measure (the new one with -against)")
	fs.StringVar(&o.against, "against", "", "old docs2go `binary`: compare it with -docs2go in interleaved runs on the folders given (default the corpus versions)")
	fs.BoolVar(&o.runtime, "runtime", false, "measure the generated handler and client against a stdlib peer instead")
	if err := fs.Parse(args); err != nil {
		return o, errUsage
	}
	if o.runs < 1 {
		return o, fmt.Errorf("-runs must be at least 1, got %d", o.runs)
	}
	if o.runtime {
		return o, nil
	}
	o.dirs = fs.Args()
	if o.floor {
		return o, nil
	}
	againstSet := false
	fs.Visit(func(f *flag.Flag) { againstSet = againstSet || f.Name == "against" })
	if againstSet {
		return o, checkComparison(&o, *versions)
	}
	if len(o.dirs) > 0 {
		return o, fmt.Errorf("folders given without -against (the benchmark measures -corpus): %s", strings.Join(o.dirs, " "))
	}
	if _, err := os.Stat(o.corpus); err != nil {
		return o, fmt.Errorf("corpus not found at %s: %v", o.corpus, err)
	}
	o.dirs = versionDirs(o.corpus, *versions)
	return o, nil
}

// checkComparison checks the two binaries and the folders of -against,
// defaulting the folders to the corpus versions.
func checkComparison(o *options, versions string) error {
	if o.against == "" {
		return errors.New("-against needs the old docs2go binary: -against OLD_BINARY [-docs2go NEW_BINARY] [DIR...]")
	}
	for _, b := range []struct{ flag, path string }{{"-against", o.against}, {"-docs2go", o.tool}} {
		if strings.HasPrefix(b.path, "-") {
			return fmt.Errorf("%s needs a docs2go binary, not the flag %s", b.flag, b.path)
		}
		if _, err := exec.LookPath(b.path); err != nil {
			return fmt.Errorf("%s: not an executable docs2go binary: %v", b.flag, err)
		}
	}
	if len(o.dirs) == 0 {
		o.dirs = versionDirs(o.corpus, versions)
	}
	for _, d := range o.dirs {
		if info, err := os.Stat(d); err != nil || !info.IsDir() {
			return fmt.Errorf("docs folder %s not found", d)
		}
	}
	return nil
}

// versionDirs are the folders of the comma-separated versions in corpus.
func versionDirs(corpus, versions string) []string {
	var dirs []string
	for _, v := range strings.FieldsFunc(versions, func(r rune) bool { return r == ',' || r == ' ' }) {
		dirs = append(dirs, filepath.Join(corpus, v))
	}
	return dirs
}
