package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/docs2go/docs2go/cmd/internal/outdir"
	"github.com/docs2go/docs2go/cmd/internal/runcache"
	"github.com/docs2go/docs2go/generator"
)

// runDocs runs the command on ../../docs into out and returns its exit
// status and stderr.
func runDocs(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append(args, "../../docs"), &stdout, &stderr)
	return code, stderr.String()
}

func TestSecondRunWithNothingChangedTakesTheFastPath(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	out := t.TempDir()
	code1, stderr1 := runDocs(t, "-out", out, "-pkg", "seed")
	if code1 != 0 {
		t.Fatalf("first run: exit %d\n%s", code1, stderr1)
	}
	before := pipelineRuns.Load()
	code2, stderr2 := runDocs(t, "-out", out, "-pkg", "seed")
	if pipelineRuns.Load() != before {
		t.Errorf("second run with nothing changed ran the pipeline again")
	}
	if code2 != code1 || stderr2 != stderr1 {
		t.Errorf("fast path changed the result: exit %d→%d\nstderr before:\n%s\nafter:\n%s", code1, code2, stderr1, stderr2)
	}
	if code, stderr := runDocs(t, "-check", "-out", out, "-pkg", "seed"); code != 0 || pipelineRuns.Load() != before {
		t.Errorf("-check on fresh output: exit %d, pipeline runs %d→%d\n%s", code, before, pipelineRuns.Load(), stderr)
	}
}

func TestEditedOutputDefeatsTheFastPath(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	out := t.TempDir()
	if code, stderr := runDocs(t, "-out", out, "-pkg", "seed"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	server := filepath.Join(out, "server.go")
	want, err := os.ReadFile(server)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(server, append(want, []byte("// edited\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stderr := runDocs(t, "-check", "-out", out, "-pkg", "seed"); code != 1 || !strings.Contains(stderr, "server.go: differs") {
		t.Errorf("-check after an edit: exit %d, want 1 naming server.go\n%s", code, stderr)
	}
	if code, stderr := runDocs(t, "-out", out, "-pkg", "seed"); code != 0 {
		t.Fatalf("regeneration: exit %d\n%s", code, stderr)
	}
	if got, _ := os.ReadFile(server); !bytes.Equal(got, want) {
		t.Errorf("server.go not restored by regeneration")
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	for _, args := range [][]string{{}, {"-pkg", "not-a-name", "x"}, {"-nosuchflag"}, {"no/such/path"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("run(%q) = %d, want 2 (stderr %q)", args, code, stderr.String())
		}
	}
}

func TestChangedInputDefeatsTheFastPath(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	docs := copyDocs(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", out, "-pkg", "seed", docs}, &stdout, &stderr); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr.String())
	}
	editPage(t, filepath.Join(docs, "resources", "mimecontent.md"), "The content bytes.", "The bytes of the content.")
	before := pipelineRuns.Load()
	if code := run([]string{"-out", out, "-pkg", "seed", docs}, &stdout, &stderr); code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, stderr.String())
	}
	if pipelineRuns.Load() == before {
		t.Fatalf("a changed page did not rerun the pipeline")
	}
	got, err := os.ReadFile(filepath.Join(out, "models_m.go"))
	if err != nil || !bytes.Contains(got, []byte("The bytes of the content.")) {
		t.Errorf("models_m.go does not carry the edited description (err %v)", err)
	}
}

// TestFormatCacheReusesOnlyMatchingFiles: after a page changes, the files
// whose generated source did not change are taken from disk instead of being
// formatted again, and the output is byte-identical to a run without the
// cache, including when a file on disk was tampered with.
func TestFormatCacheReusesOnlyMatchingFiles(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	docs := copyDocs(t)
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", out, "-pkg", "seed", docs}, &stdout, &stderr); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr.String())
	}
	stamp := runcache.Read(out, "seed")
	if stamp == nil || len(stamp.Formats) == 0 {
		t.Fatalf("no format entries recorded after a run")
	}
	// A page change forces a full run; a hand-made change of a generated
	// file must not be reused as if it were docs2go's formatting.
	editPage(t, filepath.Join(docs, "resources", "mimecontent.md"), "The content bytes.", "The bytes.")
	server := filepath.Join(out, "server.go")
	orig, _ := os.ReadFile(server)
	if err := os.WriteFile(server, append([]byte("// tampered\n"), orig...), 0o644); err != nil {
		t.Fatal(err)
	}
	c := runcache.NewFormatCache(outdir.OS{}, out, stamp.Formats)
	var mu sync.Mutex // the generator calls it from several goroutines
	var reused []string
	counting := func(path string, src []byte) ([]byte, bool) {
		b, ok := c.Formatted(path, src)
		if ok {
			mu.Lock()
			reused = append(reused, path)
			mu.Unlock()
		}
		return b, ok
	}
	ins, _ := collectInputs([]string{docs})
	srcs, _ := loadPages(ins)
	withCache, err := runPipeline(srcs, "seed", counting, generator.Selection{}, false)
	if err != nil {
		t.Fatal(err)
	}
	without, err := runPipeline(srcs, "seed", nil, generator.Selection{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(reused) == 0 {
		t.Errorf("no file was reused although most generated sources did not change")
	}
	for _, p := range reused {
		if p == "server.go" || p == "models_m.go" {
			t.Errorf("%s reused from disk, but it was tampered with or its source changed", p)
		}
	}
	for i, f := range without.result.Files {
		if !bytes.Equal(f.Content, withCache.result.Files[i].Content) {
			t.Errorf("%s differs between runs with and without the format cache", f.Path)
		}
	}
}

// TestReportAndIR: -report and -ir write the documented JSON shapes.
func TestReportAndIR(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	out := t.TempDir()
	irFile := filepath.Join(t.TempDir(), "ir.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", out, "-pkg", "seed", "-report", "-", "-ir", irFile, "../../docs"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var rep struct {
		Pages     int `json:"pages"`
		Types     int `json:"types"`
		Endpoints []struct {
			File, Kind, Method, Path, Name string
			Line                           int
			Generated                      bool
		} `json:"endpoints"`
		Diagnostics []struct {
			File, Severity, Code, Message string
			Line, Col                     int
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, stdout.String())
	}
	if len(rep.Endpoints) > 0 && rep.Endpoints[0].Kind != "create" {
		t.Errorf("report endpoint kind = %q, want create", rep.Endpoints[0].Kind)
	}
	// docs/: the seed create page, the six other operation pages of its
	// resource, and five resource pages.
	if rep.Pages != 12 || rep.Types != 4 || len(rep.Endpoints) != 7 {
		t.Errorf("report: %d pages, %d types, %d endpoints; want 12, 4, 7", rep.Pages, rep.Types, len(rep.Endpoints))
	}
	if ep := rep.Endpoints[0]; !ep.Generated || ep.Method != "POST" || ep.Name != "CreateAndroidDeviceOwnerEnrollmentProfile" ||
		ep.Path != "/deviceManagement/androidDeviceOwnerEnrollmentProfiles" || ep.Line == 0 ||
		ep.File != "../../docs/api/androiddeviceownerenrollmentprofile-create.md" {
		t.Errorf("report endpoint = %+v", ep)
	}
	if len(rep.Diagnostics) == 0 || rep.Diagnostics[0].Code != "todo-placeholder" || rep.Diagnostics[0].Line == 0 || rep.Diagnostics[0].Col == 0 {
		t.Errorf("report diagnostics = %+v, want the seed's todo-placeholder warnings with positions", rep.Diagnostics)
	}
	data, err := os.ReadFile(irFile)
	if err != nil {
		t.Fatal(err)
	}
	var model struct {
		Pages  []map[string]any `json:"pages"`
		DocSet struct {
			Endpoints []map[string]any
			Types     []map[string]any
		} `json:"docSet"`
	}
	if err := json.Unmarshal(data, &model); err != nil {
		t.Fatalf("-ir output is not JSON: %v", err)
	}
	if len(model.Pages) != 12 || len(model.DocSet.Endpoints) != 7 || len(model.DocSet.Types) == 0 {
		t.Errorf("-ir: %d pages, %d endpoints, %d types", len(model.Pages), len(model.DocSet.Endpoints), len(model.DocSet.Types))
	}
}

// copyDocs copies ../../docs into a temporary folder named docs, for tests
// that edit pages.
func copyDocs(t *testing.T) string {
	t.Helper()
	docs := filepath.Join(t.TempDir(), "docs")
	if err := os.CopyFS(docs, os.DirFS("../../docs")); err != nil {
		t.Fatal(err)
	}
	return docs
}

// editPage replaces old by new in the page at path; old must be there.
func editPage(t *testing.T, path, old, new string) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(src, []byte(old)) {
		t.Fatalf("%s does not contain %q (err %v)", path, old, err)
	}
	if err := os.WriteFile(path, bytes.Replace(src, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReportKinds: -report lists every operation page with its kind, the
// ones that did not become endpoints with the defect's position.
func TestReportKinds(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	docs := "../../parser/link/testdata/ops"
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-out", t.TempDir(), "-pkg", "ops", "-fail-on", "none", "-report", "-", docs}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr.String())
	}
	var rep struct {
		Endpoints []struct {
			File, Kind, Method, Path, Reason string
			Generated                        bool
		} `json:"endpoints"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, stdout.String())
	}
	pages, _ := filepath.Glob(filepath.Join(docs, "api", "*.md"))
	listed := map[string]bool{}
	kinds := map[string]int{}
	for _, ep := range rep.Endpoints {
		listed[filepath.Base(ep.File)] = true
		kinds[ep.Kind]++
		if ep.Kind == "" || ep.Method == "" || ep.Path == "" || !ep.Generated && ep.Reason == "" {
			t.Errorf("report endpoint %+v: want kind, method, path, and a reason when not generated", ep)
		}
		if filepath.Base(ep.File) == "widget-update.md" && (ep.Kind != "update" || !strings.Contains(ep.Reason, "widget-update.md:")) {
			t.Errorf("widget-update.md: %+v, want an update with the defect's position", ep)
		}
	}
	for _, p := range pages {
		if !listed[filepath.Base(p)] {
			t.Errorf("%s: not in the report", p)
		}
	}
	for _, k := range []string{"get", "list", "update", "delete", "action", "function", "put"} {
		if kinds[k] == 0 {
			t.Errorf("no %s endpoint in the report: %v", k, kinds)
		}
	}
}
