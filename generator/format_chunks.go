package generator

import (
	"bytes"
	"go/format"
	"sync"
)

// Formatting a multi-megabyte file (server.go, the endpoints and their
// tests) as one go/format call left it running alone on one core at the
// end of a run, growing multi-megabyte buffers. gofmt prints a top-level
// declaration the same whatever its neighbours: only the blank lines
// between declarations and the import block depend on the file. So a big
// file is cut, between top-level declarations, into chunks formatted on
// every core and joined with the blank line gofmt puts there.

// chunkSize is about how many bytes of unformatted source a chunk holds:
// small enough to spread one big file over every core, large enough that
// the cost of a go/format call per chunk does not show.
const chunkSize = 64 << 10

// chunkPrefix heads every chunk but the first, which holds the file's own
// package clause and imports.
const chunkPrefix = "package p\n\n"

// splitTopLevel cuts src into chunks of about size bytes at top-level
// declaration boundaries: where two blank lines end and a line starts at
// depth zero outside any string or comment. gofmt prints one blank line
// there (two or more blank lines in the source become one), so the
// formatted chunks join with one blank line between them. A file without
// such places stays one chunk.
func splitTopLevel(src []byte, size int) [][]byte {
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
			if depth == 0 && i+1-start >= size && i >= 2 && src[i-1] == '\n' && src[i-2] == '\n' &&
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

// formatChunked formats src like format.Source, cutting it into chunks
// formatted in parallel when it is big. ok is false when a chunk does not
// format as expected: the caller then formats the whole file, which also
// gives the error message a whole-file format would.
func formatChunked(src []byte, size int) (out []byte, ok bool) {
	chunks := splitTopLevel(src, size)
	if len(chunks) == 1 {
		return nil, false
	}
	outs := make([][]byte, len(chunks))
	errs := make([]bool, len(chunks))
	var wg sync.WaitGroup
	for i := 1; i < len(chunks); i++ {
		wg.Go(func() { outs[i], errs[i] = formatChunk(chunks[i]) })
	}
	first, err := format.Source(chunks[0])
	wg.Wait()
	if err != nil {
		return nil, false
	}
	n := len(first)
	for i, o := range outs[1:] {
		if errs[i+1] {
			return nil, false
		}
		n += 1 + len(o)
	}
	out = make([]byte, 0, n)
	out = append(out, first...)
	for _, o := range outs[1:] {
		out = append(out, '\n')
		out = append(out, o...)
	}
	return out, true
}

// formatChunk formats a chunk holding top-level declarations only, and
// reports failure when it does not format or gofmt printed the package
// clause differently from how the chunk was headed.
func formatChunk(chunk []byte) (out []byte, failed bool) {
	src := make([]byte, 0, len(chunkPrefix)+len(chunk))
	src = append(append(src, chunkPrefix...), chunk...)
	f, err := format.Source(src)
	if err != nil || !bytes.HasPrefix(f, []byte(chunkPrefix)) {
		return nil, true
	}
	return f[len(chunkPrefix):], false
}
