package main

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/docs2go/docs2go/generator/apidiff"
	"github.com/google/go-cmp/cmp"
)

// diffFixtures holds the before/after doc sets of package apidiff's tests.
var diffFixtures = filepath.Join("..", "..", "generator", "apidiff", "testdata")

func fixture(name, side string) string { return filepath.Join(diffFixtures, name, side) }

func TestDiffExitStatus(t *testing.T) {
	kindsOld, kindsNew := fixture("kinds", "old"), fixture("kinds", "new")
	noiseOld, noiseNew := fixture("noise", "old"), fixture("noise", "new")
	cases := []struct {
		name string
		args []string
		want int
	}{
		{"breaking changes fail by default", []string{kindsOld, kindsNew}, 1},
		{"fail-on none", []string{"-fail-on", "none", kindsOld, kindsNew}, 0},
		{"fail-on any", []string{"-fail-on", "any", "-format", "json", kindsOld, kindsNew}, 1},
		{"no API change", []string{"-fail-on", "any", noiseOld, noiseNew}, 0},
		{"description edits count for any with -all", []string{"-all", "-fail-on", "any", noiseOld, noiseNew}, 1},
		{"description edits never break", []string{"-all", "-format", "markdown", noiseOld, noiseNew}, 0},
		{"one folder", []string{kindsOld}, 2},
		{"three folders", []string{kindsOld, kindsNew, noiseNew}, 2},
		{"bad format", []string{"-format", "yaml", kindsOld, kindsNew}, 2},
		{"bad fail-on", []string{"-fail-on", "compatible", kindsOld, kindsNew}, 2},
		{"missing folder", []string{kindsOld, filepath.Join(diffFixtures, "absent")}, 2},
		{"unknown flag", []string{"-x", kindsOld, kindsNew}, 2},
		{"help", []string{"-h"}, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if got := run(append([]string{"diff"}, c.args...), &out, &errOut); got != c.want {
				t.Errorf("exit status %d, want %d; stderr:\n%s", got, c.want, errOut.String())
			}
		})
	}
}

// TestDiffJSON checks the command's JSON against the stable contract: the
// keys of every change, and positions named as the user gave the folders.
func TestDiffJSON(t *testing.T) {
	var out, errOut bytes.Buffer
	run([]string{"diff", "-format", "json", "-fail-on", "none", fixture("kinds", "old"), fixture("kinds", "new")}, &out, &errOut)
	var doc struct {
		Changes []map[string]any `json:"changes"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if len(doc.Changes) == 0 {
		t.Fatal("no changes")
	}
	for _, c := range doc.Changes {
		keys := slices.Sorted(maps.Keys(c))
		if diff := cmp.Diff([]string{"change", "class", "detail", "go", "kind", "name", "new", "old"}, keys); diff != "" {
			t.Fatalf("keys of %v (-want +got):\n%s", c, diff)
		}
		for _, side := range []string{"old", "new"} {
			if p, ok := c[side].(map[string]any); ok && !strings.HasPrefix(p["file"].(string), filepath.ToSlash(fixture("kinds", side))) {
				t.Errorf("%s position %v is not under the %s folder as given", side, p, side)
			}
		}
	}
	if !strings.Contains(errOut.String(), "breaking for servers") {
		t.Errorf("stderr lacks the summary: %q", errOut.String())
	}
}

// TestDiffGit compares a folder with its committed revision, read through
// git without a checkout, and expects what comparing two folders gives.
func TestDiffGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed; skipping")
	}
	repo := t.TempDir()
	docs := filepath.Join(repo, "docs")
	copyTree(t, fixture("kinds", "old"), docs)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", ".")
	git("commit", "-q", "-m", "old docs")
	if err := os.RemoveAll(docs); err != nil {
		t.Fatal(err)
	}
	copyTree(t, fixture("kinds", "new"), docs)

	var gitOut, errOut bytes.Buffer
	if status := run([]string{"diff", "-format", "json", "-git", "HEAD", docs}, &gitOut, &errOut); status != 1 {
		t.Fatalf("status %d, want 1; stderr:\n%s", status, errOut.String())
	}
	var folderOut bytes.Buffer
	run([]string{"diff", "-format", "json", fixture("kinds", "old"), fixture("kinds", "new")}, &folderOut, &errOut)
	got, want := changesOf(t, gitOut.Bytes()), changesOf(t, folderOut.Bytes())
	// Only the page names differ: HEAD:<docs>/x.md and <docs>/x.md for
	// the fixture's old/x.md and new/x.md.
	rename := func(p *apidiff.Pos, from, to string) {
		if p != nil {
			p.File = strings.Replace(p.File, from, to, 1)
		}
	}
	for i := range got {
		rename(got[i].Old, "HEAD:"+filepath.ToSlash(docs), filepath.ToSlash(fixture("kinds", "old")))
		rename(got[i].New, filepath.ToSlash(docs), filepath.ToSlash(fixture("kinds", "new")))
		got[i].Detail = strings.ReplaceAll(got[i].Detail, "docs/", "")
	}
	for i := range want {
		for _, side := range []string{"old/", "new/"} {
			want[i].Detail = strings.ReplaceAll(want[i].Detail, side, "")
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("-git HEAD differs from comparing the folders (-folders +git):\n%s", diff)
	}

	if status := run([]string{"diff", "-git", "no-such-revision", docs}, &gitOut, &errOut); status != 2 {
		t.Errorf("unknown revision: status %d, want 2", status)
	}
}

func changesOf(t *testing.T, data []byte) []apidiff.Change {
	t.Helper()
	var doc struct{ Changes []apidiff.Change }
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Changes
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
