package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/docs2go/docs2go/generator"
)

// selectionResult is what the conformance run measured for the package of
// an endpoint selection: the package a user who calls a dozen endpoints
// builds.
type selectionResult struct {
	version        string
	patterns       []string
	endpoints      int // documented endpoints generated
	goFiles, lines int // outside tests
	packageChecks      // generate step first
}

// runSelection generates the endpoints of generator.CorpusSelection of
// docs into out with the docs2go binary bin, then builds, vets and tests
// the package as runVersion does.
func runSelection(docs, out, bin, version string) *selectionResult {
	r := &selectionResult{version: version, patterns: generator.CorpusSelection()}
	_ = os.RemoveAll(out)
	if err := os.MkdirAll(out, 0o755); err != nil {
		r.steps = append(r.steps, step{name: "mkdir", output: err.Error()})
		return r
	}
	reportFile := out + ".report.json"
	args := []string{bin, "-out", out, "-report", reportFile}
	for _, p := range r.patterns {
		args = append(args, "-include", p)
	}
	gen, _ := measure("generate", ".", append(args, docs)...)
	gen.ok = gen.code == 0 || gen.code == 1 // 1: the docs have errors, which the report lists
	r.steps = append(r.steps, gen)
	r.endpoints = generatedEndpoints(reportFile)
	r.goFiles, r.lines = countGoLines(out)
	checks := checkPackage(out, filepath.Base(out))
	checks.steps = append(r.steps, checks.steps...)
	r.packageChecks = checks
	return r
}

// generatedEndpoints counts the endpoints a report lists as generated.
func generatedEndpoints(file string) int {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	var doc reportDoc
	if json.Unmarshal(data, &doc) != nil {
		return 0
	}
	n := 0
	for _, e := range doc.Endpoints {
		if e.Generated {
			n++
		}
	}
	return n
}

// countGoLines counts the Go files of dir outside tests and their lines.
func countGoLines(dir string) (files, lines int) {
	names, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		files++
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, len(data)+1)
		for sc.Scan() {
			lines++
		}
	}
	return files, lines
}

func (r *selectionResult) print(w io.Writer) {
	fmt.Fprintf(w, "== %s, selection of %d endpoint patterns (generator.CorpusSelection)\n", r.version, len(r.patterns))
	fmt.Fprintf(w, "  endpoints generated %d; %d Go files, %d lines outside tests\n", r.endpoints, r.goFiles, r.lines)
	r.printTests(w)
	r.printSteps(w)
}
