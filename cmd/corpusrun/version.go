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
)

// versionResult is what the conformance run measured for one docs version.
type versionResult struct {
	version           string
	pages, types      int
	opPages, endpoint int                   // operation pages, and those that became generated endpoints
	kinds             map[string]*kindCount // by operation kind
	skipped           []string              // "kind: reason" of operation pages not generated
	diagCodes         map[string]int
	packageChecks     // tool and generate steps first
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

// runVersion generates one version into out with the docs2go binary bin
// and builds, vets and tests it.
func runVersion(docs, out, bin, version string) *versionResult {
	r := &versionResult{version: version, diagCodes: map[string]int{}, kinds: map[string]*kindCount{}}
	_ = os.RemoveAll(out)
	if err := os.MkdirAll(out, 0o755); err != nil {
		r.steps = append(r.steps, step{name: "mkdir", output: err.Error()})
		return r
	}
	reportFile := filepath.Join(out, "..", pkgDir(version)+".report.json")
	gen, _ := measure("generate", ".", bin, "-out", out, "-report", reportFile, docs)
	gen.ok = gen.code == 0 || gen.code == 1 // 1: the docs have errors, which the report lists
	r.steps = append(r.steps, gen)
	r.readReport(reportFile)
	checks := checkPackage(out, pkgDir(version))
	checks.steps = append(r.steps, checks.steps...)
	r.packageChecks = checks
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
	r.printTests(w)
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
	r.printSteps(w)
}

func (r *versionResult) share() float64 {
	if r.opPages == 0 {
		return 0
	}
	return float64(r.endpoint) / float64(r.opPages)
}

// misses lists the targets this version did not meet; near lists the build
// targets it missed by less than t.buildNoise. Only beta is held to build
// targets.
func (r *versionResult) misses(t targets, isBeta bool) (m, near []string) {
	if r.share() < t.minGeneratedShare {
		m = append(m, fmt.Sprintf("%.1f%% of operation pages generated, want at least %.0f%%", 100*r.share(), 100*t.minGeneratedShare))
	}
	limit := buildLimit{}
	if isBeta {
		limit = t.beta
	}
	cm, near := r.packageChecks.misses(limit, t.buildNoise)
	return append(m, cm...), near
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
