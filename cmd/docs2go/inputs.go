package main

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/cmd/internal/runcache"
)

// input is one Markdown page to read.
type input struct {
	name    string // doc-set name used in positions and headers, e.g. "docs/api/x-create.md"
	display string // the path as the user can open it from the working directory
}

// collectInputs expands the command-line paths into pages. A directory is
// walked recursively for .md files; a file is taken whatever its extension.
//
// A page's name is its path relative to the argument's parent folder
// ("docs/api/x.md" for the argument "docs" or "../docs"), so generated
// headers and positions do not depend on where docs2go runs from: make
// generate (from the repo root) and go generate (from generated/) must write
// the same bytes.
func collectInputs(args []string) ([]input, error) {
	var ins []input
	seen := map[string]bool{}
	for _, arg := range args {
		found, err := expandArg(arg)
		if err != nil {
			return nil, err
		}
		for _, in := range found {
			if seen[in.name] {
				continue // the same page named twice (overlapping arguments)
			}
			seen[in.name] = true
			ins = append(ins, in)
		}
	}
	slices.SortFunc(ins, func(a, b input) int { return strings.Compare(a.name, b.name) })
	return ins, nil
}

func expandArg(arg string) ([]input, error) {
	info, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	clean := filepath.Clean(arg)
	base := filepath.Base(absOr(clean))
	if !info.IsDir() {
		parent := filepath.Base(filepath.Dir(absOr(clean)))
		return []input{{name: path.Join(parent, filepath.Base(clean)), display: filepath.ToSlash(clean)}}, nil
	}
	var ins []input
	err = filepath.WalkDir(clean, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.EqualFold(filepath.Ext(p), ".md") {
			return nil
		}
		rel, err := filepath.Rel(clean, p)
		if err != nil {
			return err
		}
		ins = append(ins, input{name: path.Join(base, filepath.ToSlash(rel)), display: filepath.ToSlash(p)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", arg, err)
	}
	return ins, nil
}

func absOr(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// statInputs stats every input page for the run cache.
func statInputs(ins []input) ([]runcache.FileStat, bool) {
	return runcache.StatFiles(len(ins), func(i int) string { return ins[i].display }, func(i int) string { return ins[i].name })
}
