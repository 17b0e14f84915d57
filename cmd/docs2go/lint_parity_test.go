package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// corpusRoot is the shared Graph docs corpus next to the repository.
const corpusRoot = "../../../shared/corpus"

// TestLintReportsWhatGenerationReports runs `docs2go lint` and generation
// on the same folder: lint stops after the plan, so every finding of
// generation must be one of lint's, and the reverse.
func TestLintReportsWhatGenerationReports(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	folders := []string{"../../docs", "testdata/lint/docs", "testdata/plan/docs"}
	for _, f := range folders {
		t.Run(f, func(t *testing.T) { checkLintParity(t, f) })
	}
	t.Run("plan findings", func(t *testing.T) {
		var out, errOut bytes.Buffer
		runLint([]string{"-config", filepath.Join("testdata", "empty-lint-config.json"), "testdata/plan/docs"}, &out, &errOut)
		for _, code := range []string{"unroutable-path", "example-status", "example-url"} {
			if !strings.Contains(out.String(), ": warning: "+code+": ") {
				t.Errorf("lint did not report %s on testdata/plan (see its README):\n%s", code, out.String())
			}
		}
	})
	for _, snapshot := range []string{"graph-docs-2019", "graph-docs-2020"} {
		for _, version := range []string{"v1.0", "beta"} {
			dir := filepath.Join(corpusRoot, snapshot, "api-reference", version)
			t.Run(snapshot+"/"+version, func(t *testing.T) {
				if _, err := os.Stat(dir); err != nil {
					t.Skipf("corpus folder %s not found (../shared/corpus next to the repo): %v", dir, err)
				}
				if testing.Short() {
					t.Skip("-short: generating a corpus folder takes tens of seconds")
				}
				checkLintParity(t, dir)
			})
		}
	}
}

func checkLintParity(t *testing.T, dir string) {
	t.Helper()
	config := filepath.Join("testdata", "empty-lint-config.json")
	var genOut, genErr bytes.Buffer
	run([]string{"-config", config, "-out", t.TempDir(), "-pkg", "graph", dir}, &genOut, &genErr)
	var lintOut, lintErr bytes.Buffer
	runLint([]string{"-config", config, dir}, &lintOut, &lintErr)
	findings := withoutSummary(genErr.String())
	if findings == "" {
		t.Fatalf("generation reported nothing on %s; the comparison would prove nothing", dir)
	}
	if diff := cmp.Diff(findings, lintOut.String()); diff != "" {
		t.Errorf("generation's findings (-) and lint's (+) differ on %s:\n%s", dir, diff)
	}
}

// withoutSummary drops generation's closing "docs2go: N errors, ..." line,
// which says how the run ends rather than what the docs hold.
func withoutSummary(stderr string) string {
	var b strings.Builder
	for line := range strings.SplitAfterSeq(stderr, "\n") {
		if !strings.HasPrefix(line, "docs2go: ") {
			b.WriteString(line)
		}
	}
	return b.String()
}
