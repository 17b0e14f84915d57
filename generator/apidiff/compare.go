package apidiff

import (
	"strings"

	"github.com/docs2go/docs2go/generator"
	"github.com/docs2go/docs2go/parser/ir"
)

// Version is one side of a comparison: a linked doc set and the Go API the
// generator derives from it.
type Version struct {
	DocSet *ir.DocSet
	API    *generator.API
	// Pages, when set, are the version's pages: a create endpoint that
	// disappeared can then say what its page documents now.
	Pages []*ir.Page
}

// NewVersion names ds as the generator would.
func NewVersion(ds *ir.DocSet) (Version, error) {
	api, err := generator.DescribeAPI(ds)
	if err != nil {
		return Version{}, err
	}
	return Version{DocSet: ds, API: api}, nil
}

// Options tune Compare.
type Options struct {
	// All also reports description-only edits (of types, properties, enum
	// members and endpoint titles), which change no API.
	All bool
}

// Compare lists the differences from old to new, sorted by kind, name and
// change. Page positions keep the docs-relative file names of the models.
func Compare(old, new Version, opts Options) []Change {
	d := &differ{old: old, new: new, opts: opts}
	d.compareTypes()
	d.compareEnums()
	d.compareEndpoints()
	sortChanges(d.out)
	return d.out
}

// differ holds one comparison.
type differ struct {
	old, new Version
	opts     Options
	out      []Change
}

func (d *differ) add(c Change) { d.out = append(d.out, c) }

// pos converts a model position; nil when it points nowhere.
func pos(p ir.Pos) *Pos {
	if !p.IsValid() {
		return nil
	}
	return &Pos{File: p.File, Line: p.Line}
}

// firstPos is the first valid position of ps.
func firstPos(ps []ir.Pos) ir.Pos {
	for _, p := range ps {
		if p.IsValid() {
			return p
		}
	}
	return ir.Pos{}
}

// pageKey is a page's path inside its docs version ("api/user-post-users.md"
// from "v1.0/api/user-post-users.md"): the two versions are read from
// folders of any name.
func pageKey(file string) string {
	if i := strings.IndexByte(file, '/'); i >= 0 {
		return strings.ToLower(file[i+1:])
	}
	return strings.ToLower(file)
}

// sameText compares descriptions as a reader would: case, spacing and
// markup-free punctuation at the ends do not count.
func sameText(a, b string) bool {
	return normText(a) == normText(b)
}

func normText(s string) string {
	return strings.ToLower(strings.Trim(strings.Join(strings.Fields(s), " "), " ."))
}
