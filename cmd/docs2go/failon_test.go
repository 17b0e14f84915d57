package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenDocs is a copy of ../../docs whose widget page has an error
// (invalid-json) besides the seed's warnings.
func brokenDocs(t *testing.T) string {
	t.Helper()
	docs := copyDocs(t)
	if err := os.WriteFile(filepath.Join(docs, "api", "widget-create.md"), []byte(brokenCreatePage), 0o644); err != nil {
		t.Fatal(err)
	}
	return docs
}

func writeConfig(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestGenerationAppliesSuppressions: generation reads the lint config
// (-config, else .docs2go.json in the working directory): suppressed
// diagnostics are neither printed nor reported nor fail the run, and a
// suppression that hid nothing is reported.
func TestGenerationAppliesSuppressions(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	docs := brokenDocs(t)
	cfg := writeConfig(t, filepath.Join(t.TempDir(), "cfg.json"),
		`{"suppress": [{"code": "invalid-json", "files": "api/widget-*.md"}, {"code": "no-such-code"}]}`)
	for _, tc := range []struct {
		name string
		args []string
		dir  string // working directory, "" for the test's
	}{
		{"explicit", []string{"-config", cfg}, ""},
		{"default", nil, filepath.Dir(writeConfig(t, filepath.Join(t.TempDir(), defaultLintConfig), mustRead(t, cfg)))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.dir != "" {
				t.Chdir(tc.dir)
			}
			out, report := t.TempDir(), filepath.Join(t.TempDir(), "report.json")
			var stdout, stderr bytes.Buffer
			args := append(tc.args, "-out", out, "-pkg", "partial", "-report", report, docs)
			if code := run(args, &stdout, &stderr); code != 0 {
				t.Errorf("exit %d, want 0: the only error is suppressed\n%s", code, stderr.String())
			}
			if strings.Contains(stderr.String(), "invalid-json") || strings.Contains(mustRead(t, report), "invalid-json") {
				t.Errorf("a suppressed diagnostic was printed or reported:\n%s", stderr.String())
			}
			if !strings.Contains(stderr.String(), `unused-suppression: config: suppression of code "no-such-code"`) {
				t.Errorf("the unused suppression is not reported:\n%s", stderr.String())
			}
			if !strings.Contains(stderr.String(), "todo-placeholder") {
				t.Errorf("the warnings no suppression matches are not printed:\n%s", stderr.String())
			}
		})
	}
}

// TestFailOn: -fail-on chooses the lowest severity that fails the run.
func TestFailOn(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	docs := brokenDocs(t)
	for _, tc := range []struct {
		docs   string
		args   []string
		status int
	}{
		{docs, nil, 1},                           // default: errors fail
		{docs, []string{"-fail-on", "error"}, 1}, //
		{docs, []string{"-fail-on", "none"}, 0},  // output written, errors printed
		{"../../docs", nil, 0},                   // the seed docs have warnings only
		{"../../docs", []string{"-fail-on", "warning"}, 1},
		{"../../docs", []string{"-fail-on", "fatal"}, 2},
	} {
		var stdout, stderr bytes.Buffer
		args := append(tc.args, "-out", t.TempDir(), "-pkg", "partial", tc.docs)
		code := run(args, &stdout, &stderr)
		if code != tc.status {
			t.Errorf("%q: exit %d, want %d\n%s", args, code, tc.status, stderr.String())
		}
		if code == 1 && !strings.Contains(stderr.String(), "pass -fail-on none") {
			t.Errorf("%q: failed without saying how to pass:\n%s", args, stderr.String())
		}
		if tc.status == 0 && tc.docs == docs && !strings.Contains(stderr.String(), "error: invalid-json") {
			t.Errorf("%q: -fail-on none hid the error:\n%s", args, stderr.String())
		}
	}
}

// TestUsageNamesLint: docs2go -h tells that the lint command exists.
func TestUsageNamesLint(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-h"}, &stdout, &stderr); code != 2 {
		t.Errorf("-h: exit %d, want 2", code)
	}
	for _, want := range []string{"docs2go lint", "-fail-on", "-config"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("usage lacks %q:\n%s", want, stderr.String())
		}
	}
}

// TestReportAndIRNamePagesAlike: every page name in -report and -ir is the
// path as given on the command line, as in the diagnostics.
func TestReportAndIRNamePagesAlike(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	report, irFile := filepath.Join(t.TempDir(), "r.json"), filepath.Join(t.TempDir(), "ir.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", t.TempDir(), "-pkg", "seed", "-report", report, "-ir", irFile, "../../docs"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	for _, file := range []string{report, irFile} {
		var doc any
		if err := json.Unmarshal([]byte(mustRead(t, file)), &doc); err != nil {
			t.Fatal(err)
		}
		names := pageNames(doc, nil)
		if len(names) == 0 {
			t.Errorf("%s: no page names", filepath.Base(file))
		}
		for _, n := range names {
			if !strings.HasPrefix(n, "../../docs/") {
				t.Errorf("%s names a page %q, want the path as given (../../docs/...)", filepath.Base(file), n)
				break
			}
		}
	}
}

// pageNames collects the values of the JSON keys that name a page.
func pageNames(v any, acc []string) []string {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && (k == "file" || k == "File" || k == "Page") {
				acc = append(acc, s)
				continue
			}
			acc = pageNames(x, acc)
		}
	case []any:
		for _, x := range v {
			acc = pageNames(x, acc)
		}
	}
	return acc
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
