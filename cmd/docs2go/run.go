package main

import (
	"bufio"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"runtime"
	"runtime/pprof"

	"github.com/docs2go/docs2go/cmd/internal/outdir"
	"github.com/docs2go/docs2go/cmd/internal/runcache"
	"github.com/docs2go/docs2go/generator"
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
	cfg, err := loadLintConfig(o.config)
	if err != nil {
		return fail(stderr, 2, err)
	}
	if o.cpuProfile != "" {
		stop, err := startProfile(o.cpuProfile)
		if err != nil {
			return fail(stderr, 2, err)
		}
		defer stop()
	}
	stopPeak := watchPeakHeap()
	status := generate(o, cfg, stdout, stderr)
	stopPeak()
	if o.memProfile != "" {
		if err := writeMemProfile(o.memProfile); err != nil {
			return fail(stderr, 2, err)
		}
	}
	return status
}

// selection is the run's endpoint selection: the config's, each list
// replaced by its flag when given.
func selection(o *options, cfg *lintConfig) generator.Selection {
	sel := cfg.selection
	if len(o.include) > 0 {
		sel.Include = flagPatterns("include", o.include)
	}
	if len(o.exclude) > 0 {
		sel.Exclude = flagPatterns("exclude", o.exclude)
	}
	return sel
}

// fail reports an error of docs2go itself (not of the docs) and returns
// status.
func fail(stderr io.Writer, status int, err error) int {
	fmt.Fprintf(stderr, "docs2go: %v\n", err)
	return status
}

// generate reads the pages, builds everything in memory, then checks or
// writes the output folder. cfg's suppressions apply to what is printed and
// reported; the run cache keeps every diagnostic, so a changed config
// takes effect on the next run.
func generate(o *options, cfg *lintConfig, stdout, stderr io.Writer) int {
	go runcache.ToolHash() // reading the binary's build ID overlaps walking the inputs
	ins, err := collectInputs(o.paths)
	if err != nil {
		return fail(stderr, 2, err)
	}
	names := newDisplayNames(ins)
	fsys := outdir.OS{}
	sel := selection(o, cfg)
	cacheKey := o.pkg + selectionKey(sel) // another selection writes other files
	stamp := runcache.Read(o.out, cacheKey)
	if stamp != nil && o.report == "" && o.irFile == "" {
		if inputs, _ := statInputs(ins); runcache.UpToDate(fsys, stamp, o.out, inputs) {
			kept, _ := cfg.apply(stamp.Diagnostics)
			return finish(stderr, names, o, cfg, kept, 0)
		}
	}
	formats := runcache.NewFormatCache(fsys, o.out, stamp.FormatEntries())
	srcs, err := loadPages(ins)
	if err != nil {
		return fail(stderr, 1, err)
	}
	oldManifest := make(chan *outdir.Manifest, 1)
	go func() { oldManifest <- outdir.ReadManifest(fsys, o.out) }()
	// srcs is not used after the pipeline, so that the pages can be
	// collected while it emits (unless -ir keeps them).
	hashes, stats := inputHashes(srcs), pageStats(srcs)
	b, err := runPipeline(srcs, o.pkg, formats.Formatted, sel, o.irFile != "")
	if errors.As(err, new(selectionError)) {
		return fail(stderr, 2, err)
	}
	if err != nil {
		return fail(stderr, 1, err)
	}
	kept, _ := cfg.apply(b.diags)
	if err := writeSideOutputs(o, b, kept, names, stdout); err != nil {
		return fail(stderr, 1, err)
	}
	files := outdir.WithManifest(outputFiles(b), o.pkg, hashes)
	old := <-oldManifest
	if o.check {
		return finish(stderr, names, o, cfg, kept, reportDrift(stderr, o.out, outdir.Check(fsys, o.out, files, old)))
	}
	if err := outdir.Write(fsys, o.out, files, old); err != nil {
		return fail(stderr, 1, err)
	}
	runcache.Save(o.out, cacheKey, stats, files, b.diags, formats.Entries(files))
	return finish(stderr, names, o, cfg, kept, 0)
}

// finish prints the diagnostics left after the suppressions and the
// suppressions that hid nothing, and returns the exit status: 1 when a
// diagnostic at or above -fail-on remains (then a last line says how to
// pass) or when status is already 1.
func finish(stderr io.Writer, names displayNames, o *options, cfg *lintConfig, kept ir.Diagnostics, status int) int {
	w := bufio.NewWriter(stderr) // one write, not one per line
	for _, d := range kept {
		fmt.Fprintln(w, names.diag(d))
	}
	for _, d := range cfg.unused() {
		fmt.Fprintln(w, d)
	}
	errs, warns := countSeverities(kept)
	failing := errs > 0 && o.failOn != "none" || warns > 0 && o.failOn == "warning"
	if failing {
		fmt.Fprintf(w, "docs2go: %d errors, %d warnings in the docs (-fail-on %s); suppress them in %s or pass -fail-on none\n",
			errs, warns, o.failOn, cmp.Or(o.config, defaultLintConfig))
	}
	_ = w.Flush()
	if failing {
		return 1
	}
	return status
}

func countSeverities(diags ir.Diagnostics) (errs, warns int) {
	for _, d := range diags {
		if d.Severity == ir.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
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

func outputFiles(b *build) []outdir.File {
	files := make([]outdir.File, 0, len(b.result.Files))
	for _, f := range b.result.Files {
		files = append(files, outdir.File{Path: f.Path, Content: f.Content})
	}
	return files
}

// writeSideOutputs writes the -report (with the diagnostics kept) and -ir
// files. Both name pages by the paths as given on the command line, as the
// diagnostics do; the model is renamed in place, so it comes last.
func writeSideOutputs(o *options, b *build, kept ir.Diagnostics, names displayNames, stdout io.Writer) error {
	if o.report != "" {
		if err := writeTo(o.report, stdout, buildReport(b, kept, names)); err != nil {
			return err
		}
	}
	if o.irFile != "" {
		model := struct {
			Pages  []*ir.Page `json:"pages"`
			DocSet *ir.DocSet `json:"docSet"`
		}{b.pages, b.docSet}
		renamePages(&model, names)
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

// writeMemProfile writes the allocations of the run so far (pprof's allocs
// profile) to name. The profile reflects the last finished collection, so
// one is run first to count every allocation.
func writeMemProfile(name string) error {
	runtime.GC()
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
