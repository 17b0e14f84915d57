package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/docs2go/docs2go/generator/apidiff"
	"github.com/docs2go/docs2go/parser/ir"
	"github.com/docs2go/docs2go/parser/link"
)

// diffOptions are the flags of `docs2go diff`.
type diffOptions struct {
	format string // text, json or markdown
	failOn string // breaking, any or none
	all    bool   // also description-only edits
	gitRev string // compare the working tree's folder with this revision of it
	paths  []string
}

// runDiff is `docs2go diff [flags] OLD NEW` (or `-git REV PATH`): it links
// both versions, compares the Go API the generator derives from them and
// prints the classified changes. Exit status: 1 when a change is at or above
// -fail-on, 0 otherwise, 2 on bad usage or when a version cannot be read.
func runDiff(args []string, stdout, stderr io.Writer) int {
	o, err := parseDiffFlags(args, stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stderr, "docs2go diff: %v\n", err)
		}
		return 2
	}
	oldSide, newSide, err := o.sides()
	if err != nil {
		fmt.Fprintf(stderr, "docs2go diff: %v\n", err)
		return 2
	}
	var versions [2]apidiff.Version
	for i, s := range []docsVersion{oldSide, newSide} {
		ds, _ := link.Link(s.pages)
		if versions[i], err = apidiff.NewVersion(ds); err != nil {
			fmt.Fprintf(stderr, "docs2go diff: %s: %v\n", s.label, err)
			return 2
		}
		versions[i].Pages = s.pages
	}
	changes := apidiff.Compare(versions[0], versions[1], apidiff.Options{All: o.all})
	for i := range changes {
		changes[i].Old = displayPos(changes[i].Old, oldSide.display)
		changes[i].New = displayPos(changes[i].New, newSide.display)
	}
	if err := apidiff.Write(stdout, o.format, changes); err != nil {
		fmt.Fprintf(stderr, "docs2go diff: %v\n", err)
		return 2
	}
	if o.format != "text" {
		fmt.Fprintf(stderr, "docs2go diff: %s\n", apidiff.Summary(changes))
	}
	if failing(changes, o.failOn) {
		return 1
	}
	return 0
}

func parseDiffFlags(args []string, stderr io.Writer) (*diffOptions, error) {
	fs := flag.NewFlagSet("docs2go diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &diffOptions{}
	fs.StringVar(&o.format, "format", "text", "output `format`: text, json or markdown")
	fs.StringVar(&o.failOn, "fail-on", "breaking", "exit 1 on changes of this `class` or worse: breaking (for Go callers or servers), any or none")
	fs.BoolVar(&o.all, "all", false, "also report description-only edits")
	fs.StringVar(&o.gitRev, "git", "", "compare PATH in the working tree with PATH at git `revision`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: docs2go diff [flags] OLD NEW\n       docs2go diff [flags] -git REV PATH\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	o.paths = fs.Args()
	want := 2
	if o.gitRev != "" {
		want = 1
	}
	switch {
	case len(o.paths) != want:
		fs.Usage()
		return nil, fmt.Errorf("want %d docs version folders, got %d", want, len(o.paths))
	case !slices.Contains(apidiff.Formats, o.format):
		return nil, fmt.Errorf("-format %q: want %s", o.format, strings.Join(apidiff.Formats, ", "))
	case o.failOn != "breaking" && o.failOn != "any" && o.failOn != "none":
		return nil, fmt.Errorf("-fail-on %q: want breaking, any or none", o.failOn)
	}
	return o, nil
}

// failing reports whether a change reaches the -fail-on level.
func failing(changes []apidiff.Change, failOn string) bool {
	for _, c := range changes {
		switch failOn {
		case "any":
			return true
		case "breaking":
			if c.Class.AtLeast(apidiff.BreakingServers) {
				return true
			}
		}
	}
	return false
}

// displayPos names a position's page as the user can find it.
func displayPos(p *apidiff.Pos, display func(string) string) *apidiff.Pos {
	if p == nil {
		return nil
	}
	return &apidiff.Pos{File: display(p.File), Line: p.Line}
}

// docsVersion is one side of a comparison: its parsed pages and how to
// show their names.
type docsVersion struct {
	label   string
	pages   []*ir.Page
	display func(string) string
}

// sides reads the two versions the arguments name.
func (o *diffOptions) sides() (oldSide, newSide docsVersion, err error) {
	if o.gitRev != "" {
		if oldSide, err = readGitVersion(o.gitRev, o.paths[0]); err == nil {
			newSide, err = readFolderVersion(o.paths[0])
		}
		return oldSide, newSide, err
	}
	if oldSide, err = readFolderVersion(o.paths[0]); err == nil {
		newSide, err = readFolderVersion(o.paths[1])
	}
	return oldSide, newSide, err
}

// readFolderVersion parses the pages under path as generation does.
func readFolderVersion(path string) (docsVersion, error) {
	ins, err := collectInputs([]string{path})
	if err != nil {
		return docsVersion{}, err
	}
	if len(ins) == 0 {
		return docsVersion{}, fmt.Errorf("%s: no .md pages", path)
	}
	srcs, err := loadPages(ins)
	if err != nil {
		return docsVersion{}, err
	}
	pages, _, _ := collect(srcs)
	return docsVersion{label: path, pages: pages, display: newDisplayNames(ins).of}, nil
}
