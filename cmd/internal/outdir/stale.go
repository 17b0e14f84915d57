package outdir

import (
	"bytes"
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// removeStale deletes the files the previous run generated that this run
// does not produce, then the folders below dir they leave empty.
func removeStale(fsys FS, dir string, files []File, old *Manifest) error {
	keep := make(map[string]bool, len(files))
	for _, f := range files {
		keep[f.Path] = true
	}
	var folders []string
	for _, rel := range Stale(fsys, dir, keep, old) {
		if err := fsys.Remove(filepath.Join(dir, filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			folders = append(folders, d)
		}
	}
	// Deepest first; a folder that still holds anything (a hand-written
	// file, a kept output) fails to go, which is what we want.
	slices.SortFunc(folders, func(a, b string) int {
		return cmp.Or(-cmp.Compare(strings.Count(a, "/"), strings.Count(b, "/")), cmp.Compare(a, b))
	})
	for _, d := range slices.Compact(folders) {
		_ = fsys.Remove(filepath.Join(dir, filepath.FromSlash(d)))
	}
	return nil
}

// Stale lists, sorted, the files of dir that docs2go generated before
// and would not generate now: those in the old manifest, and Go files with
// the docs2go header.
func Stale(fsys FS, dir string, keep map[string]bool, old *Manifest) []string {
	var stale []string
	for _, f := range old.Files {
		if !keep[f.Path] && CheckPaths([]File{{Path: f.Path}}) == nil {
			stale = append(stale, f.Path)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || keep[name] || !strings.HasSuffix(name, ".go") {
			continue
		}
		if data, err := fsys.ReadFile(filepath.Join(dir, name)); err == nil && isGenerated(data) {
			stale = append(stale, name)
		}
	}
	slices.Sort(stale)
	return slices.Compact(stale)
}

// Check compares dir with what a run would write and returns the
// differing paths (missing, changed or stale), sorted.
func Check(fsys FS, dir string, files []File, old *Manifest) []string {
	var diff []string
	keep := make(map[string]bool, len(files))
	for _, f := range files {
		keep[f.Path] = true
		cur, err := fsys.ReadFile(filepath.Join(dir, filepath.FromSlash(f.Path)))
		if err != nil || !bytes.Equal(cur, f.Content) {
			diff = append(diff, f.Path)
		}
	}
	diff = append(diff, Stale(fsys, dir, keep, old)...)
	slices.Sort(diff)
	return slices.Compact(diff)
}
