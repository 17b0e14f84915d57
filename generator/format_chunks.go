package generator

import (
	"bytes"
	"go/format"
	"slices"
	"sync"

	"github.com/docs2go/docs2go/generator/internal/gofast"
)

// go/format was a third of a run's CPU, and a multi-megabyte file
// (server.go, the endpoints and their tests) formatted in one call ran
// alone on one core at the end of a run. gofmt prints a top-level
// declaration the same whatever its neighbours: only the blank lines
// between declarations and the import block depend on the file. So a file
// is cut between its top-level declarations, each is printed by gofast
// (go/printer's rules for the code docs2go emits, several times faster;
// go/format for anything else), in batches on every core, and the pieces
// are joined with the blank line gofmt puts there.

// batchSize is about how many bytes of unformatted source one goroutine
// formats: enough to spread a big file over every core without a
// goroutine per declaration.
const batchSize = 64 << 10

// splitTopLevel cuts src at its top-level declaration boundaries: where
// two blank lines end and a line starts at depth zero outside any string
// or comment. gofmt prints one blank line there (two or more blank lines
// in the source become one), so the formatted pieces join with one blank
// line between them. The first piece holds the package clause and the
// imports.
func splitTopLevel(src []byte) [][]byte {
	var chunks [][]byte
	start, depth := 0, 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '"', '\'':
			i = skipQuoted(src, i, c)
		case '`':
			if j := bytes.IndexByte(src[i+1:], '`'); j >= 0 {
				i += 1 + j
			} else {
				i = len(src)
			}
		case '/':
			i = skipComment(src, i)
		case '{', '(', '[':
			depth++
		case '}', ')', ']':
			depth--
		case '\n':
			if depth == 0 && i >= 2 && src[i-1] == '\n' && src[i-2] == '\n' &&
				i+1 < len(src) && src[i+1] != '\n' && src[i+1] != ' ' && src[i+1] != '\t' {
				chunks = append(chunks, src[start:i+1])
				start = i + 1
			}
		}
	}
	return append(chunks, src[start:])
}

// skipQuoted returns the index of the quote closing the string or rune
// literal opened at i, or of the end of its line when it is not closed.
func skipQuoted(src []byte, i int, quote byte) int {
	for i++; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case quote, '\n':
			return i
		}
	}
	return i
}

// skipComment returns the index of the last byte of the comment starting
// at i (before the newline ending a line comment), or i when no comment
// starts there.
func skipComment(src []byte, i int) int {
	if i+1 >= len(src) {
		return i
	}
	switch src[i+1] {
	case '/':
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			return i + j - 1
		}
		return len(src)
	case '*':
		if j := bytes.Index(src[i+2:], []byte("*/")); j >= 0 {
			return i + 2 + j + 1
		}
		return len(src)
	}
	return i
}

// formatted is a file formatted declaration by declaration.
type formatted struct {
	content   []byte
	decls     int // declaration pieces
	fast      int // of which gofast printed
	fastBytes int // their source's size
	formatted bool
}

// formatChunked formats src like format.Source: its head (package clause
// and imports) with go/format, then its declarations with gofast. The
// pieces are cut at cuts, offsets where top-level declarations start
// after two blank lines (the renderer knows where its batches start),
// or, when cuts do not fit src, between every top-level declaration.
// They are formatted in batches of about size bytes on every core.
// formatted is false when a piece is not whole declarations (the caller
// then formats the whole file, which also gives the error message a
// whole-file format would).
func formatChunked(src []byte, cuts []int, size int) formatted {
	pieces := piecesAt(src, cuts)
	if pieces == nil {
		pieces = splitTopLevel(src)
	}
	outs := make([][]byte, len(pieces))
	fast := make([]bool, len(pieces))
	errs := make([]error, len(pieces))
	var bufs []*[]byte // one per batch, back to the pool once joined
	format1 := func(from, to int, buf *[]byte) {
		// The batch's declarations are appended to one buffer, about
		// the size of their source.
		n := 0
		for _, p := range pieces[from:to] {
			n += len(p)
		}
		out := slices.Grow((*buf)[:0], n+n/8)
		for i := from; i < to; i++ {
			if i == 0 {
				outs[0], errs[0] = format.Source(pieces[0])
				continue
			}
			start := len(out)
			out, fast[i], errs[i] = formatDecls(out, pieces[i])
			outs[i] = out[start:len(out):len(out)]
		}
		*buf = out
	}
	var wg sync.WaitGroup
	from, n := 0, 0
	for i, p := range pieces {
		n += len(p)
		if n >= size && i+1 < len(pieces) {
			lo, hi, buf := from, i+1, formatBuffers.Get().(*[]byte)
			bufs = append(bufs, buf)
			wg.Go(func() { format1(lo, hi, buf) })
			from, n = i+1, 0
		}
	}
	buf := formatBuffers.Get().(*[]byte)
	bufs = append(bufs, buf)
	format1(from, len(pieces), buf)
	wg.Wait()
	defer func() {
		for _, b := range bufs {
			formatBuffers.Put(b)
		}
	}()
	f := formatted{decls: len(pieces) - 1}
	total := 0
	for i, o := range outs {
		if errs[i] != nil {
			return formatted{}
		}
		if fast[i] {
			f.fast++
			f.fastBytes += len(pieces[i])
		}
		total += 1 + len(o)
	}
	f.content = make([]byte, 0, total)
	for i, o := range outs {
		if i > 0 {
			f.content = append(f.content, '\n')
		}
		f.content = append(f.content, o...)
	}
	f.formatted = true
	return f
}

// piecesAt cuts src at cuts, or returns nil when a cut is not where
// splitTopLevel may cut: after two blank lines, before a line that starts
// with neither a blank nor a space.
func piecesAt(src []byte, cuts []int) [][]byte {
	if len(cuts) == 0 {
		return nil
	}
	pieces := make([][]byte, 0, len(cuts)+1)
	start := 0
	for _, c := range cuts {
		if c <= start+2 || c >= len(src) || string(src[c-3:c]) != "\n\n\n" {
			return nil
		}
		if b := src[c]; b == '\n' || b == ' ' || b == '\t' {
			return nil
		}
		pieces = append(pieces, src[start:c])
		start = c
	}
	return append(pieces, src[start:])
}

// formatDecls appends src, whole top-level declarations, formatted: by
// gofast in one piece where it can, else cut between the declarations,
// so that go/format prints only those gofast does not. fast says whether
// gofast printed every one.
func formatDecls(dst, src []byte) (out []byte, fast bool, err error) {
	if out, ok := gofast.AppendFast(dst, src); ok {
		return out, true, nil
	}
	fast = true
	for i, decl := range splitTopLevel(src) {
		if i > 0 {
			dst = append(dst, '\n') // the blank line between them
		}
		var f bool
		if dst, f, err = gofast.AppendDecl(dst, decl); err != nil {
			return dst, false, err
		}
		fast = fast && f
	}
	return dst, fast, nil
}

// formatBuffers holds the buffers batches of declarations are formatted
// into before they are joined, reused from file to file.
var formatBuffers = sync.Pool{New: func() any { return new([]byte) }}
