package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"runtime/pprof"

	"github.com/docs2go/docs2go/parser/ir"
)

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "lint" {
		return runLint(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "diff" {
		return runDiff(args[1:], stdout, stderr)
	}
	o, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 2
		}
		return fail(stderr, 2, err)
	}
	if o.cpuProfile != "" {
		stop, err := startProfile(o.cpuProfile)
		if err != nil {
			return fail(stderr, 2, err)
		}
		defer stop()
	}
	return generate(o, stdout, stderr)
}

// fail reports an error of docs2go itself (not of the docs) and returns
// status.
func fail(stderr io.Writer, status int, err error) int {
	fmt.Fprintf(stderr, "docs2go: %v\n", err)
	return status
}

// generate reads the pages, builds everything in memory, then checks or
// writes the output folder.
func generate(o *options, stdout, stderr io.Writer) int {
	go toolHash() // reading the binary's build ID overlaps walking the inputs
	ins, err := collectInputs(o.paths)
	if err != nil {
		return fail(stderr, 2, err)
	}
	names := newDisplayNames(ins)
	fsys := osFS{}
	stamp := readStamp(o.out, o.pkg)
	if stamp != nil && o.report == "" && o.irFile == "" {
		if inputs, _ := statInputs(ins); upToDate(fsys, stamp, o.out, inputs) {
			return finish(stderr, names, stamp.Diagnostics, 0)
		}
	}
	formats := newFormatCache(fsys, o.out, stamp.formats())
	srcs, err := loadPages(ins)
	if err != nil {
		return fail(stderr, 1, err)
	}
	oldManifest := make(chan *manifest, 1)
	go func() { oldManifest <- readManifest(fsys, o.out) }()
	b, err := runPipeline(srcs, o.pkg, formats.formatted)
	if err != nil {
		return fail(stderr, 1, err)
	}
	if err := writeSideOutputs(o, b, names, stdout); err != nil {
		return fail(stderr, 1, err)
	}
	files := withManifest(outputFiles(b), o.pkg, inputHashes(srcs))
	old := <-oldManifest
	if o.check {
		return finish(stderr, names, b.diags, reportDrift(stderr, o.out, checkOutput(fsys, o.out, files, old)))
	}
	if err := writeOutput(fsys, o.out, files, old); err != nil {
		return fail(stderr, 1, err)
	}
	saveStamp(o.out, o.pkg, pageStats(srcs), files, b.diags, formats.entries(files))
	return finish(stderr, names, b.diags, 0)
}

// finish prints the diagnostics and returns the exit status: 1 when any is
// an error or when status is already 1.
func finish(stderr io.Writer, names displayNames, diags ir.Diagnostics, status int) int {
	w := bufio.NewWriter(stderr) // one write, not one per line
	for _, d := range diags {
		fmt.Fprintln(w, names.diag(d))
	}
	_ = w.Flush()
	if ir.Diagnostics(diags).HasErrors() {
		return 1
	}
	return status
}

func reportDrift(stderr io.Writer, out string, diff []string) int {
	for _, p := range diff {
		fmt.Fprintf(stderr, "%s: differs from what docs2go would generate\n", path.Join(out, p))
	}
	if len(diff) > 0 {
		return 1
	}
	return 0
}

func outputFiles(b *build) []genFile {
	files := make([]genFile, 0, len(b.result.Files))
	for _, f := range b.result.Files {
		files = append(files, genFile{path: f.Path, content: f.Content})
	}
	return files
}

// writeSideOutputs writes the -report and -ir files.
func writeSideOutputs(o *options, b *build, names displayNames, stdout io.Writer) error {
	if o.report != "" {
		if err := writeTo(o.report, stdout, buildReport(b, names)); err != nil {
			return err
		}
	}
	if o.irFile != "" {
		model := struct {
			Pages  []*ir.Page `json:"pages"`
			DocSet *ir.DocSet `json:"docSet"`
		}{b.pages, b.docSet}
		return writeTo(o.irFile, stdout, model)
	}
	return nil
}

func writeTo(name string, stdout io.Writer, v any) error {
	if name == "-" {
		return writeJSON(stdout, v)
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := writeJSON(f, v); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// startProfile starts a CPU profile into name; stop ends and closes it.
func startProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
