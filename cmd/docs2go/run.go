package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"

	"github.com/docs2go/docs2go/parser/ir"
)

// run is the whole command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "lint" {
		return runLint(args[1:], stdout, stderr)
	}
	o, err := parseFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stderr, "docs2go: %v\n", err)
		}
		return 2
	}
	ins, err := collectInputs(o.paths)
	if err != nil {
		fmt.Fprintf(stderr, "docs2go: %v\n", err)
		return 2
	}
	b, err := runPipeline(ins, o.pkg)
	if err != nil {
		fmt.Fprintf(stderr, "docs2go: %v\n", err)
		return 1
	}
	names := newDisplayNames(ins)
	for _, d := range b.diags {
		fmt.Fprintln(stderr, names.diag(d))
	}
	if err := writeSideOutputs(o, b, names, stdout); err != nil {
		fmt.Fprintf(stderr, "docs2go: %v\n", err)
		return 1
	}
	status := 0
	if b.diags.HasErrors() {
		status = 1
	}
	files := withManifest(outputFiles(b), o.pkg, b.inputs)
	fsys := osFS{}
	old := readManifest(fsys, o.out)
	if o.check {
		if diff := checkOutput(fsys, o.out, files, old); len(diff) > 0 {
			for _, p := range diff {
				fmt.Fprintf(stderr, "%s: differs from what docs2go would generate\n", path.Join(o.out, p))
			}
			return 1
		}
		return status
	}
	if err := writeOutput(fsys, o.out, files, old); err != nil {
		fmt.Fprintf(stderr, "docs2go: %v\n", err)
		return 1
	}
	return status
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
