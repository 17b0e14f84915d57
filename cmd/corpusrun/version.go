package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// versionResult is what the conformance run measured for one docs version.
type versionResult struct {
	version           string
	pages, types      int
	opPages, endpoint int                   // operation pages, and those that became generated endpoints
	kinds             map[string]*kindCount // by operation kind
	skipped           []string              // "kind: reason" of operation pages not generated
	diagCodes         map[string]int
	testsPassed       int
	testsFailed       int
	failures          []string
	steps             []step
}

type reportDoc struct {
	Pages     int `json:"pages"`
	Types     int `json:"types"`
	Endpoints []struct {
		File      string `json:"file"`
		Line      int    `json:"line"`
		Kind      string `json:"kind"`
		Generated bool   `json:"generated"`
		Reason    string `json:"reason"`
	} `json:"endpoints"`
	Diagnostics []struct {
		Severity string `json:"severity"`
		Code     string `json:"code"`
	} `json:"diagnostics"`
}

// runVersion generates one version into out and builds, vets and tests it.
func runVersion(docs, out, version string) *versionResult {
	r := &versionResult{version: version, diagCodes: map[string]int{}, kinds: map[string]*kindCount{}}
	_ = os.RemoveAll(out)
	if err := os.MkdirAll(out, 0o755); err != nil {
		r.steps = append(r.steps, step{name: "mkdir", output: err.Error()})
		return r
	}
	reportFile := filepath.Join(out, "..", pkgDir(version)+".report.json")
	bin := filepath.Join(out, "..", "docs2go")
	tool, _ := measure("tool", ".", goTool(), "build", "-o", bin, "./cmd/docs2go")
	r.steps = append(r.steps, tool)
	gen, _ := measure("generate", ".", bin, "-out", out, "-report", reportFile, docs)
	gen.ok = gen.code == 0 || gen.code == 1 // 1: the docs have errors, which the report lists
	r.steps = append(r.steps, gen)
	r.readReport(reportFile)
	if err := writeNonce(out, pkgDir(version)); err != nil {
		r.steps = append(r.steps, step{name: "nonce", output: err.Error()})
		return r
	}
	pkg := "./" + filepath.ToSlash(out)
	build, _ := measure("build", ".", goTool(), "build", pkg)
	vet, _ := measure("vet", ".", goTool(), "vet", pkg)
	test, jsonOut := measure("test", ".", goTool(), "test", "-json", "-count=1", pkg)
	r.testsPassed, r.testsFailed, r.failures = testCounts(jsonOut)
	r.steps = append(r.steps, build, vet, test)
	return r
}

func (r *versionResult) readReport(file string) {
	data, err := os.ReadFile(file)
	if err != nil {
		return
	}
	var doc reportDoc
	if json.Unmarshal(data, &doc) != nil {
		return
	}
	r.pages, r.types = doc.Pages, doc.Types
	// A page may document two endpoints (an object and its content): a
	// page counts as generated when all of its endpoints are.
	missed := map[string]bool{}
	for _, e := range doc.Endpoints {
		missed[e.File] = missed[e.File] || !e.Generated
	}
	r.opPages = len(missed)
	for _, m := range missed {
		if !m {
			r.endpoint++
		}
	}
	for _, e := range doc.Endpoints {
		kind := cmp.Or(e.Kind, "create") // reports of older binaries list creates only
		kc := r.kinds[kind]
		if kc == nil {
			kc = &kindCount{}
			r.kinds[kind] = kc
		}
		kc.endpoints++
		if e.Generated {
			kc.generated++
		} else {
			r.skipped = append(r.skipped, kind+": "+reasonText(e.Reason))
		}
	}
	for _, d := range doc.Diagnostics {
		r.diagCodes[d.Severity+" "+d.Code]++
	}
}

func (r *versionResult) print(w io.Writer) {
	fmt.Fprintf(w, "== %s\n", r.version)
	fmt.Fprintf(w, "  pages %d, operation pages %d, generated %d (%.1f%%), types %d\n",
		r.pages, r.opPages, r.endpoint, 100*r.share(), r.types)
	fmt.Fprintf(w, "  endpoints by kind (found, generated):\n")
	for _, k := range slices.Sorted(maps.Keys(r.kinds)) {
		kc := r.kinds[k]
		fmt.Fprintf(w, "    %-9s %5d %5d (%.1f%%)\n", k, kc.endpoints, kc.generated, 100*float64(kc.generated)/float64(max(kc.endpoints, 1)))
	}
	fmt.Fprintf(w, "  generated tests: %d passed, %d failed\n", r.testsPassed, r.testsFailed)
	for _, f := range r.failures {
		fmt.Fprintf(w, "    FAIL %s\n", f)
	}
	fmt.Fprintf(w, "  diagnostics by code:\n")
	for _, k := range slices.Sorted(maps.Keys(r.diagCodes)) {
		fmt.Fprintf(w, "    %6d %s\n", r.diagCodes[k], k)
	}
	fmt.Fprintf(w, "  operation pages not generated (%d), by kind and reason:\n", len(r.skipped))
	reasons := map[string]int{}
	for _, s := range r.skipped {
		reasons[s]++
	}
	for _, s := range slices.Sorted(maps.Keys(reasons)) {
		fmt.Fprintf(w, "    %5d %s\n", reasons[s], s)
	}
	fmt.Fprintf(w, "  steps (wall, peak RSS):\n")
	for _, s := range r.steps {
		printStep(w, s)
	}
}

func (r *versionResult) share() float64 {
	if r.opPages == 0 {
		return 0
	}
	return float64(r.endpoint) / float64(r.opPages)
}

// misses lists the targets this version did not meet; near lists the build
// targets it missed by less than t.buildNoise.
func (r *versionResult) misses(t targets, isBeta bool) (m, near []string) {
	if r.share() < t.minGeneratedShare {
		m = append(m, fmt.Sprintf("%.1f%% of operation pages generated, want at least %.0f%%", 100*r.share(), 100*t.minGeneratedShare))
	}
	if r.testsFailed > 0 || r.testsPassed == 0 {
		m = append(m, fmt.Sprintf("generated tests: %d passed, %d failed", r.testsPassed, r.testsFailed))
	}
	for _, s := range r.steps {
		if !s.ok {
			m = append(m, s.name+" failed")
		}
		if isBeta && s.name == "build" && (s.wall.Seconds() > t.maxBuildSeconds || s.rssMiB > t.maxBuildRSSMiB) {
			miss := fmt.Sprintf("build took %.0fs / %.0f MiB, want under %.0fs / %.0f MiB",
				s.wall.Seconds(), s.rssMiB, t.maxBuildSeconds, t.maxBuildRSSMiB)
			slack := 1 + t.buildNoise
			if s.wall.Seconds() <= slack*t.maxBuildSeconds && s.rssMiB <= slack*t.maxBuildRSSMiB {
				near = append(near, miss)
			} else {
				m = append(m, miss)
			}
		}
	}
	return m, near
}

// writeNonce adds a file with a fresh constant to the generated package, so
// the build step compiles it instead of taking it from the build cache: the
// figure measured is the cost of compiling the generated code.
func writeNonce(out, pkg string) error {
	src := fmt.Sprintf("package %s\n\nconst corpusRunNonce = %q\n", pkg, time.Now().Format(time.RFC3339Nano))
	return os.WriteFile(filepath.Join(out, "zz_corpusrun_nonce.go"), []byte(src), 0o644)
}

// kindCount counts the endpoints of one kind (skipped ones included).
type kindCount struct{ endpoints, generated int }

// reasonText drops the "file:line:col: " position a report's reason starts
// with, and the page's specifics in parentheses, so that reasons group.
func reasonText(reason string) string {
	if i := strings.Index(reason, ": "); i >= 0 && strings.Count(reason[:i], ":") >= 2 {
		reason = reason[i+2:]
	}
	if i := strings.Index(reason, " ("); i >= 0 {
		reason = reason[:i]
	}
	return reason
}
