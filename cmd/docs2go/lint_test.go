package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/generator"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/google/go-cmp/cmp"
)

// lintDiags is a fixed set of diagnostics as parse, link and check would
// produce them.
func lintDiags() ir.Diagnostics {
	return ir.Diagnostics{
		{Pos: ir.Pos{File: "beta/api/intune-a-create.md", Line: 3, Col: 1}, Severity: ir.Warning, Code: "todo-placeholder", Message: "front matter: todo"},
		{Pos: ir.Pos{File: "beta/api/intune-a-create.md", Line: 40, Col: 7}, Severity: ir.Error, Code: "type-mismatch", Message: `request body: count: want Int32, got string "3"`},
		{Pos: ir.Pos{File: "beta/api/user-post.md", Line: 12, Col: 2}, Severity: ir.Warning, Code: "content-length", Message: "header: Content-Length 5 does not match the body"},
		{Pos: ir.Pos{File: "beta/api/user-post.md", Line: 30}, Severity: ir.Warning, Code: "todo-placeholder", Message: "permissions: todo"},
		{Severity: ir.Error, Code: "internal-error", Message: "linker: internal error: boom"},
	}
}

func mustConfig(t *testing.T, text string) *lintConfig {
	t.Helper()
	cfg, err := parseLintConfig(".docs2go.json", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func identity(s string) string { return s }

func TestLintTextAndExit(t *testing.T) {
	var out, errOut bytes.Buffer
	diags := lintDiags()[:4]
	status := lintReport(diags, &lintConfig{}, "text", func(s string) string { return "docs/" + s }, &out, &errOut)
	if status != 1 {
		t.Errorf("status = %d, want 1 (an error remains)", status)
	}
	want := `docs/beta/api/intune-a-create.md:3:1: warning: todo-placeholder: front matter: todo
docs/beta/api/intune-a-create.md:40:7: error: type-mismatch: request body: count: want Int32, got string "3"
docs/beta/api/user-post.md:12:2: warning: content-length: header: Content-Length 5 does not match the body
docs/beta/api/user-post.md:30: warning: todo-placeholder: permissions: todo
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	if got := errOut.String(); got != "docs2go lint: 1 errors, 3 warnings, 0 suppressed\n" {
		t.Errorf("stderr = %q", got)
	}
	out.Reset()
	if status := lintReport(diags[2:], &lintConfig{}, "text", identity, &out, &errOut); status != 0 {
		t.Errorf("warnings only: status = %d, want 0", status)
	}
}

func TestLintSuppressions(t *testing.T) {
	cfg := mustConfig(t, `{"suppress": [
  {"code": "todo-placeholder", "files": "api/intune-*.md", "reason": "generated pages"},
  {"code": "type-mismatch", "files": "/beta/api/intune-*.md"},
  {"files": "api/user-*.md"},
  {"code": "no-201-response"},
  {"code": "content-length", "files": "v1.0/*"}
]}`)
	var out, errOut bytes.Buffer
	status := lintReport(lintDiags()[:4], cfg, "text", identity, &out, &errOut)
	if status != 0 {
		t.Errorf("status = %d, want 0: the only error is suppressed", status)
	}
	if out.Len() != 0 {
		t.Errorf("stdout = %q, want every diagnostic suppressed", out.String())
	}
	wantErr := `.docs2go.json:5: warning: unused-suppression: config: suppression of code "no-201-response" matched no diagnostic; remove it
.docs2go.json:6: warning: unused-suppression: config: suppression of code "content-length", files "v1.0/*" matched no diagnostic; remove it
docs2go lint: 0 errors, 0 warnings, 4 suppressed
`
	if diff := cmp.Diff(wantErr, errOut.String()); diff != "" {
		t.Errorf("stderr (-want +got):\n%s", diff)
	}
}

func TestMatchFiles(t *testing.T) {
	tests := []struct {
		glob, file string
		want       bool
	}{
		{"api/intune-*.md", "beta/api/intune-x.md", true},
		{"api/intune-*.md", "api/intune-x.md", true},
		{"api/intune-*.md", "beta/api/user.md", false},
		{"intune-*.md", "beta/api/intune-x.md", true},
		{"/api/intune-*.md", "beta/api/intune-x.md", false},
		{"/beta/api/*.md", "beta/api/intune-x.md", true},
		{"beta/*", "beta/api/x.md", false}, // path.Match: * does not cross "/"
		{"*", "beta/api/x.md", true},       // but an unanchored glob matches the base name
	}
	for _, tc := range tests {
		if got := generator.MatchPageGlob(tc.glob, tc.file); got != tc.want {
			t.Errorf("MatchPageGlob(%q, %q) = %v, want %v", tc.glob, tc.file, got, tc.want)
		}
	}
}

func TestLintConfigErrors(t *testing.T) {
	for _, text := range []string{
		`{"supress": []}`,
		`{"suppress": [{"cod": "x"}]}`,
		`{"suppress": [{}]}`,
		`{"suppress": [{"files": "[a"}]}`,
		`{"suppress": []} {}`,
		``,
	} {
		if _, err := parseLintConfig("c.json", []byte(text)); err == nil {
			t.Errorf("%q: no error", text)
		}
	}
	if _, err := loadLintConfig("testdata/does-not-exist.json"); err == nil {
		t.Errorf("an explicit missing config is an error")
	}
}

func TestLintFlags(t *testing.T) {
	var errOut bytes.Buffer
	for _, args := range [][]string{{}, {"-format", "xml", "docs"}, {"-nope", "docs"}} {
		if _, err := parseLintFlags(args, &errOut); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
	o, err := parseLintFlags([]string{"-format", "sarif", "-config", "c.json", "a", "b"}, &errOut)
	if err != nil || o.format != "sarif" || o.config != "c.json" || len(o.paths) != 2 {
		t.Errorf("got %+v, %v", o, err)
	}
}

func TestLintJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	cfg := mustConfig(t, `{"suppress": [{"code": "todo-placeholder"}]}`)
	lintReport(lintDiags()[:4], cfg, "json", identity, &out, &errOut)
	var doc lintJSON
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Suppressed != 2 || len(doc.Diagnostics) != 2 || doc.Diagnostics[0].Code != "type-mismatch" || doc.Diagnostics[0].Col != 7 {
		t.Errorf("got %+v", doc)
	}
}

// sarifSchema mirrors the parts of SARIF 2.1.0 that consumers require, with
// pointers so absent fields are detected.
type sarifSchema struct {
	Schema  *string `json:"$schema"`
	Version *string `json:"version"`
	Runs    []struct {
		Tool *struct {
			Driver *struct {
				Name           *string `json:"name"`
				InformationURI *string `json:"informationUri"`
				Rules          []struct {
					ID               *string `json:"id"`
					ShortDescription *struct {
						Text *string `json:"text"`
					} `json:"shortDescription"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		ColumnKind *string `json:"columnKind"`
		Results    []struct {
			RuleID    *string `json:"ruleId"`
			RuleIndex *int    `json:"ruleIndex"`
			Level     *string `json:"level"`
			Message   *struct {
				Text *string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation *struct {
					ArtifactLocation *struct {
						URI *string `json:"uri"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine   *int `json:"startLine"`
						StartColumn *int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func TestLintSARIF(t *testing.T) {
	var out, errOut bytes.Buffer
	display := func(s string) string {
		if s == "beta/api/user-post.md" {
			return "/abs/docs dir/user-post.md"
		}
		return "docs/" + s
	}
	status := lintReport(lintDiags(), &lintConfig{}, "sarif", display, &out, &errOut)
	if status != 1 {
		t.Errorf("status = %d, want 1", status)
	}
	var log sarifSchema
	dec := json.NewDecoder(&out)
	dec.DisallowUnknownFields() // every field written is one we validate
	if err := dec.Decode(&log); err != nil {
		t.Fatalf("not SARIF-shaped: %v", err)
	}
	if log.Schema == nil || !strings.Contains(*log.Schema, "sarif-2.1.0") || log.Version == nil || *log.Version != "2.1.0" {
		t.Fatalf("bad header: %+v", log)
	}
	if len(log.Runs) != 1 || log.Runs[0].Tool == nil || log.Runs[0].Tool.Driver == nil || *log.Runs[0].Tool.Driver.Name != "docs2go" {
		t.Fatalf("bad run/tool")
	}
	run := log.Runs[0]
	var ruleIDs []string
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == nil || r.ShortDescription == nil || r.ShortDescription.Text == nil || *r.ShortDescription.Text == "" {
			t.Fatalf("rule without id or description")
		}
		ruleIDs = append(ruleIDs, *r.ID)
	}
	if diff := cmp.Diff([]string{"content-length", "internal-error", "todo-placeholder", "type-mismatch"}, ruleIDs); diff != "" {
		t.Errorf("rules (-want +got):\n%s", diff)
	}
	if len(run.Results) != 5 {
		t.Fatalf("got %d results, want 5", len(run.Results))
	}
	type loc struct {
		Rule, Level, URI string
		Line, Col        int
	}
	var got []loc
	for _, r := range run.Results {
		if r.RuleID == nil || r.Level == nil || r.Message == nil || r.Message.Text == nil || r.RuleIndex == nil {
			t.Fatalf("result lacks a required field")
		}
		if ruleIDs[*r.RuleIndex] != *r.RuleID {
			t.Errorf("ruleIndex %d does not point at %s", *r.RuleIndex, *r.RuleID)
		}
		l := loc{Rule: *r.RuleID, Level: *r.Level}
		if len(r.Locations) > 0 {
			pl := r.Locations[0].PhysicalLocation
			l.URI = *pl.ArtifactLocation.URI
			if pl.Region != nil {
				l.Line = *pl.Region.StartLine
				if pl.Region.StartColumn != nil {
					l.Col = *pl.Region.StartColumn
				}
			}
		}
		got = append(got, l)
	}
	want := []loc{
		{"todo-placeholder", "warning", "docs/beta/api/intune-a-create.md", 3, 1},
		{"type-mismatch", "error", "docs/beta/api/intune-a-create.md", 40, 7},
		{"content-length", "warning", "file:///abs/docs%20dir/user-post.md", 12, 2},
		{"todo-placeholder", "warning", "file:///abs/docs%20dir/user-post.md", 30, 0},
		{"internal-error", "error", "", 0, 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("results (-want +got):\n%s", diff)
	}
}

// TestRunLint runs the whole command over a two-page fixture
// (testdata/lint/README.md): parse, link, the checks of package check,
// the suppression config and the exit status.
func TestRunLint(t *testing.T) {
	var out, errOut bytes.Buffer
	status := runLint([]string{"-config", "testdata/lint/.docs2go.json", "testdata/lint/docs"}, &out, &errOut)
	if status != 1 {
		t.Errorf("status = %d, want 1 (type mismatches are errors)\nstderr: %s", status, errOut.String())
	}
	// Only the findings of package check: the parser's own are its tests'.
	var got []string
	for line := range strings.Lines(out.String()) {
		for _, code := range []string{"unknown-annotation-key", "url-mismatch", "content-length", "type-mismatch"} {
			if strings.Contains(line, ": "+code+": ") {
				f := strings.SplitN(line, ":", 4)
				got = append(got, f[0]+":"+f[1]+":"+f[2]+" "+code)
			}
		}
	}
	const page = "testdata/lint/docs/api/widget-create.md"
	want := []string{
		page + ":31:1 unknown-annotation-key",
		page + ":40:1 content-length",
		page + ":44:12 type-mismatch",
		page + ":63:14 type-mismatch",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s\nstdout:\n%s", diff, out.String())
	}
	if !strings.Contains(errOut.String(), `testdata/lint/.docs2go.json:3: warning: unused-suppression: config: suppression of code "no-201-response"`) ||
		!strings.Contains(errOut.String(), "1 suppressed") {
		t.Errorf("stderr:\n%s", errOut.String())
	}
	if status := runLint([]string{"-config", "testdata/lint/missing.json", "testdata/lint/docs"}, &out, &errOut); status != 2 {
		t.Errorf("missing config: status %d, want 2", status)
	}
	if status := runLint([]string{"testdata/lint/nowhere"}, &out, &errOut); status != 2 {
		t.Errorf("missing path: status %d, want 2", status)
	}
}

// TestUnreadablePagesAreReported: a page given on the command line that is
// empty or binary gets a diagnostic, from lint and from generation.
func TestUnreadablePagesAreReported(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	dir := t.TempDir()
	empty, garbage := filepath.Join(dir, "empty.md"), filepath.Join(dir, "garbage.md")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(garbage, []byte("\x00\xff\xfe\x89PNG\r\n\x1a\n\xc3\x28 binary"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	runLint([]string{empty, garbage}, &out, &errOut)
	run([]string{"-out", t.TempDir(), "-pkg", "p", empty, garbage}, &out, &errOut)
	for _, page := range []string{empty, garbage} {
		want := filepath.ToSlash(page) + ":1:1: warning: not-a-reference-page: "
		if n := strings.Count(out.String()+errOut.String(), want); n != 2 {
			t.Errorf("%d diagnostics %q, want one from lint and one from generation\nstdout:\n%s\nstderr:\n%s", n, want, out.String(), errOut.String())
		}
	}
}
