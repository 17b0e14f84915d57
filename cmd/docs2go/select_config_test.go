package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/generator"
)

func TestSelectionConfigPositions(t *testing.T) {
	data := []byte("{\n  \"suppress\": [{\"code\": \"x\"}],\n  \"include\": [\"CreateUser\",\n    \"GET /users/{id}\"],\n\t\"exclude\": [\"a\\\"b.md\"]\n}\n")
	cfg, err := parseLintConfig("cfg.json", data)
	if err != nil {
		t.Fatal(err)
	}
	got := func(ps []generator.Pattern) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.Pos.String()+" "+p.Text)
		}
		return out
	}
	want := []string{"cfg.json:3:15 CreateUser", "cfg.json:4:5 GET /users/{id}", "cfg.json:5:14 a\"b.md"}
	if g := append(got(cfg.selection.Include), got(cfg.selection.Exclude)...); strings.Join(g, "|") != strings.Join(want, "|") {
		t.Errorf("patterns %q, want %q", g, want)
	}
	if len(cfg.Suppress) != 1 {
		t.Errorf("suppressions lost: %+v", cfg.Suppress)
	}
}

func TestSelectionConfigErrors(t *testing.T) {
	cases := map[string]string{
		`{"include": "CreateUser"}`:      "cannot unmarshal",
		`{"include": [1]}`:               "cannot unmarshal",
		"{\"exclude\": [\n  \" \"]}":     "cfg.json: exclude: cfg.json:2:3: empty pattern",
		`{"includes": ["CreateUser"]}`:   `unknown field "includes"`,
		`{"include": ["x"]} {"more": 1}`: "unexpected data",
	}
	for data, want := range cases {
		_, err := parseLintConfig("cfg.json", []byte(data))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", data, err, want)
		}
	}
}

func TestUnmatchedPatternFailsAtItsPosition(t *testing.T) {
	cfg := writeConfig(t, filepath.Join(t.TempDir(), "sel.json"), "{\"include\": [\n  \"CreateAndroid*\",\n  \"POST /nowhere\"\n]}\n")
	code, stderr := runDocs(t, "-config", cfg, "-out", t.TempDir(), "-pkg", "seed")
	if want := cfg + `:3:3: include pattern "POST /nowhere" matches no endpoint`; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", code, stderr, want)
	}
	code, stderr = runDocs(t, "-exclude", "Nothing*", "-out", t.TempDir(), "-pkg", "seed")
	if want := `-exclude: exclude pattern "Nothing*" matches no endpoint`; code != 2 || !strings.Contains(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant exit 2 and %q", code, stderr, want)
	}
}

// TestSelectionIsPartOfTheCacheKeyAndCheck: a run with another selection
// writes other files, so it neither takes the fast path nor passes -check.
func TestSelectionIsPartOfTheCacheKeyAndCheck(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	out := t.TempDir()
	endpoints := filepath.Join(out, "endpoints_a.go")
	if code, stderr := runDocs(t, "-out", out, "-pkg", "seed"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	if code, stderr := runDocs(t, "-check", "-exclude", "/deviceManagement/**", "-out", out, "-pkg", "seed"); code != 1 || !strings.Contains(stderr, "endpoints_a.go") {
		t.Errorf("-check with another selection: exit %d, want 1 naming endpoints_a.go\n%s", code, stderr)
	}
	before := pipelineRuns.Load()
	if code, stderr := runDocs(t, "-exclude", "/deviceManagement/**", "-out", out, "-pkg", "seed"); code != 0 {
		t.Fatalf("selected run: exit %d\n%s", code, stderr)
	}
	if pipelineRuns.Load() == before {
		t.Errorf("a run with another selection took the fast path")
	}
	if _, err := os.Stat(endpoints); !os.IsNotExist(err) {
		t.Errorf("endpoints_a.go still there after excluding its endpoints: %v", err)
	}
	before = pipelineRuns.Load()
	if code, stderr := runDocs(t, "-exclude", "/deviceManagement/**", "-out", out, "-pkg", "seed"); code != 0 || pipelineRuns.Load() != before {
		t.Errorf("same selection again: exit %d, pipeline ran again: %v\n%s", code, pipelineRuns.Load() != before, stderr)
	}
	if code, stderr := runDocs(t, "-out", out, "-pkg", "seed"); code != 0 || pipelineRuns.Load() == before {
		t.Errorf("back to no selection: exit %d, fast path taken: %v\n%s", code, pipelineRuns.Load() == before, stderr)
	}
	if _, err := os.Stat(endpoints); err != nil {
		t.Errorf("endpoints_a.go not written back: %v", err)
	}
}
