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
// other cores waited. Batches of units are built on every core, each
// into a jen.File of its own whose package clause and import block are
// cut off, and the file is put together as jen would have rendered it:
// the header comment, the package clause, the sorted union of the
// imports, then the batches' declarations, a blank line apart. Anything
// unexpected in a batch's header (an import alias, a name two imports
// share, cgo) makes the file fall back to being built and rendered whole.

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
	bufs    [2]*bytes.Buffer // pooled buffers that body is in
	body    []byte           // the units' declarations, unitSeparator apart
	imports []string         // import paths the units use, sorted, unique
	sources []string         // pages the units were built from
	ok      bool             // every unit's header was as expected
	err     error
}

// release returns the batch's buffers to the pool.
func (b *unitBatch) release() {
	for _, buf := range b.bufs {
		if buf != nil {
			batchBuffers.Put(buf)
		}
	}
}

// renderGrouped builds and renders the units of one file, in batches on
// every core (perBatch units a goroutine), and writes the file's
// unformatted source to dst: the bytes of buildGrouped's jen.File with the
// same header (see buildGrouped). It returns the pages the file was built
// from and the offsets in dst where the batches' declarations start
// (cuts for formatChunked); ok is false (and dst unspecified) when a
// unit's header is not one it can merge.
func (em emitter) renderGrouped(us []unit, perBatch int, header string, dst *bytes.Buffer) (sources []string, cuts []int, ok bool, err error) {
	batches := make([]unitBatch, (len(us)+perBatch-1)/perBatch)
	defer func() {
		for i := range batches {
			batches[i].release()
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
	size := 0
	for _, b := range batches {
		if b.err != nil {
			return nil, nil, false, b.err
		}
		if !b.ok {
			return nil, nil, false, nil
		}
		imports = append(imports, b.imports...)
		sources = append(sources, b.sources...)
		size += len(unitSeparator) + len(b.body)
	}
	slices.Sort(imports)
	imports = slices.Compact(imports)
	if !distinctNames(imports) {
		return nil, nil, false, nil
	}
	sources = pagesOf(sources)
	dst.Reset()
	if err := writeFileHead(dst, em.pkg, cmp.Or(header, fileHeader(sources)), imports); err != nil {
		return nil, nil, false, err
	}
	dst.Grow(size)
	cuts = make([]int, 0, len(batches))
	for i, b := range batches {
		if i > 0 {
			dst.WriteString(unitSeparator)
		}
		// A batch's body starts with the newline jen puts before every
		// top-level item.
		cuts = append(cuts, dst.Len()+1)
		dst.Write(b.body)
	}
	return sources, cuts, true, nil
}

// renderBatch builds units into one jen.File, a line apart as
// buildGrouped builds them, renders it into a pooled buffer and cuts off
// its package clause and imports; example bodies are written in place of
// their markers into a second buffer. A panic becomes the batch's error,
// as runJob makes it for a whole file: it runs on a goroutine of its own.
func (em emitter) renderBatch(us []unit) (b unitBatch) {
	defer func() {
		if p := recover(); p != nil {
			b.err = fmt.Errorf("generator: internal error: %v", p)
		}
	}()
	em.raw = new(rawBodies)
	f := jen.NewFile(em.pkg)
	f.NoFormat = true
	for i, u := range us {
		if i > 0 {
			f.Line()
		}
		b.sources = append(b.sources, u.emit(em, f)...)
	}
	rendered := b.buffer(0)
	if err := f.Render(rendered); err != nil {
		b.err = fmt.Errorf("generator: render %s (built from %s): %w", us[0].file, us[0].pos, err)
		return b
	}
	body, imports, ok := splitHead(rendered.Bytes(), em.pkg)
	if !ok {
		return b
	}
	b.body = body
	if len(em.raw.bodies) > 0 || bytes.IndexByte(body, 0) >= 0 {
		out := b.buffer(1)
		if !writeRaw(out, body, em.raw.bodies) {
			return b
		}
		b.body = out.Bytes()
	}
	for _, p := range imports {
		b.imports = append(b.imports, string(p))
	}
	b.ok = true
	return b
}

// buffer returns the batch's i-th buffer, empty, from the pool.
func (b *unitBatch) buffer(i int) *bytes.Buffer {
	if b.bufs[i] == nil {
		b.bufs[i] = batchBuffers.Get().(*bytes.Buffer)
	}
	b.bufs[i].Reset()
	return b.bufs[i]
}

// rawBodies are the texts a batch's units left out of jen: raw string
// literals and comments, in the order emitted.
type rawBodies struct {
	bodies []rawText
}

// rawText is a raw string literal's body, or text written as it is.
type rawText struct {
	body  []byte
	text  string
	quote bool // body, between back quotes
}

// marker records body and returns the text that stands for it: a NUL
// byte, which jen renders nowhere else (string literals escape it,
// comments and bodies holding one are not raw), its index, a NUL byte.
func (r *rawBodies) marker(body []byte) string {
	r.bodies = append(r.bodies, rawText{body: body, quote: true})
	return r.next()
}

// textMarker is marker for text written as it is.
func (r *rawBodies) textMarker(text string) string {
	r.bodies = append(r.bodies, rawText{text: text})
	return r.next()
}

// next is the marker of the last text recorded.
func (r *rawBodies) next() string {
	return "\x00" + strconv.Itoa(len(r.bodies)-1) + "\x00"
}

// writeRaw writes src to dst with each marker replaced by its text: a
// body as a raw string literal. It reports false when src's markers are
// not those of bodies, each once and in order (the file is then
// rendered whole, without markers).
func writeRaw(dst *bytes.Buffer, src []byte, bodies []rawText) bool {
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
		if b := bodies[n]; b.quote {
			dst.WriteByte('`')
			dst.Write(b.body)
			dst.WriteByte('`')
		} else {
			dst.WriteString(b.text)
		}
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
