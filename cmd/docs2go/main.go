// Command docs2go turns Microsoft Graph REST reference pages (Markdown) into
// Go: model types, net/http handler stubs, a typed client and golden tests
// for every create endpoint (a POST answering 201 Created).
//
// Usage:
//
//	docs2go [flags] PATH...
//
// PATH is a Markdown file or a folder walked recursively for .md files. All
// pages of one run form one doc set (one docs version) and one Go package.
//
//	//go:generate go tool docs2go -out . ../docs
//
// Exit status: 0 on success, 1 when a diagnostic at or above -fail-on
// (default error) remains after the suppressions of -config (default
// .docs2go.json when present) or -check finds drift, 2 on bad usage or a
// selection pattern (-include, -exclude, or "include" and "exclude" in the
// config) that matches no endpoint.
//
//	docs2go lint [-format text|json|sarif] [-config FILE] PATH...
//
// reports the defects of the docs themselves, at their place, without
// generating anything.
//
//	docs2go diff [-format text|json|markdown] [-fail-on breaking|any|none] [-all] OLD NEW
//
// lists the changes of the generated Go API between two docs versions (or,
// with -git REV PATH, between a folder and its state at a git revision).
package main

import (
	"flag"
	"fmt"
	"go/token"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
)

type options struct {
	out, pkg, report, irFile string
	cpuProfile               string
	memProfile               string
	check                    bool
	config                   string      // suppression config; "" = .docs2go.json when present
	failOn                   string      // the lowest severity that fails the run, or "none"
	include, exclude         patternList // endpoint selection; replace the config's when given
	paths                    []string
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("docs2go: ")
	// The collector keeps Go's default GOGC=100: a larger heap goal saves
	// marking but costs more in first touches of fresh pages (measured:
	// GOGC=300 took 10-20% more CPU and 60% more peak RSS on the corpus).
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("docs2go", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &options{}
	fs.StringVar(&o.out, "out", "generated", "output `dir`ectory")
	fs.StringVar(&o.pkg, "pkg", "", "Go package `name` (default: base name of -out)")
	fs.BoolVar(&o.check, "check", false, "write nothing; exit 1 listing the files that differ from what a run would write")
	fs.StringVar(&o.report, "report", "", "write a JSON report to `file` (- for stdout)")
	fs.StringVar(&o.irFile, "ir", "", "write the intermediate model as JSON to `file` (- for stdout)")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile (pprof) of the run to `file`")
	fs.StringVar(&o.memProfile, "memprofile", "", "write an allocation profile (pprof) of the run to `file`")
	fs.StringVar(&o.config, "config", "", "config `file`: suppressions as for lint, endpoint selection (default "+defaultLintConfig+" when present)")
	fs.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a diagnostic of this `severity` or worse remains: error, warning or none")
	fs.Var(&o.include, "include", "generate only the endpoints matching `pattern` (Go name, route or page glob; repeatable; replaces the config's include)")
	fs.Var(&o.exclude, "exclude", "leave out the endpoints matching `pattern` (repeatable; replaces the config's exclude)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: docs2go [flags] PATH...\n")
		fmt.Fprintf(stderr, "       docs2go lint [-format text|json|sarif] [-config FILE] PATH...  (docs2go lint -h)\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	o.paths = fs.Args()
	if len(o.paths) == 0 {
		fs.Usage()
		return nil, fmt.Errorf("no input paths")
	}
	if o.pkg == "" {
		o.pkg = packageName(o.out)
	}
	if o.failOn != "error" && o.failOn != "warning" && o.failOn != "none" {
		return nil, fmt.Errorf("-fail-on %q: want error, warning or none", o.failOn)
	}
	if !validPackageName(o.pkg) {
		return nil, fmt.Errorf("-pkg %q is not a valid Go package name", o.pkg)
	}
	return o, nil
}

// patternList is a repeatable flag.
type patternList []string

func (l *patternList) String() string { return strings.Join(*l, " ") }

func (l *patternList) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("empty pattern")
	}
	*l = append(*l, v)
	return nil
}

func packageName(out string) string {
	abs, err := filepath.Abs(out)
	if err != nil {
		abs = out
	}
	return filepath.Base(abs)
}

func validPackageName(s string) bool {
	if s == "" || token.IsKeyword(s) {
		return false
	}
	for i, r := range s {
		ok := r == '_' || (r >= 'a' && r <= 'z') || (i > 0 && r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}
