package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/docs2go/docs2go/parser/ir"
)

// lintOptions are the flags of `docs2go lint`.
type lintOptions struct {
	format string // text, json or sarif
	config string // config file; "" = .docs2go.json when present
	paths  []string
}

// runLint is `docs2go lint [flags] PATH...`: it parses, links, checks and
// plans the pages as generation does (it only does not emit), drops
// suppressed diagnostics and prints the rest. Exit status: 1 when an
// error remains, 0 otherwise, 2 on bad usage or an unreadable config.
func runLint(args []string, stdout, stderr io.Writer) int {
	o, err := parseLintFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stderr, "docs2go lint: %v\n", err)
		}
		return 2
	}
	cfg, err := loadLintConfig(o.config)
	if err != nil {
		fmt.Fprintf(stderr, "docs2go lint: %v\n", err)
		return 2
	}
	ins, err := collectInputs(o.paths)
	if err != nil {
		fmt.Fprintf(stderr, "docs2go lint: %v\n", err)
		return 2
	}
	srcs, err := loadPages(ins)
	if err != nil {
		fmt.Fprintf(stderr, "docs2go lint: %v\n", err)
		return 1
	}
	a, err := analyze(srcs)
	if err != nil {
		fmt.Fprintf(stderr, "docs2go lint: %v\n", err)
		return 1
	}
	return lintReport(a.diags, cfg, o.format, newDisplayNames(ins).of, stdout, stderr)
}

func parseLintFlags(args []string, stderr io.Writer) (*lintOptions, error) {
	fs := flag.NewFlagSet("docs2go lint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &lintOptions{}
	fs.StringVar(&o.format, "format", "text", "output `format`: text, json or sarif")
	fs.StringVar(&o.config, "config", "", "suppression config `file` (default "+defaultLintConfig+" when present)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: docs2go lint [flags] PATH...\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	o.paths = fs.Args()
	switch {
	case len(o.paths) == 0:
		fs.Usage()
		return nil, fmt.Errorf("no input paths")
	case o.format != "text" && o.format != "json" && o.format != "sarif":
		return nil, fmt.Errorf("-format %q: want text, json or sarif", o.format)
	}
	return o, nil
}

// loadLintConfig reads the named config, or .docs2go.json when name is ""
// and that file exists; no config suppresses nothing.
func loadLintConfig(name string) (*lintConfig, error) {
	explicit := name != ""
	if !explicit {
		name = defaultLintConfig
	}
	data, err := os.ReadFile(name)
	if err != nil {
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			return &lintConfig{}, nil
		}
		return nil, err
	}
	return parseLintConfig(name, data)
}

// lintReport applies the suppressions, prints the remaining diagnostics
// in format to stdout and the unused suppressions and a summary to stderr,
// and returns the exit status: 1 when an error remains, else 0. display
// maps a page name to the path shown to the user.
func lintReport(diags ir.Diagnostics, cfg *lintConfig, format string, display func(string) string,
	stdout, stderr io.Writer) int {
	kept, suppressed := cfg.apply(diags)
	if err := writeLint(stdout, format, kept, suppressed, display); err != nil {
		fmt.Fprintf(stderr, "docs2go lint: %v\n", err)
		return 1
	}
	for _, d := range cfg.unused() {
		fmt.Fprintln(stderr, d)
	}
	errs, warns := countSeverities(kept)
	fmt.Fprintf(stderr, "docs2go lint: %d errors, %d warnings, %d suppressed\n", errs, warns, suppressed)
	if errs > 0 {
		return 1
	}
	return 0
}

// lintJSON is the -format json document.
type lintJSON struct {
	Diagnostics []diagReport `json:"diagnostics"`
	Suppressed  int          `json:"suppressed"`
}

func writeLint(w io.Writer, format string, diags ir.Diagnostics, suppressed int, display func(string) string) error {
	switch format {
	case "json":
		doc := lintJSON{Diagnostics: []diagReport{}, Suppressed: suppressed}
		for _, d := range diags {
			doc.Diagnostics = append(doc.Diagnostics, diagReport{File: display(d.Pos.File), Line: d.Pos.Line,
				Col: d.Pos.Col, Severity: string(d.Severity), Code: string(d.Code), Message: d.Message})
		}
		return writeJSON(w, doc)
	case "sarif":
		return writeJSON(w, toSARIF(diags, display))
	}
	for _, d := range diags {
		d.Pos.File = display(d.Pos.File)
		if _, err := fmt.Fprintln(w, d); err != nil {
			return err
		}
	}
	return nil
}
