package generator

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/dave/jennifer/jen"
)

// An output file (models_a.go, endpoints_d_test.go, server.go, ...) is
// built and rendered unit by unit rather than as one jen.File: jen's
// File.Render renders a whole file into fresh, doubling buffers (a tenth
// of a run's allocations, megabytes each, page-faulting on first touch),
// and the biggest files were built and rendered by one goroutine while the
// other cores waited. Each unit is rendered through its own small
// jen.File, whose package clause and import block are cut off; batches of
// units are built on every core and the file is put together as jen would
// have rendered it: the header comment, the package clause, the sorted
// union of the imports, then the units' declarations, a blank line apart.
// Anything unexpected in a unit's header (an import alias, a name two
// imports share, cgo) makes the file fall back to being built and
// rendered whole.

// unitsPerBatch is how many units one goroutine builds and renders: a few
// hundred kilobytes of source, enough to spread a big file over the cores
// without a goroutine per declaration.
const unitsPerBatch = 24

// unitSeparator is what jen renders between two units of a file: the
// newline it puts before every top-level item, then the f.Line() that
// buildGrouped adds between units.
const unitSeparator = "\n\n"

// batchBuffers holds the buffers batches render into, reused from file to
// file so that they stay warm instead of growing fresh for every file.
var batchBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// unitBatch is what one batch of units rendered to.
type unitBatch struct {
	buf     *bytes.Buffer // the units' declarations, unitSeparator apart
	imports []string      // import paths the units use, sorted, unique
	sources []string      // pages the units were built from
	ok      bool          // every unit's header was as expected
	err     error
}

// renderGrouped builds and renders the units of one file, in batches on
// every core (perBatch units a goroutine), and writes the file's
// unformatted source to dst: the bytes of buildGrouped's jen.File with the
// same header (see buildGrouped). It returns the pages the file was built
// from; ok is false (and dst unspecified) when a unit's header is not one
// it can merge.
func (em emitter) renderGrouped(us []unit, perBatch int, header string, dst *bytes.Buffer) (sources []string, ok bool, err error) {
	batches := make([]unitBatch, (len(us)+perBatch-1)/perBatch)
	defer func() {
		for _, b := range batches {
			if b.buf != nil {
				batchBuffers.Put(b.buf)
			}
		}
	}()
	var wg sync.WaitGroup
	for i := range batches {
		lo, hi := i*perBatch, min((i+1)*perBatch, len(us))
		if i == len(batches)-1 {
			batches[i] = em.renderBatch(us[lo:hi])
			break
		}
		wg.Go(func() { batches[i] = em.renderBatch(us[lo:hi]) })
	}
	wg.Wait()
	var imports []string
	for _, b := range batches {
		if b.err != nil {
			return nil, false, b.err
		}
		if !b.ok {
			return nil, false, nil
		}
		imports = append(imports, b.imports...)
		sources = append(sources, b.sources...)
	}
	slices.Sort(imports)
	imports = slices.Compact(imports)
	if !distinctNames(imports) {
		return nil, false, nil
	}
	sources = pagesOf(sources)
	dst.Reset()
	if err := writeFileHead(dst, em.pkg, cmp.Or(header, fileHeader(sources)), imports); err != nil {
		return nil, false, err
	}
	for i, b := range batches {
		if i > 0 {
			dst.WriteString(unitSeparator)
		}
		dst.Write(b.buf.Bytes())
	}
	return sources, true, nil
}

// renderBatch builds and renders units one after the other, each through
// a scratch buffer, and writes their declarations, example bodies in
// place of their markers, into a pooled buffer. A panic becomes the
// batch's error, as runJob makes it for a whole file: it runs on a
// goroutine of its own.
func (em emitter) renderBatch(us []unit) (b unitBatch) {
	b.buf = batchBuffers.Get().(*bytes.Buffer)
	b.buf.Reset()
	scratch := batchBuffers.Get().(*bytes.Buffer)
	defer batchBuffers.Put(scratch)
	defer func() {
		if p := recover(); p != nil {
			b.err = fmt.Errorf("generator: internal error: %v", p)
		}
	}()
	seen := map[string]bool{}
	em.raw = new(rawBodies)
	for i, u := range us {
		if i > 0 {
			b.buf.WriteString(unitSeparator)
		}
		f := jen.NewFile(em.pkg)
		f.NoFormat = true
		em.raw.bodies = em.raw.bodies[:0]
		b.sources = append(b.sources, u.emit(em, f)...)
		scratch.Reset()
		if err := f.Render(scratch); err != nil {
			b.err = fmt.Errorf("generator: render %s (built from %s): %w", u.file, u.pos, err)
			return b
		}
		body, imports, ok := splitHead(scratch.Bytes(), em.pkg)
		if !ok || !writeRaw(b.buf, body, em.raw.bodies) {
			return b
		}
		for _, p := range imports {
			if !seen[string(p)] {
				seen[string(p)] = true
				b.imports = append(b.imports, string(p))
			}
		}
	}
	slices.Sort(b.imports)
	b.ok = true
	return b
}

// rawBodies are the raw string literals of a unit, in the order emitted.
type rawBodies struct {
	bodies [][]byte
}

// marker records body and returns the text that stands for it: a NUL
// byte, which jen renders nowhere else (string literals escape it,
// comments and bodies holding one are not raw), its index, a NUL byte.
func (r *rawBodies) marker(body []byte) string {
	r.bodies = append(r.bodies, body)
	return "\x00" + strconv.Itoa(len(r.bodies)-1) + "\x00"
}

// writeRaw writes src to dst with each marker replaced by its body as a
// raw string literal. It reports false when src's markers are not those
// of bodies, each once and in order (the file is then rendered whole,
// without markers).
func writeRaw(dst *bytes.Buffer, src []byte, bodies [][]byte) bool {
	for n := 0; ; n++ {
		k := bytes.IndexByte(src, 0)
		if k < 0 {
			dst.Write(src)
			return n == len(bodies)
		}
		end := bytes.IndexByte(src[k+1:], 0)
		if end < 0 || n >= len(bodies) || string(src[k+1:k+1+end]) != strconv.Itoa(n) {
			return false
		}
		dst.Write(src[:k])
		dst.WriteByte('`')
		dst.Write(bodies[n])
		dst.WriteByte('`')
		src = src[k+1+end+1:]
	}
}

// splitHead cuts the package clause and the import block off src, a file
// jen rendered with no header comment, and returns the rest and the
// imported paths (which alias src). ok is false when the head is not one
// jen renders for unaliased imports: an alias, a dot or blank import, cgo.
func splitHead(src []byte, pkg string) (body []byte, imports [][]byte, ok bool) {
	rest, ok := bytes.CutPrefix(src, []byte("package "+pkg+"\n\n"))
	if !ok {
		return nil, nil, false
	}
	if block, ok := bytes.CutPrefix(rest, []byte("import (\n")); ok {
		end := bytes.Index(block, []byte(")\n\n"))
		if end < 0 {
			return nil, nil, false
		}
		for line := range bytes.Lines(block[:end]) {
			p, ok := importPath(bytes.TrimSuffix(line, []byte("\n")))
			if !ok {
				return nil, nil, false
			}
			imports = append(imports, p)
		}
		rest = block[end+len(")\n\n"):]
	} else if line, ok := bytes.CutPrefix(rest, []byte("import ")); ok {
		end := bytes.Index(line, []byte("\n\n"))
		if end < 0 {
			return nil, nil, false
		}
		p, ok := importPath(line[:end])
		if !ok {
			return nil, nil, false
		}
		imports = append(imports, p)
		rest = line[end+len("\n\n"):]
	}
	// jen renders a newline before every top-level item.
	if len(rest) > 0 && rest[0] != '\n' {
		return nil, nil, false
	}
	return rest, imports, true
}

// importPath is the path of an import spec jen rendered as a plain
// quoted path (strconv.Quote of a path needing no escape), or false for
// anything else: an alias, an escape, the "C" pseudo-package.
func importPath(spec []byte) ([]byte, bool) {
	if len(spec) < 3 || spec[0] != '"' || spec[len(spec)-1] != '"' {
		return nil, false
	}
	p := spec[1 : len(spec)-1]
	if bytes.ContainsAny(p, "\"\\ ") || string(p) == "C" {
		return nil, false
	}
	return p, true
}

// distinctNames reports whether no two of the import paths are imported
// under the same package name: jen would give the second an alias in a
// file holding both, and name it differently in the code.
func distinctNames(paths []string) bool {
	names := make(map[string]bool, len(paths))
	for _, p := range paths {
		n := packageName(p)
		if names[n] {
			return false
		}
		names[n] = true
	}
	return true
}

// packageName is the name an unaliased import path is known by: its last
// element, or the one before a major version suffix ("math/rand/v2").
func packageName(path string) string {
	elems := strings.Split(path, "/")
	n := elems[len(elems)-1]
	if len(elems) > 1 && len(n) > 1 && n[0] == 'v' && strings.Trim(n[1:], "0123456789") == "" {
		n = elems[len(elems)-2]
	}
	return n
}

// writeFileHead writes what jen renders before a file's first
// declaration: the header comment, the package clause, then the import
// block of the sorted, unaliased paths.
func writeFileHead(dst *bytes.Buffer, pkg, header string, imports []string) error {
	f := jen.NewFile(pkg)
	f.NoFormat = true
	f.HeaderComment(header)
	if err := f.Render(dst); err != nil {
		return err
	}
	switch len(imports) {
	case 0:
	case 1:
		fmt.Fprintf(dst, "import %q\n\n", imports[0])
	default:
		dst.WriteString("import (\n")
		for _, p := range imports {
			fmt.Fprintf(dst, "%q\n", p)
		}
		dst.WriteString(")\n\n")
	}
	return nil
}

// pagesOf sorts the pages a file was built from and drops duplicates and
// empty names.
func pagesOf(sources []string) []string {
	sources = slices.DeleteFunc(sources, func(s string) bool { return s == "" })
	slices.Sort(sources)
	return slices.Compact(sources)
}

// fileHeader is the header comment of a file built from sources: it names
// the page when a single page produced it.
func fileHeader(sources []string) string {
	if len(sources) == 1 {
		return pageHeader(sources[0])
	}
	return pageHeader("")
}
